// One contract for every storage adapter configuration: in-memory, plain file and encrypted file.
#include "adapters/storage/sqlite/sqlite_storage.h"
#include "core/error.h"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>

using namespace commerce;

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() / ("commerce-storage-" + std::to_string(::getpid()) + "-" +
                                                          std::to_string(reinterpret_cast<uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

Product sample_product(const std::string& id, const std::string& sku, int64_t stock) {
    return Product{.id = id, .sku = sku, .title = "Title " + sku, .description = "", 
                   .prices = {Money::parse("9.99", "EUR"), Money::parse("1200", "JPY")},
                   .stock = stock, .version = 1, .created_ms = 1, .updated_ms = 1};
}

void run_contract(sqlite::Options options) {
    sqlite::SqliteStorage storage(options);
    storage.write([](Transaction& tx) { tx.products().insert(sample_product("p1", "SKU-1", 3)); });

    SUBCASE("a committed write is read back whole") {
        storage.read([](Transaction& tx) {
            auto product = tx.products().by_id("p1");
            REQUIRE(product);
            CHECK(product->sku == "SKU-1");
            CHECK(product->prices.size() == 2);
            CHECK(product->price_in(currency("JPY"))->amount_string() == "1200");
        });
    }
    SUBCASE("a throwing write rolls back everything it did") {
        CHECK_THROWS_AS(storage.write([](Transaction& tx) {
            tx.products().insert(sample_product("p2", "SKU-2", 1));
            throw Error(COMMERCE_ERR_GENERIC, "abort");
        }), Error);
        storage.read([](Transaction& tx) { CHECK_FALSE(tx.products().by_id("p2")); });
    }
    SUBCASE("stock is taken only when enough is left") {
        storage.write([](Transaction& tx) {
            CHECK(tx.products().take_stock("p1", 2));
            CHECK_FALSE(tx.products().take_stock("p1", 2));
        });
        storage.read([](Transaction& tx) { CHECK(tx.products().by_id("p1")->stock == 1); });
    }
    SUBCASE("a duplicate unique key is EXISTS") {
        try {
            storage.write([](Transaction& tx) { tx.products().insert(sample_product("p3", "SKU-1", 1)); });
            FAIL("expected EXISTS");
        } catch (const Error& error) {
            CHECK(error.code() == COMMERCE_ERR_EXISTS);
        }
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
        CHECK(info["database_schema_version"] == 1);
        CHECK(info["encrypted"] == !options.key.empty());
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
