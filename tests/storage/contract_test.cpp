// One contract for every storage adapter configuration: in-memory, plain file and encrypted file.
#include "adapters/storage/sqlite/migrations.h"
#include "adapters/storage/sqlite/sqlite_storage.h"
#include "core/error.h"
#include "samples.h"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>

using namespace commerce;
using commerce::test::sample_product;
using commerce::test::TempDir;

namespace {

User sample_user(const std::string& id, const std::string& email) {
    return User{.id = id, .email = email, .password_hash = "$argon2id$" + id, .roles = {"customer"},
                .created_ms = 10, .updated_ms = 10};
}

// Every field set, none at its default.
User full_user() {
    return User{.id = "u-full", .email = "full@example.com", .password_hash = "$argon2id$full",
                .roles = {"admin", "staff"}, .created_ms = 100, .updated_ms = 200, .status = kUserSuspended,
                .email_verified_ms = 150, .password_reset_required = true,
                .profile = {.name = "Zoë Full", .phone = "+41 44 000 00 00", .locale = "de-CH", .currency = "CHF"},
                .default_shipping_address_id = "addr-s", .default_billing_address_id = "addr-b"};
}

void check_same(const User& got, const User& want) {
    CHECK(got.id == want.id);
    CHECK(got.email == want.email);
    CHECK(got.password_hash == want.password_hash);
    CHECK(got.roles == want.roles);
    CHECK(got.created_ms == want.created_ms);
    CHECK(got.updated_ms == want.updated_ms);
    CHECK(got.status == want.status);
    CHECK(got.email_verified_ms == want.email_verified_ms);
    CHECK(got.password_reset_required == want.password_reset_required);
    CHECK(got.profile.name == want.profile.name);
    CHECK(got.profile.phone == want.profile.phone);
    CHECK(got.profile.locale == want.profile.locale);
    CHECK(got.profile.currency == want.profile.currency);
    CHECK(got.default_shipping_address_id == want.default_shipping_address_id);
    CHECK(got.default_billing_address_id == want.default_billing_address_id);
}

std::vector<std::string> ids(const std::vector<User>& users) {
    std::vector<std::string> result;
    for (const auto& user : users) result.push_back(user.id);
    return result;
}

std::vector<std::string> ids(const std::vector<AuditEntry>& entries) {
    std::vector<std::string> result;
    for (const auto& entry : entries) result.push_back(entry.id);
    return result;
}

std::vector<std::string> ids(const std::vector<OutboxEvent>& events) {
    std::vector<std::string> result;
    for (const auto& event : events) result.push_back(event.id);
    return result;
}

commerce_status error_code(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& error) {
        return error.code();
    }
    return COMMERCE_OK;
}

// Bytes that are not text: NULs, high bytes, no terminator.
const std::string kSealedBytes("\x00\xff\x01sealed\x00\x80", 10);

constexpr int64_t kDay = 24 * 60 * 60 * 1000;
constexpr int64_t kMarch1 = 1772323200000;  // 2026-03-01T00:00:00Z

// A receipt of `quantity` at the default location, straight into the ledger.
StockMovement receipt(const std::string& id, const std::string& variant_id, int64_t quantity) {
    return {.id = id, .variant_id = variant_id, .location_id = "default", .kind = "receipt", .quantity = quantity,
            .reason = "test", .reference = std::nullopt, .actor_id = std::nullopt, .created_ms = 1};
}

