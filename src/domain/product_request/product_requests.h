// Product requests: signed-in shoppers ask for products; "catalog.write" sees all requests and fulfils them.
#pragma once

#include "core/actor.h"
#include "core/ids.h"
#include "core/json_input.h"
#include "ports/storage.h"

#include <optional>
#include <string>
#include <vector>

namespace commerce {

inline constexpr std::size_t kMaxRequestTitle = 200;   // bytes
inline constexpr std::size_t kMaxRequestDetails = 4000;  // bytes

// {"title": "...", "details": "..."}
ProductRequest create_product_request(Transaction& tx, IdGenerator& ids, int64_t now_ms, const Actor& actor,
                                      const json& input);

struct ProductRequestPage {
    std::vector<ProductRequest> items;
    std::optional<std::string> next;
};

// {"status", "limit", "after"}, newest first: the caller's own, or everyone's with "catalog.write".
ProductRequestPage list_product_requests(Transaction& tx, const Actor& actor, const json& query);

// "catalog.write": NOT_FOUND for an unknown request or product, ILLEGAL_STATE when already fulfilled.
ProductRequest fulfill_product_request(Transaction& tx, int64_t now_ms, const Actor& actor,
                                       std::string_view request_id, std::string_view product_id);

json product_request_document(const ProductRequest& request);
json product_request_list_document(const ProductRequestPage& page);

}  // namespace commerce
