/* space: placeholder, being written. */
#include "space.h"
