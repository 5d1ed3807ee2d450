#include <commerce/version.h>

extern "C" {

const char* commerce_version(void) { return COMMERCE_VERSION_STRING; }
int commerce_version_number(void) { return COMMERCE_VERSION_NUMBER; }

}
