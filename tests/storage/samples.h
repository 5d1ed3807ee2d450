// What the storage contract suites share: a temporary directory and sample records.
#pragma once

#include "ports/storage.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace commerce::test {

// A fresh directory per instance, removed with everything in it.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() / ("commerce-storage-" + std::to_string(::getpid()) + "-" +
                                                          std::to_string(reinterpret_cast<uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

// A product with one variant whose id is "<id>-v" and the given SKU.
inline Product sample_product(const std::string& id, const std::string& sku) {
    Product product{.id = id, .title = "Title " + sku, .version = 1, .created_ms = 1, .updated_ms = 1};
    product.slug = "slug-" + id;
    product.variants.push_back({.id = id + "-v", .sku = sku,
                                .prices = {Money::parse("9.99", "EUR"), Money::parse("1200", "JPY")}});
    return product;
}

}  // namespace commerce::test
