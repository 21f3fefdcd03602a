/*
 * oracle: what the reference's ENRICHED format appends to a raw log line,
 * computed by the reference's own libauparse.so.0 (installed with auditd
 * 3.0.9; no headers needed). For each line on stdin (a RAW log line without
 * its newline) it prints the line as the reference daemon would write it:
 * the line, then for the fields libauparse classes as uid, gid, syscall,
 * arch or sockaddr, a 0x1D separator and NAME=value pairs (uid/gid values
 * through libaudit's name=value encoding). It follows the daemon's observed
 * output; tests/data/auditd-format/enriched.log is the check that it does.
 *
 * Build: cc -o oracle oracle.c -l:libauparse.so.0 -l:libaudit.so.1
 * Used to make goldens for cases the kernel cannot be made to send.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct auparse_state auparse_state_t;
auparse_state_t *auparse_init(int source, const void *b);
int auparse_set_escape_mode(auparse_state_t *au, int mode);
int auparse_first_record(auparse_state_t *au);
int auparse_next_field(auparse_state_t *au);
int auparse_get_field_type(auparse_state_t *au);
const char *auparse_get_field_name(auparse_state_t *au);
const char *auparse_interpret_field(auparse_state_t *au);
void auparse_destroy(auparse_state_t *au);
char *audit_encode_nv_string(const char *name, const char *value,
			     unsigned int vlen);

enum { SOURCE_BUFFER = 3, ESC_RAW = 0 };
enum { T_UID = 1, T_GID = 2, T_SYSCALL = 3, T_ARCH = 4, T_SOCKADDR = 9 };

static void enrich(const char *line)
{
	size_t n = strlen(line);
	char *copy = malloc(n + 2);
	auparse_state_t *au;
	int rc, sep = 0;

	memcpy(copy, line, n);
	copy[n] = '\n';
	copy[n + 1] = 0;
	fputs(line, stdout);
	au = auparse_init(SOURCE_BUFFER, copy);
	if (au) {
		auparse_set_escape_mode(au, ESC_RAW);
		for (rc = auparse_first_record(au); rc > 0; rc = auparse_next_field(au)) {
			int t = auparse_get_field_type(au);
			char name[64];
			const char *v;
			size_t i;

			if (t != T_UID && t != T_GID && t != T_SYSCALL &&
			    t != T_ARCH && t != T_SOCKADDR)
				continue;
			for (i = 0; auparse_get_field_name(au)[i] && i < 63; i++)
				name[i] = toupper((unsigned char)auparse_get_field_name(au)[i]);
			name[i] = 0;
			v = auparse_interpret_field(au);
			if (!v)
				v = "?";
			fputs(sep++ ? " " : "\x1d", stdout);
			if (t == T_UID || t == T_GID) {
				char *e = audit_encode_nv_string(name, v, strlen(v));
				fputs(e, stdout);
				free(e);
			} else
				printf("%s=%s", name, v);
		}
		auparse_destroy(au);
	}
	putchar('\n');
	free(copy);
}

int main(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	while ((len = getline(&line, &cap, stdin)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = 0;
		enrich(line);
	}
	free(line);
	return 0;
}
