/* action: placeholder, being written. */
#include "action.h"
