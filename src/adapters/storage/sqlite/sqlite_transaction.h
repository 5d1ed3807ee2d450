// A transaction on one connection, handing out its repositories.
#pragma once

#include "adapters/storage/sqlite/catalog_changes.h"
#include "adapters/storage/sqlite/catalog_repositories.h"
#include "adapters/storage/sqlite/exchange_rates.h"
#include "adapters/storage/sqlite/licence_key_repository.h"
#include "adapters/storage/sqlite/price_list_repositories.h"
#include "adapters/storage/sqlite/pricing_repositories.h"
#include "adapters/storage/sqlite/product_request_repository.h"
#include "adapters/storage/sqlite/inventory_repositories.h"
#include "adapters/storage/sqlite/repositories.h"
#include "adapters/storage/sqlite/review_repositories.h"
#include "adapters/storage/sqlite/search_index.h"
#include "adapters/storage/sqlite/wishlist_repository.h"

namespace commerce::sqlite {

class SqliteTransaction final : public Transaction {
public:
    struct Caches {
        SearchCache& search;
        ProductCache& products;
    };
    // `writable`: a write transaction, whose own writes move the catalog's revision.
    SqliteTransaction(Connection& db, Caches caches, bool writable)
        : users_(db), sessions_(db), products_(db, caches.products, writable), categories_(db), collections_(db),
          carts_(db), orders_(db), idempotency_(db),
          account_tokens_(db), login_throttles_(db), login_events_(db), second_factors_(db),
          social_identities_(db), addresses_(db), roles_(db), audit_(db), outbox_(db), secrets_(db),
          reviews_(db), review_votes_(db), product_requests_(db), licence_keys_(db),
          locations_(db), stock_ledger_(db), reservations_(db), promotions_(db), settings_(db),
          price_lists_(db), customer_groups_(db), exchange_rates_(db), wishlists_(db),
          search_index_(db, caches.search), catalog_changes_(db), db_(db) {}

    UserRepository& users() override { return users_; }
    SessionRepository& sessions() override { return sessions_; }
    ProductRepository& products() override { return products_; }
    CategoryRepository& categories() override { return categories_; }
    CollectionRepository& collections() override { return collections_; }
    CartRepository& carts() override { return carts_; }
    OrderRepository& orders() override { return orders_; }
    IdempotencyRepository& idempotency() override { return idempotency_; }
    AccountTokenRepository& account_tokens() override { return account_tokens_; }
    LoginThrottleRepository& login_throttles() override { return login_throttles_; }
    LoginEventRepository& login_events() override { return login_events_; }
    SecondFactorRepository& second_factors() override { return second_factors_; }
    SocialIdentityRepository& social_identities() override { return social_identities_; }
    AddressRepository& addresses() override { return addresses_; }
    RoleRepository& roles() override { return roles_; }
    AuditRepository& audit() override { return audit_; }
    OutboxRepository& outbox() override { return outbox_; }
    SecretRepository& secrets() override { return secrets_; }
    ReviewRepository& reviews() override { return reviews_; }
    ReviewVoteRepository& review_votes() override { return review_votes_; }
    ProductRequestRepository& product_requests() override { return product_requests_; }
    LicenceKeyRepository& licence_keys() override { return licence_keys_; }
    LocationRepository& locations() override { return locations_; }
    StockLedgerRepository& stock_ledger() override { return stock_ledger_; }
    ReservationRepository& reservations() override { return reservations_; }
    PromotionRepository& promotions() override { return promotions_; }
    SettingsRepository& settings() override { return settings_; }
    PriceListRepository& price_lists() override { return price_lists_; }
    CustomerGroupRepository& customer_groups() override { return customer_groups_; }
    ExchangeRateRepository& exchange_rates() override { return exchange_rates_; }
    WishlistRepository& wishlists() override { return wishlists_; }
    SearchIndex& search_index() override { return search_index_; }
    CatalogChanges& catalog_changes() override { return catalog_changes_; }

    // The connection under the repositories: for tests and benchmarks that build fixtures with SQL.
    Connection& connection() { return db_; }

private:
    SqliteUsers users_;
    SqliteSessions sessions_;
    SqliteProducts products_;
    SqliteCategories categories_;
    SqliteCollections collections_;
    SqliteCarts carts_;
    SqliteOrders orders_;
    SqliteIdempotency idempotency_;
    SqliteAccountTokens account_tokens_;
    SqliteLoginThrottles login_throttles_;
    SqliteLoginEvents login_events_;
    SqliteSecondFactors second_factors_;
    SqliteSocialIdentities social_identities_;
    SqliteAddresses addresses_;
    SqliteRoles roles_;
    SqliteAudit audit_;
    SqliteOutbox outbox_;
    SqliteSecrets secrets_;
    SqliteReviews reviews_;
    SqliteReviewVotes review_votes_;
    SqliteProductRequests product_requests_;
    SqliteLicenceKeys licence_keys_;
    SqliteLocations locations_;
    SqliteStockLedger stock_ledger_;
    SqliteReservations reservations_;
    SqlitePromotions promotions_;
    SqliteSettings settings_;
    SqlitePriceLists price_lists_;
    SqliteCustomerGroups customer_groups_;
    SqliteExchangeRates exchange_rates_;
    SqliteWishlists wishlists_;
    SqliteSearchIndex search_index_;
    SqliteCatalogChanges catalog_changes_;
    Connection& db_;
};

}  // namespace commerce::sqlite
