// The storage port for what prices a cart beyond the catalog: promotions with their coupon codes and
// redemptions, and the store's settings (the tax definition is one).
#pragma once

#include "core/money.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

inline constexpr std::string_view kPromotionActive = "active";
inline constexpr std::string_view kPromotionArchived = "archived";

// A promotion as stored: its definition is the JSON the shop gave (docs/promotions.md), checked when written
// and parsed again when a cart is priced, so the engine's model never needs a storage form of its own.
struct StoredPromotion {
    std::string id;
    std::optional<std::string> code;  // the promotion's own coupon code, normalized
    bool requires_code = false;       // applies only through one of its generated single-use codes
    std::string definition;           // JSON text
    std::string status{kPromotionActive};
    int64_t version = 1;
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

// A single-use code generated for a promotion that requires one.
struct PromotionCode {
    std::string code;  // normalized
    std::string promotion_id;
    std::string batch_id;
    int64_t created_ms = 0;
};

// One promotion counted against one order, written when the order is placed.
struct Redemption {
    std::string order_id;
    std::string promotion_id;
    std::optional<std::string> code;
    std::optional<std::string> user_id;
    Money amount;
    int64_t created_ms = 0;
};

struct PromotionQuery {
    std::optional<std::string> status;
    std::string after_id;  // keyset cursor: ids greater than this one, ascending
    int64_t limit = 50;
};

class PromotionRepository {
public:
    virtual ~PromotionRepository() = default;
    virtual void insert(const StoredPromotion& promotion) = 0;
    // Writes every field, only if the stored version is expected_version; false otherwise.
    virtual bool update(const StoredPromotion& promotion, int64_t expected_version) = 0;
    virtual std::optional<StoredPromotion> by_id(std::string_view id) = 0;
    virtual std::vector<StoredPromotion> page(const PromotionQuery& query) = 0;
    // Active promotions that apply without a code, by id.
    virtual std::vector<StoredPromotion> active_automatic() = 0;
    // The active or archived promotion whose own code this is, or which generated it.
    virtual std::optional<StoredPromotion> by_code(std::string_view code) = 0;
    // Whether a promotion's own code or a generated one already uses this code.
    virtual bool code_taken(std::string_view code, std::string_view except_promotion_id) = 0;
    virtual void insert_code(const PromotionCode& code) = 0;
    virtual std::vector<PromotionCode> codes_of(std::string_view promotion_id, std::string_view after_code,
                                                int64_t limit) = 0;
    virtual void insert_redemption(const Redemption& redemption) = 0;
    // Gives an order's redemptions back (it was cancelled): they count against no limit any more.
    virtual void delete_redemptions(std::string_view order_id) = 0;
    // Redemptions per promotion, over every customer.
    virtual std::map<std::string, int64_t> usage(const std::vector<std::string>& promotion_ids) = 0;
    // Redemptions per promotion by one customer.
    virtual std::map<std::string, int64_t> usage_by(std::string_view user_id,
                                                     const std::vector<std::string>& promotion_ids) = 0;
    virtual int64_t code_usage(std::string_view code) = 0;
};

// Store-wide settings by name, each a JSON text with a version for optimistic concurrency.
struct StoreSetting {
    std::string name;
    std::string value;
    int64_t version = 0;
    int64_t updated_ms = 0;
};

class SettingsRepository {
public:
    virtual ~SettingsRepository() = default;
    virtual std::optional<StoreSetting> get(std::string_view name) = 0;
    // Inserts (expected_version 0) or replaces the setting, only if its version is expected_version; false
    // otherwise. The stored version becomes expected_version + 1.
    virtual bool put(std::string_view name, std::string_view value, int64_t expected_version, int64_t updated_ms) = 0;
};

}  // namespace commerce
