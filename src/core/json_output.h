// Writing documents: small helpers shared by every document builder.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace commerce {

// An absent value is JSON null, so documents keep the same members whether or not a value is set.
template <typename T>
nlohmann::json nullable(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// A document as the C ABI hands it out: its "type" member and its finished text. Flows that keep documents in
// memory keep this form, so serving one again costs a copy and no JSON work.
struct SerializedDocument {
    std::string type;
    std::string json;
};

// The one way a document becomes text. Strict UTF-8: every string came in validated, so a replacement would be a
// bug.
SerializedDocument serialize(const nlohmann::json& document);

}  // namespace commerce