void run_contract(sqlite::Options options) {
    sqlite::SqliteStorage storage(options);
    storage.write([](Transaction& tx) {
        tx.products().insert(sample_product("p1", "SKU-1"));
        tx.stock_ledger().record(receipt("m1", "p1-v", 3));
    });

    SUBCASE("a committed write is read back whole") {
        storage.read([](Transaction& tx) {
            auto product = tx.products().by_id("p1");
            REQUIRE(product);
            REQUIRE(product->variants.size() == 1);
            CHECK(product->variants[0].sku == "SKU-1");
            CHECK(product->variants[0].prices.size() == 2);
            CHECK(product->variants[0].price_in(currency("JPY"))->amount_string() == "1200");
        });
    }
    SUBCASE("a throwing write rolls back everything it did") {
        CHECK_THROWS_AS(storage.write([](Transaction& tx) {
            tx.products().insert(sample_product("p2", "SKU-2"));
            throw Error(COMMERCE_ERR_GENERIC, "abort");
        }), Error);
        storage.read([](Transaction& tx) { CHECK_FALSE(tx.products().by_id("p2")); });
    }
    SUBCASE("a duplicate unique key is EXISTS") {
        try {
            storage.write([](Transaction& tx) { tx.products().insert(sample_product("p3", "SKU-1")); });
            FAIL("expected EXISTS");
        } catch (const Error& error) {
            CHECK(error.code() == COMMERCE_ERR_EXISTS);
        }
    }
    SUBCASE("products: every field and child list round-trips; update keeps variants by id and drops the rest") {
        Product full = sample_product("p9", "FULL-1");
        full.slug = "full";
        full.kind = "digital";
        full.status = "draft";
        full.publish_at_ms = 500;
        full.description = "Long text";
        full.seo = {"SEO title", "SEO description"};
        full.attributes = {{"genre", "rpg"}, {"platform", {"pc", "ps5"}}};
        full.licence_type = "single_user";
        full.asset = "s3://bucket/a.zip";
        full.options = {{"Edition", {"Standard", "Deluxe"}}};
        full.variants[0].options = {{"Edition", "Standard"}};
        full.variants[0].barcode = "0036000291452";
        full.variants[0].weight_grams = 120;
        full.variants[0].dimensions_mm = Dimensions{190, 135, 15};
        full.variants[0].low_stock_threshold = 5;
        full.variants[0].backorder_limit = 2;
        full.variants.push_back({.id = "p9-v2", .sku = "FULL-2", .options = {{"Edition", "Deluxe"}}});
        full.images = {{"https://img/1.png", "Box"}, {"https://img/2.png", ""}};
        full.tags = {"action", "rpg"};
        full.translations["pt-BR"] = {"Título", std::nullopt, {std::nullopt, "Descrição"}, {{"Edition", "Edição"}}};
        storage.write([&](Transaction& tx) {
            tx.categories().insert({"c1", std::nullopt, "games", "Games", "", 0, "/c1/", 1, 1});
            full.category_ids = {"c1"};
            tx.products().insert(full);
        });
        storage.read([&](Transaction& tx) {
            auto got = tx.products().by_slug("full");
            REQUIRE(got);
            CHECK(got->kind == "digital");
            CHECK(got->status == "draft");
            CHECK(got->publish_at_ms == 500);
            CHECK(got->seo.description == "SEO description");
            CHECK(got->attributes == full.attributes);
            CHECK(got->licence_type == "single_user");
            CHECK(got->asset == "s3://bucket/a.zip");
            REQUIRE(got->options.size() == 1);
            CHECK(got->options[0].values == std::vector<std::string>{"Standard", "Deluxe"});
            REQUIRE(got->variants.size() == 2);
            const Variant& first = got->variants[0];
            CHECK(first.options == full.variants[0].options);
            CHECK(first.barcode == "0036000291452");
            CHECK(first.weight_grams == 120);
            REQUIRE(first.dimensions_mm);
            CHECK(first.dimensions_mm->width == 135);
            CHECK(first.low_stock_threshold == 5);
            CHECK(first.backorder_limit == 2);
            CHECK_FALSE(got->variants[1].barcode);
            CHECK_FALSE(got->variants[1].dimensions_mm);
            CHECK(got->images.size() == 2);
            CHECK(got->images[0].alt == "Box");
            CHECK(got->tags == full.tags);
            CHECK(got->category_ids == std::vector<std::string>{"c1"});
            CHECK(got->translations.at("pt-BR").title == "Título");
            CHECK_FALSE(got->translations.at("pt-BR").description);
            CHECK(got->translations.at("pt-BR").seo.description == "Descrição");
            CHECK(got->translations.at("pt-BR").option_names.at("Edition") == "Edição");
            CHECK(tx.products().variant_by_barcode("0036000291452")->variant_id == "p9-v");
            const auto scanned = tx.products().by_barcode("0036000291452");
            REQUIRE(scanned);
            CHECK(scanned->id == "p9");
            CHECK(scanned->title == full.title);
            REQUIRE(scanned->variants.size() == 1);
            CHECK(scanned->variants[0].id == "p9-v");
            CHECK(scanned->variants[0].prices.size() == full.variants[0].prices.size());
            CHECK(scanned->images.empty());
            CHECK_FALSE(tx.products().by_barcode("4006381333931"));
            CHECK(tx.products().variant_by_sku("FULL-2")->product_id == "p9");
            CHECK(tx.products().variant_by_id("p9-v2")->product_id == "p9");
            CHECK(tx.products().slug_taken("full", "p1"));
            CHECK_FALSE(tx.products().slug_taken("full", "p9"));
        });
        storage.write([&](Transaction& tx) {
            tx.stock_ledger().record(receipt("m9", "p9-v", 4));
            Product changed = full;
            changed.variants.erase(changed.variants.begin() + 1);
            changed.variants[0].sku = "FULL-1B";
            changed.tags = {"new"};
            changed.translations.clear();
            changed.version = 2;
            tx.products().update(changed);
        });
        storage.read([&](Transaction& tx) {
            auto got = tx.products().by_id("p9");
            REQUIRE(got->variants.size() == 1);
            CHECK(got->variants[0].sku == "FULL-1B");
            CHECK(tx.stock_ledger().on_hand("p9-v", "default") == 4);  // the kept variant kept its stock
            CHECK_FALSE(tx.products().variant_by_id("p9-v2"));
            CHECK(got->tags == std::vector<std::string>{"new"});
            CHECK(got->translations.empty());
            CHECK(got->version == 2);
        });
    }
    SUBCASE("products: pages filter by status, tag, category subtree, collection and search, and count") {
        storage.write([](Transaction& tx) {
            tx.categories().insert({"c1", std::nullopt, "top", "Top", "", 0, "/c1/", 1, 1});
            tx.categories().insert({"c2", "c1", "child", "Child", "", 0, "/c1/c2/", 1, 1});
            Product a = sample_product("p2", "Under_Score"), b = sample_product("p3", "OTHER");
            a.tags = {"x"};
            a.category_ids = {"c2"};
            b.status = "archived";
            tx.products().insert(a);
            tx.products().insert(b);
            tx.collections().insert({"k1", "sale", "Sale", "", {"p3", "p2"}, 1, 1});
        });
        storage.read([](Transaction& tx) {
            auto ids = [&](const ProductQuery& query) {
                std::vector<std::string> result;
                for (const auto& product : tx.products().page(query)) result.push_back(product.id);
                return result;
            };
            CHECK(ids({}) == std::vector<std::string>{"p1", "p2", "p3"});
            CHECK(ids({.after_id = "p1", .limit = 1}) == std::vector<std::string>{"p2"});
            CHECK(ids({.offset = 2}) == std::vector<std::string>{"p3"});
            CHECK(ids({.status = "archived"}) == std::vector<std::string>{"p3"});
            CHECK(ids({.category_id = "c1"}) == std::vector<std::string>{"p2"});
            CHECK(ids({.collection_id = "k1"}) == std::vector<std::string>{"p2", "p3"});
            CHECK(ids({.tag = "x"}) == std::vector<std::string>{"p2"});
            CHECK(ids({.search = "under_"}) == std::vector<std::string>{"p2"});
            CHECK(ids({.search = "_"}) == std::vector<std::string>{"p2"});  // literal, not a wildcard
            CHECK(tx.products().count({.status = "published"}) == 2);
            auto collection = tx.collections().by_slug("sale");
            REQUIRE(collection);
            CHECK(collection->product_ids == std::vector<std::string>{"p3", "p2"});
        });
    }
    SUBCASE("categories: positions shift, path prefixes move subtrees, counts include descendants") {
        storage.write([](Transaction& tx) {
            tx.categories().insert({"a", std::nullopt, "a", "A", "", 0, "/a/", 1, 1});
            tx.categories().insert({"b", std::nullopt, "b", "B", "", 1, "/b/", 1, 1});
            tx.categories().insert({"a1", "a", "a1", "A1", "", 0, "/a/a1/", 1, 1});
            tx.categories().insert({"a11", "a1", "a11", "A11", "", 0, "/a/a1/a11/", 1, 1});
            Product product = sample_product("p5", "P5");
            product.category_ids = {"a1", "a11"};
            tx.products().insert(product);
        });
        storage.write([](Transaction& tx) {
            CHECK(tx.categories().child_count(std::nullopt) == 2);
            CHECK(tx.categories().child_count(std::string("a")) == 1);
            CHECK(tx.categories().product_count("/a/") == 1);
            CHECK(tx.categories().product_ids("/a/a1/a11/") == std::vector<std::string>{"p5"});
            tx.categories().shift_positions(std::nullopt, 1, 1);
            CHECK(tx.categories().by_id("b")->position == 2);
            CHECK(tx.categories().by_id("a")->position == 0);
            tx.categories().replace_path_prefix("/a/a1/", "/b/a1/");
            CHECK(tx.categories().by_id("a11")->path == "/b/a1/a11/");
            CHECK(tx.categories().subtree("/b/").size() == 3);
            CHECK(tx.categories().product_count("/a/") == 0);
            CHECK(tx.categories().slug_taken("a1", "x"));
            tx.categories().remove("a11");
            CHECK(tx.products().by_id("p5")->category_ids == std::vector<std::string>{"a1"});
            CHECK(tx.categories().all().size() == 3);
        });
    }
    SUBCASE("the catalog change log names each product changed after a revision, however it changed") {
        int64_t start = 0;
        storage.read([&](Transaction& tx) {
            start = tx.catalog_changes().revision();
            CHECK(tx.catalog_changes().changed_since(start).empty());
        });
        CHECK(storage.catalog_revision() == start);
        storage.write([](Transaction& tx) {
            tx.products().insert(sample_product("p2", "SKU-2"));
            tx.stock_ledger().record(receipt("m2", "p1-v", 1));  // stock alone changes what p1 shows
        });
        const int64_t after = storage.catalog_revision();
        CHECK(after > start);
        storage.read([&](Transaction& tx) {
            CHECK(tx.catalog_changes().revision() == after);
            auto changed = tx.catalog_changes().changed_since(start);
            std::sort(changed.begin(), changed.end());
            CHECK(changed == std::vector<std::string>{"p1", "p2"});
            CHECK(tx.catalog_changes().changed_since(after).empty());
        });
        storage.write([](Transaction& tx) { tx.products().remove("p2"); });
        storage.read([&](Transaction& tx) {
            CHECK(tx.catalog_changes().changed_since(after) == std::vector<std::string>{"p2"});
        });
        // A write outside the catalog leaves the revision where it was.
        const int64_t before_user = storage.catalog_revision();
        storage.write([](Transaction& tx) { tx.users().insert(sample_user("u1", "one@example.com")); });
        CHECK(storage.catalog_revision() == before_user);
    }
    SUBCASE("a product read again is as the last commit left it, whoever wrote it (the product cache)") {
        const auto title_of = [&](const char* id) {
            std::optional<std::string> title;
            storage.read([&](Transaction& tx) {
                if (auto product = tx.products().by_id(id)) title = product->title;
            });
            return title;
        };
        const std::string first = *title_of("p1");  // now cached
        storage.write([](Transaction& tx) {
            Product renamed = *tx.products().by_id("p1");
            renamed.title = "Renamed";
            tx.products().update(renamed);
            CHECK(tx.products().by_id("p1")->title == "Renamed");  // the writer reads its own write
        });
        storage.write([](Transaction& tx) { CHECK(tx.products().by_id("p1")->title == "Renamed"); });
        CHECK(title_of("p1") == "Renamed");
        CHECK_THROWS_AS(storage.write([](Transaction& tx) {
            Product renamed = *tx.products().by_id("p1");
            renamed.title = "Rolled back";
            tx.products().update(renamed);
            CHECK(tx.products().by_id("p1")->title == "Rolled back");
            throw Error(COMMERCE_ERR_GENERIC, "abort");
        }), Error);
        CHECK(title_of("p1") == "Renamed");
        if (options.path != ":memory:" && options.key.empty()) {  // another connection, as another process would
            sqlite3* other = nullptr;
            REQUIRE(sqlite3_open(options.path.c_str(), &other) == SQLITE_OK);
            CHECK(sqlite3_exec(other, "UPDATE products SET title = 'Elsewhere' WHERE id = 'p1'", nullptr, nullptr,
                               nullptr) == SQLITE_OK);
            sqlite3_close(other);
            CHECK(title_of("p1") == "Elsewhere");
        }
        storage.read([](Transaction& tx) { CHECK(tx.products().variant_by_id("p1-v")->product_id == "p1"); });
        storage.write([](Transaction& tx) { tx.products().remove("p1"); });
        CHECK_FALSE(title_of("p1"));
        storage.read([](Transaction& tx) { CHECK_FALSE(tx.products().variant_by_id("p1-v")); });
        CHECK(first != "Renamed");
    }
    SUBCASE("order numbers count up per year") {
        storage.write([](Transaction& tx) {
            CHECK(tx.orders().next_number(2026) == 1);
            CHECK(tx.orders().next_number(2026) == 2);
            CHECK(tx.orders().next_number(2027) == 1);
        });
    }
    SUBCASE("describe reports SQLCipher and the schema version") {
        auto info = storage.describe();
        CHECK(info["cipher_version"].get<std::string>().rfind("4.6.1", 0) == 0);
        CHECK(info["database_schema_version"] == sqlite::latest_schema_version());
        CHECK(info["encrypted"] == !options.key.empty());
    }
    SUBCASE("users: every field round-trips, and update rewrites every field and the roles") {
        storage.write([](Transaction& tx) {
            tx.users().insert(full_user());
            tx.users().insert(sample_user("u-bare", "bare@example.com"));
        });
        storage.read([](Transaction& tx) {
            check_same(*tx.users().by_id("u-full"), full_user());
            check_same(*tx.users().by_email("full@example.com"), full_user());
            check_same(*tx.users().by_id("u-bare"), sample_user("u-bare", "bare@example.com"));
            CHECK_FALSE(tx.users().by_id("nobody"));
            CHECK_FALSE(tx.users().by_email("FULL@example.com"));  // emails are stored normalised
        });
        User changed = sample_user("u-full", "changed@example.com");
        changed.roles = {"support"};
        changed.created_ms = 100;
        changed.updated_ms = 300;
        changed.status = kUserActive;
        User filled = sample_user("u-bare", "bare@example.com");
        filled.roles = {};
        filled.profile = full_user().profile;
        filled.email_verified_ms = 5;
        storage.write([&](Transaction& tx) {
            tx.users().update(changed);
            tx.users().update(filled);
        });
        storage.read([&](Transaction& tx) {
            check_same(*tx.users().by_id("u-full"), changed);  // optionals back to null, roles replaced
            check_same(*tx.users().by_id("u-bare"), filled);
            CHECK_FALSE(tx.users().by_email("full@example.com"));
        });
    }
    SUBCASE("users: count_with_role counts active users only") {
        storage.write([](Transaction& tx) {
            User a = sample_user("u1", "a@example.com"), b = sample_user("u2", "b@example.com"),
                 c = sample_user("u3", "c@example.com");
            a.roles = b.roles = c.roles = {"admin"};
            b.status = kUserSuspended;
            c.status = kUserErased;
            tx.users().insert(a);
            tx.users().insert(b);
            tx.users().insert(c);
            tx.users().insert(sample_user("u4", "d@example.com"));
        });
        storage.read([](Transaction& tx) {
            CHECK(tx.users().count_with_role("admin") == 1);
            CHECK(tx.users().count_with_role("customer") == 1);
            CHECK(tx.users().count_with_role("staff") == 0);
        });
    }
    SUBCASE("users: page filters by search, status and role, and pages by id") {
        storage.write([](Transaction& tx) {
            User u1 = sample_user("u1", "alice@example.com");
            u1.profile.name = "Alice Smith";
            User u2 = sample_user("u2", "bob@shop.test");
            u2.profile.name = "Bob SMITHERS";
            u2.status = kUserSuspended;
            User u3 = sample_user("u3", "carol_x@example.com");
            u3.roles = {"admin", "customer"};
            User u4 = sample_user("u4", "carolax@example.com");
            User u5 = sample_user("u5", "100%sure@example.com");
            u5.roles = {"admin"};
            for (const auto& user : {u1, u2, u3, u4, u5}) tx.users().insert(user);
        });
        storage.read([](Transaction& tx) {
            CHECK(ids(tx.users().page({})) == std::vector<std::string>{"u1", "u2", "u3", "u4", "u5"});
            // Pages of two, by id.
            CHECK(ids(tx.users().page({.limit = 2})) == std::vector<std::string>{"u1", "u2"});
            CHECK(ids(tx.users().page({.after_id = "u2", .limit = 2})) == std::vector<std::string>{"u3", "u4"});
            CHECK(ids(tx.users().page({.after_id = "u4", .limit = 2})) == std::vector<std::string>{"u5"});
            CHECK(tx.users().page({.after_id = "u5", .limit = 2}).empty());
            // Search: email or name, any case, wildcards literal.
            CHECK(ids(tx.users().page({.search = "SMITH"})) == std::vector<std::string>{"u1", "u2"});
            CHECK(ids(tx.users().page({.search = "shop.TEST"})) == std::vector<std::string>{"u2"});
            CHECK(ids(tx.users().page({.search = "carol_"})) == std::vector<std::string>{"u3"});
            CHECK(ids(tx.users().page({.search = "0%s"})) == std::vector<std::string>{"u5"});
            CHECK(tx.users().page({.search = "%"}).size() == 1);
            CHECK(tx.users().page({.search = "nobody"}).empty());
            // Status and role.
            CHECK(ids(tx.users().page({.status = kUserSuspended})) == std::vector<std::string>{"u2"});
            CHECK(ids(tx.users().page({.role = "admin"})) == std::vector<std::string>{"u3", "u5"});
            // Combined, with a cursor.
            CHECK(ids(tx.users().page({.search = "example", .status = kUserActive, .role = "customer",
                                       .after_id = "u1"})) == std::vector<std::string>{"u3", "u4"});
            auto page = tx.users().page({.role = "admin", .limit = 1});
            REQUIRE(page.size() == 1);
            CHECK(page[0].roles == std::vector<std::string>{"admin", "customer"});  // whole users come back
        });
    }
    SUBCASE("sessions: round trip, touch only moves forward, removal per user") {
        storage.write([](Transaction& tx) {
            tx.users().insert(sample_user("u1", "a@example.com"));
            tx.users().insert(sample_user("u2", "b@example.com"));
            tx.sessions().insert({.token_hash = "s1", .user_id = "u1", .created_ms = 1, .expires_ms = 1000,
                                  .last_used_ms = 1, .method = "totp", .ip = "203.0.113.7", .user_agent = "Kiosk/1"});
            tx.sessions().insert({"s2", "u1", 2, 1000, 2, "password", "", ""});
            tx.sessions().insert({"s3", "u1", 3, 1000, 3, "social:google", "", ""});
            tx.sessions().insert({"s4", "u2", 4, 1000, 4, "password", "", ""});
        });
        storage.write([](Transaction& tx) {
            auto session = tx.sessions().by_token_hash("s1");
            REQUIRE(session);
            CHECK(session->user_id == "u1");
            CHECK(session->created_ms == 1);
            CHECK(session->expires_ms == 1000);
            CHECK(session->last_used_ms == 1);
            CHECK(session->method == "totp");
            CHECK(session->ip == "203.0.113.7");
            CHECK(session->user_agent == "Kiosk/1");

            tx.sessions().touch("s1", 50);
            CHECK(tx.sessions().by_token_hash("s1")->last_used_ms == 50);
            tx.sessions().touch("s1", 20);
            CHECK(tx.sessions().by_token_hash("s1")->last_used_ms == 50);

            auto mine = tx.sessions().for_user("u1");
            REQUIRE(mine.size() == 3);
            CHECK(mine[0].token_hash == "s1");
            CHECK(mine[2].method == "social:google");

            CHECK(tx.sessions().remove_for_user("u1", "s2") == 2);
            CHECK(tx.sessions().by_token_hash("s2"));
            CHECK(tx.sessions().for_user("u1").size() == 1);
            CHECK(tx.sessions().remove_for_user("u1", "") == 1);
            CHECK(tx.sessions().for_user("u1").empty());
            CHECK(tx.sessions().for_user("u2").size() == 1);
            CHECK(tx.sessions().remove("s4"));
            CHECK_FALSE(tx.sessions().remove("s4"));
        });
    }
    SUBCASE("account tokens: round trip, use, failures and removal") {
        storage.write([](Transaction& tx) {
            tx.users().insert(sample_user("u1", "a@example.com"));
            tx.users().insert(sample_user("u2", "b@example.com"));
            tx.account_tokens().insert({.token_hash = "verify", .user_id = "u1", .purpose = kTokenVerifyEmail,
                                        .created_ms = 1, .expires_ms = 100});
            tx.account_tokens().insert({"reset", "u1", kTokenResetPassword, 2, 200, std::nullopt, "", 0});
            tx.account_tokens().insert({"challenge", "u1", kTokenLoginChallenge, 3, 300, std::nullopt, "", 0});
            tx.account_tokens().insert({"otp", "u1", kTokenEmailOtp, 4, 400, 5, "challenge", 2});
            tx.account_tokens().insert({"other", "u2", kTokenVerifyEmail, 5, 500, std::nullopt, "", 0});
        });
        storage.write([](Transaction& tx) {
            auto otp = tx.account_tokens().by_hash("otp");
            REQUIRE(otp);
            CHECK(otp->user_id == "u1");
            CHECK(otp->purpose == kTokenEmailOtp);
            CHECK(otp->created_ms == 4);
            CHECK(otp->expires_ms == 400);
            CHECK(otp->used_ms == 5);
            CHECK(otp->parent_hash == "challenge");
            CHECK(otp->failed_attempts == 2);
            CHECK_FALSE(tx.account_tokens().by_hash("verify")->used_ms);

            tx.account_tokens().mark_used("verify", 42);
            CHECK(tx.account_tokens().by_hash("verify")->used_ms == 42);
            tx.account_tokens().count_failure("reset");
            tx.account_tokens().count_failure("reset");
            CHECK(tx.account_tokens().by_hash("reset")->failed_attempts == 2);

            tx.account_tokens().remove_children("");  // no parent is not a parent
            CHECK(tx.account_tokens().by_hash("verify"));
            tx.account_tokens().remove_children("challenge");
            CHECK_FALSE(tx.account_tokens().by_hash("otp"));
            CHECK(tx.account_tokens().by_hash("challenge"));

            tx.account_tokens().remove_for_user("u1", kTokenVerifyEmail);
            CHECK_FALSE(tx.account_tokens().by_hash("verify"));
            CHECK(tx.account_tokens().by_hash("reset"));
            CHECK(tx.account_tokens().by_hash("other"));

            tx.account_tokens().remove_all_for_user("u1");
            CHECK_FALSE(tx.account_tokens().by_hash("reset"));
            CHECK_FALSE(tx.account_tokens().by_hash("challenge"));
            CHECK(tx.account_tokens().by_hash("other"));
        });
    }
    SUBCASE("login throttles: save inserts then overwrites, clear forgets") {
        storage.write([](Transaction& tx) {
            tx.users().insert(sample_user("u1", "a@example.com"));
            CHECK_FALSE(tx.login_throttles().find("u1"));
            tx.login_throttles().save({.user_id = "u1", .failures = 1, .last_failure_ms = 10, .locked_until_ms = 0});
            tx.login_throttles().save({.user_id = "u1", .failures = 5, .last_failure_ms = 20, .locked_until_ms = 900});
        });
        storage.read([](Transaction& tx) {
            auto throttle = tx.login_throttles().find("u1");
            REQUIRE(throttle);
            CHECK(throttle->failures == 5);
            CHECK(throttle->last_failure_ms == 20);
            CHECK(throttle->locked_until_ms == 900);
        });
        storage.write([](Transaction& tx) { tx.login_throttles().clear("u1"); });
        storage.read([](Transaction& tx) { CHECK_FALSE(tx.login_throttles().find("u1")); });
    }
    SUBCASE("login events: round trip, daily counts, unique users and anonymisation") {
        storage.write([](Transaction& tx) {
            auto event = [&](const std::string& id, std::optional<std::string> user, const std::string& outcome,
                             int64_t at) {
                tx.login_events().insert({.id = id, .user_id = std::move(user), .email = id + "@example.com",
                                          .ip = "198.51.100.1", .user_agent = "UA", .method = "password",
                                          .outcome = outcome,
                                          .reason = outcome == "success" ? std::nullopt
                                                                         : std::optional<std::string>("bad_password"),
                                          .created_ms = at});
            };
            event("e0", "u1", "success", kMarch1 - 1);  // the day before: outside the range
            // 2026-03-01: u1 twice, u2 once; one failure, one lock, one challenge, one unknown-email failure.
            event("e1", "u1", "success", kMarch1);
            event("e2", "u1", "success", kMarch1 + 1000);
            event("e3", "u2", "success", kMarch1 + 2000);
            event("e4", "u2", "failure", kMarch1 + 3000);
            event("e5", "u2", "locked", kMarch1 + 4000);
            event("e6", "u3", "challenge", kMarch1 + 5000);
            event("e7", std::nullopt, "failure", kMarch1 + kDay - 1);  // the last millisecond of the day
            // 2026-03-02: u1 once and u3 once.
            event("e8", "u1", "success", kMarch1 + kDay);
            event("e9", "u3", "success", kMarch1 + kDay + 1);
            event("e10", "u1", "success", kMarch1 + 2 * kDay);  // the range's end is excluded
        });
        storage.read([](Transaction& tx) {
            auto days = tx.login_events().per_day(kMarch1, kMarch1 + 2 * kDay);
            REQUIRE(days.size() == 2);
            CHECK(days[0].date == "2026-03-01");
            CHECK(days[0].logins == 3);
            CHECK(days[0].failures == 3);
            CHECK(days[0].unique_users == 2);
            CHECK(days[1].date == "2026-03-02");
            CHECK(days[1].logins == 2);
            CHECK(days[1].failures == 0);
            CHECK(days[1].unique_users == 2);
            CHECK(tx.login_events().unique_users(kMarch1, kMarch1 + 2 * kDay) == 3);
            CHECK(tx.login_events().unique_users(kMarch1, kMarch1 + kDay) == 2);
            CHECK(tx.login_events().unique_users(kMarch1 + 2 * kDay + 1, kMarch1 + 3 * kDay) == 0);
            CHECK(tx.login_events().per_day(kMarch1 + 3 * kDay, kMarch1 + 4 * kDay).empty());

            auto mine = tx.login_events().for_user("u2");
            REQUIRE(mine.size() == 3);
            CHECK(mine[0].id == "e3");
            CHECK(mine[1].user_id == "u2");
            CHECK(mine[1].email == "e4@example.com");
            CHECK(mine[1].ip == "198.51.100.1");
            CHECK(mine[1].user_agent == "UA");
            CHECK(mine[1].method == "password");
            CHECK(mine[1].outcome == "failure");
            CHECK(mine[1].reason == "bad_password");
            CHECK(mine[1].created_ms == kMarch1 + 3000);
            CHECK_FALSE(mine[0].reason);
        });
        storage.write([](Transaction& tx) { tx.login_events().anonymise_for_user("u2"); });
        storage.read([](Transaction& tx) {
            for (const auto& event : tx.login_events().for_user("u2")) {
                CHECK(event.email.empty());
                CHECK(event.ip.empty());
                CHECK(event.user_agent.empty());
                CHECK_FALSE(event.outcome.empty());
                CHECK(event.created_ms > 0);
            }
            CHECK(tx.login_events().for_user("u1")[0].email == "e0@example.com");
            CHECK(tx.login_events().per_day(kMarch1, kMarch1 + kDay)[0].logins == 3);
        });
    }
    SUBCASE("second factors: round trip of binary secrets, and single-use recovery codes") {
        storage.write([](Transaction& tx) {
            tx.users().insert(sample_user("u1", "a@example.com"));
            tx.users().insert(sample_user("u2", "b@example.com"));
            tx.second_factors().save({.user_id = "u1", .totp_secret_sealed = kSealedBytes, .totp_confirmed_ms = 7,
                                      .totp_last_step = 123456, .email_otp = true});
            tx.second_factors().save({.user_id = "u2", .email_otp = true});
        });
        storage.write([](Transaction& tx) {
            auto factors = tx.second_factors().find("u1");
            REQUIRE(factors);
            CHECK(factors->totp_secret_sealed == kSealedBytes);
            CHECK(factors->totp_confirmed_ms == 7);
            CHECK(factors->totp_last_step == 123456);
            CHECK(factors->email_otp);
            auto email_only = tx.second_factors().find("u2");
            REQUIRE(email_only);
            CHECK(email_only->totp_secret_sealed.empty());
            CHECK_FALSE(email_only->totp_confirmed_ms);

            tx.second_factors().save({.user_id = "u1", .totp_last_step = 0, .email_otp = false});  // overwrite
            factors = tx.second_factors().find("u1");
            CHECK(factors->totp_secret_sealed.empty());
            CHECK_FALSE(factors->email_otp);

            tx.second_factors().replace_recovery_codes("u1", {"h1", "h2", "h3"});
            tx.second_factors().replace_recovery_codes("u2", {"h1"});
            CHECK(tx.second_factors().recovery_codes_left("u1") == 3);
            CHECK(tx.second_factors().use_recovery_code("u1", "h2", 10));
            CHECK_FALSE(tx.second_factors().use_recovery_code("u1", "h2", 11));  // spent
            CHECK_FALSE(tx.second_factors().use_recovery_code("u1", "nope", 11));
            CHECK(tx.second_factors().recovery_codes_left("u1") == 2);
            CHECK(tx.second_factors().recovery_codes_left("u2") == 1);  // per user

            tx.second_factors().replace_recovery_codes("u1", {"h4", "h5"});
            CHECK(tx.second_factors().recovery_codes_left("u1") == 2);
            CHECK_FALSE(tx.second_factors().use_recovery_code("u1", "h1", 12));  // replaced codes are gone

            tx.second_factors().remove("u1");
            CHECK_FALSE(tx.second_factors().find("u1"));
            CHECK(tx.second_factors().recovery_codes_left("u1") == 0);
            CHECK(tx.second_factors().find("u2"));
        });
    }
    SUBCASE("social identities: round trip, one account per identity, removal") {
        storage.write([](Transaction& tx) {
            tx.users().insert(sample_user("u1", "a@example.com"));
            tx.users().insert(sample_user("u2", "b@example.com"));
            tx.social_identities().insert({.provider = "google", .subject = "g-1", .user_id = "u1", .created_ms = 5});
            tx.social_identities().insert({"apple", "a-1", "u1", 6});
            tx.social_identities().insert({"google", "g-2", "u2", 7});
        });
        CHECK(error_code([&] {
                  storage.write([](Transaction& tx) { tx.social_identities().insert({"google", "g-1", "u2", 8}); });
              }) == COMMERCE_ERR_EXISTS);
        storage.write([](Transaction& tx) {
            auto identity = tx.social_identities().find("google", "g-1");
            REQUIRE(identity);
            CHECK(identity->user_id == "u1");
            CHECK(identity->created_ms == 5);
            CHECK_FALSE(tx.social_identities().find("apple", "g-1"));
            auto mine = tx.social_identities().for_user("u1");
            REQUIRE(mine.size() == 2);
            CHECK(mine[0].provider == "google");
            CHECK(mine[1].provider == "apple");

            CHECK(tx.social_identities().remove("apple", "a-1"));
            CHECK_FALSE(tx.social_identities().remove("apple", "a-1"));
            tx.social_identities().remove_all_for_user("u1");
            CHECK(tx.social_identities().for_user("u1").empty());
            CHECK(tx.social_identities().find("google", "g-2"));
        });
    }
    SUBCASE("addresses: round trip, update, oldest first, removal") {
        const Address home{.id = "a1", .user_id = "u1", .name = "Ada", .company = "ACME", .line1 = "Main 1",
                           .line2 = "Floor 2", .city = "Zürich", .region = "ZH", .postal_code = "8001",
                           .country = "CH", .phone = "+41", .created_ms = 10, .updated_ms = 11};
        storage.write([&](Transaction& tx) {
            tx.users().insert(sample_user("u1", "a@example.com"));
            tx.users().insert(sample_user("u2", "b@example.com"));
            tx.addresses().insert({.id = "a2", .user_id = "u1", .name = "Work", .created_ms = 20, .updated_ms = 20});
            tx.addresses().insert(home);
            tx.addresses().insert({.id = "a3", .user_id = "u2", .name = "Other", .created_ms = 5, .updated_ms = 5});
        });
        storage.write([&](Transaction& tx) {
            auto got = tx.addresses().by_id("a1");
            REQUIRE(got);
            CHECK(got->user_id == "u1");
            CHECK(got->name == "Ada");
            CHECK(got->company == "ACME");
            CHECK(got->line1 == "Main 1");
            CHECK(got->line2 == "Floor 2");
            CHECK(got->city == "Zürich");
            CHECK(got->region == "ZH");
            CHECK(got->postal_code == "8001");
            CHECK(got->country == "CH");
            CHECK(got->phone == "+41");
            CHECK(got->created_ms == 10);
            CHECK(got->updated_ms == 11);

            Address moved = home;
            moved.line1 = "Side 9";
            moved.city = "Bern";
            moved.updated_ms = 30;
            tx.addresses().update(moved);
            got = tx.addresses().by_id("a1");
            CHECK(got->line1 == "Side 9");
            CHECK(got->city == "Bern");
            CHECK(got->updated_ms == 30);
            CHECK(got->created_ms == 10);

            auto mine = tx.addresses().for_user("u1");
            REQUIRE(mine.size() == 2);
            CHECK(mine[0].id == "a1");
            CHECK(mine[1].id == "a2");

            CHECK(tx.addresses().remove("a2"));
            CHECK_FALSE(tx.addresses().remove("a2"));
            tx.addresses().remove_all_for_user("u1");
            CHECK(tx.addresses().for_user("u1").empty());
            CHECK(tx.addresses().by_id("a3"));
        });
    }
    SUBCASE("roles: save, replace permissions, holders, remove") {
        storage.write([](Transaction& tx) {
            User a = sample_user("u1", "a@example.com"), b = sample_user("u2", "b@example.com");
            a.roles = {"support"};
            b.roles = {"support", "customer"};
            b.status = kUserSuspended;
            tx.users().insert(a);
            tx.users().insert(b);
            tx.roles().save({.name = "support", .description = "Helps customers",
                             .permissions = {"users.read", "orders.read"}});
            tx.roles().save({.name = "auditor", .description = "Reads the log", .permissions = {"audit.read"}});
        });
        storage.write([](Transaction& tx) {
            auto role = tx.roles().find("support");
            REQUIRE(role);
            CHECK(role->description == "Helps customers");
            CHECK_FALSE(role->builtin);
            CHECK(role->permissions == std::vector<std::string>{"orders.read", "users.read"});
            CHECK_FALSE(tx.roles().find("admin"));  // built-ins are not stored

            tx.roles().save({.name = "support", .description = "Front line", .permissions = {"users.read"}});
            role = tx.roles().find("support");
            CHECK(role->description == "Front line");
            CHECK(role->permissions == std::vector<std::string>{"users.read"});

            auto all = tx.roles().all();
            REQUIRE(all.size() == 2);
            CHECK(all[0].name == "auditor");
            CHECK(all[0].permissions == std::vector<std::string>{"audit.read"});
            CHECK(all[1].name == "support");

            CHECK(tx.roles().holders("support") == 2);  // any status
            CHECK(tx.roles().holders("auditor") == 0);

            CHECK(tx.roles().remove("auditor"));
            CHECK_FALSE(tx.roles().remove("auditor"));
            CHECK_FALSE(tx.roles().find("auditor"));
            tx.roles().save({.name = "auditor", .description = "Back again"});
            CHECK(tx.roles().find("auditor")->permissions.empty());  // no permissions left behind
        });
    }
    SUBCASE("audit: JSON before/after round-trip, pages newest first with filters") {
        storage.write([](Transaction& tx) {
            tx.audit().insert({.id = "a1", .actor_id = "admin1", .action = "user.suspend", .target_type = "user",
                               .target_id = "u1", .before = {{"status", "active"}},
                               .after = {{"status", "suspended"}, {"n", 1}}, .created_ms = 1});
            tx.audit().insert({"a2", std::nullopt, "role.define", "role", "support", nullptr,
                               {{"permissions", {"users.read"}}}, 2});
            tx.audit().insert({"a3", "admin2", "user.suspend", "user", "u2", {{"status", "active"}}, nullptr, 3});
            tx.audit().insert({"a4", "admin1", "role.remove", "role", "support", {{"name", "support"}}, nullptr, 4});
            tx.audit().insert({"a5", "admin1", "user.suspend", "user", "u1", nlohmann::json::array(), "text", 5});
        });
        storage.read([](Transaction& tx) {
            auto all = tx.audit().page({});
            CHECK(ids(all) == std::vector<std::string>{"a5", "a4", "a3", "a2", "a1"});
            const AuditEntry& first = all[4];
            CHECK(first.actor_id == "admin1");
            CHECK(first.action == "user.suspend");
            CHECK(first.target_type == "user");
            CHECK(first.target_id == "u1");
            CHECK(first.before == nlohmann::json{{"status", "active"}});
            CHECK(first.after == nlohmann::json{{"status", "suspended"}, {"n", 1}});
            CHECK(first.created_ms == 1);
            CHECK_FALSE(all[3].actor_id);
            CHECK(all[3].before.is_null());
            CHECK(all[2].after.is_null());
            CHECK(all[0].before == nlohmann::json::array());
            CHECK(all[0].after == "text");

            CHECK(ids(tx.audit().page({.limit = 2})) == std::vector<std::string>{"a5", "a4"});
            CHECK(ids(tx.audit().page({.before_id = "a4", .limit = 2})) == std::vector<std::string>{"a3", "a2"});
            CHECK(ids(tx.audit().page({.before_id = "a2", .limit = 2})) == std::vector<std::string>{"a1"});
            CHECK(ids(tx.audit().page({.actor_id = "admin1"})) == std::vector<std::string>{"a5", "a4", "a1"});
            CHECK(ids(tx.audit().page({.target_id = "support"})) == std::vector<std::string>{"a4", "a2"});
            CHECK(ids(tx.audit().page({.action = "user.suspend"})) == std::vector<std::string>{"a5", "a3", "a1"});
            CHECK(ids(tx.audit().page({.actor_id = "admin1", .target_id = "u1", .action = "user.suspend",
                                       .before_id = "a5"})) == std::vector<std::string>{"a1"});
        });
    }
    SUBCASE("outbox: due events in order, availability, prefixes, delivery state, erasure") {
        storage.write([](Transaction& tx) {
            auto event = [&](const std::string& id, const std::string& topic, const std::string& subject,
                             int64_t created, int64_t available) {
                tx.outbox().insert({.id = id, .topic = topic, .subject_id = subject, .payload = R"({"id":")" + id + "\"}",
                                    .created_ms = created, .available_ms = available});
            };
            event("e1", "user.verify_email", "u1", 1, 1);
            event("e2", "order.placed", "o1", 2, 2);
            event("e3", "user.reset_password", "u2", 3, 100);  // not available before 100
            event("e4", "users_x.other", "u1", 4, 4);
            event("e5", "order.paid", "o1", 5, 5);
            tx.outbox().insert({.id = "e6", .topic = "user.login_code", .subject_id = "u1", .payload = "{}",
                                .sealed_secrets = kSealedBytes, .created_ms = 6, .available_ms = 6, .attempts = 2,
                                .last_error = "smtp down", .delivered_ms = std::nullopt, .dead_ms = std::nullopt});
            tx.outbox().insert({.id = "e7", .topic = "user.gone", .subject_id = "u1", .payload = "{}",
                                .created_ms = 0, .available_ms = 0, .dead_ms = 9});
            tx.outbox().insert({.id = "e8", .topic = "user.sent", .subject_id = "u1", .payload = "{}",
                                .created_ms = 0, .available_ms = 0, .delivered_ms = 9});
        });
        storage.write([](Transaction& tx) {
            CHECK(ids(tx.outbox().due(50, {}, 10)) == std::vector<std::string>{"e1", "e2", "e4", "e5", "e6"});
            CHECK(ids(tx.outbox().due(100, {}, 10)) == std::vector<std::string>{"e1", "e2", "e3", "e4", "e5", "e6"});
            CHECK(ids(tx.outbox().due(100, {}, 2)) == std::vector<std::string>{"e1", "e2"});
            CHECK(ids(tx.outbox().due(3, {}, 10)) == std::vector<std::string>{"e1", "e2"});
            CHECK(ids(tx.outbox().due(100, {"user."}, 10)) == std::vector<std::string>{"e1", "e3", "e6"});
            CHECK(ids(tx.outbox().due(100, {"user.", "order.paid"}, 10)) ==
                  std::vector<std::string>{"e1", "e3", "e5", "e6"});
            CHECK(ids(tx.outbox().due(100, {"user", "user."}, 10)) ==  // overlapping prefixes: no duplicates
                  std::vector<std::string>{"e1", "e3", "e4", "e6"});
            CHECK(tx.outbox().due(100, {"user%", "user_"}, 10).empty());  // prefixes are literal
            CHECK(tx.outbox().due(100, {"nothing."}, 10).empty());

            auto e6 = tx.outbox().by_id("e6");
            REQUIRE(e6);
            CHECK(e6->topic == "user.login_code");
            CHECK(e6->subject_id == "u1");
            CHECK(e6->payload == "{}");
            CHECK(e6->sealed_secrets == kSealedBytes);
            CHECK(e6->created_ms == 6);
            CHECK(e6->available_ms == 6);
            CHECK(e6->attempts == 2);
            CHECK(e6->last_error == "smtp down");
            CHECK_FALSE(e6->delivered_ms);
            CHECK_FALSE(e6->dead_ms);
            auto e1 = tx.outbox().by_id("e1");
            CHECK(e1->payload == R"({"id":"e1"})");
            CHECK(e1->sealed_secrets.empty());
            CHECK_FALSE(e1->last_error);
            CHECK(tx.outbox().by_id("e7")->dead_ms == 9);
            CHECK(tx.outbox().by_id("e8")->delivered_ms == 9);

            // A retry pushes the event back; delivery erases the secret and takes it out of the queue.
            e1->available_ms = 200;
            e1->attempts = 1;
            e1->last_error = "timeout";
            tx.outbox().save_delivery_state(*e1);
            CHECK(ids(tx.outbox().due(100, {"user."}, 10)) == std::vector<std::string>{"e3", "e6"});
            e6->sealed_secrets.clear();
            e6->delivered_ms = 150;
            e6->last_error.reset();
            e6->attempts = 3;
            tx.outbox().save_delivery_state(*e6);
            auto delivered = tx.outbox().by_id("e6");
            CHECK(delivered->sealed_secrets.empty());
            CHECK(delivered->delivered_ms == 150);
            CHECK(delivered->attempts == 3);
            CHECK_FALSE(delivered->last_error);
            e1 = tx.outbox().by_id("e1");
            CHECK(e1->available_ms == 200);
            CHECK(e1->last_error == "timeout");
            CHECK(ids(tx.outbox().due(300, {"user."}, 10)) == std::vector<std::string>{"e1", "e3"});

            tx.outbox().remove_for_subject("u1");
            for (const char* id : {"e1", "e4", "e6", "e7", "e8"}) CHECK_FALSE(tx.outbox().by_id(id));
            CHECK(ids(tx.outbox().due(300, {}, 10)) == std::vector<std::string>{"e2", "e3", "e5"});
        });
    }
    SUBCASE("secrets: binary values round-trip, a name is set once") {
        storage.write([](Transaction& tx) {
            CHECK_FALSE(tx.secrets().find("sealing_key"));
            tx.secrets().insert("sealing_key", kSealedBytes);
            tx.secrets().insert("empty", "");
        });
        storage.read([](Transaction& tx) {
            CHECK(tx.secrets().find("sealing_key") == kSealedBytes);
            CHECK(tx.secrets().find("empty") == "");
        });
        CHECK(error_code([&] {
                  storage.write([](Transaction& tx) { tx.secrets().insert("sealing_key", "other"); });
              }) == COMMERCE_ERR_EXISTS);
        storage.read([](Transaction& tx) { CHECK(tx.secrets().find("sealing_key") == kSealedBytes); });
    }
}

}  // namespace

