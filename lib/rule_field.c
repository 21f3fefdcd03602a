/*
 * rule_field: one -F or -C argument into a rule field.
 *
 * "-F name OP value" goes through the same steps the reference takes, in
 * its order, because the first failing step decides the message: split at
 * the operator, look the name up, check the field against the rule's list
 * and its operator against the field, then read the value the way the
 * field's kind wants. What is allowed where is the table below, one row
 * per field, taken from the reference's observable behaviour (fields the
 * kernel refuses but auditctl lets through, like path!=, are not checked
 * here: the kernel's answer is the caller's to report).
 *
 * Numbers follow the reference's strtol/strtoul reading: base 0 (0x.. hex,
 * 0.. octal), trailing text ignored, wider values cut to 32 bits; whether a
 * leading '-' or a name is accepted depends on the kind.
 */
#include <ctype.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "rule_int.h"

#define L(list) RULE_LIST_BIT(AUDIT_FILTER_##list)
#define ALL_LISTS (L(USER) | L(TASK) | L(EXIT) | L(EXCLUDE) | L(FS))
#define NO_EXCLUDE (ALL_LISTS & ~L(EXCLUDE))
/* Operator values are distinct in their top five bits. */
#define OPBIT(op) (1u << ((uint32_t)(op) >> 27))
#define EQ_NE (OPBIT(AUDIT_EQUAL) | OPBIT(AUDIT_NOT_EQUAL))

#define EXIT_ONLY NULL	/* "<name> can only be used with exit filter list" */
#define EQ_NE_ONLY(name) name " only takes = or != operators"

/* The reference's AF_MAX: saddr_fam values from here on are refused. */
#define RULE_SADDR_FAM_LIMIT 46
#define RULE_UNSET 0xffffffffu

static const struct rule_field_info rule_fields[] = {
	{ AUDIT_PID, RULE_KIND_NUMBER, ALL_LISTS, NULL, 0, NULL },
	{ AUDIT_UID, RULE_KIND_UID, ALL_LISTS, NULL, 0, NULL },
	{ AUDIT_EUID, RULE_KIND_UID, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_SUID, RULE_KIND_UID, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_FSUID, RULE_KIND_UID, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_GID, RULE_KIND_GID, ALL_LISTS, NULL, 0, NULL },
	{ AUDIT_EGID, RULE_KIND_GID, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_SGID, RULE_KIND_GID, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_FSGID, RULE_KIND_GID, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_LOGINUID, RULE_KIND_UID, ALL_LISTS, NULL, 0, NULL },
	{ AUDIT_PERS, RULE_KIND_NUMBER, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_ARCH, RULE_KIND_ARCH, NO_EXCLUDE, NULL,
	  EQ_NE, EQ_NE_ONLY("arch") },
	{ AUDIT_MSGTYPE, RULE_KIND_MSGTYPE, L(EXCLUDE) | L(USER),
	  "msgtype field can only be used with exclude or user filter list",
	  0, NULL },
	{ AUDIT_SUBJ_USER, RULE_KIND_STRING, ALL_LISTS, NULL, 0, NULL },
	{ AUDIT_SUBJ_ROLE, RULE_KIND_STRING, ALL_LISTS, NULL, 0, NULL },
	{ AUDIT_SUBJ_TYPE, RULE_KIND_STRING, ALL_LISTS, NULL, 0, NULL },
	{ AUDIT_SUBJ_SEN, RULE_KIND_STRING, ALL_LISTS, NULL, 0, NULL },
	{ AUDIT_SUBJ_CLR, RULE_KIND_STRING, ALL_LISTS, NULL, 0, NULL },
	{ AUDIT_PPID, RULE_KIND_NUMBER, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_OBJ_USER, RULE_KIND_STRING, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_OBJ_ROLE, RULE_KIND_STRING, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_OBJ_TYPE, RULE_KIND_STRING, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_OBJ_LEV_LOW, RULE_KIND_STRING, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_OBJ_LEV_HIGH, RULE_KIND_STRING, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_SESSIONID, RULE_KIND_SESSION, L(EXIT) | L(USER),
	  "sessionid must be used with exclude, user, or exit filter", 0, NULL },
	{ AUDIT_FSTYPE, RULE_KIND_FSTYPE, L(FS),
	  "fstype field is not valid for the filter",
	  EQ_NE, EQ_NE_ONLY("fstype") },
	{ AUDIT_DEVMAJOR, RULE_KIND_NUMBER, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_DEVMINOR, RULE_KIND_NUMBER, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_INODE, RULE_KIND_INODE, L(EXIT), EXIT_ONLY,
	  EQ_NE, EQ_NE_ONLY("inode") },
	{ AUDIT_EXIT, RULE_KIND_EXIT, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_SUCCESS, RULE_KIND_NUMBER, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_WATCH, RULE_KIND_STRING, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_PERM, RULE_KIND_PERM, L(EXIT), EXIT_ONLY,
	  OPBIT(AUDIT_EQUAL), "perm only takes = operator" },
	{ AUDIT_DIR, RULE_KIND_STRING, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_FILETYPE, RULE_KIND_FILETYPE, L(EXIT), EXIT_ONLY, 0, NULL },
	{ AUDIT_OBJ_UID, RULE_KIND_UID, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_OBJ_GID, RULE_KIND_GID, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_FIELD_COMPARE, RULE_KIND_COMPARE, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_EXE, RULE_KIND_STRING, ALL_LISTS, NULL,
	  EQ_NE, EQ_NE_ONLY("exe") },
	{ AUDIT_SADDR_FAM, RULE_KIND_SADDR_FAM, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_ARG0, RULE_KIND_ARG, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_ARG1, RULE_KIND_ARG, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_ARG2, RULE_KIND_ARG, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_ARG3, RULE_KIND_ARG, NO_EXCLUDE, NULL, 0, NULL },
	{ AUDIT_FILTERKEY, RULE_KIND_KEY, NO_EXCLUDE, NULL, 0, NULL },
};

