/* kqueue: placeholder, being written. */
#include <errno.h>
#include <string.h>
#include "audoctor.h"

void kqueue_check(struct doctor *d) { (void)d; }
