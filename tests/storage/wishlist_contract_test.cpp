// The storage contract of wishlists, for every SQLite configuration: in-memory, plain file and encrypted file.
#include "adapters/storage/sqlite/sqlite_storage.h"
#include "samples.h"

#include <doctest/doctest.h>

using namespace commerce;
using commerce::test::sample_product;
using commerce::test::TempDir;

namespace {

Wishlist sample_wishlist(const std::string& id, const std::string& user, const std::string& name, int64_t at) {
    return Wishlist{.id = id, .user_id = user, .name = name, .share_token_hash = std::nullopt,
                    .shared_ms = std::nullopt, .item_count = 0, .created_ms = at, .updated_ms = at};
}

WishlistItem sample_item(const std::string& wishlist, const std::string& variant, std::optional<std::string> note) {
    return WishlistItem{.wishlist_id = wishlist, .variant_id = variant, .product_id = "", .note = std::move(note),
                        .added_ms = 7};
}

std::vector<std::string> variants(const std::vector<WishlistItem>& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.push_back(item.variant_id + "@" + item.product_id);
    return ids;
}

void run_contract(sqlite::Options options) {
    sqlite::SqliteStorage storage(options);
    storage.write([](Transaction& tx) {
        for (const char* id : {"u1", "u2"})
            tx.users().insert(User{.id = id, .email = std::string(id) + "@example.com", .password_hash = "h",
                                   .roles = {"customer"}, .created_ms = 1, .updated_ms = 1});
        for (const char* id : {"p1", "p2", "p3"}) tx.products().insert(sample_product(id, std::string("SKU-") + id));
        tx.wishlists().insert(sample_wishlist("w2", "u1", "Later", 2));
        tx.wishlists().insert(sample_wishlist("w1", "u1", "Birthday", 3));
        tx.wishlists().insert(sample_wishlist("w3", "u2", "Birthday", 1));
    });

    SUBCASE("lists: by id, by name, a user's oldest first, the share hash") {
        storage.write([](Transaction& tx) {
            Wishlist shared = *tx.wishlists().by_id("w1");
            shared.share_token_hash = "hash-1";
            shared.shared_ms = 9;
            shared.name = "Birthday 2027";
            shared.updated_ms = 9;
            tx.wishlists().update(shared);
        });
        storage.read([](Transaction& tx) {
            const auto lists = tx.wishlists().for_user("u1");
            REQUIRE(lists.size() == 2);
            CHECK(lists[0].id == "w2");
            CHECK(lists[1].name == "Birthday 2027");
            CHECK(lists[1].shared_ms == 9);
            CHECK(tx.wishlists().by_name("u1", "Later")->id == "w2");
            CHECK_FALSE(tx.wishlists().by_name("u1", "Birthday"));
            CHECK(tx.wishlists().by_name("u2", "Birthday")->id == "w3");
            CHECK(tx.wishlists().by_share_hash("hash-1")->id == "w1");
            CHECK_FALSE(tx.wishlists().by_share_hash("hash-2"));
            CHECK_FALSE(tx.wishlists().by_id("nope"));
        });
        CHECK_THROWS_AS(storage.write([](Transaction& tx) {  // a name is unique per user
            tx.wishlists().insert(sample_wishlist("w4", "u1", "Later", 4));
        }), Error);
    }
    SUBCASE("items: the order first added, a note replaced in place, counts, holders") {
        storage.write([](Transaction& tx) {
            tx.wishlists().put_item(sample_item("w1", "p2-v", std::nullopt));
            tx.wishlists().put_item(sample_item("w1", "p1-v", "blue"));
            tx.wishlists().put_item(sample_item("w1", "p2-v", "again"));  // stays first
            tx.wishlists().put_item(sample_item("w3", "p2-v", std::nullopt));
            tx.wishlists().put_item(sample_item("w2", "p2-v", std::nullopt));
        });
        storage.read([](Transaction& tx) {
            const auto items = tx.wishlists().items("w1");
            CHECK(variants(items) == std::vector<std::string>{"p2-v@p2", "p1-v@p1"});
            CHECK(items[0].note == "again");
            CHECK(items[0].added_ms == 7);
            CHECK(tx.wishlists().item("w1", "p1-v")->note == "blue");
            CHECK_FALSE(tx.wishlists().item("w2", "p1-v"));
            CHECK(tx.wishlists().by_id("w1")->item_count == 2);
            const auto holders = tx.wishlists().holders("p2-v");
            REQUIRE(holders.size() == 3);
            CHECK((holders[0].user_id == "u1" && holders[0].wishlist_id == "w1"));
            CHECK((holders[1].user_id == "u1" && holders[1].wishlist_id == "w2"));
            CHECK((holders[2].user_id == "u2" && holders[2].wishlist_id == "w3"));
            CHECK(tx.wishlists().holders("p3-v").empty());
        });
        storage.write([](Transaction& tx) {
            tx.wishlists().remove_item("w1", "p2-v");
            tx.products().remove("p1");  // its variant leaves every list
            tx.wishlists().remove("w2");
            tx.wishlists().remove_all_for_user("u2");
        });
        storage.read([](Transaction& tx) {
            CHECK(tx.wishlists().items("w1").empty());
            CHECK(tx.wishlists().items("w2").empty());
            CHECK_FALSE(tx.wishlists().by_id("w3"));
            CHECK(tx.wishlists().holders("p2-v").empty());
            CHECK(tx.wishlists().for_user("u1").size() == 1);
        });
    }
}

}  // namespace

TEST_CASE("wishlist storage contract: in-memory") { run_contract({.path = ":memory:"}); }

TEST_CASE("wishlist storage contract: plain file") {
    TempDir dir;
    run_contract({.path = (dir.path / "plain.db").string()});
}

TEST_CASE("wishlist storage contract: encrypted file") {
    TempDir dir;
    run_contract({.path = (dir.path / "secret.db").string(), .key = "kiosk key"});
}
