// Use cases of the catalog: products, variants by barcode, categories and collections.
#pragma once

#include "core/json_output.h"
#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json create_product(Engine& engine, const char* session, const char* product_json);
nlohmann::json update_product(Engine& engine, const char* session, const char* product_id, const char* patch_json);
nlohmann::json get_product(Engine& engine, const char* product_id);
nlohmann::json view_product(Engine& engine, const char* id_or_slug, const char* locale);
nlohmann::json list_products(Engine& engine, const char* query_json);
void delete_product(Engine& engine, const char* session, const char* product_id);
// The variant_match document, finished: scans are served from memory (see catalog.cpp).
SerializedDocument variant_by_barcode(Engine& engine, const char* barcode);

nlohmann::json create_category(Engine& engine, const char* session, const char* category_json);
nlohmann::json update_category(Engine& engine, const char* session, const char* category_id, const char* patch_json);
nlohmann::json move_category(Engine& engine, const char* session, const char* category_id, const char* parent_id,
                             int64_t position);
void delete_category(Engine& engine, const char* session, const char* category_id);
nlohmann::json category_tree(Engine& engine, const char* category_id);

nlohmann::json create_collection(Engine& engine, const char* session, const char* collection_json);
nlohmann::json update_collection(Engine& engine, const char* session, const char* collection_id,
                                 const char* patch_json);
nlohmann::json get_collection(Engine& engine, const char* id_or_slug);
void delete_collection(Engine& engine, const char* session, const char* collection_id);

}  // namespace commerce::flows
