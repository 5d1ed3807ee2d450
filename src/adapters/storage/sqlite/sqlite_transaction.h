// A transaction on one connection, handing out its repositories.
#pragma once

#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

class SqliteTransaction final : public Transaction {
public:
    explicit SqliteTransaction(Connection& db)
        : users_(db), sessions_(db), products_(db), carts_(db), orders_(db), idempotency_(db) {}

    UserRepository& users() override { return users_; }
    SessionRepository& sessions() override { return sessions_; }
    ProductRepository& products() override { return products_; }
    CartRepository& carts() override { return carts_; }
    OrderRepository& orders() override { return orders_; }
    IdempotencyRepository& idempotency() override { return idempotency_; }

private:
    SqliteUsers users_;
    SqliteSessions sessions_;
    SqliteProducts products_;
    SqliteCarts carts_;
    SqliteOrders orders_;
    SqliteIdempotency idempotency_;
};

}  // namespace commerce::sqlite
