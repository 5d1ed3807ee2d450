#include "domain/catalog/collections.h"

#include "core/error.h"
#include "core/permission_names.h"
#include "core/timestamp.h"
#include "domain/catalog/input.h"
#include "domain/catalog/limits.h"

#include <fmt/format.h>

#include <set>

namespace commerce {
namespace {

namespace in = catalog_input;

void apply_members(Transaction& tx, Collection& collection, const json& input) {
    if (auto title = in::text(input, "title", catalog_limits::kTitle)) collection.title = *title;
    if (input.contains("slug") || collection.slug.empty()) collection.slug = in::slug_or_title(input, collection.title);
    if (input.contains("description"))
        collection.description = optional_string(input, "description", catalog_limits::kBody).value_or("");
    if (const json* ids = in::array(input, "product_ids", catalog_limits::kCollectionProducts)) {
        std::vector<std::string> members;
        std::set<std::string> seen;
        for (const auto& id : *ids) {
            if (!id.is_string()) throw_invalid("product_ids", "type", "product_ids must be an array of ids");
            const std::string& product_id = id.get_ref<const std::string&>();
            if (!seen.insert(product_id).second) throw_invalid("product_ids", "duplicate", "a product is listed twice");
            if (!tx.products().by_id(product_id))
                throw_invalid("product_ids", "unknown_product", fmt::format("no product with id '{}'", product_id));
            members.push_back(product_id);
        }
        collection.product_ids = std::move(members);
    }
    if (tx.collections().slug_taken(collection.slug, collection.id))
        throw Error(COMMERCE_ERR_EXISTS, fmt::format("a collection with slug '{}' already exists", collection.slug),
                    {{"field", "slug"}});
}

// Products that joined or left: their documents name their collections, so the index hears about them.
void members_changed(Transaction& tx, const std::vector<std::string>& before, const std::vector<std::string>& after) {
    std::set<std::string> before_set(before.begin(), before.end()), after_set(after.begin(), after.end());
    for (const auto& id : before_set)
        if (!after_set.contains(id)) tx.search_index().product_changed(id);
    for (const auto& id : after_set)
        if (!before_set.contains(id)) tx.search_index().product_changed(id);
}

}  // namespace

Collection create_collection(const CatalogContext& context, const Actor& actor, const json& input) {
    actor.require(permission::catalog_write);
    reject_unknown_members(input, "a collection", {"slug", "title", "description", "product_ids"});
    Collection collection;
    collection.id = context.ids.next();
    collection.created_ms = collection.updated_ms = context.now_ms;
    collection.title = *in::text(input, "title", catalog_limits::kTitle, true);
    apply_members(context.tx, collection, input);
    context.tx.collections().insert(collection);
    members_changed(context.tx, {}, collection.product_ids);
    return collection;
}

Collection update_collection(const CatalogContext& context, const Actor& actor, std::string_view id, const json& patch) {
    actor.require(permission::catalog_write);
    reject_unknown_members(patch, "a collection patch", {"slug", "title", "description", "product_ids"});
    Collection collection = collection_by_id_or_slug(context.tx, id);
    const auto before = collection.product_ids;
    apply_members(context.tx, collection, patch);
    collection.updated_ms = context.now_ms;
    context.tx.collections().update(collection);
    members_changed(context.tx, before, collection.product_ids);
    return collection;
}

Collection collection_by_id_or_slug(Transaction& tx, std::string_view id_or_slug) {
    auto collection = tx.collections().by_id(id_or_slug);
    if (!collection) collection = tx.collections().by_slug(id_or_slug);
    if (!collection)
        throw_not_found("collection_id", std::string(id_or_slug), fmt::format("no collection '{}'", id_or_slug));
    return *collection;
}

void delete_collection(Transaction& tx, const Actor& actor, std::string_view id) {
    actor.require(permission::catalog_write);
    auto collection = tx.collections().by_id(id);
    if (!collection) throw_not_found("collection_id", std::string(id), fmt::format("no collection '{}'", id));
    tx.collections().remove(id);
    members_changed(tx, collection->product_ids, {});
}

nlohmann::json collection_document(const Collection& collection) {
    return {{"type", "collection"},
            {"schema_version", 1},
            {"id", collection.id},
            {"slug", collection.slug},
            {"title", collection.title},
            {"description", collection.description},
            {"product_ids", collection.product_ids},
            {"created_at", format_rfc3339(collection.created_ms)},
            {"updated_at", format_rfc3339(collection.updated_ms)}};
}

}  // namespace commerce
