// Bounds on catalog input, in bytes and counts (docs/catalog.md lists them). Over-long text is
// INVALID_ARGUMENT with reason "too_long"; too many entries with reason "too_many".
#pragma once

#include <cstddef>
#include <cstdint>

namespace commerce::catalog_limits {

inline constexpr std::size_t kTitle = 200;  // titles, names, SEO titles
inline constexpr std::size_t kTaxClass = 64;  // as the tax definition allows (docs/taxes.md)
inline constexpr std::size_t kSeoDescription = 1000;
inline constexpr std::size_t kBody = 64 * 1024;  // descriptions
inline constexpr std::size_t kSku = 64;
inline constexpr std::size_t kTag = 64;
inline constexpr std::size_t kName = 64;  // option names and values, attribute names
inline constexpr std::size_t kUrl = 2048;
inline constexpr std::size_t kTags = 100;
inline constexpr std::size_t kImages = 50;
inline constexpr std::size_t kVariants = 100;
inline constexpr std::size_t kOptions = 3;
inline constexpr std::size_t kOptionValues = 100;
inline constexpr std::size_t kAttributes = 50;
inline constexpr std::size_t kAttributeValues = 50;
inline constexpr std::size_t kCategoriesPerProduct = 50;
inline constexpr std::size_t kTranslations = 50;
inline constexpr std::size_t kCollectionProducts = 1000;
inline constexpr int64_t kMaxStock = 1'000'000'000'000LL;  // far below 2^53: JavaScript reads it exactly
inline constexpr int64_t kMaxGrams = 1'000'000'000LL;
inline constexpr int64_t kMaxMillimetres = 1'000'000LL;

}  // namespace commerce::catalog_limits
