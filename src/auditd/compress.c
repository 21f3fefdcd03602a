/* compress: placeholder, being written. */
#include "compress.h"
