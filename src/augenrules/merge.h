/*
 * merge: the merge rules that turn many rules.d files into one
 * audit.rules.
 *
 * Files are fed in merge order; each is split into lines and each line
 * sorted into one of:
 *   - dropped: empty, blank (white space only) or a comment (first
 *     non-blank character '#');
 *   - a control line that only the last one of counts, moved to a fixed
 *     place: "-D" alone (delete all rules, first line), "-b..." (backlog
 *     limit, second), "-f..." (failure mode, third), "-e..." (enable
 *     flag, last line). Leading white space is allowed before the dash;
 *   - an ordinary line, kept in order. "-D" with more on its line is
 *     ordinary (it deletes selected rules, so its place matters), and so
 *     is every other option, --backlog_wait_time included.
 * The output is a header line naming the rules directory, then the -D,
 * -b and -f slots (an empty line where a slot is unused), the ordinary
 * lines, and the -e slot (likewise possibly empty). Lines are copied
 * byte for byte, only their newline is normalised: a file's last line
 * ends at the end of the file even without a newline.
 */
#ifndef AUGENRULES_MERGE_H
#define AUGENRULES_MERGE_H

#include <stddef.h>

#include "buf.h"

struct merge {
	struct buf rules;	/* ordinary lines, each ending in '\n' */
	struct buf slot_D;	/* last bare -D, no newline */
	struct buf slot_b;
	struct buf slot_f;
	struct buf slot_e;
};

#define MERGE_INIT { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT }

/* Merge one file's contents (borrowed for the call). 0 or -ENOMEM. */
int merge_feed(struct merge *m, const char *data, size_t len);
/* Append the merged file to out; rules_dir names the source in the
 * header line. 0 or -ENOMEM. */
int merge_render(const struct merge *m, const char *rules_dir, struct buf *out);
void merge_free(struct merge *m);

#endif
