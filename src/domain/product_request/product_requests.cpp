#include "domain/product_request/product_requests.h"

#include "core/error.h"
#include "core/json_output.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"

#include <fmt/format.h>

namespace commerce {

ProductRequest create_product_request(Transaction& tx, IdGenerator& ids, int64_t now_ms, const Actor& actor,
                                      const json& input) {
    reject_unknown_members(input, "a product request", {"title", "details"});
    ProductRequest request{.id = ids.next(), .user_id = actor.user_id,
                           .title = required_string(input, "title", kMaxRequestTitle),
                           .details = optional_string(input, "details", kMaxRequestDetails).value_or(""),
                           .status = std::string(kRequestOpen), .product_id = std::nullopt, .created_ms = now_ms,
                           .fulfilled_ms = std::nullopt};
    if (request.title.empty()) throw_invalid("title", "title must not be empty");
    tx.product_requests().insert(request);
    return request;
}

ProductRequestPage list_product_requests(Transaction& tx, const Actor& actor, const json& query) {
    reject_unknown_members(query, "a product request query", {"status", "limit", "after"});
    ProductRequestQuery q;
    q.status = optional_string(query, "status", kMaxShortText);
    if (q.status && *q.status != kRequestOpen && *q.status != kRequestFulfilled)
        throw_invalid("status", "status must be \"open\" or \"fulfilled\"");
    if (!actor.can(permission::catalog_write)) q.user_id = actor.user_id;
    q.before_id = optional_string(query, "after", kMaxShortText).value_or("");
    const int64_t limit = optional_integer(query, "limit", 1, 200).value_or(50);
    q.limit = limit + 1;  // the extra row only says that another page follows
    ProductRequestPage page{tx.product_requests().page(q), std::nullopt};
    if (static_cast<int64_t>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next = page.items.back().id;
    }
    return page;
}

ProductRequest fulfill_product_request(Transaction& tx, int64_t now_ms, const Actor& actor,
                                       std::string_view request_id, std::string_view product_id) {
    actor.require(permission::catalog_write);
    auto request = tx.product_requests().by_id(request_id);
    if (!request)
        throw_not_found("request_id", std::string(request_id), fmt::format("no product request with id '{}'", request_id));
    if (!tx.product_requests().product_exists(product_id))
        throw_not_found("product_id", std::string(product_id), fmt::format("no product with id '{}'", product_id));
    if (!tx.product_requests().fulfill(request_id, product_id, now_ms))
        throw Error(COMMERCE_ERR_ILLEGAL_STATE, "the product request is already fulfilled",
                    {{"status", request->status}});
    request->status = kRequestFulfilled;
    request->product_id = std::string(product_id);
    request->fulfilled_ms = now_ms;
    return *request;
}

json product_request_document(const ProductRequest& request) {
    return {{"type", "product_request"},
            {"schema_version", 1},
            {"id", request.id},
            {"user_id", nullable(request.user_id)},
            {"title", request.title},
            {"details", request.details},
            {"status", request.status},
            {"product_id", nullable(request.product_id)},
            {"created_at", format_rfc3339(request.created_ms)},
            {"fulfilled_at", request.fulfilled_ms ? json(format_rfc3339(*request.fulfilled_ms)) : json(nullptr)}};
}

json product_request_list_document(const ProductRequestPage& page) {
    json items = json::array();
    for (const auto& request : page.items) items.push_back(product_request_document(request));
    return {{"type", "product_request_list"}, {"schema_version", 1}, {"items", std::move(items)},
            {"next", nullable(page.next)}};
}

}  // namespace commerce
