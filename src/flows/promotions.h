// Staff managing promotions (docs/promotions.md): definitions, their status, and batches of single-use codes.
// Every call needs "promotions.write" and returns a document.
#pragma once

#include "domain/promotion/promotion.h"
#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

// The engine's model of a stored promotion (its definition parsed again; it was checked when written).
Promotion promotion_of(const StoredPromotion& stored);

nlohmann::json create_promotion(Engine& engine, const char* session, const char* definition_json);
// Replaces the whole definition; its "id", when given, must be the promotion's. CONFLICT when the stored version
// is not expected_version.
nlohmann::json update_promotion(Engine& engine, const char* session, const char* promotion_id,
                                const char* definition_json, int64_t expected_version);
// "active" or "archived": an archived promotion no longer applies to any cart, its codes included.
nlohmann::json set_promotion_status(Engine& engine, const char* session, const char* promotion_id,
                                    const char* status);
nlohmann::json get_promotion(Engine& engine, const char* session, const char* promotion_id);
nlohmann::json list_promotions(Engine& engine, const char* session, const char* query_json);
// count (1..10,000) new single-use codes for a promotion with "requires_code", each PREFIX-XXXXXXXXXXXXXXXX with
// 80 random bits; the prefix is optional (1 to 16 of A-Z, 0-9).
nlohmann::json generate_promotion_codes(Engine& engine, const char* session, const char* promotion_id, int64_t count,
                                        const char* prefix);

}  // namespace commerce::flows
