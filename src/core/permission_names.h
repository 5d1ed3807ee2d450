// The names of the permissions operations check. Every module may name a permission; only identity grants them.
#pragma once

#include <string_view>

namespace commerce {

namespace permission {
inline constexpr std::string_view catalog_write = "catalog.write";
inline constexpr std::string_view inventory_write = "inventory.write";
inline constexpr std::string_view orders_read = "orders.read";
inline constexpr std::string_view orders_manage = "orders.manage";
inline constexpr std::string_view orders_refund = "orders.refund";
inline constexpr std::string_view users_read = "users.read";
inline constexpr std::string_view users_manage = "users.manage";
inline constexpr std::string_view roles_manage = "roles.manage";
inline constexpr std::string_view audit_read = "audit.read";
inline constexpr std::string_view reports_read = "reports.read";
inline constexpr std::string_view reviews_moderate = "reviews.moderate";
inline constexpr std::string_view promotions_write = "promotions.write";
inline constexpr std::string_view settings_manage = "settings.manage";
}  // namespace permission

}  // namespace commerce
