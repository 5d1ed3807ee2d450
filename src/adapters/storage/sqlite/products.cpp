#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

void SqliteProducts::write_prices(const Product& product) {
    db_.query("DELETE FROM product_prices WHERE product_id = ?1").bind(1, product.id).run();
    for (const auto& price : product.prices)
        db_.query("INSERT INTO product_prices (product_id, currency, amount_minor) VALUES (?1, ?2, ?3)")
            .bind(1, product.id).bind(2, price.currency().code).bind(3, price.minor()).run();
}

void SqliteProducts::insert(const Product& product) {
    db_.query("INSERT INTO products (id, sku, title, description, stock, version, created_ms, updated_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, product.id).bind(2, product.sku).bind(3, product.title).bind(4, product.description)
        .bind(5, product.stock).bind(6, product.version).bind(7, product.created_ms).bind(8, product.updated_ms)
        .run();
    write_prices(product);
}

void SqliteProducts::update(const Product& product) {
    db_.query("UPDATE products SET sku = ?2, title = ?3, description = ?4, stock = ?5, version = ?6, "
              "updated_ms = ?7 WHERE id = ?1")
        .bind(1, product.id).bind(2, product.sku).bind(3, product.title).bind(4, product.description)
        .bind(5, product.stock).bind(6, product.version).bind(7, product.updated_ms).run();
    write_prices(product);
}

Product SqliteProducts::load_row(Query& row) {
    Product product{.id = row.text(0), .sku = row.text(1), .title = row.text(2), .description = row.text(3),
                    .prices = {}, .stock = row.integer(4), .version = row.integer(5),
                    .created_ms = row.integer(6), .updated_ms = row.integer(7)};
    auto prices = db_.query("SELECT currency, amount_minor FROM product_prices WHERE product_id = ?1 ORDER BY currency");
    prices.bind(1, product.id);
    while (prices.step()) product.prices.push_back(Money::from_minor(prices.integer(1), currency(prices.text(0))));
    return product;
}

std::optional<Product> SqliteProducts::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, sku, title, description, stock, version, created_ms, updated_ms "
                         "FROM products WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return load_row(row);
}

bool SqliteProducts::sku_taken(std::string_view sku, std::string_view except_id) {
    auto query = db_.query("SELECT 1 FROM products WHERE sku = ?1 AND id <> ?2");
    query.bind(1, sku).bind(2, except_id);
    return query.step();
}

std::vector<Product> SqliteProducts::page(std::string_view after_sku, int64_t limit) {
    auto rows = db_.query("SELECT id, sku, title, description, stock, version, created_ms, updated_ms "
                          "FROM products WHERE sku > ?1 ORDER BY sku LIMIT ?2");
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
    db_.query("UPDATE products SET stock = stock - ?2 WHERE id = ?1 AND stock >= ?2").bind(1, id).bind(2, quantity).run();
    return db_.changes() == 1;
}

}  // namespace commerce::sqlite
