// Accounts and sessions as the identity module stores them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace commerce {

struct User {
    std::string id;
    std::string email;          // normalised: trimmed, lower-case
    std::string password_hash;  // argon2id PHC string
    std::vector<std::string> roles;
    int64_t created_ms = 0;
};

// Only the SHA-256 of a session token is stored: a stolen database does not yield live sessions.
struct Session {
    std::string token_hash;
    std::string user_id;
    int64_t created_ms = 0;
    int64_t expires_ms = 0;
};

}  // namespace commerce
