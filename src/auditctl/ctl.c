/*
 * ctl: auditctl's hub. ctl_line() reads the options of one command line in
 * order and dispatches each: settings (-b -e -f -r ...) go to ctl_status,
 * rule options (-a -A -d -S -F -C -k -w -W -p) build c->rule, which is
 * sent to the kernel when the line ends, and list, delete-all and status
 * requests run after that, as with the reference. A rules file (-R) feeds
 * each of its lines back through ctl_line().
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "ctl.h"
#include "exitcodes.h"
#include "netlink.h"
#include "rule.h"
#include "status.h"

enum {
	OPT_SIGNAL = 256,
	OPT_LOGINUID_IMMUTABLE,
	OPT_BACKLOG_WAIT_TIME,
	OPT_RESET_LOST,
	OPT_RESET_WAIT_ACTUAL,
	OPT_FORCE,
};

static const char short_options[] = "hicslDvtC:e:f:r:b:a:A:d:S:F:m:R:w:W:k:p:q:";
static const struct option long_options[] = {
	{ "signal", required_argument, NULL, OPT_SIGNAL },
	{ "loginuid-immutable", no_argument, NULL, OPT_LOGINUID_IMMUTABLE },
	{ "backlog_wait_time", required_argument, NULL, OPT_BACKLOG_WAIT_TIME },
	{ "reset-lost", no_argument, NULL, OPT_RESET_LOST },
	{ "reset_backlog_wait_time_actual", no_argument, NULL, OPT_RESET_WAIT_ACTUAL },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ NULL, 0, NULL, 0 },
};

int ctl_netlink(struct ctl *c, struct netlink **ret)
{
	if (!c->nl) {
		int err = c->open_netlink(&c->nl);
		if (err < 0)
			return ctl_kernel_error(c, "Cannot open netlink audit socket", err);
	}
	*ret = c->nl;
	return 0;
}

int ctl_kernel_error(struct ctl *c, const char *what, int err)
{
	if (err == -EPERM || err == -EACCES)
		fprintf(c->err, "%s: permission denied: auditctl needs root or "
			"CAP_AUDIT_CONTROL\n", what);
	else
		fprintf(c->err, "%s (%s)\n", what, netlink_strerror(err));
	return AUDITCTL_EXIT_ERROR;
}

/* -l takes -k KEY and -i, once each. */
static int check_list_args(struct ctl *c, int argc, char **argv)
{
	int keys = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-l") || !strcmp(argv[i], "-i"))
			continue;
		if (strcmp(argv[i], "-k") || i + 1 == argc) {
			fprintf(c->err, "Only -k or -i options are allowed\n");
			return AUDITCTL_EXIT_ERROR;
		}
		keys++;
		i++;
	}
	if (keys > 1) {
		fprintf(c->err, "Wrong number of options for list request\n");
		return AUDITCTL_EXIT_ERROR;
	}
	return 0;
}

/* -s takes -i and nothing else, on either side of it. */
static int check_status_args(struct ctl *c, int argc, char **argv)
{
	if (argc > 3) {
		fprintf(c->err, "Too many options for status command\n");
		return AUDITCTL_EXIT_ERROR;
	}
	if (argc == 3 && strcmp(argv[1], "-i") && strcmp(argv[2], "-i")) {
		fprintf(c->err, "Only -i option is allowed\n");
		return AUDITCTL_EXIT_ERROR;
	}
	return 0;
}

/* The reference names the line of a rules file in its arch warning. */
static void print_warning(struct ctl *c, const char *w)
{
	const char *comma = strchr(w, ',');

	if (c->lineno && comma && strncmp(w, "WARNING - 32/64", 15) == 0)
		fprintf(c->err, "%.*s in line %u%s\n", (int)(comma - w), w,
			c->lineno, comma);
	else
		fprintf(c->err, "%s\n", w);
}

