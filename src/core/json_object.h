// Building a JSON object member by member, for documents built on every call.
#pragma once

#include <nlohmann/json.hpp>

#include <cassert>
#include <utility>

namespace commerce {

// JsonObject().add("id", id).add("total", t).build() moves each value in. The priced cart is built this way on
// every read: nlohmann's initializer-list form ({{"id", id}, ...}) first makes each pair a two-element array and
// copies every value out of the list, twice the allocations.
class JsonObject {
public:
    // Each key once: a second add of a key would silently keep the first value.
    template <typename Value>
    JsonObject& add(const char* key, Value&& value) {
        [[maybe_unused]] const bool added = members_.emplace(key, nlohmann::json(std::forward<Value>(value))).second;
        assert(added && "a document member is added twice");
        return *this;
    }
    // Hands the members over; the builder is left empty.
    nlohmann::json build() { return nlohmann::json(std::move(members_)); }

private:
    nlohmann::json::object_t members_;
};

}  // namespace commerce
