#include "adapters/storage/sqlite/search_source.h"

#include <unordered_map>

namespace commerce::sqlite {

// The same statements for one product (?1) or for all of them: one column of product id first.
#define SEARCH_PRODUCTS                                                                                           \
    "SELECT id, slug, status, publish_at_ms, title, description, attributes, rating_sum, rating_count, "          \
    "units_sold, created_ms, kind FROM products "
#define SEARCH_VARIANTS                                                                                           \
    "SELECT v.product_id, v.id, (SELECT coalesce(sum(on_hand), 0) FROM stock_levels WHERE variant_id = v.id), "  \
    "EXISTS (SELECT 1 FROM licence_keys WHERE variant_id = v.id), "                                              \
    "EXISTS (SELECT 1 FROM licence_keys WHERE variant_id = v.id AND order_id IS NULL) FROM variants v "
#define SEARCH_RESERVATIONS                                                                                       \
    "SELECT v.product_id, r.variant_id, r.quantity, r.expires_ms FROM stock_reservations r "                     \
    "JOIN variants v ON v.id = r.variant_id "
#define SEARCH_PRICES                                                                                             \
    "SELECT v.product_id, p.currency, min(p.amount_minor) FROM variant_prices p JOIN variants v ON v.id = p.variant_id "
#define SEARCH_TAGS "SELECT product_id, tag FROM product_tags "
#define SEARCH_CATEGORIES                                                                                         \
    "SELECT pc.product_id, c.path FROM product_categories pc JOIN categories c ON c.id = pc.category_id "
#define SEARCH_TRANSLATIONS "SELECT product_id, locale, title, description FROM product_translations "

std::vector<SearchSource> read_search_sources(Connection& db, const std::string* id) {
    std::vector<SearchSource> out;
    std::unordered_map<std::string, std::size_t> index;
    auto rows = [&](const char* one, const char* all, auto&& body) {
        Query query = db.query(id ? one : all);
        if (id) query.bind(1, *id);
        while (query.step()) body(query);
    };
    rows(SEARCH_PRODUCTS "WHERE id = ?1", SEARCH_PRODUCTS, [&](Query& q) {
            SearchSource p;
            p.id = q.text(0);
            p.slug = q.text(1);
            p.status = q.text(2);
            p.publish_at = q.optional_integer(3);
            p.title = q.text(4);
            p.description = q.text(5);
            p.attributes = q.text(6);
            p.rating_sum = q.integer(7);
            p.rating_count = q.integer(8);
            p.units_sold = q.integer(9);
            p.created_ms = q.integer(10);
            p.kind = q.text(11);
            index.emplace(p.id, out.size());
            out.push_back(std::move(p));
    });
    auto each = [&](const char* one, const char* all, auto&& add) {
        rows(one, all, [&](Query& q) {
            auto it = index.find(q.text(0));
            if (it != index.end()) add(out[it->second], q);
        });
    };
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> variant_at;
    each(SEARCH_VARIANTS "WHERE v.product_id = ?1", SEARCH_VARIANTS, [&](SearchSource& p, Query& q) {
        variant_at[q.text(1)] = {index[p.id], p.variants.size()};
        p.variants.push_back({q.text(1), q.integer(2), q.integer(3) != 0, q.integer(4) != 0, {}});
    });
    each(SEARCH_RESERVATIONS "WHERE v.product_id = ?1", SEARCH_RESERVATIONS, [&](SearchSource&, Query& q) {
        auto it = variant_at.find(q.text(1));
        if (it != variant_at.end())
            out[it->second.first].variants[it->second.second].reservations.emplace_back(q.integer(2), q.integer(3));
    });
    each(SEARCH_PRICES "WHERE v.product_id = ?1 GROUP BY p.currency", SEARCH_PRICES "GROUP BY v.product_id, p.currency",
         [&](SearchSource& p, Query& q) { p.prices.emplace_back(q.text(1), q.integer(2)); });
    each(SEARCH_TAGS "WHERE product_id = ?1", SEARCH_TAGS,
         [&](SearchSource& p, Query& q) { p.tags.push_back(q.text(1)); });
    each(SEARCH_CATEGORIES "WHERE pc.product_id = ?1", SEARCH_CATEGORIES,
         [&](SearchSource& p, Query& q) { p.category_paths.push_back(q.text(1)); });
    each(SEARCH_TRANSLATIONS "WHERE product_id = ?1", SEARCH_TRANSLATIONS, [&](SearchSource& p, Query& q) {
        p.translations.emplace_back(q.text(1), q.optional_text(2), q.optional_text(3));
    });
    return out;
}

}  // namespace commerce::sqlite
