#include "domain/catalog/categories.h"

#include "core/error.h"
#include "core/permission_names.h"
#include "core/timestamp.h"
#include "domain/catalog/input.h"
#include "domain/catalog/limits.h"

#include <fmt/format.h>

#include <functional>
#include <map>

namespace commerce {
namespace {

namespace in = catalog_input;

Category existing_category(Transaction& tx, std::string_view id, std::string_view field = "category_id") {
    auto category = tx.categories().by_id(id);
    if (!category)
        throw_not_found(std::string(field), std::string(id), fmt::format("no category with id '{}'", id));
    return *category;
}

void apply_texts(Transaction& tx, Category& category, const json& input) {
    if (auto name = in::text(input, "name", catalog_limits::kTitle)) category.name = *name;
    if (input.contains("slug") || category.slug.empty()) category.slug = in::slug_or_title(input, category.name);
    if (input.contains("description"))
        category.description = optional_string(input, "description", catalog_limits::kBody).value_or("");
    if (tx.categories().slug_taken(category.slug, category.id))
        throw Error(COMMERCE_ERR_EXISTS, fmt::format("a category with slug '{}' already exists", category.slug),
                    {{"field", "slug"}});
}

// A position among siblings: negative is refused, past the end means the end.
int64_t sibling_position(int64_t wanted, int64_t siblings_excluding_self) {
    if (wanted < 0) throw_invalid("position", "negative", "position must be 0 or more");
    return std::min(wanted, siblings_excluding_self);
}

void products_changed(Transaction& tx, std::string_view path) {
    for (const auto& product_id : tx.categories().product_ids(path)) tx.search_index().product_changed(product_id);
}

std::vector<std::string> ancestor_ids(const Category& category) {
    std::vector<std::string> ids;
    std::string_view rest(category.path);
    while (!rest.empty()) {
        rest.remove_prefix(1);
        const auto end = rest.find('/');
        if (end == std::string_view::npos) break;
        if (rest.substr(0, end) != category.id) ids.emplace_back(rest.substr(0, end));
        rest.remove_prefix(end);
    }
    return ids;
}

}  // namespace

Category create_category(const CatalogContext& context, const Actor& actor, const json& input) {
    actor.require(permission::catalog_write);
    reject_unknown_members(input, "a category", {"slug", "name", "description", "parent_id", "position"});
    Transaction& tx = context.tx;
    Category category;
    category.id = context.ids.next();
    category.created_ms = category.updated_ms = context.now_ms;
    category.name = *in::text(input, "name", catalog_limits::kTitle, true);
    apply_texts(tx, category, input);
    category.parent_id = optional_string(input, "parent_id", kMaxShortText);
    std::optional<std::string> parent_path;
    if (category.parent_id) parent_path = existing_category(tx, *category.parent_id, "parent_id").path;
    const int64_t siblings = tx.categories().child_count(category.parent_id);
    category.position =
        sibling_position(optional_integer(input, "position", INT64_MIN, INT64_MAX).value_or(siblings), siblings);
    category.path = category_path(parent_path, category.id);
    tx.categories().shift_positions(category.parent_id, category.position, 1);
    tx.categories().insert(category);
    return category;
}

Category update_category(const CatalogContext& context, const Actor& actor, std::string_view id, const json& patch) {
    actor.require(permission::catalog_write);
    reject_unknown_members(patch, "a category patch", {"slug", "name", "description"});
    Category category = existing_category(context.tx, id);
    apply_texts(context.tx, category, patch);
    category.updated_ms = context.now_ms;
    context.tx.categories().update(category);
    products_changed(context.tx, category.path);
    return category;
}

Category move_category(const CatalogContext& context, const Actor& actor, std::string_view id,
                       const std::optional<std::string>& parent_id, int64_t position) {
    actor.require(permission::catalog_write);
    Transaction& tx = context.tx;
    Category category = existing_category(tx, id);
    std::optional<std::string> parent_path;
    if (parent_id) {
        parent_path = existing_category(tx, *parent_id, "parent_id").path;
        if (within(*parent_path, category.path))
            throw_invalid("parent_id", "cycle", "a category cannot move under itself or its descendants");
    }
    // Leave the old siblings, then make room among the new ones.
    tx.categories().shift_positions(category.parent_id, category.position + 1, -1);
    const int64_t siblings = tx.categories().child_count(parent_id) - (parent_id == category.parent_id ? 1 : 0);
    category.position = sibling_position(position, siblings);
    tx.categories().shift_positions(parent_id, category.position, 1);

    const std::string old_path = category.path;
    category.parent_id = parent_id;
    category.path = category_path(parent_path, category.id);
    category.updated_ms = context.now_ms;
    tx.categories().replace_path_prefix(old_path, category.path);
    tx.categories().update(category);
    products_changed(tx, category.path);
    return category;
}

void delete_category(Transaction& tx, const Actor& actor, std::string_view id) {
    actor.require(permission::catalog_write);
    const Category category = existing_category(tx, id);
    if (tx.categories().child_count(category.id) > 0)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE, "a category with children cannot be deleted",
                    {{"category_id", id}, {"reason", "has_children"}});
    const auto products = tx.categories().product_ids(category.path);
    tx.categories().remove(category.id);
    tx.categories().shift_positions(category.parent_id, category.position + 1, -1);
    for (const auto& product_id : products) tx.search_index().product_changed(product_id);
}

nlohmann::json category_document(const Category& category) {
    return {{"type", "category"},
            {"schema_version", 1},
            {"id", category.id},
            {"parent_id", category.parent_id ? nlohmann::json(*category.parent_id) : nlohmann::json(nullptr)},
            {"ancestor_ids", ancestor_ids(category)},
            {"slug", category.slug},
            {"name", category.name},
            {"description", category.description},
            {"position", category.position},
            {"created_at", format_rfc3339(category.created_ms)},
            {"updated_at", format_rfc3339(category.updated_ms)}};
}

nlohmann::json category_tree_document(Transaction& tx, const std::optional<std::string>& id) {
    std::vector<Category> categories;
    if (id) categories = tx.categories().subtree(existing_category(tx, *id).path);
    else categories = tx.categories().all();
    // Children by parent id ("" for the top level), already in position order.
    std::map<std::string, std::vector<const Category*>> children;
    for (const auto& category : categories) children[category.parent_id.value_or("")].push_back(&category);
    std::function<nlohmann::json(const Category&)> node = [&](const Category& category) {
        nlohmann::json kids = nlohmann::json::array();
        for (const Category* child : children[category.id]) kids.push_back(node(*child));
        return nlohmann::json{{"id", category.id}, {"slug", category.slug}, {"name", category.name},
                              {"description", category.description}, {"position", category.position},
                              {"product_count", tx.categories().product_count(category.path)}, {"children", kids}};
    };
    nlohmann::json roots = nlohmann::json::array();
    for (const auto& category : categories)
        if (id ? category.id == *id : !category.parent_id) roots.push_back(node(category));
    return {{"type", "category_tree"}, {"schema_version", 1}, {"category_id", id ? nlohmann::json(*id) : nlohmann::json(nullptr)},
            {"roots", roots}};
}

}  // namespace commerce
