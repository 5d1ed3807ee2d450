#include "domain/wishlist/document.h"

#include "core/json_output.h"
#include "core/timestamp.h"

namespace commerce {
namespace {

using nlohmann::json;

json item_json(const WishlistItemView& view) {
    json prices = json::array();
    for (const auto& price : view.prices) prices.push_back(price.to_json());
    return {{"variant_id", view.item.variant_id}, {"product_id", view.item.product_id}, {"title", view.title},
            {"sku", view.sku}, {"options", view.options}, {"note", nullable(view.item.note)},
            {"added_at", format_rfc3339(view.item.added_ms)}, {"prices", std::move(prices)},
            {"on_sale", view.on_sale}, {"in_stock", view.in_stock}};
}

// The members the owner's and the shared view have in common.
json items_document(std::string_view type, const Wishlist& wishlist, const std::vector<WishlistItemView>& items,
                    const Currency* currency) {
    json list = json::array();
    for (const auto& view : items) list.push_back(item_json(view));
    return {{"type", type}, {"schema_version", 1}, {"id", wishlist.id}, {"name", wishlist.name},
            {"currency", currency ? json(currency->code) : json(nullptr)}, {"item_count", list.size()},
            {"items", std::move(list)}, {"updated_at", format_rfc3339(wishlist.updated_ms)}};
}

json summary_json(const Wishlist& wishlist) {
    return {{"id", wishlist.id},
            {"name", wishlist.name},
            {"item_count", wishlist.item_count},
            {"shared", wishlist.share_token_hash.has_value()},
            {"shared_at", wishlist.shared_ms ? json(format_rfc3339(*wishlist.shared_ms)) : json(nullptr)},
            {"created_at", format_rfc3339(wishlist.created_ms)},
            {"updated_at", format_rfc3339(wishlist.updated_ms)}};
}

}  // namespace

json wishlist_document(const Wishlist& wishlist, const std::vector<WishlistItemView>& items, const Currency* currency) {
    json document = items_document("wishlist", wishlist, items, currency);
    const json summary = summary_json(wishlist);
    for (const char* member : {"shared", "shared_at", "created_at"}) document[member] = summary[member];
    return document;
}

json shared_wishlist_document(const Wishlist& wishlist, const std::vector<WishlistItemView>& items,
                              const Currency* currency) {
    return items_document("shared_wishlist", wishlist, items, currency);
}

json wishlist_list_document(const std::vector<Wishlist>& wishlists) {
    json list = json::array();
    for (const auto& wishlist : wishlists) list.push_back(summary_json(wishlist));
    return {{"type", "wishlist_list"}, {"schema_version", 1}, {"items", std::move(list)}};
}

json wishlist_share_document(const Wishlist& wishlist, std::string_view token) {
    return {{"type", "wishlist_share"}, {"schema_version", 1}, {"wishlist_id", wishlist.id}, {"token", token},
            {"shared_at", format_rfc3339(*wishlist.shared_ms)}};
}

json wishlist_export_json(const Wishlist& wishlist, const std::vector<WishlistItem>& items) {
    json list = json::array();
    for (const auto& item : items)
        list.push_back({{"variant_id", item.variant_id}, {"product_id", item.product_id},
                        {"note", nullable(item.note)}, {"added_at", format_rfc3339(item.added_ms)}});
    json entry = summary_json(wishlist);
    entry["items"] = std::move(list);
    return entry;
}

}  // namespace commerce
