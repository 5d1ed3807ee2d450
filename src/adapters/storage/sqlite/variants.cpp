#include "adapters/storage/sqlite/catalog_repositories.h"

#include <algorithm>

// Variants keep their rows across product updates (an upsert by id), because stock levels, movements and cart
// lines point at them; only variants a product no longer lists are deleted.
namespace commerce::sqlite {

void SqliteProducts::write_variants(const Product& product) {
    std::vector<std::string> stale;
    auto existing = db_.query("SELECT id FROM variants WHERE product_id = ?1");
    existing.bind(1, product.id);
    while (existing.step())
        if (!product.variant(existing.text(0))) stale.push_back(existing.text(0));
    for (const auto& id : stale) db_.query("DELETE FROM variants WHERE id = ?1").bind(1, id).run();
    // Two variants may trade SKUs or barcodes in one update, and UNIQUE is checked row by row: move the product's
    // codes out of the way first. A SKU that begins with NUL cannot come through the C ABI, so the placeholders
    // collide with nothing (the domain has checked the new codes against other products already).
    db_.query("UPDATE variants SET sku = char(0) || id, barcode = NULL WHERE product_id = ?1").bind(1, product.id).run();

    int64_t position = 0;
    for (const auto& variant : product.variants) {
        const auto& size = variant.dimensions_mm;
        auto side = [&](int64_t Dimensions::*member) {
            return size ? std::optional<int64_t>((*size).*member) : std::nullopt;
        };
        db_.query("INSERT INTO variants (id, product_id, position, sku, barcode, options, weight_grams, length_mm, "
                  "width_mm, height_mm, low_stock_threshold, backorder_limit) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                  "ON CONFLICT (id) DO UPDATE SET position = excluded.position, sku = excluded.sku, "
                  "barcode = excluded.barcode, options = excluded.options, weight_grams = excluded.weight_grams, "
                  "length_mm = excluded.length_mm, width_mm = excluded.width_mm, height_mm = excluded.height_mm, "
                  "low_stock_threshold = excluded.low_stock_threshold, backorder_limit = excluded.backorder_limit")
            .bind(1, variant.id).bind(2, product.id).bind(3, position++).bind(4, variant.sku).bind(5, variant.barcode)
            .bind(6, nlohmann::json(variant.options).dump()).bind(7, variant.weight_grams)
            .bind(8, side(&Dimensions::length)).bind(9, side(&Dimensions::width)).bind(10, side(&Dimensions::height))
            .bind(11, variant.low_stock_threshold).bind(12, variant.backorder_limit).run();
        db_.query("DELETE FROM variant_prices WHERE variant_id = ?1").bind(1, variant.id).run();
        for (const auto& price : variant.prices)
            db_.query("INSERT INTO variant_prices (variant_id, currency, amount_minor) VALUES (?1, ?2, ?3)")
                .bind(1, variant.id).bind(2, price.currency().code).bind(3, price.minor()).run();
    }
}

#define VARIANT_COLUMNS                                                                                      \
    "SELECT id, sku, barcode, options, weight_grams, length_mm, width_mm, height_mm, low_stock_threshold, " \
    "backorder_limit FROM variants "

std::vector<Variant> SqliteProducts::load_variants(std::string_view product_id) {
    auto rows = db_.query(VARIANT_COLUMNS "WHERE product_id = ?1 ORDER BY position");
    rows.bind(1, product_id);
    return read_variants(rows);
}

std::vector<Variant> SqliteProducts::load_variants_with_barcode(std::string_view normalized_barcode) {
    auto rows = db_.query(VARIANT_COLUMNS "WHERE barcode = ?1");
    rows.bind(1, normalized_barcode);
    return read_variants(rows);
}

std::vector<Variant> SqliteProducts::read_variants(Query& rows) {
    std::vector<Variant> variants;
    while (rows.step()) {
        Variant variant{.id = rows.text(0), .sku = rows.text(1), .options = {}, .barcode = rows.optional_text(2),
                        .prices = {}, .weight_grams = rows.optional_integer(4), .dimensions_mm = std::nullopt,
                        .low_stock_threshold = rows.optional_integer(8), .backorder_limit = rows.integer(9)};
        variant.options = nlohmann::json::parse(rows.text(3)).get<std::map<std::string, std::string>>();
        if (auto length = rows.optional_integer(5))
            variant.dimensions_mm = Dimensions{*length, rows.integer(6), rows.integer(7)};
        variants.push_back(std::move(variant));
    }
    for (auto& variant : variants) {
        auto prices = db_.query("SELECT currency, amount_minor FROM variant_prices WHERE variant_id = ?1 ORDER BY currency");
        prices.bind(1, variant.id);
        while (prices.step()) variant.prices.push_back(Money::from_minor(prices.integer(1), currency(prices.text(0))));
    }
    return variants;
}

std::optional<VariantKey> SqliteProducts::variant_key(Query& row) {
    if (!row.step()) return std::nullopt;
    return VariantKey{row.text(0), row.text(1)};
}

std::optional<VariantKey> SqliteProducts::variant_by_id(std::string_view variant_id) {
    if (auto cached = cache_.variant(variant_id, snapshot_revision())) return cached;
    auto row = db_.query("SELECT product_id, id FROM variants WHERE id = ?1");
    row.bind(1, variant_id);
    return variant_key(row);
}

std::optional<VariantKey> SqliteProducts::variant_by_sku(std::string_view sku) {
    auto row = db_.query("SELECT product_id, id FROM variants WHERE sku = ?1");
    row.bind(1, sku);
    return variant_key(row);
}

std::optional<VariantKey> SqliteProducts::variant_by_barcode(std::string_view normalized_barcode) {
    auto row = db_.query("SELECT product_id, id FROM variants WHERE barcode = ?1");
    row.bind(1, normalized_barcode);
    return variant_key(row);
}

}  // namespace commerce::sqlite
