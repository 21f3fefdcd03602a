/* format: placeholder, being written. */
#include "format.h"
