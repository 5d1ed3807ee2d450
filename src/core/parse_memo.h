// Parsed values of stored texts, kept by their text. Parsing a stored definition is a pure function of its text,
// and pricing a cart parses the same few texts on every call: each candidate promotion, the tax and shipping
// definitions, the currency settings. A ParseMemo parses each distinct text once.
//
// The key is the whole text, so an entry can never be stale, and one memo per kind of definition serves every
// engine of the process. A text that fails to parse is not kept: the next call fails the same way, afresh.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <unordered_map>

namespace commerce {

template <typename T>
class ParseMemo {
public:
    using Parser = T (*)(const std::string& text);

    // Memory stays bounded: a memo holding `capacity` texts starts afresh with the next new one, and the texts
    // in use come back in one pass.
    ParseMemo(std::size_t capacity, Parser parse) : capacity_(capacity), parse_(parse) {}

    std::shared_ptr<const T> get(const std::string& text) {
        {
            std::lock_guard lock(mutex_);
            if (auto found = entries_.find(text); found != entries_.end()) return found->second;
        }
        auto parsed = std::make_shared<const T>(parse_(text));  // outside the lock: other texts go on meanwhile
        std::lock_guard lock(mutex_);
        if (entries_.size() >= capacity_) entries_.clear();
        entries_.emplace(text, parsed);
        return parsed;
    }

private:
    const std::size_t capacity_;
    const Parser parse_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const T>> entries_;
};

// What `Parse` (a function of a JSON document) makes of a stored JSON text, parsed once per distinct text: one
// memo per parser, holding up to `Capacity` texts.
template <auto Parse, std::size_t Capacity>
auto parsed_json(const std::string& text) {
    using Value = std::invoke_result_t<decltype(Parse), const nlohmann::json&>;
    static ParseMemo<Value> memo(Capacity, [](const std::string& json_text) {
        return Parse(nlohmann::json::parse(json_text));
    });
    return memo.get(text);
}

}  // namespace commerce
