#include "adapters/storage/sqlite/product_request_repository.h"

namespace commerce::sqlite {
namespace {

ProductRequest request_row(Query& row) {
    return ProductRequest{.id = row.text(0), .user_id = row.optional_text(1), .title = row.text(2),
                          .details = row.text(3), .status = row.text(4), .product_id = row.optional_text(5),
                          .created_ms = row.integer(6), .fulfilled_ms = row.optional_integer(7)};
}

}  // namespace

void SqliteProductRequests::insert(const ProductRequest& request) {
    db_.query("INSERT INTO product_requests (id, user_id, title, details, status, product_id, created_ms, fulfilled_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, request.id).bind(2, request.user_id).bind(3, request.title).bind(4, request.details)
        .bind(5, request.status).bind(6, request.product_id).bind(7, request.created_ms).bind(8, request.fulfilled_ms)
        .run();
}

std::optional<ProductRequest> SqliteProductRequests::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, user_id, title, details, status, product_id, created_ms, fulfilled_ms "
                         "FROM product_requests WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return request_row(row);
}

bool SqliteProductRequests::fulfill(std::string_view id, std::string_view product_id, int64_t fulfilled_ms) {
    db_.query("UPDATE product_requests SET status = 'fulfilled', product_id = ?2, fulfilled_ms = ?3 "
              "WHERE id = ?1 AND status = 'open'")
        .bind(1, id).bind(2, product_id).bind(3, fulfilled_ms).run();
    return db_.changes() > 0;
}

std::vector<ProductRequest> SqliteProductRequests::page(const ProductRequestQuery& query) {
    auto rows = db_.query("SELECT id, user_id, title, details, status, product_id, created_ms, fulfilled_ms "
                          "FROM product_requests WHERE (?1 IS NULL OR user_id = ?1) AND (?2 IS NULL OR status = ?2) "
                          "AND (?3 = '' OR id < ?3) ORDER BY id DESC LIMIT ?4");
    rows.bind(1, query.user_id).bind(2, query.status).bind(3, query.before_id).bind(4, query.limit);
    std::vector<ProductRequest> requests;
    while (rows.step()) requests.push_back(request_row(rows));
    return requests;
}

bool SqliteProductRequests::product_exists(std::string_view product_id) {
    auto row = db_.query("SELECT EXISTS (SELECT 1 FROM products WHERE id = ?1)");
    row.bind(1, product_id);
    return row.step() && row.integer(0) != 0;
}

void SqliteProductRequests::anonymise_for_user(std::string_view user_id) {
    db_.query("UPDATE product_requests SET user_id = NULL, details = '' WHERE user_id = ?1").bind(1, user_id).run();
}

}  // namespace commerce::sqlite
