// The SQLite repository of licence keys.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/licence_key_repositories.h"

namespace commerce::sqlite {

class SqliteLicenceKeys final : public LicenceKeyRepository {
public:
    explicit SqliteLicenceKeys(Connection& db) : db_(db) {}
    std::optional<std::string> variant_kind(std::string_view variant_id) override;
    bool insert(const LicenceKey& key) override;
    LicencePoolCounts counts(std::string_view variant_id) override;
    std::vector<LicenceKey> assign(std::string_view variant_id, std::string_view order_id, int64_t order_line,
                                   int64_t quantity, int64_t now_ms) override;
    std::vector<LicenceKey> for_order(std::string_view order_id) override;

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
