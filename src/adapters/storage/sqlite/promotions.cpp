#include "adapters/storage/sqlite/pricing_repositories.h"


#include <nlohmann/json.hpp>

namespace commerce::sqlite {
namespace {

StoredPromotion promotion_row(const Query& row) {
    return StoredPromotion{.id = row.text(0), .code = row.optional_text(1), .requires_code = row.integer(2) != 0,
                           .definition = row.text(3), .status = row.text(4), .version = row.integer(5),
                           .created_ms = row.integer(6), .updated_ms = row.integer(7)};
}

std::vector<StoredPromotion> promotion_rows(Query& rows) {
    std::vector<StoredPromotion> promotions;
    while (rows.step()) promotions.push_back(promotion_row(rows));
    return promotions;
}

// Counts keyed by promotion id from rows of (promotion_id, count).
std::map<std::string, int64_t> counts(Query& rows) {
    std::map<std::string, int64_t> result;
    while (rows.step()) result.emplace(rows.text(0), rows.integer(1));
    return result;
}

// The ids as one JSON array bound to a single parameter, read back with json_each: one cached statement
// serves any number of ids.
std::string id_array(const std::vector<std::string>& ids) { return nlohmann::json(ids).dump(); }

}  // namespace

void SqlitePromotions::insert(const StoredPromotion& promotion) {
    db_.query("INSERT INTO promotions (id, code, requires_code, definition, status, version, created_ms, updated_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, promotion.id).bind(2, promotion.code).bind(3, int64_t{promotion.requires_code})
        .bind(4, promotion.definition).bind(5, promotion.status).bind(6, promotion.version)
        .bind(7, promotion.created_ms).bind(8, promotion.updated_ms).run();
}

bool SqlitePromotions::update(const StoredPromotion& promotion, int64_t expected_version) {
    db_.query("UPDATE promotions SET code = ?2, requires_code = ?3, definition = ?4, status = ?5, version = ?6, "
              "updated_ms = ?7 WHERE id = ?1 AND version = ?8")
        .bind(1, promotion.id).bind(2, promotion.code).bind(3, int64_t{promotion.requires_code})
        .bind(4, promotion.definition).bind(5, promotion.status).bind(6, promotion.version)
        .bind(7, promotion.updated_ms).bind(8, expected_version).run();
    return db_.changes() > 0;
}

std::optional<StoredPromotion> SqlitePromotions::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, code, requires_code, definition, status, version, created_ms, updated_ms "
                         "FROM promotions WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return promotion_row(row);
}

std::vector<StoredPromotion> SqlitePromotions::page(const PromotionQuery& query) {
    auto rows = db_.query("SELECT id, code, requires_code, definition, status, version, created_ms, updated_ms "
                          "FROM promotions WHERE (?1 IS NULL OR status = ?1) AND id > ?2 ORDER BY id LIMIT ?3");
    rows.bind(1, query.status).bind(2, query.after_id).bind(3, query.limit);
    return promotion_rows(rows);
}

std::vector<StoredPromotion> SqlitePromotions::active_automatic() {
    auto rows = db_.query("SELECT id, code, requires_code, definition, status, version, created_ms, updated_ms "
                          "FROM promotions WHERE status = 'active' AND code IS NULL AND requires_code = 0 ORDER BY id");
    return promotion_rows(rows);
}

std::optional<StoredPromotion> SqlitePromotions::by_code(std::string_view code) {
    auto row = db_.query("SELECT p.id, p.code, p.requires_code, p.definition, p.status, p.version, p.created_ms, "
                         "p.updated_ms FROM promotions p WHERE p.code = ?1 UNION ALL "
                         "SELECT p.id, p.code, p.requires_code, p.definition, p.status, p.version, p.created_ms, "
                         "p.updated_ms FROM promotion_codes c JOIN promotions p ON p.id = c.promotion_id "
                         "WHERE c.code = ?1 LIMIT 1");
    row.bind(1, code);
    if (!row.step()) return std::nullopt;
    return promotion_row(row);
}

bool SqlitePromotions::code_taken(std::string_view code, std::string_view except_promotion_id) {
    auto row = db_.query("SELECT EXISTS (SELECT 1 FROM promotions WHERE code = ?1 AND id <> ?2) "
                         "OR EXISTS (SELECT 1 FROM promotion_codes WHERE code = ?1)");
    row.bind(1, code).bind(2, except_promotion_id);
    return row.step() && row.integer(0) != 0;
}

void SqlitePromotions::insert_code(const PromotionCode& code) {
    db_.query("INSERT INTO promotion_codes (code, promotion_id, batch_id, created_ms) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, code.code).bind(2, code.promotion_id).bind(3, code.batch_id).bind(4, code.created_ms).run();
}

std::vector<PromotionCode> SqlitePromotions::codes_of(std::string_view promotion_id, std::string_view after_code,
                                                      int64_t limit) {
    auto rows = db_.query("SELECT code, promotion_id, batch_id, created_ms FROM promotion_codes "
                          "WHERE promotion_id = ?1 AND code > ?2 ORDER BY code LIMIT ?3");
    rows.bind(1, promotion_id).bind(2, after_code).bind(3, limit);
    std::vector<PromotionCode> codes;
    while (rows.step()) codes.push_back({rows.text(0), rows.text(1), rows.text(2), rows.integer(3)});
    return codes;
}

void SqlitePromotions::insert_redemption(const Redemption& redemption) {
    db_.query("INSERT INTO promotion_redemptions (order_id, promotion_id, code, user_id, amount_minor, currency, "
              "created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, redemption.order_id).bind(2, redemption.promotion_id).bind(3, redemption.code)
        .bind(4, redemption.user_id).bind(5, redemption.amount.minor())
        .bind(6, redemption.amount.currency().code).bind(7, redemption.created_ms).run();
}

void SqlitePromotions::delete_redemptions(std::string_view order_id) {
    db_.query("DELETE FROM promotion_redemptions WHERE order_id = ?1").bind(1, order_id).run();
}

std::map<std::string, int64_t> SqlitePromotions::usage(const std::vector<std::string>& promotion_ids) {
    auto rows = db_.query("SELECT promotion_id, count(*) FROM promotion_redemptions "
                          "WHERE promotion_id IN (SELECT value FROM json_each(?1)) GROUP BY promotion_id");
    rows.bind(1, id_array(promotion_ids));
    return counts(rows);
}

std::map<std::string, int64_t> SqlitePromotions::usage_by(std::string_view user_id,
                                                           const std::vector<std::string>& promotion_ids) {
    auto rows = db_.query("SELECT promotion_id, count(*) FROM promotion_redemptions WHERE user_id = ?1 "
                          "AND promotion_id IN (SELECT value FROM json_each(?2)) GROUP BY promotion_id");
    rows.bind(1, user_id).bind(2, id_array(promotion_ids));
    return counts(rows);
}

int64_t SqlitePromotions::code_usage(std::string_view code) {
    auto row = db_.query("SELECT count(*) FROM promotion_redemptions WHERE code = ?1");
    row.bind(1, code);
    return row.step() ? row.integer(0) : 0;
}

std::optional<StoreSetting> SqliteSettings::get(std::string_view name) {
    auto row = db_.query("SELECT name, value, version, updated_ms FROM store_settings WHERE name = ?1");
    row.bind(1, name);
    if (!row.step()) return std::nullopt;
    return StoreSetting{row.text(0), row.text(1), row.integer(2), row.integer(3)};
}

bool SqliteSettings::put(std::string_view name, std::string_view value, int64_t expected_version,
                         int64_t updated_ms) {
    if (expected_version == 0) {
        db_.query("INSERT INTO store_settings (name, value, version, updated_ms) VALUES (?1, ?2, 1, ?3) "
                  "ON CONFLICT (name) DO NOTHING")
            .bind(1, name).bind(2, value).bind(3, updated_ms).run();
    } else {
        db_.query("UPDATE store_settings SET value = ?2, version = version + 1, updated_ms = ?3 "
                  "WHERE name = ?1 AND version = ?4")
            .bind(1, name).bind(2, value).bind(3, updated_ms).bind(4, expected_version).run();
    }
    return db_.changes() > 0;
}

}  // namespace commerce::sqlite
