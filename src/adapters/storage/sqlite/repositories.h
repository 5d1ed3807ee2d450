// The SQLite implementations of the storage port's repositories. Each works on the connection of the
// transaction it belongs to; SQL text is kept as literals so the connection can cache the statements.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/storage.h"

namespace commerce::sqlite {

class SqliteUsers final : public UserRepository {
public:
    explicit SqliteUsers(Connection& db) : db_(db) {}
    void insert(const User& user) override;
    void update(const User& user) override;
    std::optional<User> by_id(std::string_view id) override;
    std::optional<User> by_email(std::string_view email) override;
    int64_t count_with_role(std::string_view role) override;
    std::vector<User> page(const UserQuery& query) override;

private:
    void write_roles(const User& user);
    // row columns: id, email, password_hash, created_ms, updated_ms, status, email_verified_ms,
    // password_reset_required, name, phone, locale, currency, default_shipping_address_id,
    // default_billing_address_id
    User load_row(Query& row);
    Connection& db_;
};

class SqliteSessions final : public SessionRepository {
public:
    explicit SqliteSessions(Connection& db) : db_(db) {}
    void insert(const Session& session) override;
    std::optional<Session> by_token_hash(std::string_view token_hash) override;
    bool remove(std::string_view token_hash) override;
    int64_t remove_for_user(std::string_view user_id, std::string_view except_token_hash) override;
    void touch(std::string_view token_hash, int64_t used_ms) override;
    std::vector<Session> for_user(std::string_view user_id) override;  // oldest first

private:
    Connection& db_;
};

class SqliteAccountTokens final : public AccountTokenRepository {
public:
    explicit SqliteAccountTokens(Connection& db) : db_(db) {}
    void insert(const AccountToken& token) override;
    std::optional<AccountToken> by_hash(std::string_view token_hash) override;
    void mark_used(std::string_view token_hash, int64_t used_ms) override;
    void count_failure(std::string_view token_hash) override;
    void remove_for_user(std::string_view user_id, std::string_view purpose) override;
    void remove_children(std::string_view parent_hash) override;
    void remove_all_for_user(std::string_view user_id) override;

private:
    Connection& db_;
};

class SqliteLoginThrottles final : public LoginThrottleRepository {
public:
    explicit SqliteLoginThrottles(Connection& db) : db_(db) {}
    std::optional<LoginThrottle> find(std::string_view user_id) override;
    void save(const LoginThrottle& throttle) override;
    void clear(std::string_view user_id) override;

private:
    Connection& db_;
};

class SqliteLoginEvents final : public LoginEventRepository {
public:
    explicit SqliteLoginEvents(Connection& db) : db_(db) {}
    void insert(const LoginEvent& event) override;
    std::vector<LoginEvent> for_user(std::string_view user_id) override;  // oldest first
    std::vector<LoginDay> per_day(int64_t from_ms, int64_t to_ms) override;
    int64_t unique_users(int64_t from_ms, int64_t to_ms) override;
    void anonymise_for_user(std::string_view user_id) override;

private:
    Connection& db_;
};

class SqliteSecondFactors final : public SecondFactorRepository {
public:
    explicit SqliteSecondFactors(Connection& db) : db_(db) {}
    std::optional<SecondFactors> find(std::string_view user_id) override;
    void save(const SecondFactors& factors) override;
    void remove(std::string_view user_id) override;  // the recovery codes too
    void replace_recovery_codes(std::string_view user_id, const std::vector<std::string>& code_hashes) override;
    bool use_recovery_code(std::string_view user_id, std::string_view code_hash, int64_t used_ms) override;
    int64_t recovery_codes_left(std::string_view user_id) override;

private:
    Connection& db_;
};

class SqliteSocialIdentities final : public SocialIdentityRepository {
public:
    explicit SqliteSocialIdentities(Connection& db) : db_(db) {}
    std::optional<SocialIdentity> find(std::string_view provider, std::string_view subject) override;
    void insert(const SocialIdentity& identity) override;
    bool remove(std::string_view provider, std::string_view subject) override;
    std::vector<SocialIdentity> for_user(std::string_view user_id) override;  // oldest first
    void remove_all_for_user(std::string_view user_id) override;

private:
    Connection& db_;
};

class SqliteAddresses final : public AddressRepository {
public:
    explicit SqliteAddresses(Connection& db) : db_(db) {}
    void insert(const Address& address) override;
    void update(const Address& address) override;
    std::optional<Address> by_id(std::string_view id) override;
    bool remove(std::string_view id) override;
    std::vector<Address> for_user(std::string_view user_id) override;
    void remove_all_for_user(std::string_view user_id) override;

private:
    Connection& db_;
};

class SqliteRoles final : public RoleRepository {
public:
    explicit SqliteRoles(Connection& db) : db_(db) {}
    std::optional<Role> find(std::string_view name) override;
    std::vector<Role> all() override;
    void save(const Role& role) override;
    bool remove(std::string_view name) override;
    int64_t holders(std::string_view name) override;

private:
    Role load_row(Query& row);  // row columns: name, description
    Connection& db_;
};

class SqliteAudit final : public AuditRepository {
public:
    explicit SqliteAudit(Connection& db) : db_(db) {}
    void insert(const AuditEntry& entry) override;
    std::vector<AuditEntry> page(const AuditQuery& query) override;

private:
    Connection& db_;
};

class SqliteOutbox final : public OutboxRepository {
public:
    explicit SqliteOutbox(Connection& db) : db_(db) {}
    void insert(const OutboxEvent& event) override;
    std::vector<OutboxEvent> due(int64_t now_ms, const std::vector<std::string>& topic_prefixes,
                                 int64_t limit) override;
    std::optional<OutboxEvent> by_id(std::string_view id) override;
    void save_delivery_state(const OutboxEvent& event) override;
    void remove_for_subject(std::string_view subject_id) override;

private:
    Connection& db_;
};

class SqliteSecrets final : public SecretRepository {
public:
    explicit SqliteSecrets(Connection& db) : db_(db) {}
    std::optional<std::string> find(std::string_view name) override;
    void insert(std::string_view name, std::string_view value) override;

private:
    Connection& db_;
};

class SqliteCarts final : public CartRepository {
public:
    explicit SqliteCarts(Connection& db) : db_(db) {}
    void insert(const Cart& cart) override;
    void save(const Cart& cart) override;
    std::optional<Cart> by_id(std::string_view id) override;
    std::optional<Cart> latest_open_for_user(std::string_view user_id, std::string_view currency,
                                             std::string_view except_id) override;
    std::vector<std::string> newly_abandoned(int64_t idle_before_ms, int64_t limit) override;
    void mark_abandoned(std::string_view id, int64_t at_ms, std::string_view token_hash) override;
    std::optional<Cart> by_recovery_token(std::string_view token_hash) override;
    int64_t delete_idle(int64_t idle_before_ms, int64_t limit) override;

private:
    void write_items(const Cart& cart);
    std::optional<Cart> first_of(Query& row);
    Connection& db_;
};

class SqliteOrders final : public OrderRepository {
public:
    explicit SqliteOrders(Connection& db) : db_(db) {}
    void insert(const Order& order) override;
    std::optional<Order> by_id(std::string_view id) override;
    std::vector<Order> page_for_user(std::string_view user_id, std::string_view before_id, int64_t limit) override;
    int64_t count_for_user(std::string_view user_id) override;
    int64_t next_number(int year) override;
    std::vector<PlacedTotal> placed_between(int64_t from_ms, int64_t to_ms) override;
    void update(const Order& order) override;
    std::vector<std::string> expired_unpaid(int64_t now_ms, int64_t limit) override;
    std::vector<Order> search(const OrderQuery& query) override;

private:
    void insert_lines(const Order& order);
    void insert_payment(const Order& order);
    void append_history(const Order& order);
    Connection& db_;
};

class SqliteIdempotency final : public IdempotencyRepository {
public:
    explicit SqliteIdempotency(Connection& db) : db_(db) {}
    std::optional<IdempotencyRecord> find(std::string_view scope, std::string_view key) override;
    void insert(const IdempotencyRecord& record) override;

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
