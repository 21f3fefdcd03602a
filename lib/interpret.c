/* interpret: placeholder, being written. */
#include "interpret.h"