TEST_CASE("storage contract: in-memory") { run_contract({.path = ":memory:"}); }

TEST_CASE("storage contract: plain file") {
    TempDir dir;
    run_contract({.path = (dir.path / "plain.db").string()});
}

TEST_CASE("storage contract: encrypted file") {
    TempDir dir;
    run_contract({.path = (dir.path / "secret.db").string(), .key = "kiosk key"});
}

TEST_CASE("an encrypted file needs its key, and is not plaintext on disk") {
    TempDir dir;
    const std::string path = (dir.path / "secret.db").string();
    { sqlite::SqliteStorage storage({.path = path, .key = "right"}); }
    for (const std::string key : {"wrong", ""}) {
        try {
            sqlite::SqliteStorage storage({.path = path, .key = key});
            FAIL("expected BAD_KEY");
        } catch (const Error& error) {
            CHECK(error.code() == COMMERCE_ERR_BAD_KEY);
        }
    }
    std::ifstream file(path, std::ios::binary);
    std::string header(16, '\0');
    file.read(header.data(), 16);
    CHECK(header != std::string("SQLite format 3\0", 16));
}

TEST_CASE("a file written by a newer library is refused") {
    TempDir dir;
    const std::string path = (dir.path / "future.db").string();
    { sqlite::SqliteStorage storage({.path = path}); }
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    try {
        sqlite::SqliteStorage storage({.path = path});
        FAIL("expected VERSION");
    } catch (const Error& error) {
        CHECK(error.code() == COMMERCE_ERR_VERSION);
        CHECK(error.details()["database_schema_version"] == 99);
    }
}

