/* record: see record.h. (Being written.) */
#include "record.h"
