/*
 * load: run auditctl to query the lock state and to load rules (see
 * load.h). The status output is parsed leniently: only a line whose
 * first word is "enabled" matters, wherever it is.
 */
#include "load.h"
#include "buf.h"
#include "spawn.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LOAD_FALLBACK_AUDITCTL "/sbin/auditctl"

/* Whether the NUL-terminated status text says "enabled 2". */
static int load_says_locked(char *text)
{
	char *line, *save = NULL;
	int v;

	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		if (sscanf(line, "enabled %d", &v) == 1)
			return v == 2;
	return 0;
}

int load_locked(const char *auditctl)
{
	char *argv[] = { (char *)auditctl, (char *)"-s", NULL };
	struct buf out = BUF_INIT;
	int r, locked = 0;

	r = spawn_run(argv, &out);
	if (r == 0 && buf_add(&out, "", 1) == 0)
		locked = load_says_locked(out.data);
	buf_free(&out);
	return locked;
}

int load_rules(const char *auditctl, const char *rules_file)
{
	char *argv[] = { (char *)auditctl, (char *)"-R", (char *)rules_file, NULL };

	return spawn_run(argv, NULL);
}

char *load_default_auditctl(void)
{
	char self[PATH_MAX], *slash;
	ssize_t n;

	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0 && (size_t)n < sizeof(self) - sizeof("/auditctl")) {
		self[n] = '\0';
		slash = strrchr(self, '/');
		if (slash) {
			strcpy(slash + 1, "auditctl");
			if (access(self, X_OK) == 0)
				return strdup(self);
		}
	}
	return strdup(LOAD_FALLBACK_AUDITCTL);
}
