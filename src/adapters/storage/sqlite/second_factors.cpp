#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

std::optional<SecondFactors> SqliteSecondFactors::find(std::string_view user_id) {
    auto row = db_.query("SELECT user_id, totp_secret_sealed, totp_confirmed_ms, totp_last_step, email_otp "
                         "FROM second_factors WHERE user_id = ?1");
    row.bind(1, user_id);
    if (!row.step()) return std::nullopt;
    return SecondFactors{.user_id = row.text(0), .totp_secret_sealed = row.blob(1),
                         .totp_confirmed_ms = row.optional_integer(2), .totp_last_step = row.integer(3),
                         .email_otp = row.integer(4) != 0};
}

void SqliteSecondFactors::save(const SecondFactors& factors) {
    auto query = db_.query("INSERT INTO second_factors (user_id, totp_secret_sealed, totp_confirmed_ms, "
                           "totp_last_step, email_otp) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (user_id) DO UPDATE "
                           "SET totp_secret_sealed = excluded.totp_secret_sealed, "
                           "totp_confirmed_ms = excluded.totp_confirmed_ms, totp_last_step = excluded.totp_last_step, "
                           "email_otp = excluded.email_otp");
    query.bind(1, factors.user_id);
    // No TOTP is NULL, not an empty blob.
    if (factors.totp_secret_sealed.empty())
        query.bind(2, std::nullopt);
    else
        query.bind_blob(2, factors.totp_secret_sealed);
    query.bind(3, factors.totp_confirmed_ms).bind(4, factors.totp_last_step).bind(5, int64_t{factors.email_otp}).run();
}

void SqliteSecondFactors::remove(std::string_view user_id) {
    db_.query("DELETE FROM recovery_codes WHERE user_id = ?1").bind(1, user_id).run();
    db_.query("DELETE FROM second_factors WHERE user_id = ?1").bind(1, user_id).run();
}

void SqliteSecondFactors::replace_recovery_codes(std::string_view user_id,
                                                 const std::vector<std::string>& code_hashes) {
    db_.query("DELETE FROM recovery_codes WHERE user_id = ?1").bind(1, user_id).run();
    for (const auto& code_hash : code_hashes)
        db_.query("INSERT OR IGNORE INTO recovery_codes (user_id, code_hash) VALUES (?1, ?2)")
            .bind(1, user_id).bind(2, code_hash).run();
}

bool SqliteSecondFactors::use_recovery_code(std::string_view user_id, std::string_view code_hash, int64_t used_ms) {
    // One guarded statement: a code cannot be spent twice by two racing logins.
    db_.query("UPDATE recovery_codes SET used_ms = ?3 WHERE user_id = ?1 AND code_hash = ?2 AND used_ms IS NULL")
        .bind(1, user_id).bind(2, code_hash).bind(3, used_ms).run();
    return db_.changes() == 1;
}

int64_t SqliteSecondFactors::recovery_codes_left(std::string_view user_id) {
    auto query = db_.query("SELECT count(*) FROM recovery_codes WHERE user_id = ?1 AND used_ms IS NULL");
    query.bind(1, user_id).step();
    return query.integer(0);
}

}  // namespace commerce::sqlite
