#include "adapters/storage/sqlite/migrations.h"

#include "core/error.h"

#include <fmt/format.h>

#include <array>
#include <string>

namespace commerce::sqlite {
namespace {

// Append only: a released migration is never edited, because files in the field have already run it.
constexpr std::array<const char*, 1> kMigrations = {
    // 1: accounts, catalog, carts, orders, payments, idempotency keys.
    R"sql(
    CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        email         TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_ms    INTEGER NOT NULL
    );
    CREATE TABLE user_roles (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role    TEXT NOT NULL,
        PRIMARY KEY (user_id, role)
    ) WITHOUT ROWID;
    CREATE INDEX user_roles_by_role ON user_roles(role);
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE products (
        id          TEXT PRIMARY KEY,
        sku         TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        description TEXT NOT NULL,
        stock       INTEGER NOT NULL CHECK (stock >= 0),
        version     INTEGER NOT NULL,
        created_ms  INTEGER NOT NULL,
        updated_ms  INTEGER NOT NULL
    );
    CREATE TABLE product_prices (
        product_id   TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        currency     TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
        PRIMARY KEY (product_id, currency)
    ) WITHOUT ROWID;
    CREATE TABLE carts (
        id         TEXT PRIMARY KEY,
        user_id    TEXT REFERENCES users(id),
        currency   TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('open', 'completed')),
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
    );
    CREATE TABLE cart_items (
        cart_id    TEXT NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        quantity   INTEGER NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (cart_id, position),
        UNIQUE (cart_id, product_id)
    ) WITHOUT ROWID;
    CREATE INDEX cart_items_by_product ON cart_items(product_id);
    CREATE TABLE orders (
        id                 TEXT PRIMARY KEY,
        number             TEXT NOT NULL UNIQUE,
        user_id            TEXT REFERENCES users(id),
        email              TEXT NOT NULL,
        cart_id            TEXT NOT NULL,
        currency           TEXT NOT NULL,
        status             TEXT NOT NULL,
        payment_status     TEXT NOT NULL,
        fulfillment_status TEXT NOT NULL,
        subtotal_minor     INTEGER NOT NULL,
        total_minor        INTEGER NOT NULL,
        created_ms         INTEGER NOT NULL
    );
    CREATE INDEX orders_by_user ON orders(user_id, id);
    -- No foreign key to products: an order keeps its snapshot after the product is deleted.
    CREATE TABLE order_lines (
        order_id         TEXT NOT NULL REFERENCES orders(id),
        position         INTEGER NOT NULL,
        product_id       TEXT NOT NULL,
        sku              TEXT NOT NULL,
        title            TEXT NOT NULL,
        quantity         INTEGER NOT NULL CHECK (quantity > 0),
        unit_price_minor INTEGER NOT NULL,
        line_total_minor INTEGER NOT NULL,
        PRIMARY KEY (order_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE payments (
        id             TEXT PRIMARY KEY,
        order_id       TEXT NOT NULL UNIQUE REFERENCES orders(id),
        method         TEXT NOT NULL,
        kind           TEXT NOT NULL,
        status         TEXT NOT NULL,
        currency       TEXT NOT NULL,
        amount_minor   INTEGER NOT NULL,
        tendered_minor INTEGER,
        change_minor   INTEGER
    );
    CREATE TABLE order_sequences (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
    );
    CREATE TABLE idempotency_keys (
        scope        TEXT NOT NULL,
        key          TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        order_id     TEXT NOT NULL REFERENCES orders(id),
        created_ms   INTEGER NOT NULL,
        PRIMARY KEY (scope, key)
    ) WITHOUT ROWID;
    )sql",
};

int file_schema_version(Connection& connection) {
    return std::stoi(connection.scalar_text("PRAGMA user_version").value_or("0"));
}

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate(Connection& connection) {
    const int latest = latest_schema_version();
    if (file_schema_version(connection) == latest) return;  // the common case needs no write lock

    connection.exec("BEGIN IMMEDIATE");
    try {
        // Read again under the write lock: another process may have migrated meanwhile.
        const int current = file_schema_version(connection);
        if (current > latest)
            throw Error(COMMERCE_ERR_VERSION,
                        fmt::format("the database has schema version {}, newer than this library supports ({}); "
                                    "upgrade libcommerce to open it",
                                    current, latest),
                        {{"database_schema_version", current}, {"library_schema_version", latest}});
        for (int version = current + 1; version <= latest; ++version) {
            connection.exec(kMigrations[static_cast<std::size_t>(version - 1)]);
            connection.exec(fmt::format("PRAGMA user_version = {}", version));
        }
        connection.exec("COMMIT");
    } catch (...) {
        connection.rollback_quietly();
        throw;
    }
}

}  // namespace commerce::sqlite
