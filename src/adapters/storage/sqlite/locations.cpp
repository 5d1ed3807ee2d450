#include "adapters/storage/sqlite/inventory_repositories.h"

namespace commerce::sqlite {
namespace {

// row columns: id, code, name, kind, created_ms
Location location_row(Query& row) {
    return Location{.id = row.text(0), .code = row.text(1), .name = row.text(2), .kind = row.text(3),
                    .created_ms = row.integer(4)};
}

}  // namespace

void SqliteLocations::insert(const Location& location) {
    db_.query("INSERT INTO locations (id, code, name, kind, created_ms) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, location.id).bind(2, location.code).bind(3, location.name).bind(4, location.kind)
        .bind(5, location.created_ms).run();
}

std::optional<Location> SqliteLocations::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, code, name, kind, created_ms FROM locations WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return location_row(row);
}

bool SqliteLocations::code_taken(std::string_view code) {
    auto row = db_.query("SELECT 1 FROM locations WHERE code = ?1");
    row.bind(1, code);
    return row.step();
}

std::vector<Location> SqliteLocations::all() {
    auto rows = db_.query("SELECT id, code, name, kind, created_ms FROM locations ORDER BY code");
    std::vector<Location> locations;
    while (rows.step()) locations.push_back(location_row(rows));
    return locations;
}

}  // namespace commerce::sqlite