/* Searched in this order, so that "a!=b" is not read as "a!" = "b". */
static const struct {
	const char *text;
	uint32_t op;
} rule_ops[] = {
	{ "!=", AUDIT_NOT_EQUAL },
	{ ">=", AUDIT_GREATER_THAN_OR_EQUAL },
	{ "<=", AUDIT_LESS_THAN_OR_EQUAL },
	{ "&=", AUDIT_BIT_TEST },
	{ "=", AUDIT_EQUAL },
	{ ">", AUDIT_GREATER_THAN },
	{ "<", AUDIT_LESS_THAN },
	{ "&", AUDIT_BIT_MASK },
};

/* -C pairs: the kernel has one constant per unordered pair of ids. */
static const struct {
	uint32_t compare, left, right;
} rule_compares[] = {
	{ AUDIT_COMPARE_UID_TO_OBJ_UID, AUDIT_UID, AUDIT_OBJ_UID },
	{ AUDIT_COMPARE_GID_TO_OBJ_GID, AUDIT_GID, AUDIT_OBJ_GID },
	{ AUDIT_COMPARE_EUID_TO_OBJ_UID, AUDIT_EUID, AUDIT_OBJ_UID },
	{ AUDIT_COMPARE_EGID_TO_OBJ_GID, AUDIT_EGID, AUDIT_OBJ_GID },
	{ AUDIT_COMPARE_AUID_TO_OBJ_UID, AUDIT_LOGINUID, AUDIT_OBJ_UID },
	{ AUDIT_COMPARE_SUID_TO_OBJ_UID, AUDIT_SUID, AUDIT_OBJ_UID },
	{ AUDIT_COMPARE_SGID_TO_OBJ_GID, AUDIT_SGID, AUDIT_OBJ_GID },
	{ AUDIT_COMPARE_FSUID_TO_OBJ_UID, AUDIT_FSUID, AUDIT_OBJ_UID },
	{ AUDIT_COMPARE_FSGID_TO_OBJ_GID, AUDIT_FSGID, AUDIT_OBJ_GID },
	{ AUDIT_COMPARE_UID_TO_AUID, AUDIT_UID, AUDIT_LOGINUID },
	{ AUDIT_COMPARE_UID_TO_EUID, AUDIT_UID, AUDIT_EUID },
	{ AUDIT_COMPARE_UID_TO_FSUID, AUDIT_UID, AUDIT_FSUID },
	{ AUDIT_COMPARE_UID_TO_SUID, AUDIT_UID, AUDIT_SUID },
	{ AUDIT_COMPARE_AUID_TO_FSUID, AUDIT_LOGINUID, AUDIT_FSUID },
	{ AUDIT_COMPARE_AUID_TO_SUID, AUDIT_LOGINUID, AUDIT_SUID },
	{ AUDIT_COMPARE_AUID_TO_EUID, AUDIT_LOGINUID, AUDIT_EUID },
	{ AUDIT_COMPARE_EUID_TO_SUID, AUDIT_EUID, AUDIT_SUID },
	{ AUDIT_COMPARE_EUID_TO_FSUID, AUDIT_EUID, AUDIT_FSUID },
	{ AUDIT_COMPARE_SUID_TO_FSUID, AUDIT_SUID, AUDIT_FSUID },
	{ AUDIT_COMPARE_GID_TO_EGID, AUDIT_GID, AUDIT_EGID },
	{ AUDIT_COMPARE_GID_TO_FSGID, AUDIT_GID, AUDIT_FSGID },
	{ AUDIT_COMPARE_GID_TO_SGID, AUDIT_GID, AUDIT_SGID },
	{ AUDIT_COMPARE_EGID_TO_FSGID, AUDIT_EGID, AUDIT_FSGID },
	{ AUDIT_COMPARE_EGID_TO_SGID, AUDIT_EGID, AUDIT_SGID },
	{ AUDIT_COMPARE_SGID_TO_FSGID, AUDIT_SGID, AUDIT_FSGID },
};

