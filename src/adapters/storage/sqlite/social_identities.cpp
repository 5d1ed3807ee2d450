#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

std::optional<SocialIdentity> SqliteSocialIdentities::find(std::string_view provider, std::string_view subject) {
    auto row = db_.query("SELECT provider, subject, user_id, created_ms FROM social_identities "
                         "WHERE provider = ?1 AND subject = ?2");
    row.bind(1, provider).bind(2, subject);
    if (!row.step()) return std::nullopt;
    return SocialIdentity{row.text(0), row.text(1), row.text(2), row.integer(3)};
}

void SqliteSocialIdentities::insert(const SocialIdentity& identity) {
    // (provider, subject) is the primary key: a second account for the same identity is EXISTS.
    db_.query("INSERT INTO social_identities (provider, subject, user_id, created_ms) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, identity.provider).bind(2, identity.subject).bind(3, identity.user_id).bind(4, identity.created_ms)
        .run();
}

bool SqliteSocialIdentities::remove(std::string_view provider, std::string_view subject) {
    db_.query("DELETE FROM social_identities WHERE provider = ?1 AND subject = ?2")
        .bind(1, provider).bind(2, subject).run();
    return db_.changes() > 0;
}

std::vector<SocialIdentity> SqliteSocialIdentities::for_user(std::string_view user_id) {
    auto rows = db_.query("SELECT provider, subject, user_id, created_ms FROM social_identities WHERE user_id = ?1 "
                          "ORDER BY created_ms, provider, subject");
    rows.bind(1, user_id);
    std::vector<SocialIdentity> identities;
    while (rows.step()) identities.push_back({rows.text(0), rows.text(1), rows.text(2), rows.integer(3)});
    return identities;
}

void SqliteSocialIdentities::remove_all_for_user(std::string_view user_id) {
    db_.query("DELETE FROM social_identities WHERE user_id = ?1").bind(1, user_id).run();
}

}  // namespace commerce::sqlite
