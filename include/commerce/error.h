/* commerce — details of the last failure on the calling thread.
 *
 * When an entry point returns an error it also records, for the calling thread only, the code, a UTF-8
 * message for humans and an optional JSON object of details for programs (for example {"field":"quantity"}).
 * The strings stay valid until the next commerce_* call on the same thread. A successful call clears them. */
#ifndef COMMERCE_ERROR_H
#define COMMERCE_ERROR_H

#include <commerce/status.h>

COMMERCE_BEGIN_DECLS

/* The code of the last failure on this thread, or COMMERCE_OK. */
COMMERCE_API commerce_status commerce_last_error_code(void);

/* The message of the last failure on this thread; "" when there is none. Never NULL. */
COMMERCE_API const char *commerce_last_error_message(void);

/* The details of the last failure as a JSON object; "{}" when there are none. Never NULL. */
COMMERCE_API const char *commerce_last_error_details(void);

COMMERCE_END_DECLS

#endif
