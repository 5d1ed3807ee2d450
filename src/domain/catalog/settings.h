// The store's catalog settings, from the engine config's "catalog" member.
#pragma once

#include <string>
#include <vector>

namespace commerce {

struct CatalogSettings {
    std::string default_locale = "en";
    std::vector<std::string> locales;  // canonical; empty = any valid locale is accepted
};

}  // namespace commerce
