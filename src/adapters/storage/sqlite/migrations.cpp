#include "adapters/storage/sqlite/migrations.h"

#include "core/error.h"

#include <fmt/format.h>

#include <array>
#include <string>

namespace commerce::sqlite {
namespace {

// Append only: a released migration is never edited, because files in the field have already run it.
constexpr std::array<const char*, 11> kMigrations = {
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
    // 3: the full catalog (variants, options, categories, collections, tags, images, translations, digital
    //    products and licence keys), inventory as a ledger per location, reviews, product requests. Products
    //    of schema 2 become one variant each (with the product's id), their stock a receipt at "default".
    R"sql(
    CREATE TABLE products_v3 (
        id              TEXT PRIMARY KEY,
        slug            TEXT NOT NULL UNIQUE,
        kind            TEXT NOT NULL CHECK (kind IN ('physical', 'digital')),
        status          TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
        publish_at_ms   INTEGER,  -- a draft with a publish time is scheduled: published from then on
        title           TEXT NOT NULL,
        description     TEXT NOT NULL,
        seo_title       TEXT,
        seo_description TEXT,
        attributes      TEXT NOT NULL DEFAULT '{}',  -- JSON object: name -> string or array of strings
        licence_type    TEXT,
        asset_ref       TEXT,
        rating_count    INTEGER NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
        rating_sum      INTEGER NOT NULL DEFAULT 0 CHECK (rating_sum >= 0),
        units_sold      INTEGER NOT NULL DEFAULT 0,
        version         INTEGER NOT NULL,
        created_ms      INTEGER NOT NULL,
        updated_ms      INTEGER NOT NULL
    );
    INSERT INTO products_v3 (id, slug, kind, status, title, description, version, created_ms, updated_ms)
        SELECT id, id, 'physical', 'published', title, description, version, created_ms, updated_ms FROM products;
    CREATE INDEX products_by_status ON products_v3(status, id);

    CREATE TABLE variants (
        id                  TEXT PRIMARY KEY,
        product_id          TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        position            INTEGER NOT NULL,
        sku                 TEXT NOT NULL UNIQUE,
        barcode             TEXT UNIQUE,  -- GTIN-13 form: a UPC-A is stored with a leading 0
        options             TEXT NOT NULL DEFAULT '{}',  -- JSON object: option name -> value
        weight_grams        INTEGER CHECK (weight_grams >= 0),
        length_mm           INTEGER CHECK (length_mm >= 0),
        width_mm            INTEGER CHECK (width_mm >= 0),
        height_mm           INTEGER CHECK (height_mm >= 0),
        low_stock_threshold INTEGER CHECK (low_stock_threshold >= 0),
        low_stock_alerted   INTEGER NOT NULL DEFAULT 0,  -- 1 between a crossing below the threshold and a recovery
        backorder_limit     INTEGER NOT NULL DEFAULT 0 CHECK (backorder_limit >= 0)
    );
    CREATE INDEX variants_by_product ON variants(product_id, position);
    INSERT INTO variants (id, product_id, position, sku) SELECT id, id, 0, sku FROM products;

    CREATE TABLE variant_prices (
        variant_id   TEXT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
        currency     TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
        PRIMARY KEY (variant_id, currency)
    ) WITHOUT ROWID;
    CREATE INDEX variant_prices_by_amount ON variant_prices(currency, amount_minor);
    INSERT INTO variant_prices SELECT product_id, currency, amount_minor FROM product_prices;

    CREATE TABLE product_options (
        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        name       TEXT NOT NULL,
        "values"   TEXT NOT NULL,  -- JSON array of strings, in display order
        PRIMARY KEY (product_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE product_images (
        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        url        TEXT NOT NULL,
        alt        TEXT NOT NULL,
        PRIMARY KEY (product_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE product_tags (
        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        tag        TEXT NOT NULL,
        PRIMARY KEY (product_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX product_tags_by_tag ON product_tags(tag, product_id);
    CREATE TABLE product_translations (
        product_id      TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        locale          TEXT NOT NULL,  -- BCP 47, canonical case: "pt-BR"
        title           TEXT,
        description     TEXT,
        seo_title       TEXT,
        seo_description TEXT,
        option_names    TEXT NOT NULL DEFAULT '{}',  -- JSON object: option name -> translated name
        PRIMARY KEY (product_id, locale)
    ) WITHOUT ROWID;

    CREATE TABLE categories (
        id          TEXT PRIMARY KEY,
        parent_id   TEXT REFERENCES categories(id),
        slug        TEXT NOT NULL UNIQUE,
        name        TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        position    INTEGER NOT NULL,
        path        TEXT NOT NULL UNIQUE,  -- "/<root id>/.../<own id>/": descendants share the prefix
        created_ms  INTEGER NOT NULL,
        updated_ms  INTEGER NOT NULL
    );
    CREATE INDEX categories_by_parent ON categories(parent_id, position);
    CREATE TABLE product_categories (
        product_id  TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        category_id TEXT NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
        PRIMARY KEY (product_id, category_id)
    ) WITHOUT ROWID;
    CREATE INDEX product_categories_by_category ON product_categories(category_id, product_id);

    CREATE TABLE collections (
        id          TEXT PRIMARY KEY,
        slug        TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_ms  INTEGER NOT NULL,
        updated_ms  INTEGER NOT NULL
    );
    CREATE TABLE collection_products (
        collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        product_id    TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        PRIMARY KEY (collection_id, product_id)
    ) WITHOUT ROWID;
    CREATE INDEX collection_products_by_product ON collection_products(product_id);

    CREATE TABLE licence_keys (
        id          TEXT PRIMARY KEY,  -- time-ordered: keys are handed out oldest first
        variant_id  TEXT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
        key_digest  BLOB NOT NULL,     -- keyed hash of the key: finds duplicates without reading the keys
        key_sealed  BLOB NOT NULL,     -- the key, sealed with the engine's key
        order_id    TEXT,              -- set when handed out, never cleared
        order_line  INTEGER,
        imported_ms INTEGER NOT NULL,
        assigned_ms INTEGER,
        UNIQUE (variant_id, key_digest)
    );
    CREATE INDEX licence_keys_available ON licence_keys(variant_id, id) WHERE order_id IS NULL;
    CREATE INDEX licence_keys_by_order ON licence_keys(order_id) WHERE order_id IS NOT NULL;

    CREATE TABLE locations (
        id         TEXT PRIMARY KEY,
        code       TEXT NOT NULL UNIQUE,
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('warehouse', 'shop', 'kiosk')),
        created_ms INTEGER NOT NULL
    );
    INSERT INTO locations VALUES ('default', 'default', 'Default', 'warehouse', 0);
    CREATE TABLE stock_levels (
        variant_id TEXT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
        location_id TEXT NOT NULL REFERENCES locations(id),
        on_hand    INTEGER NOT NULL,  -- always the sum of the location's movements of the variant
        PRIMARY KEY (variant_id, location_id)
    ) WITHOUT ROWID;
    CREATE TABLE stock_movements (
        id          TEXT PRIMARY KEY,
        variant_id  TEXT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
        location_id TEXT NOT NULL REFERENCES locations(id),
        kind        TEXT NOT NULL
            CHECK (kind IN ('receipt', 'sale', 'return', 'adjustment', 'transfer_out', 'transfer_in')),
        quantity    INTEGER NOT NULL CHECK (quantity <> 0),  -- signed: what the movement adds to on hand
        reason      TEXT NOT NULL,
        reference   TEXT,
        actor_id    TEXT,
        created_ms  INTEGER NOT NULL
    );
    CREATE INDEX stock_movements_by_variant ON stock_movements(variant_id, location_id, id);
    CREATE TABLE stock_reservations (
        id          TEXT PRIMARY KEY,
        variant_id  TEXT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
        location_id TEXT NOT NULL REFERENCES locations(id),
        quantity    INTEGER NOT NULL CHECK (quantity > 0),
        reference   TEXT,
        expires_ms  INTEGER NOT NULL,
        created_ms  INTEGER NOT NULL
    );
    CREATE INDEX stock_reservations_live ON stock_reservations(variant_id, location_id, expires_ms);
    INSERT INTO stock_levels SELECT id, 'default', stock FROM products WHERE stock > 0;
    INSERT INTO stock_movements (id, variant_id, location_id, kind, quantity, reason, created_ms)
        SELECT 'migrated-' || id, id, 'default', 'receipt', stock, 'stock before the inventory ledger', updated_ms
        FROM products WHERE stock > 0;

    CREATE TABLE cart_items_v3 (
        cart_id    TEXT NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        variant_id TEXT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
        quantity   INTEGER NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (cart_id, position),
        UNIQUE (cart_id, variant_id)
    ) WITHOUT ROWID;
    INSERT INTO cart_items_v3 SELECT cart_id, position, product_id, quantity FROM cart_items;
    DROP TABLE cart_items;
    ALTER TABLE cart_items_v3 RENAME TO cart_items;
    CREATE INDEX cart_items_by_variant ON cart_items(variant_id);
    ALTER TABLE carts ADD COLUMN location_id TEXT REFERENCES locations(id);

    ALTER TABLE order_lines ADD COLUMN variant_id TEXT;
    UPDATE order_lines SET variant_id = product_id;
    ALTER TABLE order_lines ADD COLUMN options TEXT NOT NULL DEFAULT '{}';

    DROP TABLE product_prices;
    DROP TABLE products;
    ALTER TABLE products_v3 RENAME TO products;

    CREATE TABLE reviews (
        id                TEXT PRIMARY KEY,
        product_id        TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        user_id           TEXT NOT NULL REFERENCES users(id),
        rating            INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        title             TEXT NOT NULL,
        body              TEXT NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        moderation_reason TEXT,
        moderated_by      TEXT,
        moderated_ms      INTEGER,
        verified_purchase INTEGER NOT NULL,
        helpful_count     INTEGER NOT NULL DEFAULT 0,
        report_count      INTEGER NOT NULL DEFAULT 0,
        created_ms        INTEGER NOT NULL,
        updated_ms        INTEGER NOT NULL,
        UNIQUE (product_id, user_id)
    );
    CREATE INDEX reviews_queue ON reviews(status, id);
    CREATE INDEX reviews_by_product ON reviews(product_id, status, id);
    CREATE INDEX reviews_by_user ON reviews(user_id);
    CREATE TABLE review_votes (
        review_id  TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        user_id    TEXT NOT NULL REFERENCES users(id),
        kind       TEXT NOT NULL CHECK (kind IN ('helpful', 'report')),
        reason     TEXT,
        created_ms INTEGER NOT NULL,
        PRIMARY KEY (review_id, user_id, kind)
    ) WITHOUT ROWID;
    CREATE INDEX review_votes_by_user ON review_votes(user_id);

    CREATE TABLE product_requests (
        id           TEXT PRIMARY KEY,
        user_id      TEXT REFERENCES users(id),
        title        TEXT NOT NULL,
        details      TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('open', 'fulfilled')),
        product_id   TEXT REFERENCES products(id) ON DELETE SET NULL,
        created_ms   INTEGER NOT NULL,
        fulfilled_ms INTEGER
    );
    CREATE INDEX product_requests_by_user ON product_requests(user_id, id);
    CREATE INDEX product_requests_by_status ON product_requests(status, id);
    )sql",
    // 4: the search index's change log. The index itself lives in memory (built from the catalog tables, see
    //    docs/search.md); these rows tell every process which products changed since the revision it has seen.
    //    Triggers mark a product changed whenever a table its search row reads from changes.
    R"sql(
    CREATE TABLE search_state (
        id                  INTEGER PRIMARY KEY CHECK (id = 1),
        revision            INTEGER NOT NULL,  -- bumped on every change below
        categories_revision INTEGER NOT NULL   -- bumped when a category changes (facet names, tree)
    );
    INSERT INTO search_state VALUES (1, 1, 1);
    CREATE TABLE search_changes (
        product_id TEXT PRIMARY KEY,
        revision   INTEGER NOT NULL  -- search_state.revision when the product last changed
    ) WITHOUT ROWID;
    CREATE INDEX search_changes_by_revision ON search_changes(revision);
    INSERT INTO search_changes SELECT id, 1 FROM products;
    CREATE TRIGGER search_products_insert AFTER INSERT ON products BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT NEW.id, (SELECT revision FROM search_state) WHERE NEW.id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_products_update AFTER UPDATE ON products BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT NEW.id, (SELECT revision FROM search_state) WHERE NEW.id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_products_delete AFTER DELETE ON products BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT OLD.id, (SELECT revision FROM search_state) WHERE OLD.id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_variants_insert AFTER INSERT ON variants BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT NEW.product_id, (SELECT revision FROM search_state) WHERE NEW.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_variants_update AFTER UPDATE ON variants BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT NEW.product_id, (SELECT revision FROM search_state) WHERE NEW.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT OLD.product_id, (SELECT revision FROM search_state) WHERE OLD.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_variants_delete AFTER DELETE ON variants BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT OLD.product_id, (SELECT revision FROM search_state) WHERE OLD.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_product_tags_insert AFTER INSERT ON product_tags BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT NEW.product_id, (SELECT revision FROM search_state) WHERE NEW.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_product_tags_update AFTER UPDATE ON product_tags BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT NEW.product_id, (SELECT revision FROM search_state) WHERE NEW.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT OLD.product_id, (SELECT revision FROM search_state) WHERE OLD.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_product_tags_delete AFTER DELETE ON product_tags BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT OLD.product_id, (SELECT revision FROM search_state) WHERE OLD.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_product_translations_insert AFTER INSERT ON product_translations BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT NEW.product_id, (SELECT revision FROM search_state) WHERE NEW.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_product_translations_update AFTER UPDATE ON product_translations BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT NEW.product_id, (SELECT revision FROM search_state) WHERE NEW.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT OLD.product_id, (SELECT revision FROM search_state) WHERE OLD.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_product_translations_delete AFTER DELETE ON product_translations BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT OLD.product_id, (SELECT revision FROM search_state) WHERE OLD.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_product_categories_insert AFTER INSERT ON product_categories BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT NEW.product_id, (SELECT revision FROM search_state) WHERE NEW.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_product_categories_update AFTER UPDATE ON product_categories BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT NEW.product_id, (SELECT revision FROM search_state) WHERE NEW.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT OLD.product_id, (SELECT revision FROM search_state) WHERE OLD.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_product_categories_delete AFTER DELETE ON product_categories BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT OLD.product_id, (SELECT revision FROM search_state) WHERE OLD.product_id IS NOT NULL ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_variant_prices_insert AFTER INSERT ON variant_prices BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = NEW.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_variant_prices_update AFTER UPDATE ON variant_prices BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = NEW.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_variant_prices_delete AFTER DELETE ON variant_prices BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = OLD.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_stock_levels_insert AFTER INSERT ON stock_levels BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = NEW.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_stock_levels_update AFTER UPDATE ON stock_levels BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = NEW.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_stock_levels_delete AFTER DELETE ON stock_levels BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = OLD.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_stock_reservations_insert AFTER INSERT ON stock_reservations BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = NEW.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_stock_reservations_update AFTER UPDATE ON stock_reservations BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = NEW.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_stock_reservations_delete AFTER DELETE ON stock_reservations BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = OLD.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_licence_keys_insert AFTER INSERT ON licence_keys BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = NEW.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_licence_keys_update AFTER UPDATE ON licence_keys BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = NEW.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_licence_keys_delete AFTER DELETE ON licence_keys BEGIN UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT v.product_id, (SELECT revision FROM search_state) FROM variants v WHERE v.id = OLD.variant_id ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_categories_insert AFTER INSERT ON categories BEGIN UPDATE search_state SET categories_revision = categories_revision + 1, revision = revision + 1; END;
    CREATE TRIGGER search_categories_update AFTER UPDATE ON categories BEGIN UPDATE search_state SET categories_revision = categories_revision + 1; UPDATE search_state SET revision = revision + 1; INSERT INTO search_changes (product_id, revision) SELECT pc.product_id, (SELECT revision FROM search_state) FROM product_categories pc JOIN categories c ON c.id = pc.category_id WHERE substr(c.path, 1, length(NEW.path)) = NEW.path ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision; END;
    CREATE TRIGGER search_categories_delete AFTER DELETE ON categories BEGIN UPDATE search_state SET categories_revision = categories_revision + 1, revision = revision + 1; END;
    )sql",

    // 5: pricing: each product's tax class, what a cart carries for pricing (channel, shipping address, coupon
    // codes), promotions with their generated codes and redemptions, store settings (the tax definition), and
    // the totals an order was placed with.
    R"sql(
    ALTER TABLE products ADD COLUMN tax_class TEXT NOT NULL DEFAULT 'standard';
    UPDATE products SET tax_class = 'digital' WHERE kind = 'digital';
    ALTER TABLE carts ADD COLUMN channel TEXT NOT NULL DEFAULT 'web';
    ALTER TABLE carts ADD COLUMN shipping_address TEXT;
    ALTER TABLE carts ADD COLUMN coupon_codes TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE orders ADD COLUMN totals TEXT;
    CREATE TABLE promotions (
        id            TEXT PRIMARY KEY,
        code          TEXT UNIQUE,
        requires_code INTEGER NOT NULL CHECK (requires_code IN (0, 1)),
        definition    TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('active', 'archived')),
        version       INTEGER NOT NULL,
        created_ms    INTEGER NOT NULL,
        updated_ms    INTEGER NOT NULL
    );
    CREATE INDEX promotions_automatic ON promotions(id) WHERE status = 'active' AND code IS NULL AND requires_code = 0;
    CREATE TABLE promotion_codes (
        code         TEXT PRIMARY KEY,
        promotion_id TEXT NOT NULL REFERENCES promotions(id),
        batch_id     TEXT NOT NULL,
        created_ms   INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX promotion_codes_by_promotion ON promotion_codes(promotion_id, code);
    CREATE TABLE promotion_redemptions (
        order_id     TEXT NOT NULL REFERENCES orders(id),
        promotion_id TEXT NOT NULL REFERENCES promotions(id),
        code         TEXT,
        user_id      TEXT,
        amount_minor INTEGER NOT NULL,
        currency     TEXT NOT NULL,
        created_ms   INTEGER NOT NULL,
        PRIMARY KEY (order_id, promotion_id)
    ) WITHOUT ROWID;
    CREATE INDEX promotion_redemptions_by_promotion ON promotion_redemptions(promotion_id, user_id);
    CREATE INDEX promotion_redemptions_by_code ON promotion_redemptions(code) WHERE code IS NOT NULL;
    CREATE TABLE store_settings (
        name       TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        version    INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
    ) WITHOUT ROWID;
    )sql",

    // 6: the shipping method a cart chose (the methods themselves are the store setting "shipping").
    R"sql(
    ALTER TABLE carts ADD COLUMN shipping_method TEXT;
    )sql",

    // 7: cart lifecycle: the status "merged" (a guest cart folded into its user's at login; the table is rebuilt
    // since a CHECK cannot be altered), abandonment (reported once per idle spell, with a recovery token kept as
    // its hash), and the indexes that find idle carts and a user's latest cart.
    R"sql(
    CREATE TABLE carts_v7 (
        id                  TEXT PRIMARY KEY,
        user_id             TEXT REFERENCES users(id),
        currency            TEXT NOT NULL,
        status              TEXT NOT NULL CHECK (status IN ('open', 'completed', 'merged')),
        created_ms          INTEGER NOT NULL,
        updated_ms          INTEGER NOT NULL,
        location_id         TEXT REFERENCES locations(id),
        channel             TEXT NOT NULL DEFAULT 'web',
        shipping_address    TEXT,
        coupon_codes        TEXT NOT NULL DEFAULT '[]',
        shipping_method     TEXT,
        abandoned_ms        INTEGER,
        recovery_token_hash TEXT
    );
    INSERT INTO carts_v7 (id, user_id, currency, status, created_ms, updated_ms, location_id, channel,
                          shipping_address, coupon_codes, shipping_method)
        SELECT id, user_id, currency, status, created_ms, updated_ms, location_id, channel, shipping_address,
               coupon_codes, shipping_method FROM carts;
    DROP TABLE carts;
    ALTER TABLE carts_v7 RENAME TO carts;
    CREATE UNIQUE INDEX carts_by_recovery_token ON carts(recovery_token_hash) WHERE recovery_token_hash IS NOT NULL;
    CREATE INDEX carts_by_activity ON carts(status, updated_ms);
    CREATE INDEX carts_by_user ON carts(user_id, status, currency, updated_ms) WHERE user_id IS NOT NULL;
    ALTER TABLE cart_items ADD COLUMN note TEXT;
    ALTER TABLE cart_items ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE order_lines ADD COLUMN note TEXT;
    ALTER TABLE order_lines ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}';
    )sql",

