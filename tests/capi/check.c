#include "check.h"

#include <stdio.h>
#include <string.h>

int check_passed = 0, check_failed = 0;

void check_true(int ok, const char *what, const char *file, int line) {
    if (ok) { check_passed++; return; }
    check_failed++;
    fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, what);
}

void check_status(commerce_status got, commerce_status expected, const char *what, const char *file, int line) {
    if (got == expected) { check_passed++; return; }
    check_failed++;
    fprintf(stderr, "%s:%d: FAILED: %s returned %s, expected %s: %s %s\n", file, line, what, commerce_status_name(got),
            commerce_status_name(expected), commerce_last_error_message(), commerce_last_error_details());
}

/* The string value of the first `"member":"` at or after `from`, in a static buffer ("" when absent). */
static const char *string_member_from(const char *from, const char *member) {
    static char value[512];
    char pattern[128];
    const char *start, *end;
    value[0] = '\0';
    snprintf(pattern, sizeof pattern, "\"%s\":\"", member);
    start = from ? strstr(from, pattern) : NULL;
    if (!start) return value;
    start += strlen(pattern);
    end = strchr(start, '"');
    if (end && (size_t)(end - start) < sizeof value) {
        memcpy(value, start, (size_t)(end - start));
        value[end - start] = '\0';
    }
    return value;
}

const char *json_member(const commerce_doc *doc, const char *member) {
    return string_member_from(doc ? commerce_doc_json(doc) : NULL, member);
}

const char *json_member_in(const commerce_doc *doc, const char *container, const char *member) {
    char pattern[128];
    snprintf(pattern, sizeof pattern, "\"%s\":", container);
    return string_member_from(doc ? strstr(commerce_doc_json(doc), pattern) : NULL, member);
}

int json_contains(const commerce_doc *doc, const char *text) {
    return doc != NULL && strstr(commerce_doc_json(doc), text) != NULL;
}

int main(void) {
    purchase_tests();
    error_tests();
    identity_tests();
    catalog_tests();
    review_tests();
    inventory_tests();
    search_tests();
    pricing_tests();
    currency_tests();
    wishlist_tests();
    price_list_tests();
    order_tests();
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed == 0 ? 0 : 1;
}
