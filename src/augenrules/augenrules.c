/*
 * augenrules: merge the component rules files of /etc/audit/rules.d into
 * /etc/audit/audit.rules, and load the result into the kernel on request.
 *
 * One run is a short list of steps: read the arguments; make sure the
 * rules directory exists; merge its *.rules files in version order
 * (merge.h has the rules); if the result equals the current output there
 * is nothing to write, else (unless only checking) keep the old file as
 * <output>.prev and replace the output atomically; finally, with --load,
 * have auditctl load the output, old or new.
 *
 * Exit status: 0 on success and for every --check answer; 1 for a bad
 * argument, a missing rules directory, or an output that could not be
 * written; with --load, otherwise auditctl's own exit status. Notices go
 * to stdout prefixed with the program name as called; errors to stderr.
 */
#include "buf.h"
#include "config.h"
#include "load.h"
#include "merge.h"
#include "outfile.h"
#include "rulesdir.h"
#include "spawn.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define AUGENRULES_MODE 0640
#define AUGENRULES_RESTORECON "/sbin/restorecon"

/* With --load, load the output file; the exit status to end with. */
static int augenrules_try_load(const struct config *cfg)
{
	int r;

	if (!cfg->load)
		return 0;
	/* Say it once here rather than once per auditctl run. */
	if (access(cfg->auditctl, X_OK) < 0) {
		r = errno;
		fprintf(stderr, "%s: cannot run %s: %s\n", cfg->prog,
			cfg->auditctl, strerror(r));
		return r == ENOENT || r == ENOTDIR ? 127 : 126;
	}
	if (load_locked(cfg->auditctl)) {
		printf("%s: Audit rules are locked (enabled 2): not loading %s, "
		       "reboot to apply it\n", cfg->prog, cfg->output);
		return 0;
	}
	r = load_rules(cfg->auditctl, cfg->output);
	if (r < 0) {
		fprintf(stderr, "%s: cannot run %s: %s\n", cfg->prog,
			cfg->auditctl, strerror(-r));
		return 1;
	}
	return r;
}

/* Feed one component file to the merge; unreadable ones are skipped. */
static int augenrules_feed(const struct config *cfg, struct merge *m,
			   const char *name)
{
	struct buf path = BUF_INIT, data = BUF_INIT;
	int r;

	r = buf_add_str(&path, cfg->rules_dir);
	if (r == 0)
		r = buf_add_str(&path, "/");
	if (r == 0)
		r = buf_add(&path, name, strlen(name) + 1);
	if (r == 0) {
		r = buf_read_file(&data, path.data);
		if (r < 0 && r != -ENOMEM) {
			fprintf(stderr, "%s: skipping %s: %s\n", cfg->prog,
				path.data, strerror(-r));
			r = 0;
		} else if (r == 0) {
			r = merge_feed(m, data.data, data.len);
		}
	}
	buf_free(&path);
	buf_free(&data);
	return r;
}

/* Merge the rules directory into out. 0, or negative errno (reported). */
static int augenrules_build(const struct config *cfg, struct buf *out)
{
	struct merge m = MERGE_INIT;
	struct rulesdir rd;
	size_t i;
	int r;

	r = rulesdir_list(cfg->rules_dir, &rd);
	if (r < 0) {
		fprintf(stderr, "%s: cannot read %s: %s\n", cfg->prog,
			cfg->rules_dir, strerror(-r));
		return r;
	}
	for (i = 0; i < rd.count && r == 0; i++)
		r = augenrules_feed(cfg, &m, rd.names[i]);
	if (r == 0)
		r = merge_render(&m, cfg->rules_dir, out);
	if (r < 0)
		fprintf(stderr, "%s: %s\n", cfg->prog, strerror(-r));
	merge_free(&m);
	rulesdir_free(&rd);
	return r;
}

/* Keep the current output as <output>.prev; a failure is only a warning. */
static void augenrules_backup(const struct config *cfg)
{
	struct buf prev = BUF_INIT;
	int r;

	r = buf_add_str(&prev, cfg->output);
	if (r == 0)
		r = buf_add(&prev, ".prev", sizeof(".prev"));
	if (r == 0)
		r = outfile_backup(cfg->output, prev.data);
	if (r < 0)
		fprintf(stderr, "%s: cannot keep a copy of %s: %s\n",
			cfg->prog, cfg->output, strerror(-r));
	buf_free(&prev);
}

/* Replace the output with merged. 0, or -1 after reporting why not. */
static int augenrules_install(const struct config *cfg, const struct buf *merged)
{
	char *argv[] = { (char *)AUGENRULES_RESTORECON, (char *)"-F",
			 (char *)cfg->output, NULL };
	int r;

	augenrules_backup(cfg);
	r = outfile_replace(cfg->output, merged->data, merged->len,
			    AUGENRULES_MODE);
	if (r < 0) {
		fprintf(stderr, "%s: cannot write %s: %s\n", cfg->prog,
			cfg->output, strerror(-r));
		return -1;
	}
	/* A new file has a new inode: give it its SELinux label back. */
	if (access(AUGENRULES_RESTORECON, X_OK) == 0)
		spawn_run(argv, NULL);
	return 0;
}

static int augenrules_run(const struct config *cfg)
{
	struct buf merged = BUF_INIT;
	struct stat st;
	int same, rc;

	if (stat(cfg->rules_dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		printf("%s: No rules directory - %s\n", cfg->prog, cfg->rules_dir);
		augenrules_try_load(cfg);
		return 1;
	}
	if (augenrules_build(cfg, &merged) < 0) {
		buf_free(&merged);
		return 1;
	}
	/* An unreadable output counts as different; replacing it decides. */
	same = outfile_same(cfg->output, merged.data, merged.len);
	if (same == 1) {
		printf("%s: No change\n", cfg->prog);
		rc = augenrules_try_load(cfg);
	} else if (cfg->check) {
		printf("%s: Rules have changed and should be updated\n", cfg->prog);
		rc = 0;
	} else {
		rc = augenrules_install(cfg, &merged) < 0 ? 1
			: augenrules_try_load(cfg);
	}
	buf_free(&merged);
	return rc;
}

int main(int argc, char **argv)
{
	struct config cfg;
	int r, rc;

	r = config_parse(&cfg, argc, argv);
	if (r == -EINVAL) {
		printf("Usage: %s [--check|--load]\n", cfg.prog);
		return 1;
	}
	if (r < 0) {
		fprintf(stderr, "%s: %s\n", cfg.prog, strerror(-r));
		return 1;
	}
	rc = augenrules_run(&cfg);
	config_free(&cfg);
	if (fflush(stdout) != 0)
		rc = rc ? rc : 1;
	return rc;
}
