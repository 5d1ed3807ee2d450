#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {
namespace {

// row columns: id, user_id, name, company, line1, line2, city, region, postal_code, country, phone, created_ms,
// updated_ms
Address address_row(Query& row) {
    return Address{.id = row.text(0), .user_id = row.text(1), .name = row.text(2), .company = row.text(3),
                   .line1 = row.text(4), .line2 = row.text(5), .city = row.text(6), .region = row.text(7),
                   .postal_code = row.text(8), .country = row.text(9), .phone = row.text(10),
                   .created_ms = row.integer(11), .updated_ms = row.integer(12)};
}

}  // namespace

void SqliteAddresses::insert(const Address& address) {
    db_.query("INSERT INTO addresses (id, user_id, name, company, line1, line2, city, region, postal_code, country, "
              "phone, created_ms, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
        .bind(1, address.id).bind(2, address.user_id).bind(3, address.name).bind(4, address.company)
        .bind(5, address.line1).bind(6, address.line2).bind(7, address.city).bind(8, address.region)
        .bind(9, address.postal_code).bind(10, address.country).bind(11, address.phone).bind(12, address.created_ms)
        .bind(13, address.updated_ms).run();
}

void SqliteAddresses::update(const Address& address) {
    // The owner and the creation time never change.
    db_.query("UPDATE addresses SET name = ?2, company = ?3, line1 = ?4, line2 = ?5, city = ?6, region = ?7, "
              "postal_code = ?8, country = ?9, phone = ?10, updated_ms = ?11 WHERE id = ?1")
        .bind(1, address.id).bind(2, address.name).bind(3, address.company).bind(4, address.line1)
        .bind(5, address.line2).bind(6, address.city).bind(7, address.region).bind(8, address.postal_code)
        .bind(9, address.country).bind(10, address.phone).bind(11, address.updated_ms).run();
}

std::optional<Address> SqliteAddresses::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, user_id, name, company, line1, line2, city, region, postal_code, country, phone, "
                         "created_ms, updated_ms FROM addresses WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return address_row(row);
}

bool SqliteAddresses::remove(std::string_view id) {
    db_.query("DELETE FROM addresses WHERE id = ?1").bind(1, id).run();
    return db_.changes() > 0;
}

std::vector<Address> SqliteAddresses::for_user(std::string_view user_id) {
    auto rows = db_.query("SELECT id, user_id, name, company, line1, line2, city, region, postal_code, country, "
                          "phone, created_ms, updated_ms FROM addresses WHERE user_id = ?1 ORDER BY created_ms, id");
    rows.bind(1, user_id);
    std::vector<Address> addresses;
    while (rows.step()) addresses.push_back(address_row(rows));
    return addresses;
}

void SqliteAddresses::remove_all_for_user(std::string_view user_id) {
    db_.query("DELETE FROM addresses WHERE user_id = ?1").bind(1, user_id).run();
}

}  // namespace commerce::sqlite
