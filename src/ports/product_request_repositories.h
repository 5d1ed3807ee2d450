// The storage port for product requests: shoppers asking for products the shop does not carry yet.
#pragma once

#include "domain/product_request/product_request.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

// Requests newest first: id < before_id (when not empty), optionally one user's and one status.
struct ProductRequestQuery {
    std::optional<std::string> user_id;
    std::optional<std::string> status;
    std::string before_id;
    int64_t limit = 50;
};

class ProductRequestRepository {
public:
    virtual ~ProductRequestRepository() = default;
    virtual void insert(const ProductRequest& request) = 0;
    virtual std::optional<ProductRequest> by_id(std::string_view id) = 0;
    // Marks the request fulfilled by the product, only if it is still open; false otherwise.
    virtual bool fulfill(std::string_view id, std::string_view product_id, int64_t fulfilled_ms) = 0;
    virtual std::vector<ProductRequest> page(const ProductRequestQuery& query) = 0;
    virtual bool product_exists(std::string_view product_id) = 0;
    // Erasure: the requests stay as demand for the titles, without their requester or free-text details.
    virtual void anonymise_for_user(std::string_view user_id) = 0;
};

}  // namespace commerce