/* The only file systems the reference names for fstype=. */
static const struct {
	const char *name;
	uint32_t magic;
} rule_fstypes[] = {
	{ "debugfs", 0x64626720 },
	{ "tracefs", 0x74726163 },
};

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

const struct rule_field_info *rule_field_info(uint32_t field)
{
	size_t i;

	for (i = 0; i < N_ELEMS(rule_fields); i++)
		if (rule_fields[i].field == field)
			return &rule_fields[i];
	return NULL;
}

const char *rule_op_text(uint32_t op)
{
	size_t i;

	for (i = 0; i < N_ELEMS(rule_ops); i++)
		if (rule_ops[i].op == op)
			return rule_ops[i].text;
	return NULL;
}

int rule_compare_fields(uint32_t compare, uint32_t *left, uint32_t *right)
{
	size_t i;

	for (i = 0; i < N_ELEMS(rule_compares); i++) {
		if (rule_compares[i].compare == compare) {
			*left = rule_compares[i].left;
			*right = rule_compares[i].right;
			return 0;
		}
	}
	return -1;
}

const char *rule_fstype_name(uint32_t magic)
{
	size_t i;

	for (i = 0; i < N_ELEMS(rule_fstypes); i++)
		if (rule_fstypes[i].magic == magic)
			return rule_fstypes[i].name;
	return NULL;
}

/* Order and letters as -p takes them and listings print them. */
static const struct {
	char letter;
	uint32_t bit;
} rule_perms[] = {
	{ 'r', AUDIT_PERM_READ },
	{ 'w', AUDIT_PERM_WRITE },
	{ 'x', AUDIT_PERM_EXEC },
	{ 'a', AUDIT_PERM_ATTR },
};

void rule_perm_text(uint32_t perm, char out[5])
{
	size_t i, n = 0;

	for (i = 0; i < N_ELEMS(rule_perms); i++)
		if (perm & rule_perms[i].bit)
			out[n++] = rule_perms[i].letter;
	out[n] = '\0';
}

int rule_perm_parse(const char *text, uint32_t *ret)
{
	uint32_t perm = 0;
	size_t i;

	for (; *text; text++) {
		for (i = 0; i < N_ELEMS(rule_perms); i++)
			if (tolower((unsigned char)*text) == rule_perms[i].letter)
				break;
		if (i == N_ELEMS(rule_perms))
			return (unsigned char)*text;
		perm |= rule_perms[i].bit;
	}
	*ret = perm;
	return 0;
}

static bool rule_is_number(const char *v, bool allow_minus)
{
	if (allow_minus && v[0] == '-')
		v++;
	return isdigit((unsigned char)v[0]);
}

/* strtol/strtoul as the reference reads them, cut to the kernel's 32 bits. */
static uint32_t rule_number(const char *v)
{
	if (v[0] == '-')
		return (uint32_t)strtol(v, NULL, 0);
	return (uint32_t)strtoul(v, NULL, 0);
}

/* Every value reader: 0 and *ret, or a failure recorded in r. name is the
 * field as the user spelled it, for messages. */
typedef int rule_value_fn(struct rule *r, const char *name, const char *v,
			  uint32_t *ret);

static int rule_value_number(struct rule *r, const char *name, const char *v,
			     uint32_t *ret)
{
	if (!rule_is_number(v, false))
		return rule_fail(r, "-F value should be number for %s", name);
	*ret = rule_number(v);
	return RULE_OK;
}

