#include "adapters/storage/sqlite/repositories.h"

#include "core/error.h"
#include "domain/order/postal_address.h"

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

std::optional<std::string> address_text(const std::optional<PostalAddress>& address) {
    if (!address) return std::nullopt;
    return postal_address_json(*address).dump();
}

std::optional<PostalAddress> address_of(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return postal_address_from_json(nlohmann::json::parse(*text));
}

}  // namespace

void SqliteOrders::insert(const Order& order) {
    db_.query(
           "INSERT INTO orders (id, number, user_id, email, cart_id, currency, status, payment_status, "
           "fulfillment_status, subtotal_minor, total_minor, created_ms, totals, shipping_minor, shipping_tax_minor, "
           "updated_ms, expires_ms, shipping_address, billing_address) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)")
        .bind(1, order.id)
        .bind(2, order.number)
        .bind(3, order.user_id)
        .bind(4, order.email)
        .bind(5, order.cart_id)
        .bind(6, order.currency->code)
        .bind(7, order.status)
        .bind(8, order.payment_status)
        .bind(9, order.fulfillment_status)
        .bind(10, order.subtotal.minor())
        .bind(11, order.total.minor())
        .bind(12, order.created_ms)
        .bind(13, order.totals.is_null() ? std::nullopt : std::optional(order.totals.dump()))
        .bind(14, order.shipping.minor())
        .bind(15, order.shipping_tax.minor())
        .bind(16, order.updated_ms)
        .bind(17, order.expires_ms)
        .bind(18, address_text(order.shipping_address))
        .bind(19, address_text(order.billing_address))
        .run();
    insert_lines(order);
    insert_payment(order);
    append_history(order);
}

void SqliteOrders::insert_lines(const Order& order) {
    int64_t position = 0;
    for (const auto& line : order.lines)
        db_.query("INSERT INTO order_lines (order_id, position, product_id, variant_id, sku, title, options, quantity, "
                  "unit_price_minor, line_total_minor, note, attributes, discount_minor, tax_minor, total_minor, "
                  "refunded_quantity, digital) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)")
            .bind(1, order.id).bind(2, position++).bind(3, line.product_id).bind(4, line.variant_id).bind(5, line.sku)
            .bind(6, line.title).bind(7, nlohmann::json(line.options).dump()).bind(8, line.quantity)
            .bind(9, line.unit_price.minor()).bind(10, line.line_total.minor()).bind(11, line.note)
            .bind(12, nlohmann::json(line.attributes).dump()).bind(13, line.discount.minor()).bind(14, line.tax.minor())
            .bind(15, line.total.minor()).bind(16, line.refunded_quantity).bind(17, int64_t{line.digital}).run();
}

