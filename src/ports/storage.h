// The storage port: transactions over repositories. The engine's modules see only these interfaces;
// adapters (src/adapters/storage/*) implement them for a concrete database.
//
// Every write is one transaction: an order, its lines, the stock it takes and its payment commit together or
// not at all. Writes are serialized inside the engine; reads run in parallel and see a consistent snapshot.
#pragma once

#include "domain/cart/cart.h"
#include "domain/order/order.h"
#include "ports/catalog_repositories.h"
#include "ports/customer_group_repositories.h"
#include "ports/currency_repositories.h"
#include "ports/identity_repositories.h"
#include "ports/licence_key_repositories.h"
#include "ports/price_list_repositories.h"
#include "ports/pricing_repositories.h"
#include "ports/product_request_repositories.h"
#include "ports/review_repositories.h"
#include "ports/inventory_repositories.h"
#include "ports/wishlist_repositories.h"
#include "ports/search.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

class CartRepository {
public:
    virtual ~CartRepository() = default;
    virtual void insert(const Cart& cart) = 0;
    // Every field; saving is activity, so it also ends the cart's abandonment (and its recovery token).
    virtual void save(const Cart& cart) = 0;
    virtual std::optional<Cart> by_id(std::string_view id) = 0;
    // The user's most recently changed open cart in the currency, other than except_id.
    virtual std::optional<Cart> latest_open_for_user(std::string_view user_id, std::string_view currency,
                                                     std::string_view except_id) = 0;
    // Open carts with items, idle since before idle_before_ms and not yet reported abandoned; oldest first.
    virtual std::vector<std::string> newly_abandoned(int64_t idle_before_ms, int64_t limit) = 0;
    // Marks the cart abandoned at at_ms with the hash of its recovery token.
    virtual void mark_abandoned(std::string_view id, int64_t at_ms, std::string_view token_hash) = 0;
    virtual std::optional<Cart> by_recovery_token(std::string_view token_hash) = 0;
    // Deletes carts that are not completed and have been idle since before idle_before_ms; returns how many.
    virtual int64_t delete_idle(int64_t idle_before_ms, int64_t limit) = 0;
};

// What a sales report needs of one order.
struct PlacedTotal {
    std::string order_id;
    Money total;
    int64_t placed_ms = 0;
};

// An admin search of orders: every given criterion must hold; empty lists and nullopt match everything.
struct OrderQuery {
    std::vector<std::string> statuses;
    std::vector<std::string> payment_statuses;
    std::vector<std::string> fulfillment_statuses;
    std::optional<std::string> user_id;
    std::optional<std::string> email;          // normalized, exact
    std::optional<std::string> number_prefix;  // "2026-0001" finds 2026-000100 to 2026-000199
    std::optional<int64_t> placed_from_ms;     // inclusive
    std::optional<int64_t> placed_to_ms;       // exclusive
    std::string before_id;                     // the cursor: ids below it ("" for the first page)
    int64_t limit = 50;
};

class OrderRepository {
public:
    virtual ~OrderRepository() = default;
    virtual void insert(const Order& order) = 0;
    virtual std::optional<Order> by_id(std::string_view id) = 0;
    // A user's orders newest first, with id < before_id when before_id is not empty.
    virtual std::vector<Order> page_for_user(std::string_view user_id, std::string_view before_id, int64_t limit) = 0;
    // How many orders the user has placed (for first-order promotions).
    virtual int64_t count_for_user(std::string_view user_id) = 0;
    // The next number in the store's sequence for the year, starting at 1.
    virtual int64_t next_number(int year) = 0;
    // The orders placed in [from_ms, to_ms) and not cancelled since, oldest first.
    virtual std::vector<PlacedTotal> placed_between(int64_t from_ms, int64_t to_ms) = 0;
    // Writes the order's states, its payment's amounts and its lines' refunded units, and appends the timeline
    // events, ledger entries and refunds that are not stored yet: an order only ever gains history.
    virtual void update(const Order& order) = 0;
    // The orders the query selects, newest first.
    virtual std::vector<Order> search(const OrderQuery& query) = 0;
    // Up to `limit` ids of orders still awaiting payment whose expiry is at or before now_ms, oldest expiry first.
    virtual std::vector<std::string> expired_unpaid(int64_t now_ms, int64_t limit) = 0;
};

// Remembers which request an idempotency key was first used for, and what it produced.
struct IdempotencyRecord {
    std::string scope;  // whose key: a user id, or "guest"
    std::string key;
    std::string request_hash;
    std::string order_id;
    int64_t created_ms = 0;
};

class IdempotencyRepository {
public:
    virtual ~IdempotencyRepository() = default;
    virtual std::optional<IdempotencyRecord> find(std::string_view scope, std::string_view key) = 0;
    virtual void insert(const IdempotencyRecord& record) = 0;
};

class Transaction {
public:
    virtual ~Transaction() = default;
    virtual UserRepository& users() = 0;
    virtual SessionRepository& sessions() = 0;
    virtual ProductRepository& products() = 0;
    virtual CategoryRepository& categories() = 0;
    virtual CollectionRepository& collections() = 0;
    virtual CartRepository& carts() = 0;
    virtual OrderRepository& orders() = 0;
    virtual IdempotencyRepository& idempotency() = 0;
    virtual AccountTokenRepository& account_tokens() = 0;
    virtual LoginThrottleRepository& login_throttles() = 0;
    virtual LoginEventRepository& login_events() = 0;
    virtual SecondFactorRepository& second_factors() = 0;
    virtual SocialIdentityRepository& social_identities() = 0;
    virtual AddressRepository& addresses() = 0;
    virtual RoleRepository& roles() = 0;
    virtual AuditRepository& audit() = 0;
    virtual OutboxRepository& outbox() = 0;
    virtual SecretRepository& secrets() = 0;
    virtual ReviewRepository& reviews() = 0;
    virtual ReviewVoteRepository& review_votes() = 0;
    virtual ProductRequestRepository& product_requests() = 0;
    virtual LicenceKeyRepository& licence_keys() = 0;
    virtual LocationRepository& locations() = 0;
    virtual StockLedgerRepository& stock_ledger() = 0;
    virtual ReservationRepository& reservations() = 0;
    virtual PromotionRepository& promotions() = 0;
    virtual SettingsRepository& settings() = 0;
    virtual PriceListRepository& price_lists() = 0;
    virtual CustomerGroupRepository& customer_groups() = 0;
    virtual ExchangeRateRepository& exchange_rates() = 0;
    virtual WishlistRepository& wishlists() = 0;
    // The search index: call product_changed / product_removed after every product write (see ports/search.h).
    virtual SearchIndex& search_index() = 0;
    // What changed in the catalog, for caches of catalog reads (see ports/catalog_repositories.h).
    virtual CatalogChanges& catalog_changes() = 0;
};

class Storage {
public:
    virtual ~Storage() = default;
    // Runs fn in a read-only snapshot.
    virtual void read(const std::function<void(Transaction&)>& fn) = 0;
    // Runs fn in a write transaction that commits when fn returns and rolls back when it throws.
    virtual void write(const std::function<void(Transaction&)>& fn) = 0;
    // The catalog's revision as committed now (see CatalogChanges), read in one statement without a transaction:
    // cheap enough for a cache to check before every hit.
    virtual int64_t catalog_revision() = 0;
    // Re-encrypts the store. MISUSE when the store is not encrypted.
    virtual void rekey(std::string_view new_key) = 0;
    // Facts for engine_info: schema version, encryption, cipher version.
    virtual nlohmann::json describe() = 0;
};

}  // namespace commerce
