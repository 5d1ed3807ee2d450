// The SQLite repositories of pricing: promotions (with their codes and redemptions) and store settings.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/pricing_repositories.h"

namespace commerce::sqlite {

class SqlitePromotions final : public PromotionRepository {
public:
    explicit SqlitePromotions(Connection& db) : db_(db) {}
    void insert(const StoredPromotion& promotion) override;
    bool update(const StoredPromotion& promotion, int64_t expected_version) override;
    std::optional<StoredPromotion> by_id(std::string_view id) override;
    std::vector<StoredPromotion> page(const PromotionQuery& query) override;
    std::vector<StoredPromotion> active_automatic() override;
    std::optional<StoredPromotion> by_code(std::string_view code) override;
    bool code_taken(std::string_view code, std::string_view except_promotion_id) override;
    void insert_code(const PromotionCode& code) override;
    std::vector<PromotionCode> codes_of(std::string_view promotion_id, std::string_view after_code,
                                        int64_t limit) override;
    void insert_redemption(const Redemption& redemption) override;
    void delete_redemptions(std::string_view order_id) override;
    std::map<std::string, int64_t> usage(const std::vector<std::string>& promotion_ids) override;
    std::map<std::string, int64_t> usage_by(std::string_view user_id,
                                             const std::vector<std::string>& promotion_ids) override;
    int64_t code_usage(std::string_view code) override;

private:
    Connection& db_;
};

class SqliteSettings final : public SettingsRepository {
public:
    explicit SqliteSettings(Connection& db) : db_(db) {}
    std::optional<StoreSetting> get(std::string_view name) override;
    bool put(std::string_view name, std::string_view value, int64_t expected_version, int64_t updated_ms) override;

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
