#include "adapters/storage/sqlite/migrations.h"

#include "core/error.h"

#include <fmt/format.h>

#include <array>
#include <string>

namespace commerce::sqlite {
namespace {

// Append only: a released migration is never edited, because files in the field have already run it.
constexpr std::array<const char*, 2> kMigrations = {
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
    // 2: identity and access: account state and profile, tokens, throttling, login events, second factors,
    //    social identities, addresses, roles and permissions, the audit log, the outbox, engine secrets.
    R"sql(
    ALTER TABLE users ADD COLUMN updated_ms INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'suspended', 'erased'));
    ALTER TABLE users ADD COLUMN email_verified_ms INTEGER;
    ALTER TABLE users ADD COLUMN password_reset_required INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN name TEXT;
    ALTER TABLE users ADD COLUMN phone TEXT;
    ALTER TABLE users ADD COLUMN locale TEXT;
    ALTER TABLE users ADD COLUMN currency TEXT;
    ALTER TABLE users ADD COLUMN default_shipping_address_id TEXT;
    ALTER TABLE users ADD COLUMN default_billing_address_id TEXT;
    UPDATE users SET updated_ms = created_ms;
    -- Stores created before verification existed keep their admins able to work.
    UPDATE users SET email_verified_ms = created_ms WHERE id IN (SELECT user_id FROM user_roles WHERE role = 'admin');

    ALTER TABLE sessions ADD COLUMN last_used_ms INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN method TEXT NOT NULL DEFAULT 'password';
    ALTER TABLE sessions ADD COLUMN ip TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
    UPDATE sessions SET last_used_ms = created_ms;
    CREATE INDEX sessions_by_user ON sessions(user_id);

    CREATE TABLE account_tokens (
        token_hash      TEXT PRIMARY KEY,
        user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose         TEXT NOT NULL,
        created_ms      INTEGER NOT NULL,
        expires_ms      INTEGER NOT NULL,
        used_ms         INTEGER,
        parent_hash     TEXT NOT NULL DEFAULT '',
        failed_attempts INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX account_tokens_by_user ON account_tokens(user_id, purpose);
    CREATE INDEX account_tokens_by_parent ON account_tokens(parent_hash) WHERE parent_hash <> '';

    CREATE TABLE login_throttles (
        user_id         TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        failures        INTEGER NOT NULL,
        last_failure_ms INTEGER NOT NULL,
        locked_until_ms INTEGER NOT NULL
    ) WITHOUT ROWID;

    -- No foreign key: events outlive erased accounts, anonymised.
    CREATE TABLE login_events (
        id         TEXT PRIMARY KEY,
        user_id    TEXT,
        email      TEXT NOT NULL,
        ip         TEXT NOT NULL,
        user_agent TEXT NOT NULL,
        method     TEXT NOT NULL,
        outcome    TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'locked', 'challenge')),
        reason     TEXT,
        created_ms INTEGER NOT NULL
    );
    CREATE INDEX login_events_by_time ON login_events(created_ms);
    CREATE INDEX login_events_by_user ON login_events(user_id, created_ms);

    CREATE TABLE second_factors (
        user_id            TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        totp_secret_sealed BLOB,
        totp_confirmed_ms  INTEGER,
        totp_last_step     INTEGER NOT NULL DEFAULT 0,
        email_otp          INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE TABLE recovery_codes (
        user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL,
        used_ms   INTEGER,
        PRIMARY KEY (user_id, code_hash)
    ) WITHOUT ROWID;

    CREATE TABLE social_identities (
        provider   TEXT NOT NULL,
        subject    TEXT NOT NULL,
        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_ms INTEGER NOT NULL,
        PRIMARY KEY (provider, subject)
    ) WITHOUT ROWID;
    CREATE INDEX social_identities_by_user ON social_identities(user_id);

    CREATE TABLE addresses (
        id          TEXT PRIMARY KEY,
        user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        company     TEXT NOT NULL,
        line1       TEXT NOT NULL,
        line2       TEXT NOT NULL,
        city        TEXT NOT NULL,
        region      TEXT NOT NULL,
        postal_code TEXT NOT NULL,
        country     TEXT NOT NULL,
        phone       TEXT NOT NULL,
        created_ms  INTEGER NOT NULL,
        updated_ms  INTEGER NOT NULL
    );
    CREATE INDEX addresses_by_user ON addresses(user_id, id);

    -- Custom roles only: the built-in roles and their permissions are defined in code.
    CREATE TABLE roles (
        name        TEXT PRIMARY KEY,
        description TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE role_permissions (
        role       TEXT NOT NULL REFERENCES roles(name) ON DELETE CASCADE,
        permission TEXT NOT NULL,
        PRIMARY KEY (role, permission)
    ) WITHOUT ROWID;

    CREATE TABLE audit_log (
        id          TEXT PRIMARY KEY,
        actor_id    TEXT,
        action      TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id   TEXT NOT NULL,
        before_json TEXT,
        after_json  TEXT,
        created_ms  INTEGER NOT NULL
    );
    CREATE INDEX audit_log_by_actor ON audit_log(actor_id, id);
    CREATE INDEX audit_log_by_target ON audit_log(target_id, id);

    CREATE TABLE outbox (
        id             TEXT PRIMARY KEY,
        topic          TEXT NOT NULL,
        subject_id     TEXT NOT NULL,
        payload        TEXT NOT NULL,
        sealed_secrets BLOB,
        created_ms     INTEGER NOT NULL,
        available_ms   INTEGER NOT NULL,
        attempts       INTEGER NOT NULL DEFAULT 0,
        last_error     TEXT,
        delivered_ms   INTEGER,
        dead_ms        INTEGER
    );
    CREATE INDEX outbox_due ON outbox(available_ms, id) WHERE delivered_ms IS NULL AND dead_ms IS NULL;
    CREATE INDEX outbox_by_subject ON outbox(subject_id);

    CREATE TABLE engine_secrets (
        name  TEXT PRIMARY KEY,
        value BLOB NOT NULL
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
