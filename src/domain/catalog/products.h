// Catalog operations on products. Writes need the admin role.
#pragma once

#include "core/actor.h"
#include "core/ids.h"
#include "core/json_input.h"
#include "ports/storage.h"

namespace commerce {

inline constexpr int64_t kMaxStock = 1'000'000'000'000LL;  // far below 2^53, so JavaScript hosts read it exactly

Product create_product(Transaction& tx, IdGenerator& ids, int64_t now_ms, const Actor& actor, const json& input);
Product update_product(Transaction& tx, int64_t now_ms, const Actor& actor, std::string_view id, const json& patch);
Product get_product(Transaction& tx, std::string_view id);
void delete_product(Transaction& tx, const Actor& actor, std::string_view id);

struct ProductPage {
    std::vector<Product> items;
    std::optional<std::string> next;  // the cursor of the following page
};

// query: {"limit": 1..200 (default 50), "after": cursor}
ProductPage list_products(Transaction& tx, const json& query);

json product_document(const Product& product);
json product_list_document(const ProductPage& page);

}  // namespace commerce