void SqliteOrders::insert_payment(const Order& order) {
    const Payment& payment = order.payment;
    db_.query("INSERT INTO payments (id, order_id, method, kind, status, currency, amount_minor, tendered_minor, "
              "change_minor, captured_minor, refunded_minor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .bind(1, payment.id).bind(2, order.id).bind(3, payment.method).bind(4, payment.kind).bind(5, payment.status)
        .bind(6, order.currency->code).bind(7, payment.amount.minor()).bind(8, optional_minor(payment.tendered))
        .bind(9, optional_minor(payment.change)).bind(10, payment.captured.minor())
        .bind(11, payment.refunded.minor()).run();
}

// Rows already stored are left alone: history is appended, never rewritten. Shipments are the exception: they
// move on (out for delivery, delivered) and may have their tracking corrected.
void SqliteOrders::append_history(const Order& order) {
    int64_t position = 0;
    for (const auto& event : order.timeline)
        db_.query("INSERT INTO order_events (order_id, position, kind, from_state, to_state, actor_id, note, at_ms, "
                  "subject_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING")
            .bind(1, order.id).bind(2, position++).bind(3, event.kind).bind(4, event.from).bind(5, event.to)
            .bind(6, event.actor_id).bind(7, event.note).bind(8, event.at_ms).bind(9, event.subject_id).run();
    for (const auto& entry : order.payment.transactions)
        db_.query("INSERT INTO payment_transactions (id, payment_id, operation, status, amount_minor, currency, "
                  "reference, raw_status, actor_id, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                  "ON CONFLICT DO NOTHING")
            .bind(1, entry.id).bind(2, order.payment.id).bind(3, entry.operation).bind(4, entry.status)
            .bind(5, entry.amount.minor()).bind(6, order.currency->code).bind(7, entry.reference)
            .bind(8, entry.raw_status).bind(9, entry.actor_id).bind(10, entry.created_ms).run();
    for (const auto& refund : order.refunds) {
        db_.query("INSERT INTO refunds (id, order_id, amount_minor, tax_minor, shipping_minor, shipping_tax_minor, "
                  "reason, note, actor_id, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                  "ON CONFLICT DO NOTHING")
            .bind(1, refund.id).bind(2, order.id).bind(3, refund.amount.minor()).bind(4, refund.tax.minor())
            .bind(5, refund.shipping.minor()).bind(6, refund.shipping_tax.minor()).bind(7, refund.reason)
            .bind(8, refund.note).bind(9, refund.actor_id).bind(10, refund.created_ms).run();
        for (const auto& line : refund.lines)
            db_.query("INSERT INTO refund_lines (refund_id, line, quantity, amount_minor, tax_minor, restocked) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
                .bind(1, refund.id).bind(2, line.line).bind(3, line.quantity).bind(4, line.amount.minor())
                .bind(5, line.tax.minor()).bind(6, int64_t{line.restocked}).run();
    }
    for (const auto& order_return : order.returns) {
        db_.query("INSERT INTO order_returns (id, order_id, status, note, requested_by, refund_id, created_ms, "
                  "updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                  "ON CONFLICT (id) DO UPDATE SET status = ?3, refund_id = ?6, updated_ms = ?8")
            .bind(1, order_return.id).bind(2, order.id).bind(3, order_return.status).bind(4, order_return.note)
            .bind(5, order_return.requested_by).bind(6, order_return.refund_id).bind(7, order_return.created_ms)
            .bind(8, order_return.updated_ms).run();
        for (const auto& line : order_return.lines)
            db_.query("INSERT INTO order_return_lines (return_id, line, quantity, reason, disposition) "
                      "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (return_id, line) DO UPDATE SET disposition = ?5")
                .bind(1, order_return.id).bind(2, line.line).bind(3, line.quantity).bind(4, line.reason)
                .bind(5, line.disposition).run();
    }
    for (const auto& shipment : order.shipments) {
        db_.query("INSERT INTO shipments (id, order_id, status, carrier, tracking_number, tracking_url, created_ms, "
                  "out_for_delivery_ms, delivered_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                  "ON CONFLICT (id) DO UPDATE SET status = ?3, tracking_number = ?5, tracking_url = ?6, "
                  "out_for_delivery_ms = ?8, delivered_ms = ?9")
            .bind(1, shipment.id).bind(2, order.id).bind(3, shipment.status).bind(4, shipment.carrier)
            .bind(5, shipment.tracking_number).bind(6, shipment.tracking_url).bind(7, shipment.created_ms)
            .bind(8, shipment.out_for_delivery_ms).bind(9, shipment.delivered_ms).run();
        for (const auto& line : shipment.lines)
            db_.query("INSERT INTO shipment_lines (shipment_id, line, quantity) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT DO NOTHING")
                .bind(1, shipment.id).bind(2, line.line).bind(3, line.quantity).run();
    }
}

void SqliteOrders::update(const Order& order) {
    db_.query("UPDATE orders SET status = ?2, payment_status = ?3, fulfillment_status = ?4, updated_ms = ?5, "
              "expires_ms = ?6 WHERE id = ?1")
        .bind(1, order.id).bind(2, order.status).bind(3, order.payment_status).bind(4, order.fulfillment_status)
        .bind(5, order.updated_ms).bind(6, order.expires_ms).run();
    db_.query("UPDATE payments SET status = ?2, captured_minor = ?3, refunded_minor = ?4 WHERE id = ?1")
        .bind(1, order.payment.id).bind(2, order.payment.status).bind(3, order.payment.captured.minor())
        .bind(4, order.payment.refunded.minor()).run();
    int64_t position = 0;
    for (const auto& line : order.lines)
        db_.query("UPDATE order_lines SET refunded_quantity = ?3 WHERE order_id = ?1 AND position = ?2")
            .bind(1, order.id).bind(2, position++).bind(3, line.refunded_quantity).run();
    append_history(order);
}

std::vector<Order> SqliteOrders::search(const OrderQuery& query) {
    // Ids are UUIDv7, so id order is placement order; each criterion is bound, and an absent one matches all.
    auto rows = db_.query(
        "SELECT id FROM orders WHERE (?1 = '[]' OR status IN (SELECT value FROM json_each(?1))) "
        "AND (?2 = '[]' OR payment_status IN (SELECT value FROM json_each(?2))) "
        "AND (?3 = '[]' OR fulfillment_status IN (SELECT value FROM json_each(?3))) "
        "AND (?4 IS NULL OR user_id = ?4) AND (?5 IS NULL OR email = ?5) "
        "AND (?6 IS NULL OR substr(number, 1, length(?6)) = ?6) "
        "AND (?7 IS NULL OR created_ms >= ?7) AND (?8 IS NULL OR created_ms < ?8) "
        "AND (?9 = '' OR id < ?9) ORDER BY id DESC LIMIT ?10");
    rows.bind(1, nlohmann::json(query.statuses).dump()).bind(2, nlohmann::json(query.payment_statuses).dump())
        .bind(3, nlohmann::json(query.fulfillment_statuses).dump()).bind(4, query.user_id).bind(5, query.email)
        .bind(6, query.number_prefix).bind(7, query.placed_from_ms).bind(8, query.placed_to_ms)
        .bind(9, query.before_id).bind(10, query.limit);
    std::vector<std::string> ids;
    while (rows.step()) ids.push_back(rows.text(0));
    std::vector<Order> orders;
    for (const auto& id : ids) orders.push_back(*by_id(id));
    return orders;
}

std::vector<std::string> SqliteOrders::expired_unpaid(int64_t now_ms, int64_t limit) {
    auto rows = db_.query("SELECT id FROM orders WHERE expires_ms IS NOT NULL AND expires_ms <= ?1 "
                          "ORDER BY expires_ms, id LIMIT ?2");
    rows.bind(1, now_ms).bind(2, limit);
    std::vector<std::string> ids;
    while (rows.step()) ids.push_back(rows.text(0));
    return ids;
}

namespace {

Payment load_payment(Connection& db, const std::string& order_id, const Currency& currency) {
    auto row = db.query("SELECT id, method, kind, status, amount_minor, tendered_minor, change_minor, captured_minor, "
                        "refunded_minor FROM payments WHERE order_id = ?1");
    row.bind(1, order_id);
    if (!row.step()) throw Error(COMMERCE_ERR_STORAGE, "order '" + order_id + "' has no payment record");
    Payment payment{row.text(0),
                    row.text(1),
                    row.text(2),
                    row.text(3),
                    Money::from_minor(row.integer(4), currency),
                    Money::from_minor(row.integer(7), currency),
                    Money::from_minor(row.integer(8), currency),
                    optional_money(row.optional_integer(5), currency),
                    optional_money(row.optional_integer(6), currency),
                    {}};
    auto entries = db.query("SELECT id, operation, status, amount_minor, reference, raw_status, actor_id, created_ms "
                            "FROM payment_transactions WHERE payment_id = ?1 ORDER BY created_ms, id");
    entries.bind(1, payment.id);
    while (entries.step())
        payment.transactions.push_back({entries.text(0), entries.text(1), entries.text(2),
                                        Money::from_minor(entries.integer(3), currency), entries.optional_text(4),
                                        entries.text(5), entries.optional_text(6), entries.integer(7)});
    return payment;
}

std::vector<OrderEvent> load_timeline(Connection& db, const std::string& order_id) {
    auto rows = db.query("SELECT kind, from_state, to_state, actor_id, note, at_ms, subject_id FROM order_events "
                         "WHERE order_id = ?1 ORDER BY position");
    rows.bind(1, order_id);
    std::vector<OrderEvent> timeline;
    while (rows.step())
        timeline.push_back({rows.text(0), rows.optional_text(1), rows.text(2), rows.optional_text(3),
                            rows.optional_text(4), rows.integer(5), rows.optional_text(6)});
    return timeline;
}

std::vector<Refund> load_refunds(Connection& db, const std::string& order_id, const Currency& currency) {
    auto rows = db.query("SELECT id, amount_minor, tax_minor, shipping_minor, shipping_tax_minor, reason, note, "
                         "actor_id, created_ms FROM refunds WHERE order_id = ?1 ORDER BY created_ms, id");
    rows.bind(1, order_id);
    std::vector<Refund> refunds;
    while (rows.step())
        refunds.push_back({rows.text(0), Money::from_minor(rows.integer(1), currency),
                           Money::from_minor(rows.integer(2), currency), {},
                           Money::from_minor(rows.integer(3), currency), Money::from_minor(rows.integer(4), currency),
                           rows.optional_text(5), rows.optional_text(6), rows.optional_text(7), rows.integer(8)});
    for (auto& refund : refunds) {
        auto lines = db.query("SELECT line, quantity, amount_minor, tax_minor, restocked FROM refund_lines "
                              "WHERE refund_id = ?1 ORDER BY line");
        lines.bind(1, refund.id);
        while (lines.step())
            refund.lines.push_back({lines.integer(0), lines.integer(1), Money::from_minor(lines.integer(2), currency),
                                    Money::from_minor(lines.integer(3), currency), lines.integer(4) != 0});
    }
    return refunds;
}

std::vector<Shipment> load_shipments(Connection& db, const std::string& order_id) {
    auto rows = db.query("SELECT id, status, carrier, tracking_number, tracking_url, created_ms, out_for_delivery_ms, "
                         "delivered_ms FROM shipments WHERE order_id = ?1 ORDER BY created_ms, id");
    rows.bind(1, order_id);
    std::vector<Shipment> shipments;
    while (rows.step())
        shipments.push_back({rows.text(0), rows.text(1), rows.optional_text(2), rows.optional_text(3),
                             rows.optional_text(4), {}, rows.integer(5), rows.optional_integer(6),
                             rows.optional_integer(7)});
    for (auto& shipment : shipments) {
        auto lines = db.query("SELECT line, quantity FROM shipment_lines WHERE shipment_id = ?1 ORDER BY line");
        lines.bind(1, shipment.id);
        while (lines.step()) shipment.lines.push_back({lines.integer(0), lines.integer(1)});
    }
    return shipments;
}

std::vector<OrderReturn> load_returns(Connection& db, const std::string& order_id) {
    auto rows = db.query("SELECT id, status, note, requested_by, refund_id, created_ms, updated_ms FROM order_returns "
                         "WHERE order_id = ?1 ORDER BY created_ms, id");
    rows.bind(1, order_id);
    std::vector<OrderReturn> returns;
    while (rows.step())
        returns.push_back({rows.text(0), rows.text(1), {}, rows.optional_text(2), rows.optional_text(3),
                           rows.optional_text(4), rows.integer(5), rows.integer(6)});
    for (auto& order_return : returns) {
        auto lines = db.query("SELECT line, quantity, reason, disposition FROM order_return_lines WHERE return_id = ?1 "
                              "ORDER BY line");
        lines.bind(1, order_return.id);
        while (lines.step())
            order_return.lines.push_back({lines.integer(0), lines.integer(1), lines.optional_text(2),
                                          lines.optional_text(3)});
    }
    return returns;
}

}  // namespace

std::optional<Order> SqliteOrders::by_id(std::string_view id) {
    auto row = db_.query(
        "SELECT id, number, user_id, email, cart_id, currency, status, payment_status, "
        "fulfillment_status, subtotal_minor, total_minor, created_ms, totals, shipping_minor, "
        "shipping_tax_minor, updated_ms, expires_ms, shipping_address, billing_address FROM orders WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    const std::string order_id = row.text(0);
    const Currency& money_currency = currency(row.text(5));
    const auto money = [&](int column) { return Money::from_minor(row.integer(column), money_currency); };

    Order order{.id = order_id, .number = row.text(1), .user_id = row.optional_text(2), .email = row.text(3),
                .cart_id = row.text(4), .currency = &money_currency, .status = row.text(6),
                .payment_status = row.text(7), .fulfillment_status = row.text(8), .lines = {}, .subtotal = money(9),
                .shipping = money(13), .shipping_tax = money(14), .total = money(10),
                .payment = load_payment(db_, order_id, money_currency), .created_ms = row.integer(11),
                .updated_ms = row.integer(15), .expires_ms = row.optional_integer(16), .totals = nullptr,
                .timeline = load_timeline(db_, order_id), .refunds = load_refunds(db_, order_id, money_currency),
                .shipments = load_shipments(db_, order_id), .returns = load_returns(db_, order_id),
                .shipping_address = address_of(row.optional_text(17)),
                .billing_address = address_of(row.optional_text(18))};
    // Orders placed before schema 5 have no totals snapshot.
    if (auto totals = row.optional_text(12)) order.totals = nlohmann::json::parse(*totals);

    // Lines of schema 2 orders have the product's id as their variant id (migration 3).
    auto lines = db_.query(
        "SELECT product_id, coalesce(variant_id, product_id), sku, title, options, quantity, "
        "unit_price_minor, line_total_minor, note, attributes, discount_minor, tax_minor, "
        "total_minor, refunded_quantity, digital FROM order_lines WHERE order_id = ?1 ORDER BY position");
    lines.bind(1, order.id);
    const auto line_money = [&](int column) { return Money::from_minor(lines.integer(column), money_currency); };
    while (lines.step())
        order.lines.push_back({lines.text(0), lines.text(1), lines.text(2), lines.text(3),
                               nlohmann::json::parse(lines.text(4)).get<std::map<std::string, std::string>>(),
                               lines.integer(5), line_money(6), line_money(7), line_money(10), line_money(11),
                               line_money(12), lines.optional_text(8),
                               nlohmann::json::parse(lines.text(9)).get<std::map<std::string, std::string>>(),
                               lines.integer(13), lines.integer(14) != 0});
    return order;
}

std::vector<Order> SqliteOrders::page_for_user(std::string_view user_id, std::string_view before_id, int64_t limit) {
    // Ids are UUIDv7, so id order is creation order and a cursor stays stable under inserts.
    auto rows =
        db_.query("SELECT id FROM orders WHERE user_id = ?1 AND (?2 = '' OR id < ?2) ORDER BY id DESC LIMIT ?3");
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
    auto rows = db_.query(
        "SELECT id, total_minor, currency, created_ms FROM orders "
        "WHERE created_ms >= ?1 AND created_ms < ?2 AND status <> 'cancelled' ORDER BY created_ms, id");
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
