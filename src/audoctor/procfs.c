/* procfs: placeholder, being written. */
#include <errno.h>
#include <string.h>
#include "audoctor.h"


