/*
 * config: what one augenrules run does, from its arguments and
 * environment.
 *
 * Arguments are "--check" and "--load", in any order and number; there
 * is nothing else. The paths come from the environment so that tests
 * and staging can work outside /etc; an empty variable counts as unset:
 *   AUGENRULES_RULES_DIR  rules directory  (default <sysconfdir>/audit/rules.d)
 *   AUGENRULES_OUTPUT     generated file   (default <sysconfdir>/audit/audit.rules)
 *   AUGENRULES_AUDITCTL   program --load runs (default: see load_default_auditctl)
 */
#ifndef AUGENRULES_CONFIG_H
#define AUGENRULES_CONFIG_H

#include <stdbool.h>

struct config {
	const char *prog;	/* how we were called, for messages */
	const char *rules_dir;	/* borrowed from the environment or static */
	const char *output;	/* likewise */
	char *auditctl;		/* owned */
	bool check;
	bool load;
};

/* Fill *cfg from argv and the environment. 0, -EINVAL on a bad argument
 * (cfg->prog is still set, for the usage message), -ENOMEM. Release with
 * config_free. */
int config_parse(struct config *cfg, int argc, char **argv);
void config_free(struct config *cfg);

#endif
