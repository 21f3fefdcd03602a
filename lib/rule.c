/* rule: placeholder until the rule codec work lands. */
#include <stdlib.h>
#include "rule.h"
struct rule *rule_new(enum machine host) { return 0; }
void rule_free(struct rule *r) { }
int rule_set_list_action(struct rule *r, enum rule_op op, const char *text) { return RULE_EINVAL; }
int rule_add_syscalls(struct rule *r, const char *text) { return RULE_EINVAL; }
int rule_add_field(struct rule *r, const char *text) { return RULE_EINVAL; }
int rule_add_compare(struct rule *r, const char *text) { return RULE_EINVAL; }
int rule_add_key(struct rule *r, const char *key) { return RULE_EINVAL; }
int rule_set_watch(struct rule *r, enum rule_op op, const char *path) { return RULE_EINVAL; }
int rule_set_perm(struct rule *r, const char *perms) { return RULE_EINVAL; }
bool rule_is_started(const struct rule *r) { return false; }
enum rule_op rule_op(const struct rule *r) { return RULE_OP_ADD; }
int rule_encode(struct rule *r, struct audit_rule_data **ret, size_t *ret_len) { return RULE_EINVAL; }
const char *rule_error(const struct rule *r) { return "not implemented"; }
int rule_format(const struct audit_rule_data *d, size_t len, enum machine host, unsigned flags, char **ret) { return -22; }
bool rule_has_key(const struct audit_rule_data *d, size_t len, const char *key) { return false; }
