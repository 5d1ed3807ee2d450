// Collection use cases. Writes need "catalog.write"; members whose membership changes are re-indexed.
#pragma once

#include "domain/catalog/products.h"

namespace commerce {

Collection create_collection(const CatalogContext& context, const Actor& actor, const json& input);
Collection update_collection(const CatalogContext& context, const Actor& actor, std::string_view id, const json& patch);
Collection collection_by_id_or_slug(Transaction& tx, std::string_view id_or_slug);
void delete_collection(Transaction& tx, const Actor& actor, std::string_view id);

nlohmann::json collection_document(const Collection& collection);

}  // namespace commerce
