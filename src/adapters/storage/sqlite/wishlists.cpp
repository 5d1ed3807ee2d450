#include "adapters/storage/sqlite/wishlist_repository.h"

namespace commerce::sqlite {
namespace {

// The item count comes along so that a user's lists are one query.
#define WISHLIST_SELECT                                                                                         \
    "SELECT w.id, w.user_id, w.name, w.share_token_hash, w.shared_ms, w.created_ms, w.updated_ms, "            \
    "(SELECT count(*) FROM wishlist_items i WHERE i.wishlist_id = w.id) FROM wishlists w "

#define ITEM_SELECT                                                                                             \
    "SELECT i.wishlist_id, i.variant_id, v.product_id, i.note, i.added_ms FROM wishlist_items i "             \
    "JOIN variants v ON v.id = i.variant_id "

Wishlist wishlist_row(Query& row) {
    return Wishlist{.id = row.text(0), .user_id = row.text(1), .name = row.text(2),
                    .share_token_hash = row.optional_text(3), .shared_ms = row.optional_integer(4),
                    .item_count = row.integer(7), .created_ms = row.integer(5), .updated_ms = row.integer(6)};
}

std::optional<Wishlist> one_wishlist(Query& row) {
    if (!row.step()) return std::nullopt;
    return wishlist_row(row);
}

WishlistItem item_row(Query& row) {
    return WishlistItem{.wishlist_id = row.text(0), .variant_id = row.text(1), .product_id = row.text(2),
                        .note = row.optional_text(3), .added_ms = row.integer(4)};
}

}  // namespace

void SqliteWishlists::insert(const Wishlist& wishlist) {
    db_.query("INSERT INTO wishlists (id, user_id, name, share_token_hash, shared_ms, created_ms, updated_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, wishlist.id).bind(2, wishlist.user_id).bind(3, wishlist.name).bind(4, wishlist.share_token_hash)
        .bind(5, wishlist.shared_ms).bind(6, wishlist.created_ms).bind(7, wishlist.updated_ms).run();
}

void SqliteWishlists::update(const Wishlist& wishlist) {
    db_.query("UPDATE wishlists SET name = ?2, share_token_hash = ?3, shared_ms = ?4, updated_ms = ?5 WHERE id = ?1")
        .bind(1, wishlist.id).bind(2, wishlist.name).bind(3, wishlist.share_token_hash).bind(4, wishlist.shared_ms)
        .bind(5, wishlist.updated_ms).run();
}

void SqliteWishlists::remove(std::string_view id) {
    db_.query("DELETE FROM wishlists WHERE id = ?1").bind(1, id).run();
}

std::optional<Wishlist> SqliteWishlists::by_id(std::string_view id) {
    auto row = db_.query(WISHLIST_SELECT "WHERE w.id = ?1");
    row.bind(1, id);
    return one_wishlist(row);
}

std::optional<Wishlist> SqliteWishlists::by_share_hash(std::string_view token_hash) {
    auto row = db_.query(WISHLIST_SELECT "WHERE w.share_token_hash = ?1");
    row.bind(1, token_hash);
    return one_wishlist(row);
}

std::vector<Wishlist> SqliteWishlists::for_user(std::string_view user_id) {
    auto rows = db_.query(WISHLIST_SELECT "WHERE w.user_id = ?1 ORDER BY w.created_ms, w.id");
    rows.bind(1, user_id);
    std::vector<Wishlist> wishlists;
    while (rows.step()) wishlists.push_back(wishlist_row(rows));
    return wishlists;
}

std::optional<Wishlist> SqliteWishlists::by_name(std::string_view user_id, std::string_view name) {
    auto row = db_.query(WISHLIST_SELECT "WHERE w.user_id = ?1 AND w.name = ?2");
    row.bind(1, user_id).bind(2, name);
    return one_wishlist(row);
}

void SqliteWishlists::remove_all_for_user(std::string_view user_id) {
    db_.query("DELETE FROM wishlists WHERE user_id = ?1").bind(1, user_id).run();
}

std::vector<WishlistItem> SqliteWishlists::items(std::string_view wishlist_id) {
    auto rows = db_.query(ITEM_SELECT "WHERE i.wishlist_id = ?1 ORDER BY i.position");
    rows.bind(1, wishlist_id);
    std::vector<WishlistItem> items;
    while (rows.step()) items.push_back(item_row(rows));
    return items;
}

std::optional<WishlistItem> SqliteWishlists::item(std::string_view wishlist_id, std::string_view variant_id) {
    auto row = db_.query(ITEM_SELECT "WHERE i.wishlist_id = ?1 AND i.variant_id = ?2");
    row.bind(1, wishlist_id).bind(2, variant_id);
    if (!row.step()) return std::nullopt;
    return item_row(row);
}

void SqliteWishlists::put_item(const WishlistItem& item) {
    db_.query("INSERT INTO wishlist_items (wishlist_id, variant_id, position, note, added_ms) "
              "VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM wishlist_items WHERE wishlist_id = ?1), "
              "?3, ?4) ON CONFLICT (wishlist_id, variant_id) DO UPDATE SET note = excluded.note")
        .bind(1, item.wishlist_id).bind(2, item.variant_id).bind(3, item.note).bind(4, item.added_ms).run();
}

void SqliteWishlists::remove_item(std::string_view wishlist_id, std::string_view variant_id) {
    db_.query("DELETE FROM wishlist_items WHERE wishlist_id = ?1 AND variant_id = ?2")
        .bind(1, wishlist_id).bind(2, variant_id).run();
}

std::vector<WishlistHolder> SqliteWishlists::holders(std::string_view variant_id) {
    auto rows = db_.query("SELECT w.user_id, w.id FROM wishlist_items i JOIN wishlists w ON w.id = i.wishlist_id "
                          "WHERE i.variant_id = ?1 ORDER BY w.user_id, w.id");
    rows.bind(1, variant_id);
    std::vector<WishlistHolder> holders;
    while (rows.step()) holders.push_back({rows.text(0), rows.text(1)});
    return holders;
}

}  // namespace commerce::sqlite
