/* event: see event.h. (Being written.) */
#include "event.h"
