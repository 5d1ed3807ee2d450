// Reading nested JSON definitions (tax rules, shipping rates) whose errors name the offending member by its
// dotted path: INVALID_ARGUMENT with details {"field": "zones[2].rates.standard[0].rate", "reason": "type"}.
// An absent member and a null one are the same; an unknown member is an error, so a typo never passes silently.
#pragma once

#include "core/currency.h"
#include "core/decimal.h"
#include "core/json_input.h"
#include "core/money.h"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce::definition {

using Members = std::initializer_list<std::string_view>;

// "zones[3]" + "rates" -> "zones[3].rates"; "" + "origin" -> "origin".
std::string path(std::string_view prefix, std::string_view member);
// "zones" + 3 -> "zones[3]".
std::string indexed(std::string_view prefix, std::size_t index);

// The member `name` of `object`, nullptr when absent or null.
const json* member(const json& object, std::string_view name);

// An object (reason "type"; the whole definition is the field "definition").
void require_object(const json& value, const std::string& field);

// An object (as require_object) whose members are all known
// (reason "unknown_member", field the member's path).
void require_known_members(const json& object, const std::string& field, Members known);

// An array member of at most max_count entries (reasons "type", "too_many"), nullptr when absent.
const json* array_member(const json& object, std::string_view name, const std::string& field, std::size_t max_count);
std::optional<std::string> string_member(const json& object, std::string_view name, const std::string& field);
std::string required_string_member(const json& object, std::string_view name, const std::string& field);
std::optional<bool> bool_member(const json& object, std::string_view name, const std::string& field);
// A decimal written as a string ("0.05"), never a JSON number, which a binary float would already have rounded
// (reasons "type", "format").
std::optional<Decimal> decimal_member(const json& object, std::string_view name, const std::string& field);
Decimal required_decimal_member(const json& object, std::string_view name, const std::string& field);
// An ISO 4217 code the engine knows (reasons "required", "type", "unknown_currency").
const Currency& required_currency_member(const json& object, std::string_view name, const std::string& field);
// The currency of a code given outside a document, as a C ABI argument (reason "unknown_currency").
const Currency& known_currency(std::string_view code, const std::string& field);

// Non-empty UTF-8 text of at most max_bytes (reasons "type", "empty", "too_long").
std::optional<std::string> text_member(const json& object, std::string_view name, const std::string& field,
                                       std::size_t max_bytes);
std::string required_text_member(const json& object, std::string_view name, const std::string& field,
                                 std::size_t max_bytes);
// An integer in [min, max] (reasons "type", "out_of_range").
std::optional<int64_t> integer_member(const json& object, std::string_view name, const std::string& field,
                                      int64_t min, int64_t max);
// Distinct texts as text_member checks them, sorted so that matching and documents never depend on the order
// written (reason "too_many" beyond max_count); empty when absent.
std::vector<std::string> text_set_member(const json& object, std::string_view name, const std::string& field,
                                         std::size_t max_count, std::size_t max_bytes);
// Milliseconds since the epoch, or RFC 3339 UTC text (reason "format").
std::optional<int64_t> timestamp_member(const json& object, std::string_view name, const std::string& field);
// {"amount": "5.00", "currency": "EUR"}, not negative (reasons "money_format", "negative"), and not zero unless
// allow_zero (reason "zero").
Money money_value(const json& value, const std::string& field, bool allow_zero = false);

}  // namespace commerce::definition
