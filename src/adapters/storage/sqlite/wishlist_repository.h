// The SQLite repository of wishlists and their items.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/wishlist_repositories.h"

namespace commerce::sqlite {

class SqliteWishlists final : public WishlistRepository {
public:
    explicit SqliteWishlists(Connection& db) : db_(db) {}
    void insert(const Wishlist& wishlist) override;
    void update(const Wishlist& wishlist) override;
    void remove(std::string_view id) override;
    std::optional<Wishlist> by_id(std::string_view id) override;
    std::optional<Wishlist> by_share_hash(std::string_view token_hash) override;
    std::vector<Wishlist> for_user(std::string_view user_id) override;
    std::optional<Wishlist> by_name(std::string_view user_id, std::string_view name) override;
    void remove_all_for_user(std::string_view user_id) override;
    std::vector<WishlistItem> items(std::string_view wishlist_id) override;
    std::optional<WishlistItem> item(std::string_view wishlist_id, std::string_view variant_id) override;
    void put_item(const WishlistItem& item) override;
    void remove_item(std::string_view wishlist_id, std::string_view variant_id) override;
    std::vector<WishlistHolder> holders(std::string_view variant_id) override;

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
