/* rotate: placeholder, being written. */
#include "rotate.h"
