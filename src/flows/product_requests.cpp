#include "flows/product_requests.h"

#include "core/text.h"
#include "domain/product_request/product_requests.h"
#include "flows/access.h"
#include "flows/identity_support.h"

namespace commerce::flows {

nlohmann::json create_product_request(Engine& engine, const char* session, const char* request_json) {
    const std::string_view token = optional_text(session, "session");
    const json input = parse_object(request_json, "request");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        document = product_request_document(
            commerce::create_product_request(tx, engine.ids(), engine.now_ms(), actor, input));
    });
    return document;
}

nlohmann::json list_product_requests(Engine& engine, const char* session, const char* query_json) {
    const std::string_view token = optional_text(session, "session");
    const json query = parse_object(query_json, "query", /*optional=*/true);
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        document = product_request_list_document(
            commerce::list_product_requests(tx, session_actor(engine, tx, token), query));
    });
    return document;
}

nlohmann::json fulfill_product_request(Engine& engine, const char* session, const char* request_id,
                                       const char* product_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(request_id, "request_id");
    const std::string_view product = checked_text(product_id, "product_id");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        const ProductRequest request = commerce::fulfill_product_request(tx, engine.now_ms(), actor, id, product);
        audit(engine, tx, actor.user_id, "product_request.fulfill", "product_request", request.id,
              {{"status", kRequestOpen}}, {{"status", request.status}, {"product_id", product}});
        // An erased requester's request has no user left to tell.
        if (request.user_id)
            emit_user_event(engine, tx, "product_request.fulfilled", existing_user(tx, *request.user_id),
                            {{"request_id", request.id}, {"title", request.title}, {"product_id", product}});
        document = product_request_document(request);
    });
    return document;
}

}  // namespace commerce::flows
