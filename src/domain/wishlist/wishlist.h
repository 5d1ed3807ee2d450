// Wishlists: a user's named lists of variants to buy later, each shareable read-only through a bearer token.
// The catalog facts an item shows (title, prices, stock) are read at read time, never copied into the list.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace commerce {

// Bounds that keep one user's lists cheap to read in full (a list has no pages) and stop runaway clients.
inline constexpr int64_t kMaxWishlistsPerUser = 50;
inline constexpr int64_t kMaxWishlistItems = 500;
inline constexpr std::size_t kMaxWishlistNameChars = 100;
inline constexpr std::size_t kMaxWishlistNoteChars = 500;

struct Wishlist {
    std::string id;
    std::string user_id;
    std::string name;  // trimmed, unique among the user's lists
    // SHA-256 (hex) of the live share token; the token itself is shown once and never stored.
    std::optional<std::string> share_token_hash;
    std::optional<int64_t> shared_ms;  // when the live share token was issued
    int64_t item_count = 0;            // read from storage, never written
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

struct WishlistItem {
    std::string wishlist_id;
    std::string variant_id;
    std::string product_id;  // the variant's product, read from the catalog
    std::optional<std::string> note;
    int64_t added_ms = 0;
};

// One list that holds a variant, with its owner: whom a price drop or a restock concerns.
struct WishlistHolder {
    std::string user_id;
    std::string wishlist_id;
};

}  // namespace commerce
