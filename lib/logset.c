/* logset: see logset.h. (Being written.) */
#include "logset.h"
