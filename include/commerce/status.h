/* commerce — status codes.
 *
 * Every entry point returns a commerce_status. COMMERCE_OK is zero, errors are negative, and the meaning of
 * each code is fixed forever: new codes may be added, none is ever renumbered or reused. Bindings map a
 * code they do not know to the generic error. docs/errors.md is the table of codes with their meaning. */
#ifndef COMMERCE_STATUS_H
#define COMMERCE_STATUS_H

#include <commerce/export.h>

COMMERCE_BEGIN_DECLS

typedef int commerce_status;

#define COMMERCE_OK                      0
#define COMMERCE_ERR_GENERIC            -1  /* an unexpected internal failure */
#define COMMERCE_ERR_INVALID_ARGUMENT   -2  /* malformed or out-of-range input; details name the field */
#define COMMERCE_ERR_NOT_FOUND          -3  /* the referenced record does not exist */
#define COMMERCE_ERR_EXISTS             -4  /* a record with the same unique key already exists */
#define COMMERCE_ERR_ILLEGAL_STATE      -5  /* the record is in a state that does not allow the operation */
#define COMMERCE_ERR_CONFLICT           -6  /* a concurrent or earlier change conflicts (stale version, idempotency key reuse) */
#define COMMERCE_ERR_CURRENCY_MISMATCH  -7  /* amounts in different currencies were combined */
#define COMMERCE_ERR_COUPON_NOT_APPLICABLE -8
#define COMMERCE_ERR_PAYMENT_DECLINED   -9
#define COMMERCE_ERR_OUT_OF_STOCK      -10  /* not enough stock; details list the products */
#define COMMERCE_ERR_UNAUTHORIZED      -11  /* no valid session, or wrong credentials */
#define COMMERCE_ERR_FORBIDDEN         -12  /* the session's roles do not allow the operation */
#define COMMERCE_ERR_STORAGE           -13  /* the database failed (I/O, corruption, busy beyond the timeout) */
#define COMMERCE_ERR_NO_MEMORY         -14
#define COMMERCE_ERR_MISUSE            -15  /* the API was called wrongly: NULL handle, closed engine */
#define COMMERCE_ERR_VERSION           -16  /* the database was written by a newer library */
#define COMMERCE_ERR_BAD_KEY           -17  /* the encryption key is wrong or missing */
#define COMMERCE_ERR_OVERFLOW          -18  /* an amount or quantity exceeds the representable range */

/* The stable name of a code ("COMMERCE_ERR_NOT_FOUND"); "COMMERCE_ERR_UNKNOWN" for a code this library does not know. */
COMMERCE_API const char *commerce_status_name(commerce_status status);

COMMERCE_END_DECLS

#endif
