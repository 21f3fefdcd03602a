/*
 * input: the files ausearch reads (see input.h).
 *
 * auditd.conf is read for two keys only, as "key = value" lines; the
 * daemon's full parser is not needed to find a path.
 */
#include "input.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "event.h"

#define INPUT_DEFAULT_LOG "/var/log/audit/audit.log"

/* The value of key in auditd.conf into out, or false. */
static bool input_conf_value(const char *key, char *out, size_t cap)
{
	FILE *f = fopen(INPUT_AUDITD_CONF, "re");
	char line[4096];
	bool found = false;

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		char *p = line, *eq, *v, *end;

		while (isspace((unsigned char)*p))
			p++;
		eq = strchr(p, '=');
		if (*p == '#' || !eq)
			continue;
		end = eq;
		while (end > p && isspace((unsigned char)end[-1]))
			end--;
		if ((size_t)(end - p) != strlen(key) ||
		    strncmp(p, key, strlen(key)))
			continue;
		v = eq + 1;
		while (isspace((unsigned char)*v))
			v++;
		v[strcspn(v, " \t\r\n")] = '\0';
		snprintf(out, cap, "%s", v);
		found = true;
	}
	fclose(f);
	return found;
}

unsigned input_conf_eoe_timeout(void)
{
	char v[64];
	long n;

	if (!input_conf_value("end_of_event_timeout", v, sizeof(v)))
		return EVENT_EOE_TIMEOUT_DEFAULT;
	n = strtol(v, NULL, 10);
	return n > 0 ? (unsigned)n : EVENT_EOE_TIMEOUT_DEFAULT;
}

/* The log set whose live file is path ("Error opening PATH (why)"). */
static int input_logset(const char *path, FILE *err, struct input *ret)
{
	int r = logset_discover(path, &ret->set);

	if (r < 0) {
		fprintf(err, "Error opening %s (%s)\n", path, strerror(-r));
		return -1;
	}
	return 0;
}

static bool input_stdin_is_pipe(void)
{
	struct stat st;

	return fstat(0, &st) == 0 && S_ISFIFO(st.st_mode);
}

int input_choose(const struct ausearch_opts *o, FILE *err, struct input *ret)
{
	char path[4200];
	struct stat st;

	memset(ret, 0, sizeof(*ret));
	if (o->input) {
		if (stat(o->input, &st) < 0) {
			fprintf(err, "stat: %s\n", strerror(errno));
			return -1;
		}
		if (S_ISDIR(st.st_mode)) {
			snprintf(path, sizeof(path), "%s/audit.log", o->input);
			fprintf(err, "NOTE - using logs in %s\n", path);
			return input_logset(path, err, ret);
		}
		ret->single = strdup(o->input);
		if (!ret->single)
			return -1;
		ret->paths[0] = ret->single;
		return 0;
	}
	if (!o->input_logs && input_stdin_is_pipe())
		return 0;
	if (!input_conf_value("log_file", path, sizeof(path)))
		snprintf(path, sizeof(path), "%s", INPUT_DEFAULT_LOG);
	return input_logset(path, err, ret);
}

const char *const *input_paths(const struct input *in, size_t *ret_count)
{
	if (in->single) {
		*ret_count = 1;
		return in->paths;
	}
	*ret_count = in->set.count;
	return (const char *const *)in->set.paths;
}

void input_clear(struct input *in)
{
	logset_clear(&in->set);
	free(in->single);
	memset(in, 0, sizeof(*in));
}
