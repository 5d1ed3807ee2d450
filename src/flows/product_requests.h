// Use cases of product requests (include/commerce/catalog.h).
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json create_product_request(Engine& engine, const char* session, const char* request_json);
nlohmann::json list_product_requests(Engine& engine, const char* session, const char* query_json);
nlohmann::json fulfill_product_request(Engine& engine, const char* session, const char* request_id,
                                       const char* product_id);

}  // namespace commerce::flows
