// Category use cases: create, rename, move within the tree, delete, and the tree document. Writes need
// "catalog.write"; a change that moves or renames a category tells the search index about its products.
#pragma once

#include "domain/catalog/products.h"

namespace commerce {

Category create_category(const CatalogContext& context, const Actor& actor, const json& input);
Category update_category(const CatalogContext& context, const Actor& actor, std::string_view id, const json& patch);
// Under parent_id (nullopt: the top level) at position (clamped to the end). A cycle is INVALID_ARGUMENT.
Category move_category(const CatalogContext& context, const Actor& actor, std::string_view id,
                       const std::optional<std::string>& parent_id, int64_t position);
void delete_category(Transaction& tx, const Actor& actor, std::string_view id);

nlohmann::json category_document(const Category& category);
// The subtree under id, or every category for nullopt, with product counts that include descendants.
nlohmann::json category_tree_document(Transaction& tx, const std::optional<std::string>& id);

}  // namespace commerce
