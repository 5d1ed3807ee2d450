#include "domain/identity/document.h"

#include "core/timestamp.h"

namespace commerce {

nlohmann::json user_document(const User& user) {
    return {{"type", "user"}, {"schema_version", 1}, {"id", user.id}, {"email", user.email},
            {"roles", user.roles}, {"created_at", format_rfc3339(user.created_ms)}};
}

nlohmann::json session_document(const IssuedSession& issued) {
    return {{"type", "session"}, {"schema_version", 1}, {"token", issued.token},
            {"user_id", issued.session.user_id}, {"expires_at", format_rfc3339(issued.session.expires_ms)}};
}

}  // namespace commerce