/* a0..a3 also take negative numbers. */
static int rule_value_arg(struct rule *r, const char *name, const char *v,
			  uint32_t *ret)
{
	if (!rule_is_number(v, true))
		return rule_fail(r, "-F value should be number for %s", name);
	*ret = rule_number(v);
	return RULE_OK;
}

/* A number (negative too), "unset" or a user name. */
static int rule_value_uid(struct rule *r, const char *name, const char *v,
			  uint32_t *ret)
{
	struct passwd pw, *found = NULL;
	char buf[16384];

	if (rule_is_number(v, true)) {
		*ret = rule_number(v);
		return RULE_OK;
	}
	if (strcmp(v, "unset") == 0) {
		*ret = RULE_UNSET;
		return RULE_OK;
	}
	if (getpwnam_r(v, &pw, buf, sizeof(buf), &found) != 0 || !found)
		return rule_fail(r, "Unknown user: %s", v);
	*ret = found->pw_uid;
	return RULE_OK;
}

/* A number or a group name: no "unset", no '-' (gid=-1 is a group name). */
static int rule_value_gid(struct rule *r, const char *name, const char *v,
			  uint32_t *ret)
{
	struct group gr, *found = NULL;
	char buf[16384];

	if (rule_is_number(v, false)) {
		*ret = rule_number(v);
		return RULE_OK;
	}
	if (getgrnam_r(v, &gr, buf, sizeof(buf), &found) != 0 || !found)
		return rule_fail(r, "Unknown group: %s", v);
	*ret = found->gr_gid;
	return RULE_OK;
}

/* "unset", else whatever strtol makes of it ("abc" is 0). */
static int rule_value_session(struct rule *r, const char *name, const char *v,
			      uint32_t *ret)
{
	*ret = strcmp(v, "unset") == 0 ? RULE_UNSET : rule_number(v);
	return RULE_OK;
}

/* A number, or an errno name with or without a leading '-'. */
static int rule_value_exit(struct rule *r, const char *name, const char *v,
			   uint32_t *ret)
{
	int err;

	if (rule_is_number(v, true)) {
		*ret = rule_number(v);
		return RULE_OK;
	}
	if (table_number_icase(&table_errno, v + (v[0] == '-'), &err) < 0)
		return rule_fail(r, "-F unknown errno - %s", name);
	*ret = v[0] == '-' ? (uint32_t)-err : (uint32_t)err;
	return RULE_OK;
}

static int rule_value_msgtype(struct rule *r, const char *name, const char *v,
			      uint32_t *ret)
{
	int type;

	if (rule_is_number(v, false)) {
		*ret = rule_number(v);
		return RULE_OK;
	}
	if (table_number_icase(&table_msgtype, v, &type) < 0)
		return rule_fail(r, "-F unknown message type - %s", name);
	*ret = (uint32_t)type;
	return RULE_OK;
}

/* Names only: the reference refuses filetype=32768. */
static int rule_value_filetype(struct rule *r, const char *name, const char *v,
			       uint32_t *ret)
{
	int mode;

	if (table_number_icase(&table_ftype, v, &mode) < 0)
		return rule_fail(r, "-F unknown file type -  %s", name);
	*ret = (uint32_t)mode;
	return RULE_OK;
}

static int rule_value_fstype(struct rule *r, const char *name, const char *v,
			     uint32_t *ret)
{
	size_t i;

	for (i = 0; i < N_ELEMS(rule_fstypes); i++) {
		if (strcasecmp(v, rule_fstypes[i].name) == 0) {
			*ret = rule_fstypes[i].magic;
			return RULE_OK;
		}
	}
	/* The reference takes all ones as its own "not found". */
	if (rule_is_number(v, false) && rule_number(v) != RULE_UNSET) {
		*ret = rule_number(v);
		return RULE_OK;
	}
	return rule_fail(r, "file system type is unknown for field: %s", name);
}

static int rule_value_saddr_fam(struct rule *r, const char *name,
				const char *v, uint32_t *ret)
{
	unsigned long fam = strtoul(v, NULL, 0);

	/* No digit check: the reference reads "inet" as family 0. */
	if (fam >= RULE_SADDR_FAM_LIMIT)
		return rule_fail(r, "value is too large for field: %s", name);
	*ret = (uint32_t)fam;
	return RULE_OK;
}

/* b64, b32, a machine name, or an AUDIT_ARCH_* number we have a table for
 * (the reference knows more machines: ppc, s390 ...). */
