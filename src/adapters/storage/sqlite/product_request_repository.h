// The SQLite repository of product requests.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/product_request_repositories.h"

namespace commerce::sqlite {

class SqliteProductRequests final : public ProductRequestRepository {
public:
    explicit SqliteProductRequests(Connection& db) : db_(db) {}
    void insert(const ProductRequest& request) override;
    std::optional<ProductRequest> by_id(std::string_view id) override;
    bool fulfill(std::string_view id, std::string_view product_id, int64_t fulfilled_ms) override;
    std::vector<ProductRequest> page(const ProductRequestQuery& query) override;
    bool product_exists(std::string_view product_id) override;
    void anonymise_for_user(std::string_view user_id) override;

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
