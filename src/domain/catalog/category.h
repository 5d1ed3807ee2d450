// Categories form a tree. Each keeps a materialized path ("/<root id>/.../<own id>/"), so a subtree is one
// prefix, a move rewrites the prefix of its descendants, and a cycle shows as the new parent's path starting
// with the moved category's own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace commerce {

struct Category {
    std::string id;
    std::optional<std::string> parent_id;
    std::string slug;
    std::string name;
    std::string description;
    int64_t position = 0;  // among its siblings, from 0
    std::string path;
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

inline std::string category_path(const std::optional<std::string>& parent_path, std::string_view id) {
    return parent_path.value_or("/") + std::string(id) + "/";
}

// True when the category at `path` is the one at `ancestor_path` or lies below it.
inline bool within(std::string_view path, std::string_view ancestor_path) { return path.starts_with(ancestor_path); }

}  // namespace commerce
