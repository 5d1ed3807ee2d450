// Use cases of reviews and ratings (include/commerce/review.h).
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json submit_review(Engine& engine, const char* session, const char* product_id, const char* review_json);
void delete_review(Engine& engine, const char* session, const char* review_id);
nlohmann::json moderate_review(Engine& engine, const char* session, const char* review_id, const char* decision,
                               const char* reason);
nlohmann::json review_queue(Engine& engine, const char* session, const char* query_json);
nlohmann::json list_reviews(Engine& engine, const char* product_id, const char* query_json);
nlohmann::json vote_review(Engine& engine, const char* session, const char* review_id, const char* kind,
                           const char* reason);

}  // namespace commerce::flows
