/* A minimal test harness for the C ABI tests, in C99. */
#ifndef COMMERCE_TEST_CHECK_H
#define COMMERCE_TEST_CHECK_H

#include <commerce/commerce.h>

extern int check_passed, check_failed;

void check_true(int ok, const char *what, const char *file, int line);
/* Asserts a call returned the expected status, printing the last error otherwise. */
void check_status(commerce_status got, commerce_status expected, const char *what, const char *file, int line);

#define CHECK(cond) check_true((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_STATUS(call, expected) check_status((call), (expected), #call, __FILE__, __LINE__)
#define CHECK_OK(call) CHECK_STATUS(call, COMMERCE_OK)

/* Returns the value of a top-level string member of a JSON document ("" when absent), in a static buffer. */
const char *json_member(const commerce_doc *doc, const char *member);
/* The same for the first such member inside the value of `container` ("variants" -> its first "id"). */
const char *json_member_in(const commerce_doc *doc, const char *container, const char *member);
/* True when the document's JSON contains the text. */
int json_contains(const commerce_doc *doc, const char *text);

/* The test suites, each running on its own engine. */
void purchase_tests(void);
void error_tests(void);
void identity_tests(void);
void catalog_tests(void);
void review_tests(void);
void inventory_tests(void);
void search_tests(void);
void pricing_tests(void);
void currency_tests(void);
void wishlist_tests(void);
void price_list_tests(void);
void order_tests(void);

#endif
