/* conf: placeholder, being written. */
#include "conf.h"
