#include "flows/accounts.h"

#include "core/error.h"
#include "core/text.h"
#include "domain/identity/document.h"
#include "flows/access.h"

namespace commerce::flows {
namespace {

// Passwords are bounded in characters by the rules; this bound in bytes only stops absurd inputs early.
constexpr std::size_t kMaxPasswordBytes = 4 * kMaxPasswordChars;

User register_with_roles(Engine& engine, Transaction& tx, const char* email, const char* password,
                         std::vector<std::string> roles) {
    return register_user(tx, engine.ids(), engine.clock().now_ms(), engine.config().accounts,
                         checked_text(email, "email"), checked_text(password, "password", kMaxPasswordBytes),
                         std::move(roles));
}

}  // namespace

nlohmann::json register_customer(Engine& engine, const char* email, const char* password) {
    nlohmann::json document;
    engine.storage().write([&](Transaction& tx) {
        document = user_document(register_with_roles(engine, tx, email, password, {std::string(kRoleCustomer)}));
    });
    return document;
}

nlohmann::json bootstrap_admin(Engine& engine, const char* email, const char* password) {
    nlohmann::json document;
    engine.storage().write([&](Transaction& tx) {
        if (tx.users().count_with_role(kRoleAdmin) > 0)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "the store already has an admin");
        document = user_document(register_with_roles(engine, tx, email, password,
                                                     {std::string(kRoleAdmin), std::string(kRoleCustomer)}));
    });
    return document;
}

nlohmann::json current_user(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    nlohmann::json document;
    engine.storage().read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        document = user_document(*tx.users().by_id(actor.user_id));
    });
    return document;
}

nlohmann::json login(Engine& engine, const char* email, const char* password) {
    const std::string_view email_text = checked_text(email, "email");
    const std::string_view password_text = checked_text(password, "password", kMaxPasswordBytes);
    nlohmann::json document;
    engine.storage().write([&](Transaction& tx) {
        document = session_document(
            commerce::login(tx, engine.clock().now_ms(), engine.config().accounts, email_text, password_text));
    });
    return document;
}

void logout(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    engine.storage().write([&](Transaction& tx) { commerce::logout(tx, token); });
}

}  // namespace commerce::flows