TEST_CASE("the durability setting reaches SQLite") {
    TempDir dir;
    sqlite::SqliteStorage storage({.path = (dir.path / "d.db").string()});
    CHECK(storage.describe()["durability"] == "full");
    CHECK(storage.describe()["journal_mode"] == "wal");
}

TEST_CASE("a version 1 file upgrades: accounts keep working, admins stay verified") {
    TempDir dir;
    const std::string path = (dir.path / "v1.db").string();
    {
        // A file as version 1 of the library left it, with one admin and one customer.
        sqlite::Connection db(path, false);
        sqlite::migrate(db, 1);
        db.exec(R"sql(
            INSERT INTO users VALUES ('u1', 'admin@example.com', 'h1', 100), ('u2', 'buyer@example.com', 'h2', 200);
            INSERT INTO user_roles VALUES ('u1', 'admin'), ('u2', 'customer');
            INSERT INTO sessions VALUES ('s1', 'u2', 250, 9999);
        )sql");
    }
    sqlite::SqliteStorage storage({.path = path});
    CHECK(storage.describe()["database_schema_version"] == sqlite::latest_schema_version());
    storage.read([](Transaction& tx) {
        auto admin = tx.users().by_id("u1");
        REQUIRE(admin);
        CHECK(admin->status == kUserActive);
        CHECK(admin->updated_ms == 100);
        CHECK(admin->email_verified_ms == 100);
        CHECK_FALSE(admin->password_reset_required);
        CHECK_FALSE(admin->profile.name);
        auto buyer = tx.users().by_email("buyer@example.com");
        REQUIRE(buyer);
        CHECK_FALSE(buyer->email_verified_ms);
        CHECK(buyer->roles == std::vector<std::string>{"customer"});
        auto session = tx.sessions().by_token_hash("s1");
        REQUIRE(session);
        CHECK(session->last_used_ms == 250);
        CHECK(session->method == "password");
        CHECK(tx.users().count_with_role("admin") == 1);
    });
}