/* After each rule option: say its warning, then judge its result. */
static int rule_step(struct ctl *c, int result)
{
	const char *warning = rule_warning(c->rule);

	if (*warning)
		print_warning(c, warning);
	if (result == 0)
		return 0;
	fprintf(c->err, "%s\n", rule_error(c->rule));
	if (result == RULE_EDEPRECATED) {
		/* Said, and the rule dropped; the line still succeeds. */
		c->drop_rule = true;
		return 0;
	}
	return AUDITCTL_EXIT_ERROR;
}

static int option_rule(struct ctl *c, int opt, const char *arg)
{
	struct rule *r = c->rule;

	switch (opt) {
	case 'a': return rule_step(c, rule_set_list_action(r, RULE_OP_ADD, arg));
	case 'A': return rule_step(c, rule_set_list_action(r, RULE_OP_PREPEND, arg));
	case 'd': return rule_step(c, rule_set_list_action(r, RULE_OP_DELETE, arg));
	case 'S': return rule_step(c, rule_add_syscalls(r, arg));
	case 'F': return rule_step(c, rule_add_field(r, arg));
	case 'C': return rule_step(c, rule_add_compare(r, arg));
	case 'w': return rule_step(c, rule_set_watch(r, RULE_OP_ADD, arg));
	case 'W': return rule_step(c, rule_set_watch(r, RULE_OP_DELETE, arg));
	case 'p': return rule_step(c, rule_set_perm(r, arg));
	case 'k':
		if (c->list || c->delete_all) {
			c->key = arg;
			return 0;
		}
		return rule_step(c, rule_add_key(r, arg));
	}
	return -1;	/* not a rule option */
}

static int option_kernel(struct ctl *c, int opt, const char *arg)
{
	struct netlink *nl;
	int ret;

	switch (opt) {
	case 'b': case 'e': case 'f': case 'r': case OPT_BACKLOG_WAIT_TIME:
		ret = ctl_status_set(c, opt == OPT_BACKLOG_WAIT_TIME ? 'w' : opt, arg);
		if (ret == 0)
			c->print_status = true;
		return ret;
	case OPT_RESET_LOST: return ctl_status_reset_lost(c);
	case OPT_RESET_WAIT_ACTUAL: return ctl_status_reset_wait_actual(c);
	case OPT_LOGINUID_IMMUTABLE: return ctl_status_loginuid_immutable(c);
	case OPT_SIGNAL: return ctl_status_signal(c, arg);
	}
	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	switch (opt) {
	case 'm':
		if (c->argc != 3) {
			fprintf(c->err, "The -m option must be only the only option "
				"and takes 1 parameter\n");
			return AUDITCTL_EXIT_ERROR;
		}
		return ctl_message_send(c, arg);
	case 't':
		ret = status_trim(nl);
		return ret < 0 ? ctl_kernel_error(c, "Error sending trim request", ret) : 0;
	}
	return -1;
}

static int option_equiv(struct ctl *c, char *arg)
{
	struct netlink *nl;
	char *comma = strchr(arg, ',');
	int ret;

	if (!comma || comma == arg || !comma[1]) {
		fprintf(c->err, "Error parsing equivalent parts\n");
		return AUDITCTL_EXIT_ERROR;
	}
	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	*comma = '\0';
	ret = status_make_equiv(nl, arg, comma + 1);
	*comma = ',';
	return ret < 0 ? ctl_kernel_error(c, "Error sending make equivalent request", ret) : 0;
}

