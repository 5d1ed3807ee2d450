#include "flows/catalog.h"

#include "core/json_input.h"
#include "core/text.h"
#include "domain/catalog/categories.h"
#include "domain/catalog/collections.h"
#include "flows/access.h"
#include "flows/catalog_support.h"

// Categories and collections: thin transactions around the domain use cases.
namespace commerce::flows {
namespace {

// Runs a catalog write for the session's actor and returns the document it makes.
template <typename Write>
nlohmann::json catalog_write(Engine& engine, const char* session, Write write) {
    const std::string_view token = optional_text(session, "session");
    nlohmann::json document;
    engine.write([&](Transaction& tx) { document = write(catalog_context(engine, tx), session_actor(engine, tx, token)); });
    return document;
}

}  // namespace

nlohmann::json create_category(Engine& engine, const char* session, const char* category_json) {
    const json input = parse_object(category_json, "category");
    return catalog_write(engine, session, [&](const CatalogContext& context, const Actor& actor) {
        return category_document(commerce::create_category(context, actor, input));
    });
}

nlohmann::json update_category(Engine& engine, const char* session, const char* category_id, const char* patch_json) {
    const std::string_view id = checked_text(category_id, "category_id");
    const json patch = parse_object(patch_json, "patch");
    return catalog_write(engine, session, [&](const CatalogContext& context, const Actor& actor) {
        return category_document(commerce::update_category(context, actor, id, patch));
    });
}

nlohmann::json move_category(Engine& engine, const char* session, const char* category_id, const char* parent_id,
                             int64_t position) {
    const std::string_view id = checked_text(category_id, "category_id");
    const std::string_view parent = optional_text(parent_id, "parent_id");
    const auto parent_or_top = parent.empty() ? std::nullopt : std::optional<std::string>(parent);
    return catalog_write(engine, session, [&](const CatalogContext& context, const Actor& actor) {
        return category_document(commerce::move_category(context, actor, id, parent_or_top, position));
    });
}

void delete_category(Engine& engine, const char* session, const char* category_id) {
    const std::string_view id = checked_text(category_id, "category_id");
    catalog_write(engine, session, [&](const CatalogContext& context, const Actor& actor) {
        commerce::delete_category(context.tx, actor, id);
        return nlohmann::json();
    });
}

nlohmann::json category_tree(Engine& engine, const char* category_id) {
    const std::string_view id = optional_text(category_id, "category_id");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        document = category_tree_document(tx, id.empty() ? std::nullopt : std::optional<std::string>(id));
    });
    return document;
}

nlohmann::json create_collection(Engine& engine, const char* session, const char* collection_json) {
    const json input = parse_object(collection_json, "collection");
    return catalog_write(engine, session, [&](const CatalogContext& context, const Actor& actor) {
        return collection_document(commerce::create_collection(context, actor, input));
    });
}

nlohmann::json update_collection(Engine& engine, const char* session, const char* collection_id,
                                 const char* patch_json) {
    const std::string_view id = checked_text(collection_id, "collection_id");
    const json patch = parse_object(patch_json, "patch");
    return catalog_write(engine, session, [&](const CatalogContext& context, const Actor& actor) {
        return collection_document(commerce::update_collection(context, actor, id, patch));
    });
}

nlohmann::json get_collection(Engine& engine, const char* id_or_slug) {
    const std::string_view key = checked_text(id_or_slug, "id_or_slug");
    nlohmann::json document;
    engine.read([&](Transaction& tx) { document = collection_document(collection_by_id_or_slug(tx, key)); });
    return document;
}

void delete_collection(Engine& engine, const char* session, const char* collection_id) {
    const std::string_view id = checked_text(collection_id, "collection_id");
    catalog_write(engine, session, [&](const CatalogContext& context, const Actor& actor) {
        commerce::delete_collection(context.tx, actor, id);
        return nlohmann::json();
    });
}

}  // namespace commerce::flows