    // 8: wishlists. Items point at variants and go when their variant goes; a list goes with its owner. Only the
    //    share token's hash is kept. An item's position keeps the order in which it was first added.
    R"sql(
    CREATE TABLE wishlists (
        id               TEXT PRIMARY KEY,
        user_id          TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name             TEXT NOT NULL,
        share_token_hash TEXT UNIQUE,
        shared_ms        INTEGER,
        created_ms       INTEGER NOT NULL,
        updated_ms       INTEGER NOT NULL,
        UNIQUE (user_id, name)
    );
    CREATE TABLE wishlist_items (
        wishlist_id TEXT NOT NULL REFERENCES wishlists(id) ON DELETE CASCADE,
        variant_id  TEXT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        note        TEXT,
        added_ms    INTEGER NOT NULL,
        PRIMARY KEY (wishlist_id, variant_id)
    ) WITHOUT ROWID;
    CREATE INDEX wishlist_items_by_variant ON wishlist_items(variant_id, wishlist_id);
    )sql",

    // 9: customer groups with their members, and price lists: a list's definition, and its prices as rows keyed
    //    for the cart's lookup (a variant in a currency). Prices go with their list and with their variant.
    R"sql(
    CREATE TABLE customer_groups (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        tax_exempt INTEGER NOT NULL CHECK (tax_exempt IN (0, 1)),
        version    INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
    );
    CREATE TABLE customer_group_members (
        group_id TEXT NOT NULL REFERENCES customer_groups(id) ON DELETE CASCADE,
        user_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        added_ms INTEGER NOT NULL,
        PRIMARY KEY (group_id, user_id)
    ) WITHOUT ROWID;
    CREATE INDEX customer_group_members_by_user ON customer_group_members(user_id, group_id);
    CREATE TABLE price_lists (
        id         TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('active', 'archived')),
        version    INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
    );
    CREATE TABLE price_list_prices (
        price_list_id TEXT NOT NULL REFERENCES price_lists(id) ON DELETE CASCADE,
        variant_id    TEXT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
        currency      TEXT NOT NULL,
        min_quantity  INTEGER NOT NULL CHECK (min_quantity >= 1),
        amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0),
        PRIMARY KEY (variant_id, currency, price_list_id, min_quantity)
    ) WITHOUT ROWID;
    CREATE INDEX price_list_prices_by_list ON price_list_prices(price_list_id, variant_id, currency, min_quantity);
    )sql",
    // 10: currencies. Exchange rates are an append-only history per currency pair: the rate in force at a moment
    //     is the pair's latest by effective time (ties: the last recorded, ids being time-ordered), which the
    //     index serves in one seek. The rate stays decimal text: exact, never a binary float. A cart may show its
    //     total in a display currency; orders are found by placement time for reports at historical rates.
    R"sql(
    CREATE TABLE exchange_rates (
        id           TEXT PRIMARY KEY,
        base         TEXT NOT NULL,
        quote        TEXT NOT NULL CHECK (quote <> base),
        rate         TEXT NOT NULL,
        effective_ms INTEGER NOT NULL,
        created_ms   INTEGER NOT NULL,
        created_by   TEXT
    );
    CREATE INDEX exchange_rates_by_pair ON exchange_rates(base, quote, effective_ms, id);
    ALTER TABLE carts ADD COLUMN display_currency TEXT;
    CREATE INDEX orders_by_placement ON orders(created_ms);
    )sql",
    // 11: the order's life after checkout. Lines keep what promotions took and the tax they carry, and the units
    //     refunded, and whether they are digital; the order keeps what its shipping charged, its addresses (JSON)
    //     and when an unpaid order expires. Every change of state is a timeline row, every attempt on a payment a
    //     ledger row, every refund, shipment and return a row with its lines.
    //     Orders of earlier schemas get a "placed" event and, when captured, their capture in the ledger; their
    //     lines carry no discount or tax (the snapshot did not have them), so their shipping is what the total
    //     has beyond the lines, when it has anything.
    R"sql(
    ALTER TABLE order_lines ADD COLUMN discount_minor INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE order_lines ADD COLUMN tax_minor INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE order_lines ADD COLUMN total_minor INTEGER;
    ALTER TABLE order_lines ADD COLUMN refunded_quantity INTEGER NOT NULL DEFAULT 0 CHECK (refunded_quantity >= 0);
    ALTER TABLE order_lines ADD COLUMN digital INTEGER NOT NULL DEFAULT 0 CHECK (digital IN (0, 1));
    UPDATE order_lines SET total_minor = line_total_minor,
        digital = EXISTS (SELECT 1 FROM products p WHERE p.id = order_lines.product_id AND p.kind = 'digital');
    ALTER TABLE orders ADD COLUMN shipping_minor INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE orders ADD COLUMN shipping_tax_minor INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE orders ADD COLUMN updated_ms INTEGER;
    ALTER TABLE orders ADD COLUMN expires_ms INTEGER;
    ALTER TABLE orders ADD COLUMN shipping_address TEXT;
    ALTER TABLE orders ADD COLUMN billing_address TEXT;
    UPDATE orders SET updated_ms = created_ms,
        shipping_minor = max(0, total_minor -
            (SELECT coalesce(sum(line_total_minor), 0) FROM order_lines WHERE order_id = orders.id));
    CREATE INDEX orders_awaiting_payment ON orders(expires_ms) WHERE expires_ms IS NOT NULL;
    CREATE INDEX orders_by_status ON orders(status, id);
    ALTER TABLE payments ADD COLUMN captured_minor INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE payments ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0;
    UPDATE payments SET captured_minor = amount_minor WHERE status = 'captured';
    CREATE TABLE order_events (
        order_id   TEXT NOT NULL REFERENCES orders(id),
        position   INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        from_state TEXT,
        to_state   TEXT NOT NULL,
        actor_id   TEXT,
        note       TEXT,
        at_ms      INTEGER NOT NULL,
        subject_id TEXT,
        PRIMARY KEY (order_id, position)
    ) WITHOUT ROWID;
    INSERT INTO order_events (order_id, position, kind, from_state, to_state, actor_id, note, at_ms)
        SELECT id, 0, 'placed', NULL, status, user_id, NULL, created_ms FROM orders;
    CREATE TABLE payment_transactions (
        id           TEXT PRIMARY KEY,
        payment_id   TEXT NOT NULL REFERENCES payments(id),
        operation    TEXT NOT NULL CHECK (operation IN ('authorize', 'capture', 'void', 'refund')),
        status       TEXT NOT NULL CHECK (status IN ('succeeded', 'failed', 'pending')),
        amount_minor INTEGER NOT NULL,
        currency     TEXT NOT NULL,
        reference    TEXT,
        raw_status   TEXT NOT NULL,
        actor_id     TEXT,
        created_ms   INTEGER NOT NULL
    );
    CREATE INDEX payment_transactions_by_payment ON payment_transactions(payment_id, created_ms, id);
    INSERT INTO payment_transactions (id, payment_id, operation, status, amount_minor, currency, reference,
                                      raw_status, actor_id, created_ms)
        SELECT 'migrated-' || p.id, p.id, 'capture', 'succeeded', p.amount_minor, p.currency, NULL, 'cash_received',
               NULL, o.created_ms
        FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.status = 'captured';
    CREATE TABLE refunds (
        id                 TEXT PRIMARY KEY,
        order_id           TEXT NOT NULL REFERENCES orders(id),
        amount_minor       INTEGER NOT NULL CHECK (amount_minor >= 0),
        tax_minor          INTEGER NOT NULL,
        shipping_minor     INTEGER NOT NULL,
        shipping_tax_minor INTEGER NOT NULL,
        reason             TEXT,
        note               TEXT,
        actor_id           TEXT,
        created_ms         INTEGER NOT NULL
    );
    CREATE INDEX refunds_by_order ON refunds(order_id, created_ms, id);
    CREATE TABLE shipments (
        id                  TEXT PRIMARY KEY,
        order_id            TEXT NOT NULL REFERENCES orders(id),
        status              TEXT NOT NULL CHECK (status IN ('shipped', 'out_for_delivery', 'delivered')),
        carrier             TEXT,
        tracking_number     TEXT,
        tracking_url        TEXT,
        created_ms          INTEGER NOT NULL,
        out_for_delivery_ms INTEGER,
        delivered_ms        INTEGER
    );
    CREATE INDEX shipments_by_order ON shipments(order_id, created_ms, id);
    CREATE TABLE shipment_lines (
        shipment_id TEXT NOT NULL REFERENCES shipments(id),
        line        INTEGER NOT NULL,
        quantity    INTEGER NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (shipment_id, line)
    ) WITHOUT ROWID;
    CREATE TABLE order_returns (
        id           TEXT PRIMARY KEY,
        order_id     TEXT NOT NULL REFERENCES orders(id),
        status       TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'received', 'refunded')),
        note         TEXT,
        requested_by TEXT,
        refund_id    TEXT REFERENCES refunds(id),
        created_ms   INTEGER NOT NULL,
        updated_ms   INTEGER NOT NULL
    );
    CREATE INDEX order_returns_by_order ON order_returns(order_id, created_ms, id);
    CREATE TABLE order_return_lines (
        return_id   TEXT NOT NULL REFERENCES order_returns(id),
        line        INTEGER NOT NULL,
        quantity    INTEGER NOT NULL CHECK (quantity > 0),
        reason      TEXT,
        disposition TEXT CHECK (disposition IN ('restock', 'discard')),
        PRIMARY KEY (return_id, line)
    ) WITHOUT ROWID;
    CREATE TABLE refund_lines (
        refund_id    TEXT NOT NULL REFERENCES refunds(id),
        line         INTEGER NOT NULL,
        quantity     INTEGER NOT NULL CHECK (quantity >= 0),
        amount_minor INTEGER NOT NULL,
        tax_minor    INTEGER NOT NULL,
        restocked    INTEGER NOT NULL CHECK (restocked IN (0, 1)),
        PRIMARY KEY (refund_id, line)
    ) WITHOUT ROWID;
    )sql",
};

int file_schema_version(Connection& connection) {
    return std::stoi(connection.scalar_text("PRAGMA user_version").value_or("0"));
}

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate(Connection& connection, int target_version) {
    const int latest = latest_schema_version();
    if (file_schema_version(connection) == target_version) return;  // the common case needs no write lock

    // Migrations that rebuild a table need foreign keys off (SQLite's documented procedure: dropping the old
    // table would otherwise cascade into its children); the whole result is checked before it commits.
    connection.exec("PRAGMA foreign_keys = OFF");
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
        for (int version = current + 1; version <= target_version; ++version) {
            connection.exec(kMigrations[static_cast<std::size_t>(version - 1)]);
            connection.exec(fmt::format("PRAGMA user_version = {}", version));
        }
        if (connection.scalar_text("PRAGMA foreign_key_check"))
            throw Error(COMMERCE_ERR_STORAGE, "a migration left a broken reference; the database is unchanged");
        connection.exec("COMMIT");
        connection.exec("PRAGMA foreign_keys = ON");
    } catch (...) {
        connection.rollback_quietly();
        connection.exec("PRAGMA foreign_keys = ON");
        throw;
    }
}

}  // namespace commerce::sqlite