static int option_other(struct ctl *c, int opt, char *arg, int argc, char **argv)
{
	switch (opt) {
	case 'h':
		ctl_usage(c->out);
		return AUDITCTL_EXIT_ERROR;
	case 'v':
		fprintf(c->out, "auditctl version %s (auditkit)\n", AUDITKIT_VERSION);
		return 0;
	case 's':
		c->status = true;
		return check_status_args(c, argc, argv);
	case 'l':
		c->list = true;
		return check_list_args(c, argc, argv);
	case 'D': c->delete_all = true; return 0;
	case 'c': c->continue_on_error = true; return 0;
	case 'i':
		/* With -s or -l it means interpret; alone, ignore errors. */
		c->list_interpret = c->status_interpret = true;
		c->ignore_errors = true;
		return 0;
	case OPT_FORCE: c->force = true; return 0;
	case 'q': return option_equiv(c, arg);
	case 'R':
		if (c->in_rules_file) {
			fprintf(c->err, "Error - nested rule files not supported\n");
			return AUDITCTL_EXIT_ERROR;
		}
		c->rules_file = arg;
		return 0;
	}
	return -1;
}

/* What getopt could not parse: name it as the reference does. */
static int option_invalid(struct ctl *c, int opt, char **argv)
{
	if (opt == '?' && optopt && optopt < 256)
		fprintf(c->err, "Option -%c is invalid\n", optopt);
	else
		fprintf(c->err, "Option %s is invalid\n", argv[optind - 1]);
	return AUDITCTL_EXIT_ERROR;
}

static int dispatch(struct ctl *c, int opt, char *arg, int argc, char **argv)
{
	int ret;

	if (opt == '?' || opt == ':')
		return option_invalid(c, opt, argv);
	if ((ret = option_rule(c, opt, arg)) >= 0)
		return ret;
	if ((ret = option_kernel(c, opt, arg)) >= 0)
		return ret;
	if ((ret = option_other(c, opt, arg, argc, argv)) >= 0)
		return ret;
	return option_invalid(c, opt, argv);
}

/* After the options: send the rule, then list, delete, report. */
static int finish_line(struct ctl *c)
{
	int ret = 0;

	/* -S may come before -a, so a missing list shows only now. */
	if (!rule_is_started(c->rule) && rule_has_syscalls(c->rule)) {
		fprintf(c->err, "Error - no list specified\n");
		return AUDITCTL_EXIT_ERROR;
	}
	if (rule_is_started(c->rule) && !c->drop_rule &&
	    (ret = ctl_rules_send(c, c->rule)))
		return ret;
	if (c->delete_all && (ret = ctl_rules_delete_all(c, c->key)))
		return ret;
	if (c->list && (ret = ctl_rules_list(c, c->key, c->list_interpret)))
		return ret;
	if (c->status && (ret = ctl_status_print(c, c->status_interpret, true)))
		return ret;
	if (c->print_status && (ret = ctl_status_print(c, false, false)))
		return ret;
	/* Last: its lines reuse the line state, which is done with now. */
	if (c->rules_file)
		return ctl_file_load(c, c->rules_file);
	return 0;
}

static void reset_line(struct ctl *c)
{
	rule_free(c->rule);
	c->rule = NULL;
	c->list = c->list_interpret = false;
	c->status = c->status_interpret = false;
	c->delete_all = c->print_status = c->drop_rule = false;
	c->key = NULL;
	c->rules_file = NULL;
}

int ctl_line(struct ctl *c, int argc, char **argv)
{
	int opt, ret = 0;

	reset_line(c);
	c->argc = argc;
	c->rule = rule_new(c->host);
	if (!c->rule) {
		fprintf(c->err, "Out of memory\n");
		return AUDITCTL_EXIT_ERROR;
	}
	optind = 0;	/* glibc: start afresh for each line */
	opterr = 0;
	while (ret == 0 &&
	       (opt = getopt_long(argc, argv, short_options, long_options, NULL)) != -1)
		ret = dispatch(c, opt, optarg, argc, argv);
	if (ret == 0 && optind < argc) {
		fprintf(c->err, "parameter passed without an option given\n");
		ret = AUDITCTL_EXIT_ERROR;
	}
	if (ret == 0)
		ret = finish_line(c);
	reset_line(c);
	return ret;
}
