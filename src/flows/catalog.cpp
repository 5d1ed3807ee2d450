#include "flows/catalog.h"

#include "core/json_input.h"
#include "core/text.h"
#include "domain/catalog/products.h"
#include "flows/access.h"

namespace commerce::flows {

nlohmann::json create_product(Engine& engine, const char* session, const char* product_json) {
    const std::string_view token = optional_text(session, "session");
    const json input = parse_object(product_json, "product");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        document = product_document(commerce::create_product(tx, engine.ids(), engine.clock().now_ms(), actor, input));
    });
    return document;
}

nlohmann::json update_product(Engine& engine, const char* session, const char* product_id, const char* patch_json) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(product_id, "product_id");
    const json patch = parse_object(patch_json, "patch");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        document = product_document(commerce::update_product(tx, engine.clock().now_ms(), actor, id, patch));
    });
    return document;
}

nlohmann::json get_product(Engine& engine, const char* product_id) {
    const std::string_view id = checked_text(product_id, "product_id");
    nlohmann::json document;
    engine.read([&](Transaction& tx) { document = product_document(commerce::get_product(tx, id)); });
    return document;
}

nlohmann::json list_products(Engine& engine, const char* query_json) {
    const json query = parse_object(query_json, "query", /*optional=*/true);
    nlohmann::json document;
    engine.read([&](Transaction& tx) { document = product_list_document(commerce::list_products(tx, query)); });
    return document;
}

void delete_product(Engine& engine, const char* session, const char* product_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(product_id, "product_id");
    engine.write([&](Transaction& tx) {
        commerce::delete_product(tx, session_actor(engine, tx, token), id);
    });
}

}  // namespace commerce::flows
