// The storage port for price lists: each list's definition (without its prices) with a status and a version, and
// its prices as rows, so a cart reads only the prices of its own variants.
#pragma once

#include "domain/pricing/price_list.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

inline constexpr std::string_view kPriceListActive = "active";
inline constexpr std::string_view kPriceListArchived = "archived";

struct StoredPriceList {
    std::string id;
    std::string definition;  // JSON text of the definition without "prices" (docs/price-lists.md)
    std::string status{kPriceListActive};
    int64_t version = 1;
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

// One row of a list's prices, named with its list.
struct ListedPrice {
    std::string price_list_id;
    PriceListPrice price;
};

struct PriceListQuery {
    std::optional<std::string> status;
    std::string after_id;  // keyset cursor: ids greater than this one, ascending
    int64_t limit = 50;
};

class PriceListRepository {
public:
    virtual ~PriceListRepository() = default;
    virtual void insert(const StoredPriceList& list) = 0;
    // Writes every field, only if the stored version is expected_version; false otherwise.
    virtual bool update(const StoredPriceList& list, int64_t expected_version) = 0;
    // Replaces the list's prices with these.
    virtual void replace_prices(std::string_view price_list_id, const std::vector<PriceListPrice>& prices) = 0;
    virtual std::optional<StoredPriceList> by_id(std::string_view id) = 0;
    virtual std::vector<StoredPriceList> page(const PriceListQuery& query) = 0;
    // The list's prices sorted by variant, currency and min_quantity.
    virtual std::vector<PriceListPrice> prices_of(std::string_view price_list_id) = 0;
    virtual int64_t price_count(std::string_view price_list_id) = 0;
    // Every active list, by id.
    virtual std::vector<StoredPriceList> active() = 0;
    // The prices that active lists give these variants in the currency, sorted by list, variant and min_quantity.
    virtual std::vector<ListedPrice> active_prices_for(const std::vector<std::string>& variant_ids,
                                                       const Currency& currency) = 0;
};

}  // namespace commerce
