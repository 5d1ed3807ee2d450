// What the C ABI benchmarks share: calling an entry point that produces a document.
#pragma once

#include <commerce/commerce.h>

#include <nlohmann/json.hpp>

#include <stdexcept>

using json = nlohmann::json;

// Runs one C ABI call that produces a document and returns the parsed document. The call is a lambda so that the
// document is read only after the call has filled it in (argument evaluation order is unspecified).
template <typename Call>
json call(Call&& produce) {
    commerce_doc* doc = nullptr;
    if (produce(&doc) != COMMERCE_OK) throw std::runtime_error(commerce_last_error_message());
    json parsed = json::parse(commerce_doc_json(doc));
    commerce_doc_free(doc);
    return parsed;
}
