/* normalize: see normalize.h. (Being written.) */
#include "normalize.h"
