/*
 * config: parse augenrules' arguments and environment (see config.h).
 * There are only two flags, so no getopt: getopt would also accept
 * abbreviations and permutations that the command never had.
 */
#include "config.h"
#include "load.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifndef AUDITKIT_SYSCONFDIR
#define AUDITKIT_SYSCONFDIR "/etc"
#endif

/* The variable's value, or dflt when it is unset or empty. */
static const char *config_env(const char *name, const char *dflt)
{
	const char *v = getenv(name);

	return v && *v ? v : dflt;
}

static int config_args(struct config *cfg, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--check") == 0)
			cfg->check = true;
		else if (strcmp(argv[i], "--load") == 0)
			cfg->load = true;
		else
			return -EINVAL;
	}
	return 0;
}

int config_parse(struct config *cfg, int argc, char **argv)
{
	const char *ctl;
	int r;

	memset(cfg, 0, sizeof(*cfg));
	cfg->prog = argc > 0 && argv[0][0] ? argv[0] : "augenrules";
	r = config_args(cfg, argc, argv);
	if (r < 0)
		return r;
	cfg->rules_dir = config_env("AUGENRULES_RULES_DIR",
				    AUDITKIT_SYSCONFDIR "/audit/rules.d");
	cfg->output = config_env("AUGENRULES_OUTPUT",
				 AUDITKIT_SYSCONFDIR "/audit/audit.rules");
	ctl = config_env("AUGENRULES_AUDITCTL", NULL);
	cfg->auditctl = ctl ? strdup(ctl) : load_default_auditctl();
	return cfg->auditctl ? 0 : -ENOMEM;
}

void config_free(struct config *cfg)
{
	free(cfg->auditctl);
	cfg->auditctl = NULL;
}
