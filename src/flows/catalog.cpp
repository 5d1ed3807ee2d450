#include "flows/catalog.h"

#include "core/json_input.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "domain/catalog/locale.h"
#include "domain/inventory/ledger.h"
#include "flows/access.h"
#include "flows/catalog_support.h"
#include "flows/taxes.h"
#include "flows/wishlist_events.h"

namespace commerce::flows {

nlohmann::json create_product(Engine& engine, const char* session, const char* product_json) {
    const std::string_view token = optional_text(session, "session");
    const json input = parse_object(product_json, "product");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        std::map<std::string, int64_t> initial_stock;
        const Product product = commerce::create_product(catalog_context(engine, tx), actor, input, initial_stock);
        require_known_tax_class(tx, product.tax_class);
        if (!initial_stock.empty()) actor.require(permission::inventory_write);
        for (const auto& [variant_id, quantity] : initial_stock)
            record_movement(engine.outbox(tx), tracked_variant(tx, variant_id),
                            {.location_id = std::string(kDefaultLocation), .kind = "receipt", .quantity = quantity,
                             .reason = "initial stock", .reference = std::nullopt, .actor_id = actor.user_id});
        document = product_document(product, stock_view(engine, tx));
    });
    return document;
}

nlohmann::json update_product(Engine& engine, const char* session, const char* product_id, const char* patch_json) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(product_id, "product_id");
    const json patch = parse_object(patch_json, "patch");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        const auto before = tx.products().by_id(id);
        const Product product = commerce::update_product(catalog_context(engine, tx), actor, id, patch);
        require_known_tax_class(tx, product.tax_class);
        announce_price_drops(engine, tx, *before, product);  // update_product found it, or threw NOT_FOUND
        document = product_document(product, stock_view(engine, tx));
    });
    return document;
}

nlohmann::json get_product(Engine& engine, const char* product_id) {
    const std::string_view id = checked_text(product_id, "product_id");
    nlohmann::json document;
    engine.read([&](Transaction& tx) { document = product_document(existing_product(tx, id), stock_view(engine, tx)); });
    return document;
}

nlohmann::json view_product(Engine& engine, const char* id_or_slug, const char* locale) {
    const std::string_view key = checked_text(id_or_slug, "id_or_slug");
    const std::string_view tag = optional_text(locale, "locale");
    const CatalogSettings& settings = engine.catalog();
    const std::string wanted = tag.empty() ? settings.default_locale : require_locale(tag, settings.locales);
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        document = product_view_document(visible_product(tx, key, engine.now_ms()),
                                         locale_fallbacks(wanted, settings.default_locale), stock_view(engine, tx));
    });
    return document;
}

nlohmann::json list_products(Engine& engine, const char* query_json) {
    const json query = parse_object(query_json, "query", /*optional=*/true);
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const ProductPage page = commerce::list_products(tx, query);
        document = product_list_document(page.items, page.next, page.total, stock_view(engine, tx));
    });
    return document;
}

void delete_product(Engine& engine, const char* session, const char* product_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(product_id, "product_id");
    engine.write([&](Transaction& tx) { commerce::delete_product(tx, session_actor(engine, tx, token), id); });
}

// Tills scan far more often than the catalog changes, so finished documents are served from the engine's barcode
// cache (domain/catalog/barcode_cache.h) while it is current; a miss builds one in a read transaction and keeps it.
// Unknown barcodes are not kept: each costs the transaction and answers NOT_FOUND.
SerializedDocument variant_by_barcode(Engine& engine, const char* barcode) {
    const std::string_view scanned = checked_text(barcode, "barcode", 32);
    const std::string code = stored_barcode(scanned);
    const int64_t now_ms = engine.now_ms();  // one reading: the stock figures and the entry's lifetime agree
    BarcodeCache& cache = engine.barcodes();
    if (auto hit = cache.find(code, engine.storage().catalog_revision(), now_ms)) return *std::move(hit);
    SerializedDocument document;
    engine.read([&](Transaction& tx) {
        const int64_t revision = cache.catch_up(tx.catalog_changes());
        if (auto kept = cache.find(code, revision, now_ms)) {  // the change that moved the revision was elsewhere
            document = *std::move(kept);
            return;
        }
        const Product product = product_by_barcode(tx, scanned);
        const Variant& variant = product.variants.front();
        document = serialize(variant_match_document(product, variant, {tx.stock_ledger(), now_ms}));
        cache.store(code, revision,
                    {.product_id = product.id, .document = document, .made_ms = now_ms,
                     .until_ms = tx.stock_ledger().next_reservation_expiry(variant.id, now_ms)});
    });
    return document;
}

}  // namespace commerce::flows
