// The storage port for customer groups and their members. A member is a user; a user's groups go with them.
#pragma once

#include "domain/identity/customer_group.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

struct StoredCustomerGroup {
    CustomerGroup group;
    int64_t version = 1;
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

struct CustomerGroupMember {
    std::string user_id;
    int64_t added_ms = 0;
};

struct CustomerGroupQuery {
    std::optional<std::string> member;  // only the groups this user belongs to
    std::string after_id;               // keyset cursor: ids greater than this one, ascending
    int64_t limit = 50;
};

class CustomerGroupRepository {
public:
    virtual ~CustomerGroupRepository() = default;
    virtual void insert(const StoredCustomerGroup& group) = 0;
    // Writes name and tax_exempt, only if the stored version is expected_version; false otherwise.
    virtual bool update(const StoredCustomerGroup& group, int64_t expected_version) = 0;
    // Removes the group and its memberships.
    virtual void remove(std::string_view id) = 0;
    virtual std::optional<StoredCustomerGroup> by_id(std::string_view id) = 0;
    virtual std::vector<StoredCustomerGroup> page(const CustomerGroupQuery& query) = 0;
    // Each returns whether it changed anything (adding a member twice, or removing a non-member, does not).
    virtual bool add_member(std::string_view group_id, std::string_view user_id, int64_t added_ms) = 0;
    virtual bool remove_member(std::string_view group_id, std::string_view user_id) = 0;
    virtual int64_t member_count(std::string_view group_id) = 0;
    // Members by user id, after the cursor.
    virtual std::vector<CustomerGroupMember> members(std::string_view group_id, std::string_view after_user_id,
                                                     int64_t limit) = 0;
    // The user's groups, sorted by id.
    virtual std::vector<CustomerGroup> groups_of(std::string_view user_id) = 0;
};

}  // namespace commerce
