// Store-wide definitions kept as versioned settings (the tax rules, the shipping methods): one document shape,
// one way to replace them under optimistic concurrency, audited.
#pragma once

#include "core/parse_memo.h"
#include "engine/engine.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string_view>

namespace commerce::flows {

// {"type": document_type, "schema_version": 1, "version", "definition" (null while none), "updated_at"}.
nlohmann::json setting_document(std::string_view document_type, const std::optional<StoreSetting>& setting);

// Replaces the setting `name` with `definition` ("settings.manage"), after `check` (run inside the transaction,
// it may refuse a definition that breaks stored records). CONFLICT when the stored version is not
// expected_version (0: none yet). Audits "<name>.define" and returns the new document.
nlohmann::json replace_setting(Engine& engine, const char* session, std::string_view name,
                               std::string_view document_type, const nlohmann::json& definition,
                               int64_t expected_version, const std::function<void(Transaction&)>& check);

// The setting `name` as `Parse` reads its stored definition, or nullopt while none is set. Pricing reads the
// settings on every call, so each distinct stored text is parsed once (core/parse_memo.h).
template <auto Parse>
auto stored_definition(Transaction& tx, std::string_view name) {
    using Definition = std::invoke_result_t<decltype(Parse), const nlohmann::json&>;
    const auto setting = tx.settings().get(name);
    if (!setting) return std::optional<Definition>();
    return std::optional<Definition>(*parsed_json<Parse, 16>(setting->value));
}

// The setting's document ("settings.manage").
nlohmann::json read_setting(Engine& engine, const char* session, std::string_view name, std::string_view document_type);

}  // namespace commerce::flows
