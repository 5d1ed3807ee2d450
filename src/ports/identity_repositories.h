// The storage port for identity, access control, audit and the outbox.
#pragma once

#include "domain/audit/audit.h"
#include "domain/identity/user.h"
#include "domain/outbox/event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

class UserRepository {
public:
    virtual ~UserRepository() = default;
    virtual void insert(const User& user) = 0;
    // Writes every column and replaces the roles.
    virtual void update(const User& user) = 0;
    virtual std::optional<User> by_id(std::string_view id) = 0;
    virtual std::optional<User> by_email(std::string_view email) = 0;
    virtual int64_t count_with_role(std::string_view role) = 0;  // active users only
    // Users with id > query.after_id in id order, filtered.
    virtual std::vector<User> page(const UserQuery& query) = 0;
};

class SessionRepository {
public:
    virtual ~SessionRepository() = default;
    virtual void insert(const Session& session) = 0;
    virtual std::optional<Session> by_token_hash(std::string_view token_hash) = 0;
    virtual bool remove(std::string_view token_hash) = 0;
    // Ends every session of the user except the one given ("" ends all); returns how many ended.
    virtual int64_t remove_for_user(std::string_view user_id, std::string_view except_token_hash) = 0;
    // Moves last_used_ms forward (never back).
    virtual void touch(std::string_view token_hash, int64_t used_ms) = 0;
    virtual std::vector<Session> for_user(std::string_view user_id) = 0;
};

class AccountTokenRepository {
public:
    virtual ~AccountTokenRepository() = default;
    virtual void insert(const AccountToken& token) = 0;
    virtual std::optional<AccountToken> by_hash(std::string_view token_hash) = 0;
    virtual void mark_used(std::string_view token_hash, int64_t used_ms) = 0;
    virtual void count_failure(std::string_view token_hash) = 0;
    // Deletes the user's tokens of that purpose (resending invalidates the old one).
    virtual void remove_for_user(std::string_view user_id, std::string_view purpose) = 0;
    // Deletes the tokens that belong to a login challenge.
    virtual void remove_children(std::string_view parent_hash) = 0;
    virtual void remove_all_for_user(std::string_view user_id) = 0;
};

class LoginThrottleRepository {
public:
    virtual ~LoginThrottleRepository() = default;
    virtual std::optional<LoginThrottle> find(std::string_view user_id) = 0;
    virtual void save(const LoginThrottle& throttle) = 0;
    virtual void clear(std::string_view user_id) = 0;
};

class LoginEventRepository {
public:
    virtual ~LoginEventRepository() = default;
    virtual void insert(const LoginEvent& event) = 0;
    virtual std::vector<LoginEvent> for_user(std::string_view user_id) = 0;
    // Per UTC day in [from_ms, to_ms): successful logins, failures ("failure" and "locked"), distinct users
    // with a successful login. Days without events are absent.
    virtual std::vector<LoginDay> per_day(int64_t from_ms, int64_t to_ms) = 0;
    virtual int64_t unique_users(int64_t from_ms, int64_t to_ms) = 0;
    // Erasure: the user's events keep outcome and time but lose email, ip and user agent.
    virtual void anonymise_for_user(std::string_view user_id) = 0;
};

class SecondFactorRepository {
public:
    virtual ~SecondFactorRepository() = default;
    virtual std::optional<SecondFactors> find(std::string_view user_id) = 0;
    virtual void save(const SecondFactors& factors) = 0;
    virtual void remove(std::string_view user_id) = 0;  // the recovery codes go with them
    // Recovery codes, stored as hashes.
    virtual void replace_recovery_codes(std::string_view user_id, const std::vector<std::string>& code_hashes) = 0;
    // Marks an unused code used; false when there is no such unused code.
    virtual bool use_recovery_code(std::string_view user_id, std::string_view code_hash, int64_t used_ms) = 0;
    virtual int64_t recovery_codes_left(std::string_view user_id) = 0;
};

class SocialIdentityRepository {
public:
    virtual ~SocialIdentityRepository() = default;
    virtual std::optional<SocialIdentity> find(std::string_view provider, std::string_view subject) = 0;
    virtual void insert(const SocialIdentity& identity) = 0;
    virtual bool remove(std::string_view provider, std::string_view subject) = 0;
    virtual std::vector<SocialIdentity> for_user(std::string_view user_id) = 0;
    virtual void remove_all_for_user(std::string_view user_id) = 0;
};

class AddressRepository {
public:
    virtual ~AddressRepository() = default;
    virtual void insert(const Address& address) = 0;
    virtual void update(const Address& address) = 0;
    virtual std::optional<Address> by_id(std::string_view id) = 0;
    virtual bool remove(std::string_view id) = 0;
    virtual std::vector<Address> for_user(std::string_view user_id) = 0;  // oldest first
    virtual void remove_all_for_user(std::string_view user_id) = 0;
};

// Custom roles. The built-in roles live in code (domain/identity/permissions.h) and are never stored.
class RoleRepository {
public:
    virtual ~RoleRepository() = default;
    virtual std::optional<Role> find(std::string_view name) = 0;
    virtual std::vector<Role> all() = 0;  // by name
    virtual void save(const Role& role) = 0;  // insert or replace, permissions included
    virtual bool remove(std::string_view name) = 0;
    virtual int64_t holders(std::string_view name) = 0;  // users with the role, any status
};

class AuditRepository {
public:
    virtual ~AuditRepository() = default;
    virtual void insert(const AuditEntry& entry) = 0;
    // Newest first, id < query.before_id when set.
    virtual std::vector<AuditEntry> page(const AuditQuery& query) = 0;
};

class OutboxRepository {
public:
    virtual ~OutboxRepository() = default;
    virtual void insert(const OutboxEvent& event) = 0;
    // Undelivered, not dead, available at now_ms, topic starting with one of the prefixes (all when empty),
    // oldest first.
    virtual std::vector<OutboxEvent> due(int64_t now_ms, const std::vector<std::string>& topic_prefixes,
                                         int64_t limit) = 0;
    virtual std::optional<OutboxEvent> by_id(std::string_view id) = 0;
    // Writes available_ms, attempts, last_error, delivered_ms, dead_ms and sealed_secrets.
    virtual void save_delivery_state(const OutboxEvent& event) = 0;
    // Deletes every event about a record (erasure of a user: no mail goes out to them, nothing of theirs stays).
    virtual void remove_for_subject(std::string_view subject_id) = 0;
};

// Engine-wide secrets that must persist with the store (the generated sealing key when none is configured).
class SecretRepository {
public:
    virtual ~SecretRepository() = default;
    virtual std::optional<std::string> find(std::string_view name) = 0;
    virtual void insert(std::string_view name, std::string_view value) = 0;
};

}  // namespace commerce
