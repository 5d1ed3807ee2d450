#include "adapters/storage/sqlite/repositories.h"

// Schema 3 keeps products, their variants and their stock apart; until the catalog speaks of variants, a
// product here is its single variant, which shares the product's id, with its stock at the default location.
namespace commerce::sqlite {

void SqliteProducts::write_prices(const Product& product) {
    db_.query("DELETE FROM variant_prices WHERE variant_id = ?1").bind(1, product.id).run();
    for (const auto& price : product.prices)
        db_.query("INSERT INTO variant_prices (variant_id, currency, amount_minor) VALUES (?1, ?2, ?3)")
            .bind(1, product.id).bind(2, price.currency().code).bind(3, price.minor()).run();
}

void SqliteProducts::write_stock(const Product& product, int64_t change, std::string_view kind) {
    if (change == 0) return;
    db_.query("INSERT INTO stock_levels (variant_id, location_id, on_hand) VALUES (?1, 'default', ?2) "
              "ON CONFLICT (variant_id, location_id) DO UPDATE SET on_hand = on_hand + ?2")
        .bind(1, product.id).bind(2, change).run();
    db_.query("INSERT INTO stock_movements (id, variant_id, location_id, kind, quantity, reason, created_ms) "
              "VALUES (lower(hex(randomblob(16))), ?1, 'default', ?2, ?3, ?4, ?5)")
        .bind(1, product.id).bind(2, kind).bind(3, change).bind(4, "product stock").bind(5, product.updated_ms).run();
}

void SqliteProducts::insert(const Product& product) {
    db_.query("INSERT INTO products (id, slug, kind, status, title, description, version, created_ms, updated_ms) "
              "VALUES (?1, ?1, 'physical', 'published', ?2, ?3, ?4, ?5, ?6)")
        .bind(1, product.id).bind(2, product.title).bind(3, product.description).bind(4, product.version)
        .bind(5, product.created_ms).bind(6, product.updated_ms).run();
    db_.query("INSERT INTO variants (id, product_id, position, sku) VALUES (?1, ?1, 0, ?2)")
        .bind(1, product.id).bind(2, product.sku).run();
    write_prices(product);
    write_stock(product, product.stock, "receipt");
}

void SqliteProducts::update(const Product& product) {
    const int64_t before = by_id(product.id).value_or(product).stock;
    db_.query("UPDATE products SET title = ?2, description = ?3, version = ?4, updated_ms = ?5 WHERE id = ?1")
        .bind(1, product.id).bind(2, product.title).bind(3, product.description).bind(4, product.version)
        .bind(5, product.updated_ms).run();
    db_.query("UPDATE variants SET sku = ?2 WHERE id = ?1").bind(1, product.id).bind(2, product.sku).run();
    write_prices(product);
    write_stock(product, product.stock - before, "adjustment");
}

#define PRODUCT_COLUMNS                                                                                       \
    "p.id, v.sku, p.title, p.description, "                                                                  \
    "(SELECT coalesce(sum(on_hand), 0) FROM stock_levels WHERE variant_id = v.id), p.version, p.created_ms, " \
    "p.updated_ms FROM products p JOIN variants v ON v.product_id = p.id AND v.position = 0 "

Product SqliteProducts::load_row(Query& row) {
    Product product{.id = row.text(0), .sku = row.text(1), .title = row.text(2), .description = row.text(3),
                    .prices = {}, .stock = row.integer(4), .version = row.integer(5),
                    .created_ms = row.integer(6), .updated_ms = row.integer(7)};
    auto prices = db_.query("SELECT currency, amount_minor FROM variant_prices WHERE variant_id = ?1 ORDER BY currency");
    prices.bind(1, product.id);
    while (prices.step()) product.prices.push_back(Money::from_minor(prices.integer(1), currency(prices.text(0))));
    return product;
}

std::optional<Product> SqliteProducts::by_id(std::string_view id) {
    auto row = db_.query("SELECT " PRODUCT_COLUMNS "WHERE p.id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return load_row(row);
}

bool SqliteProducts::sku_taken(std::string_view sku, std::string_view except_id) {
    auto query = db_.query("SELECT 1 FROM variants WHERE sku = ?1 AND product_id <> ?2");
    query.bind(1, sku).bind(2, except_id);
    return query.step();
}

std::vector<Product> SqliteProducts::page(std::string_view after_sku, int64_t limit) {
    auto rows = db_.query("SELECT " PRODUCT_COLUMNS "WHERE v.sku > ?1 ORDER BY v.sku LIMIT ?2");
    rows.bind(1, after_sku).bind(2, limit);
    std::vector<Product> products;
    while (rows.step()) products.push_back(load_row(rows));
    return products;
}

bool SqliteProducts::remove(std::string_view id) {
    db_.query("DELETE FROM products WHERE id = ?1").bind(1, id).run();
    return db_.changes() > 0;
}

bool SqliteProducts::take_stock(std::string_view id, int64_t quantity) {
    // One guarded statement: the check and the decrement cannot be separated by another writer.
    db_.query("UPDATE stock_levels SET on_hand = on_hand - ?2 WHERE variant_id = ?1 AND location_id = 'default' "
              "AND on_hand >= ?2")
        .bind(1, id).bind(2, quantity).run();
    if (db_.changes() != 1) return false;
    db_.query("INSERT INTO stock_movements (id, variant_id, location_id, kind, quantity, reason, created_ms) "
              "VALUES (lower(hex(randomblob(16))), ?1, 'default', 'sale', ?2, 'order', 0)")
        .bind(1, id).bind(2, -quantity).run();
    return true;
}

}  // namespace commerce::sqlite
