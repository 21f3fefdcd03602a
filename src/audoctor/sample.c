/* sample: placeholder, being written. */
#include <errno.h>
#include <string.h>
#include "audoctor.h"

int sample_run(struct netlink *nl, unsigned watch_ms, unsigned interval_ms, const char *log_path, const char *proc_root, struct ksamples *ret) { (void)nl; (void)watch_ms; (void)interval_ms; (void)log_path; (void)proc_root; memset(ret, 0, sizeof(*ret)); return -ENOSYS; }
void ksamples_free(struct ksamples *s) { (void)s; }
void ksamples_figures(const struct ksamples *s, struct kfigures *ret) { (void)s; memset(ret, 0, sizeof(*ret)); }
const char *daemon_kind_name(enum daemon_kind k) { (void)k; return "unknown"; }