static int rule_value_arch(struct rule *r, const char *name, const char *v,
			   uint32_t *ret)
{
	enum machine m;

	if (machine_from_name(v, r->host, &m) < 0) {
		m = MACHINE_UNKNOWN;
		if (rule_is_number(v, false))
			m = machine_from_audit_arch(rule_number(v));
		if (m == MACHINE_UNKNOWN)
			return rule_fail(r, "arch elf mapping not found");
	}
	r->arch = m;
	*ret = machine_audit_arch(m);
	return RULE_OK;
}

static int rule_value_perm(struct rule *r, const char *name, const char *v,
			   uint32_t *ret)
{
	if (strlen(v) > 4)
		return rule_fail(r, "String value too long");
	if (rule_perm_parse(v, ret) != 0)
		return rule_fail(r, "Permission can only contain  'rwxa'");
	return RULE_OK;
}

/* Numeric kinds' readers; string and key values are not read here. */
static rule_value_fn *const rule_value_fns[] = {
	[RULE_KIND_NUMBER] = rule_value_number,
	[RULE_KIND_INODE] = rule_value_number,
	[RULE_KIND_UID] = rule_value_uid,
	[RULE_KIND_GID] = rule_value_gid,
	[RULE_KIND_SESSION] = rule_value_session,
	[RULE_KIND_ARG] = rule_value_arg,
	[RULE_KIND_EXIT] = rule_value_exit,
	[RULE_KIND_MSGTYPE] = rule_value_msgtype,
	[RULE_KIND_FILETYPE] = rule_value_filetype,
	[RULE_KIND_FSTYPE] = rule_value_fstype,
	[RULE_KIND_SADDR_FAM] = rule_value_saddr_fam,
	[RULE_KIND_ARCH] = rule_value_arch,
	[RULE_KIND_PERM] = rule_value_perm,
	[RULE_KIND_COMPARE] = rule_value_number,
};

int rule_fail_exclude(struct rule *r)
{
	return rule_fail(r, "Only msgtype, *uid, *gid, pid, and subj* fields "
			 "can be used with exclude filter");
}

/* The list and operator checks of one field, in the reference's order. */
static int rule_field_check(struct rule *r, const struct rule_field_info *info,
			    const char *name, uint32_t op)
{
	if (!(info->lists & RULE_LIST_BIT(r->list))) {
		if (r->list == AUDIT_FILTER_EXCLUDE)
			return rule_fail_exclude(r);
		if (!info->list_err)
			return rule_fail(r, "%s can only be used with exit filter list",
					 name);
		return rule_fail(r, "%s", info->list_err);
	}
	/* arch picks the syscall table, so it must come before any -S. */
	if (info->kind == RULE_KIND_ARCH && r->syscalls_given)
		return rule_fail(r, "arch must be before -S");
	if (info->ops && !(info->ops & OPBIT(op)))
		return rule_fail(r, "%s", info->op_err);
	return RULE_OK;
}

static int rule_field_string(struct rule *r, uint32_t field, uint32_t op,
			     const char *v)
{
	size_t len = strlen(v);

	if (len > RULE_MAX_STRING)
		return rule_fail(r, "String value too long");
	if (field == AUDIT_WATCH || field == AUDIT_DIR || field == AUDIT_EXE)
		r->anchored = true;
	return rule_push_string(r, field, op, v, len);
}

/* -F key=: joins the rule's keys; an empty first one is ignored. Whether the
 * rule may carry a key at all is decided at encode time, as the reference
 * does, so -F key= may come before the -S that allows it. */
static int rule_field_key(struct rule *r, uint32_t op, const char *v)
{
	int ret;

	if (!*v && !r->keylen)
		return RULE_OK;
	if (r->list == AUDIT_FILTER_EXCLUDE)
		return rule_fail_exclude(r);
	ret = rule_key_append(r, v);
	if (ret < 0)
		return ret;
	r->field_key = true;
	r->key_op = op;
	return RULE_OK;
}

/* Split "name OP value" at the first operator by the search order above;
 * text is modified in place. 0, or -1 when there is no operator. */
static int rule_split(char *text, char **name, uint32_t *op, char **value)
{
	size_t i;
	char *at;

	for (i = 0; i < N_ELEMS(rule_ops); i++) {
		at = strstr(text, rule_ops[i].text);
		if (at) {
			*at = '\0';
			*name = text;
			*op = rule_ops[i].op;
			*value = at + strlen(rule_ops[i].text);
			return 0;
		}
	}
	return -1;
}

