/* source: see source.h. (Being written.) */
#include "source.h"
