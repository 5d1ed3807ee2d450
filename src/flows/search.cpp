#include "flows/search.h"

#include "core/json_input.h"
#include "domain/search/search.h"

namespace commerce::flows {

nlohmann::json search(Engine& engine, const char* query_json) {
    const json input = parse_object(query_json, "query", /*optional=*/true);
    const SearchRequest request = search::parse_request(input);
    SearchResultData result;
    const int64_t now_ms = engine.now_ms();
    engine.read([&](Transaction& tx) { result = tx.search_index().search(request, now_ms); });
    return search::result_document(request, result);
}

}  // namespace commerce::flows