TEST_CASE("a version 2 file upgrades: each product becomes one variant with its prices, stock and carts") {
    TempDir dir;
    const std::string path = (dir.path / "v2.db").string();
    {
        sqlite::Connection db(path, false);
        sqlite::migrate(db, 2);
        db.exec(R"sql(
            INSERT INTO users (id, email, password_hash, created_ms) VALUES ('u1', 'buyer@example.com', 'h', 1);
            INSERT INTO products VALUES ('p1', 'MUG', 'Mug', 'A mug', 7, 3, 10, 20);
            INSERT INTO product_prices VALUES ('p1', 'EUR', 1250), ('p1', 'USD', 1399);
            INSERT INTO carts VALUES ('c1', 'u1', 'EUR', 'open', 30, 30);
            INSERT INTO cart_items VALUES ('c1', 0, 'p1', 2);
        )sql");
    }
    sqlite::SqliteStorage storage({.path = path});
    CHECK(storage.describe()["database_schema_version"] == sqlite::latest_schema_version());
    storage.read([](Transaction& tx) {
        auto product = tx.products().by_id("p1");
        REQUIRE(product);
        REQUIRE(product->variants.size() == 1);
        CHECK(product->variants[0].id == "p1");
        CHECK(product->variants[0].sku == "MUG");
        CHECK(product->title == "Mug");
        CHECK(product->status == "published");
        CHECK(tx.stock_ledger().on_hand("p1", "default") == 7);
        CHECK(product->version == 3);
        REQUIRE(product->variants[0].prices.size() == 2);
        CHECK(product->variants[0].prices[0].amount_string() == "12.50");
        auto cart = tx.carts().by_id("c1");
        REQUIRE(cart);
        REQUIRE(cart->items.size() == 1);
        CHECK(cart->items[0].quantity == 2);
        CHECK(cart->items[0].variant_id == "p1");
    });
}
