// The identity module's documents: user, session, login_challenge, address, role.
#pragma once

#include "domain/identity/accounts.h"

#include <nlohmann/json.hpp>

namespace commerce {

nlohmann::json user_document(const User& user, const std::vector<std::string>& permissions,
                             const std::optional<SecondFactors>& factors);
nlohmann::json session_document(const IssuedSession& issued, const IdentitySettings& settings);
nlohmann::json challenge_document(std::string_view challenge, const std::vector<std::string>& methods,
                                  int64_t expires_ms);
nlohmann::json address_document(const Address& address, const User& owner);
nlohmann::json role_document(const Role& role);

}  // namespace commerce
