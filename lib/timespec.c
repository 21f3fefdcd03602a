/* timespec: see timespec.h. (Being written.) */
#include "timespec.h"
