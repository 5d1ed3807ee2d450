// The SQLite implementations of the storage port's repositories. Each works on the connection of the
// transaction it belongs to; SQL text is kept as literals so the connection can cache the statements.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/storage.h"

namespace commerce::sqlite {

class SqliteUsers final : public UserRepository {
public:
    explicit SqliteUsers(Connection& db) : db_(db) {}
    void insert(const User& user) override;
    std::optional<User> by_id(std::string_view id) override;
    std::optional<User> by_email(std::string_view email) override;
    int64_t count_with_role(std::string_view role) override;

private:
    std::optional<User> load(Query& query);
    Connection& db_;
};

class SqliteSessions final : public SessionRepository {
public:
    explicit SqliteSessions(Connection& db) : db_(db) {}
    void insert(const Session& session) override;
    std::optional<Session> by_token_hash(std::string_view token_hash) override;
    bool remove(std::string_view token_hash) override;

private:
    Connection& db_;
};

class SqliteProducts final : public ProductRepository {
public:
    explicit SqliteProducts(Connection& db) : db_(db) {}
    void insert(const Product& product) override;
    void update(const Product& product) override;
    std::optional<Product> by_id(std::string_view id) override;
    bool sku_taken(std::string_view sku, std::string_view except_id) override;
    std::vector<Product> page(std::string_view after_sku, int64_t limit) override;
    bool remove(std::string_view id) override;
    bool take_stock(std::string_view id, int64_t quantity) override;

private:
    void write_prices(const Product& product);
    Product load_row(Query& row);  // row columns: id, sku, title, description, stock, version, created, updated
    Connection& db_;
};

class SqliteCarts final : public CartRepository {
public:
    explicit SqliteCarts(Connection& db) : db_(db) {}
    void insert(const Cart& cart) override;
    void save(const Cart& cart) override;
    std::optional<Cart> by_id(std::string_view id) override;

private:
    void write_items(const Cart& cart);
    Connection& db_;
};

class SqliteOrders final : public OrderRepository {
public:
    explicit SqliteOrders(Connection& db) : db_(db) {}
    void insert(const Order& order) override;
    std::optional<Order> by_id(std::string_view id) override;
    std::vector<Order> page_for_user(std::string_view user_id, std::string_view before_id, int64_t limit) override;
    int64_t next_number(int year) override;

private:
    Connection& db_;
};

class SqliteIdempotency final : public IdempotencyRepository {
public:
    explicit SqliteIdempotency(Connection& db) : db_(db) {}
    std::optional<IdempotencyRecord> find(std::string_view scope, std::string_view key) override;
    void insert(const IdempotencyRecord& record) override;

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
