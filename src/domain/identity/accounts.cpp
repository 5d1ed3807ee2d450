#include "domain/identity/accounts.h"

#include "core/crypto.h"
#include "core/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace commerce {
namespace {

const Error& wrong_credentials() {
    static const Error error(COMMERCE_ERR_UNAUTHORIZED, "the email or password is wrong");
    return error;
}

// Verifying against a fixed hash when the email is unknown makes both failures take the same time,
// so response times do not reveal which emails have accounts.
const std::string& decoy_hash(const PasswordHashing& hashing) {
    static const std::string hash = hash_password("decoy password for unknown accounts", hashing);
    return hash;
}

}  // namespace

std::string normalize_email(std::string_view email) {
    auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!email.empty() && is_space(static_cast<unsigned char>(email.front()))) email.remove_prefix(1);
    while (!email.empty() && is_space(static_cast<unsigned char>(email.back()))) email.remove_suffix(1);
    std::string normalized(email);
    std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto at = normalized.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= normalized.size() ||
        normalized.find('@', at + 1) != std::string::npos ||
        std::any_of(normalized.begin(), normalized.end(), [&](unsigned char c) { return is_space(c); }))
        throw_invalid("email", fmt::format("'{}' is not an email address", normalized));
    return normalized;
}

User register_user(Transaction& tx, IdGenerator& ids, int64_t now_ms, const AccountSettings& settings,
                   std::string_view email, std::string_view password, std::vector<std::string> roles) {
    std::string normalized = normalize_email(email);
    check_password_rules(password);
    if (tx.users().by_email(normalized))
        throw Error(COMMERCE_ERR_EXISTS, "an account with this email already exists", {{"field", "email"}});
    std::sort(roles.begin(), roles.end());
    User user{.id = ids.next(), .email = std::move(normalized),
              .password_hash = hash_password(password, settings.hashing), .roles = std::move(roles),
              .created_ms = now_ms};
    tx.users().insert(user);
    return user;
}

IssuedSession login(Transaction& tx, int64_t now_ms, const AccountSettings& settings, std::string_view email,
                    std::string_view password) {
    std::optional<User> user;
    try {
        user = tx.users().by_email(normalize_email(email));
    } catch (const Error&) {
        // A malformed email is just another wrong credential.
    }
    if (!user) {
        verify_password(decoy_hash(settings.hashing), password);
        throw wrong_credentials();
    }
    if (!verify_password(user->password_hash, password)) throw wrong_credentials();

    IssuedSession issued;
    issued.token = to_hex(random_bytes(32));  // 256 bits from the CSPRNG
    issued.session = {.token_hash = sha256_hex(issued.token), .user_id = user->id, .created_ms = now_ms,
                      .expires_ms = now_ms + settings.session_ttl_ms};
    tx.sessions().insert(issued.session);
    return issued;
}

Actor authenticate(Transaction& tx, int64_t now_ms, std::string_view token) {
    if (token.empty()) throw Error(COMMERCE_ERR_UNAUTHORIZED, "this operation needs a session");
    auto session = tx.sessions().by_token_hash(sha256_hex(token));
    if (!session || session->expires_ms <= now_ms)
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the session is unknown or has expired");
    auto user = tx.users().by_id(session->user_id);
    if (!user) throw Error(COMMERCE_ERR_UNAUTHORIZED, "the session's account no longer exists");
    return Actor{user->id, user->roles};
}

void logout(Transaction& tx, std::string_view token) {
    if (token.empty() || !tx.sessions().remove(sha256_hex(token)))
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the session is unknown or has already ended");
}

}  // namespace commerce
