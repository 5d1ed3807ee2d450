#include "adapters/storage/sqlite/repositories.h"

#include "core/error.h"

namespace commerce::sqlite {
namespace {

std::optional<Money> optional_money(const std::optional<int64_t>& minor, const Currency& currency) {
    if (!minor) return std::nullopt;
    return Money::from_minor(*minor, currency);
}

std::optional<int64_t> optional_minor(const std::optional<Money>& money) {
    if (!money) return std::nullopt;
    return money->minor();
}

}  // namespace

void SqliteOrders::insert(const Order& order) {
    db_.query("INSERT INTO orders (id, number, user_id, email, cart_id, currency, status, payment_status, "
              "fulfillment_status, subtotal_minor, total_minor, created_ms, totals) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
        .bind(1, order.id).bind(2, order.number).bind(3, order.user_id).bind(4, order.email).bind(5, order.cart_id)
        .bind(6, order.currency->code).bind(7, order.status).bind(8, order.payment_status)
        .bind(9, order.fulfillment_status).bind(10, order.subtotal.minor()).bind(11, order.total.minor())
        .bind(12, order.created_ms).bind(13, order.totals.is_null() ? std::nullopt : std::optional(order.totals.dump()))
        .run();
    int64_t position = 0;
    for (const auto& line : order.lines)
        db_.query("INSERT INTO order_lines (order_id, position, product_id, variant_id, sku, title, options, quantity, "
                  "unit_price_minor, line_total_minor, note, attributes) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
            .bind(1, order.id).bind(2, position++).bind(3, line.product_id).bind(4, line.variant_id).bind(5, line.sku)
            .bind(6, line.title).bind(7, nlohmann::json(line.options).dump()).bind(8, line.quantity)
            .bind(9, line.unit_price.minor()).bind(10, line.line_total.minor()).bind(11, line.note)
            .bind(12, nlohmann::json(line.attributes).dump()).run();
    const Payment& payment = order.payment;
    db_.query("INSERT INTO payments (id, order_id, method, kind, status, currency, amount_minor, tendered_minor, "
              "change_minor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, payment.id).bind(2, order.id).bind(3, payment.method).bind(4, payment.kind).bind(5, payment.status)
        .bind(6, order.currency->code).bind(7, payment.amount.minor()).bind(8, optional_minor(payment.tendered))
        .bind(9, optional_minor(payment.change)).run();
}

std::optional<Order> SqliteOrders::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, number, user_id, email, cart_id, currency, status, payment_status, "
                         "fulfillment_status, subtotal_minor, total_minor, created_ms, totals FROM orders WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    const std::string order_id = row.text(0);
    const Currency& money_currency = currency(row.text(5));

    auto payment_row = db_.query("SELECT id, method, kind, status, amount_minor, tendered_minor, change_minor "
                                 "FROM payments WHERE order_id = ?1");
    payment_row.bind(1, order_id);
    if (!payment_row.step()) throw Error(COMMERCE_ERR_STORAGE, "order '" + order_id + "' has no payment record");
    Payment payment{payment_row.text(0), payment_row.text(1), payment_row.text(2), payment_row.text(3),
                    Money::from_minor(payment_row.integer(4), money_currency),
                    optional_money(payment_row.optional_integer(5), money_currency),
                    optional_money(payment_row.optional_integer(6), money_currency)};

    Order order{.id = order_id, .number = row.text(1), .user_id = row.optional_text(2), .email = row.text(3),
                .cart_id = row.text(4), .currency = &money_currency, .status = row.text(6),
                .payment_status = row.text(7), .fulfillment_status = row.text(8), .lines = {},
                .subtotal = Money::from_minor(row.integer(9), money_currency),
                .total = Money::from_minor(row.integer(10), money_currency), .payment = std::move(payment),
                .created_ms = row.integer(11), .totals = nullptr};
    // Orders placed before schema 5 have no totals snapshot.
    if (auto totals = row.optional_text(12)) order.totals = nlohmann::json::parse(*totals);

    // Lines of schema 2 orders have the product's id as their variant id (migration 3).
    auto lines = db_.query("SELECT product_id, coalesce(variant_id, product_id), sku, title, options, quantity, "
                           "unit_price_minor, line_total_minor, note, attributes FROM order_lines WHERE order_id = ?1 "
                           "ORDER BY position");
    lines.bind(1, order.id);
    while (lines.step())
        order.lines.push_back({lines.text(0), lines.text(1), lines.text(2), lines.text(3),
                               nlohmann::json::parse(lines.text(4)).get<std::map<std::string, std::string>>(),
                               lines.integer(5), Money::from_minor(lines.integer(6), money_currency),
                               Money::from_minor(lines.integer(7), money_currency), lines.optional_text(8),
                               nlohmann::json::parse(lines.text(9)).get<std::map<std::string, std::string>>()});
    return order;
}

std::vector<Order> SqliteOrders::page_for_user(std::string_view user_id, std::string_view before_id, int64_t limit) {
    // Ids are UUIDv7, so id order is creation order and a cursor stays stable under inserts.
    auto rows = db_.query("SELECT id FROM orders WHERE user_id = ?1 AND (?2 = '' OR id < ?2) ORDER BY id DESC LIMIT ?3");
    rows.bind(1, user_id).bind(2, before_id).bind(3, limit);
    std::vector<std::string> ids;
    while (rows.step()) ids.push_back(rows.text(0));
    std::vector<Order> orders;
    for (const auto& id : ids) orders.push_back(*by_id(id));
    return orders;
}

int64_t SqliteOrders::count_for_user(std::string_view user_id) {
    auto row = db_.query("SELECT count(*) FROM orders WHERE user_id = ?1");
    row.bind(1, user_id);
    return row.step() ? row.integer(0) : 0;
}

int64_t SqliteOrders::next_number(int year) {
    auto query = db_.query("INSERT INTO order_sequences (year, last) VALUES (?1, 1) "
                           "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last");
    query.bind(1, static_cast<int64_t>(year)).step();
    return query.integer(0);
}

std::vector<PlacedTotal> SqliteOrders::placed_between(int64_t from_ms, int64_t to_ms) {
    auto rows = db_.query("SELECT id, total_minor, currency, created_ms FROM orders "
                          "WHERE created_ms >= ?1 AND created_ms < ?2 ORDER BY created_ms, id");
    rows.bind(1, from_ms).bind(2, to_ms);
    std::vector<PlacedTotal> placed;
    while (rows.step())
        placed.push_back({rows.text(0), Money::from_minor(rows.integer(1), currency(rows.text(2))), rows.integer(3)});
    return placed;
}

std::optional<IdempotencyRecord> SqliteIdempotency::find(std::string_view scope, std::string_view key) {
    auto row = db_.query("SELECT scope, key, request_hash, order_id, created_ms FROM idempotency_keys "
                         "WHERE scope = ?1 AND key = ?2");
    row.bind(1, scope).bind(2, key);
    if (!row.step()) return std::nullopt;
    return IdempotencyRecord{row.text(0), row.text(1), row.text(2), row.text(3), row.integer(4)};
}

void SqliteIdempotency::insert(const IdempotencyRecord& record) {
    db_.query("INSERT INTO idempotency_keys (scope, key, request_hash, order_id, created_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, record.scope).bind(2, record.key).bind(3, record.request_hash).bind(4, record.order_id)
        .bind(5, record.created_ms).run();
}

}  // namespace commerce::sqlite
