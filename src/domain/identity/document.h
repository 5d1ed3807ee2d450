// The "user" and "session" documents.
#pragma once

#include "domain/identity/accounts.h"

#include <nlohmann/json.hpp>

namespace commerce {

nlohmann::json user_document(const User& user);
nlohmann::json session_document(const IssuedSession& issued);

}  // namespace commerce
