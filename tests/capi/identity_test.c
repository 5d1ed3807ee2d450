/* Identity and access through the C ABI: the verification mail through the outbox, a login with its client
 * context, profile and addresses, other sessions ended, administration, and the errors of the new calls. */
#include "common.h"

#include <string.h>

#define MANUAL_CONFIG "{\"path\":\":memory:\",\"clock\":\"manual\",\"clock_start_ms\":1794000000000," \
    "\"password_hashing\":{\"memory_kib\":64,\"iterations\":1,\"parallelism\":1}}"

/* Copies the value of `"member":"..."` found in text before `end` into out. */
static void member_before(const char *text, const char *end, const char *member, char *out, size_t size) {
    const char *at = strstr(text, member);
    if (at && at < end) {
        at += strlen(member);
        snprintf(out, size, "%.*s", (int)strcspn(at, "\""), at);
    }
}

/* Copies the "token" of the event of the topic into token and acknowledges every event of the batch. Documents
 * list members in name order, so each event reads {"attempts", "created_at", "id", "payload", "topic"}. */
static void take_token(commerce_engine *engine, const char *topic, char *token, size_t size) {
    commerce_doc *batch = NULL;
    const char *event;
    token[0] = '\0';
    CHECK_OK(commerce_outbox_fetch(&batch, engine, NULL));
    for (event = strstr(commerce_doc_json(batch), "{\"attempts\""); event != NULL;) {
        const char *next = strstr(event + 1, "{\"attempts\"");
        const char *end = next ? next : event + strlen(event);
        const char *topic_at = strstr(event, topic);
        char id[64] = "";
        if (topic_at && topic_at < end) member_before(event, end, "\"token\":\"", token, size);
        member_before(event, end, "\"id\":\"", id, sizeof id);
        CHECK_OK(commerce_outbox_ack(engine, id));
        event = next;
    }
    commerce_doc_free(batch);
}

void identity_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char token[128], session[128], other[128], admin[128];

    CHECK_OK(commerce_engine_open(&engine, MANUAL_CONFIG));
    CHECK_OK(commerce_user_register(&doc, engine, "Lea@Example.test", "a long passphrase"));
    CHECK(json_contains(doc, "\"email_verified\":false"));
    commerce_doc_free(doc);
    take_token(engine, "user.verification_requested", token, sizeof token);
    CHECK(strlen(token) == 64);
    CHECK_OK(commerce_user_verify_email(&doc, engine, token));
    CHECK(json_contains(doc, "\"email_verified\":true"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_user_verify_email(&doc, engine, token), COMMERCE_ERR_UNAUTHORIZED);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"used\"") != NULL);

    CHECK_OK(commerce_auth_login(&doc, engine, "lea@example.test", "a long passphrase",
                                 "{\"ip\":\"192.0.2.1\",\"user_agent\":\"c-test\"}"));
    snprintf(session, sizeof session, "%s", json_member(doc, "token"));
    commerce_doc_free(doc);
    login_as(engine, "lea@example.test", "a long passphrase", other);
    CHECK_OK(commerce_user_update_profile(&doc, engine, session, "{\"name\":\"Léa\",\"currency\":\"CHF\"}"));
    CHECK(json_contains(doc, "\"currency\":\"CHF\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_address_add(&doc, engine, session,
        "{\"line1\":\"1 Bahnhofstrasse\",\"city\":\"Zürich\",\"country\":\"CH\",\"default_shipping\":true}"));
    CHECK(json_contains(doc, "\"default_shipping\":true"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_address_add(&doc, engine, session, "{\"line1\":\"x\",\"city\":\"y\",\"country\":\"Swiss\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(doc == NULL);
    CHECK_OK(commerce_auth_logout_others(engine, session));
    CHECK_STATUS(commerce_user_me(&doc, engine, other), COMMERCE_ERR_UNAUTHORIZED);
    CHECK_OK(commerce_engine_advance_time(engine, 2LL * 24 * 3600 * 1000));
    CHECK_STATUS(commerce_user_me(&doc, engine, session), COMMERCE_ERR_UNAUTHORIZED);  /* idle for two days */
    CHECK_STATUS(commerce_engine_advance_time(engine, -1), COMMERCE_ERR_INVALID_ARGUMENT);

    CHECK_OK(commerce_user_bootstrap_admin(&doc, engine, "boss@example.test", "a long passphrase"));
    commerce_doc_free(doc);
    login_as(engine, "boss@example.test", "a long passphrase", admin);
    CHECK_OK(commerce_admin_user_list(&doc, engine, admin, "{\"search\":\"lea\"}"));
    CHECK(json_contains(doc, "lea@example.test"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_admin_user_list(&doc, engine, other, NULL), COMMERCE_ERR_UNAUTHORIZED);
    CHECK_OK(commerce_role_list(&doc, engine, admin));
    CHECK(json_contains(doc, "\"name\":\"staff\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_report_logins(&doc, engine, admin, "{\"from\":\"2026-11-06\",\"to\":\"2026-11-08\"}"));
    CHECK(json_contains(doc, "\"type\":\"login_report\""));
    commerce_doc_free(doc);

    /* The new calls share the ABI's promises: NULL handles and out-params are misuse, *out is NULL on failure. */
    CHECK_STATUS(commerce_user_verify_email(NULL, engine, "x"), COMMERCE_ERR_MISUSE);
    CHECK_STATUS(commerce_outbox_fetch(&doc, NULL, NULL), COMMERCE_ERR_MISUSE);
    CHECK(doc == NULL);
    CHECK_STATUS(commerce_mfa_status(&doc, engine, NULL), COMMERCE_ERR_UNAUTHORIZED);
    CHECK_STATUS(commerce_outbox_ack(engine, "no-such-event"), COMMERCE_ERR_NOT_FOUND);
    commerce_engine_free(engine);

    CHECK_OK(commerce_engine_open(&engine, TEST_CONFIG));
    CHECK_STATUS(commerce_engine_set_time(engine, 0), COMMERCE_ERR_MISUSE);  /* a system clock does not move */
    commerce_engine_free(engine);
}
