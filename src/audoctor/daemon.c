/* daemon: placeholder, being written. */
#include <errno.h>
#include <string.h>
#include "audoctor.h"

void daemon_check(struct doctor *d) { (void)d; }
