/*
 * ctl_file: -R FILE. The file must be a regular file owned by root and
 * writable by no one else; each line is then split into words and run
 * through ctl_line() exactly like a command line. Blank lines and lines
 * starting with '#' are skipped. The first failing line stops the load,
 * unless -c (continue, and fail at the end) or -i (ignore errors) was
 * given. The file is checked through the descriptor it is read from, so
 * what is checked is what is read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ctl.h"
#include "exitcodes.h"

static int check_file(struct ctl *c, const char *path, int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0) {
		fprintf(c->err, "Error reading rules file %s (%s)\n", path, strerror(errno));
		return AUDITCTL_EXIT_FAIL;
	}
	if (!S_ISREG(st.st_mode)) {
		fprintf(c->err, "Error - rules file %s is not a regular file\n", path);
		return AUDITCTL_EXIT_FAIL;
	}
	if (st.st_uid != 0) {
		fprintf(c->err, "Error - rules file %s is not owned by root\n", path);
		return AUDITCTL_EXIT_FAIL;
	}
	if (st.st_mode & (S_IWGRP | S_IWOTH)) {
		fprintf(c->err, "Error - rules file %s is writable by group or others\n", path);
		return AUDITCTL_EXIT_FAIL;
	}
	return 0;
}

/* Split line in place into words after argv[0], the program name. The
 * caller sizes argv for the worst case: one word per two bytes. */
static int split_words(char *line, char **argv)
{
	int argc = 1;
	char *save = NULL;

	argv[0] = (char *)"auditctl";
	for (char *w = strtok_r(line, " \t\r\n", &save); w;
	     w = strtok_r(NULL, " \t\r\n", &save))
		argv[argc++] = w;
	argv[argc] = NULL;
	return argc;
}

static int run_line(struct ctl *c, char *line, const char *path, unsigned lineno)
{
	char **argv;
	int ret;

	line += strspn(line, " \t\r\n");
	if (*line == '\0' || *line == '#')
		return 0;
	argv = malloc((strlen(line) / 2 + 3) * sizeof(*argv));
	if (!argv) {
		fprintf(c->err, "Out of memory\n");
		return AUDITCTL_EXIT_ERROR;
	}
	c->lineno = lineno;
	ret = ctl_line(c, split_words(line, argv), argv);
	c->lineno = 0;
	free(argv);
	if (ret)
		fprintf(c->err, "There was an error in line %u of %s\n", lineno, path);
	return ret;
}

static int read_lines(struct ctl *c, FILE *f, const char *path)
{
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	bool failed = false;

	while (getline(&line, &cap, f) >= 0) {
		if (run_line(c, line, path, ++lineno) == 0)
			continue;
		failed = true;
		if (!c->continue_on_error && !c->ignore_errors)
			break;
	}
	free(line);
	return failed && !c->ignore_errors ? AUDITCTL_EXIT_FAIL : 0;
}

int ctl_file_load(struct ctl *c, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), ret;
	FILE *f;

	if (fd < 0) {
		fprintf(c->err, "Error opening rules file %s (%s)\n", path, strerror(errno));
		return AUDITCTL_EXIT_FAIL;
	}
	if ((ret = check_file(c, path, fd)) || !(f = fdopen(fd, "r"))) {
		close(fd);
		return ret ? ret : AUDITCTL_EXIT_FAIL;
	}
	c->in_rules_file = true;
	ret = read_lines(c, f, path);
	c->in_rules_file = false;
	fclose(f);
	return ret;
}
