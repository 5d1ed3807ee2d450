// The SQLite repositories of price lists and customer groups.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/customer_group_repositories.h"
#include "ports/price_list_repositories.h"

namespace commerce::sqlite {

class SqlitePriceLists final : public PriceListRepository {
public:
    explicit SqlitePriceLists(Connection& db) : db_(db) {}
    void insert(const StoredPriceList& list) override;
    bool update(const StoredPriceList& list, int64_t expected_version) override;
    void replace_prices(std::string_view price_list_id, const std::vector<PriceListPrice>& prices) override;
    std::optional<StoredPriceList> by_id(std::string_view id) override;
    std::vector<StoredPriceList> page(const PriceListQuery& query) override;
    std::vector<PriceListPrice> prices_of(std::string_view price_list_id) override;
    int64_t price_count(std::string_view price_list_id) override;
    std::vector<StoredPriceList> active() override;
    std::vector<ListedPrice> active_prices_for(const std::vector<std::string>& variant_ids,
                                               const Currency& currency) override;

private:
    Connection& db_;
};

class SqliteCustomerGroups final : public CustomerGroupRepository {
public:
    explicit SqliteCustomerGroups(Connection& db) : db_(db) {}
    void insert(const StoredCustomerGroup& group) override;
    bool update(const StoredCustomerGroup& group, int64_t expected_version) override;
    void remove(std::string_view id) override;
    std::optional<StoredCustomerGroup> by_id(std::string_view id) override;
    std::vector<StoredCustomerGroup> page(const CustomerGroupQuery& query) override;
    bool add_member(std::string_view group_id, std::string_view user_id, int64_t added_ms) override;
    bool remove_member(std::string_view group_id, std::string_view user_id) override;
    int64_t member_count(std::string_view group_id) override;
    std::vector<CustomerGroupMember> members(std::string_view group_id, std::string_view after_user_id,
                                             int64_t limit) override;
    std::vector<CustomerGroup> groups_of(std::string_view user_id) override;

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