static int rule_field_lookup(const char *name, const struct rule_field_info **ret)
{
	int field;

	if (table_number_icase(&table_field, name, &field) < 0)
		return -1;
	*ret = rule_field_info((uint32_t)field);
	return *ret ? 0 : -1;
}

static int rule_field_add(struct rule *r, char *name, uint32_t op, char *v)
{
	const struct rule_field_info *info;
	uint32_t value;
	int ret;

	if (strcasecmp(name, "key") == 0)
		return rule_field_key(r, op, v);
	if (!*v)
		return rule_fail(r, "-F missing value after operation for %s", name);
	if (rule_field_lookup(name, &info) < 0)
		return rule_fail(r, "-F unknown field: %s", name);
	ret = rule_field_check(r, info, name, op);
	if (ret < 0)
		return ret;
	if (info->kind == RULE_KIND_STRING)
		return rule_field_string(r, info->field, op, v);
	ret = rule_value_fns[info->kind](r, name, v, &value);
	if (ret < 0)
		return ret;
	/* Like path, dir and exe, these let the rule carry a key. */
	if (info->field == AUDIT_PERM || info->field == AUDIT_FSTYPE)
		r->anchored = true;
	rule_push(r, info->field, op, value);
	return RULE_OK;
}

int rule_add_field(struct rule *r, const char *text)
{
	char *copy, *name, *value;
	uint32_t op;
	int ret;

	r->warning = NULL;
	if (!r->list_given && !r->watch)
		return rule_fail(r, "List must be given before field");
	if (r->nfields >= RULE_MAX_FIELDS)
		return rule_fail(r, "Too many fields in rule: %s", text);
	copy = strdup(text);
	if (!copy)
		return RULE_ENOMEM;
	if (rule_split(copy, &name, &op, &value) < 0)
		ret = rule_fail(r, "-F missing operation for %s", text);
	else if (!*name)
		ret = rule_fail(r, "-F missing field name before operator for %s", name);
	else
		ret = rule_field_add(r, name, op, value);
	free(copy);
	return ret;
}

static int rule_compare_lookup(uint32_t a, uint32_t b, uint32_t *ret)
{
	size_t i;

	for (i = 0; i < N_ELEMS(rule_compares); i++) {
		if ((rule_compares[i].left == a && rule_compares[i].right == b) ||
		    (rule_compares[i].left == b && rule_compares[i].right == a)) {
			*ret = rule_compares[i].compare;
			return 0;
		}
	}
	return -1;
}

static int rule_compare_add(struct rule *r, const char *left, uint32_t op,
			    const char *right)
{
	int lf, rf;
	uint32_t compare;

	if (!*left)
		return rule_fail(r, "-C missing field name before operator for %s", left);
	if (!*right)
		return rule_fail(r, "-C missing value after operation for  %s", left);
	if (table_number_icase(&table_field, left, &lf) < 0)
		return rule_fail(r, "-C unknown field: %s", left);
	if (table_number_icase(&table_field, right, &rf) < 0)
		return rule_fail(r, "-C unknown right hand value for comparison with: %s",
				 left);
	if (!(r->list_given || r->watch) || r->list != AUDIT_FILTER_EXIT)
		return rule_fail(r, "%s can only be used with exit filter list", left);
	if (rule_compare_lookup((uint32_t)lf, (uint32_t)rf, &compare) < 0)
		return rule_fail(r, "-C incompatible comparison %s", left);
	rule_push(r, AUDIT_FIELD_COMPARE, op, compare);
	return RULE_OK;
}

int rule_add_compare(struct rule *r, const char *text)
{
	char *copy, *at;
	uint32_t op = AUDIT_NOT_EQUAL;
	int ret;

	r->warning = NULL;
	if (r->nfields >= RULE_MAX_FIELDS)
		return rule_fail(r, "Too many fields in rule: %s", text);
	copy = strdup(text);
	if (!copy)
		return RULE_ENOMEM;
	at = strstr(copy, "!=");
	if (!at) {
		op = AUDIT_EQUAL;
		at = strchr(copy, '=');
	}
	if (!at) {
		ret = rule_fail(r, "%s only takes = or != operators", text);
	} else {
		*at = '\0';
		ret = rule_compare_add(r, copy, op,
				       at + (op == AUDIT_EQUAL ? 1 : 2));
	}
	free(copy);
	return ret;
}
