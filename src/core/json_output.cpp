#include "core/json_output.h"

namespace commerce {

SerializedDocument serialize(const nlohmann::json& document) {
    return {document.at("type").get<std::string>(),
            document.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict)};
}

}  // namespace commerce
