#include "flows/data_rights.h"

#include "core/error.h"
#include "core/json_output.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "domain/identity/document.h"
#include "domain/order/document.h"
#include "domain/product_request/product_requests.h"
#include "domain/review/reviews.h"
#include "domain/wishlist/document.h"
#include "flows/access.h"
#include "flows/order_support.h"
#include "flows/identity_support.h"

namespace commerce::flows {
namespace {

constexpr int64_t kBatch = 500;

// The user the call is about: the caller, or another user for someone with "users.manage".
std::string subject_of(const Actor& actor, std::string_view user_id) {
    if (user_id.empty() || user_id == actor.user_id) return actor.user_id;
    actor.require(permission::users_manage);
    return std::string(user_id);
}

}  // namespace

nlohmann::json export_user(Engine& engine, const char* session, const char* user_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = optional_text(user_id, "user_id");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        const User user = existing_user(tx, subject_of(actor, id));
        nlohmann::json addresses = nlohmann::json::array(), identities = nlohmann::json::array(),
                       sessions = nlohmann::json::array(), events = nlohmann::json::array(),
                       orders = nlohmann::json::array(), entries = nlohmann::json::array();
        for (const auto& address : tx.addresses().for_user(user.id)) addresses.push_back(address_document(address, user));
        for (const auto& identity : tx.social_identities().for_user(user.id))
            identities.push_back({{"provider", identity.provider}, {"subject", identity.subject},
                                  {"created_at", format_rfc3339(identity.created_ms)}});
        for (const auto& s : tx.sessions().for_user(user.id))
            sessions.push_back({{"created_at", format_rfc3339(s.created_ms)},
                                {"last_used_at", format_rfc3339(s.last_used_ms)},
                                {"expires_at", format_rfc3339(s.expires_ms)}, {"method", s.method}, {"ip", s.ip},
                                {"user_agent", s.user_agent}});
        for (const auto& e : tx.login_events().for_user(user.id))
            events.push_back({{"created_at", format_rfc3339(e.created_ms)}, {"method", e.method},
                              {"outcome", e.outcome}, {"reason", nullable(e.reason)}, {"ip", e.ip},
                              {"user_agent", e.user_agent}});
        for (std::string before;;) {
            auto page = tx.orders().page_for_user(user.id, before, kBatch);
            for (const auto& order : page) orders.push_back(order_with_keys(engine, tx, order));
            if (static_cast<int64_t>(page.size()) < kBatch) break;
            before = page.back().id;
        }
        nlohmann::json reviews = nlohmann::json::array(), votes = nlohmann::json::array(),
                       requests = nlohmann::json::array();
        for (const auto& review : tx.reviews().for_user(user.id)) reviews.push_back(review_document(review));
        for (const auto& vote : tx.review_votes().for_user(user.id))
            votes.push_back({{"review_id", vote.review_id}, {"kind", vote.kind}, {"reason", nullable(vote.reason)},
                             {"created_at", format_rfc3339(vote.created_ms)}});
        ProductRequestQuery own;
        own.user_id = user.id;
        own.limit = kBatch;
        for (;;) {
            auto page = tx.product_requests().page(own);
            for (const auto& request : page) requests.push_back(product_request_document(request));
            if (static_cast<int64_t>(page.size()) < kBatch) break;
            own.before_id = page.back().id;
        }
        nlohmann::json wishlists = nlohmann::json::array();
        for (const auto& wishlist : tx.wishlists().for_user(user.id))
            wishlists.push_back(wishlist_export_json(wishlist, tx.wishlists().items(wishlist.id)));
        AuditQuery query;
        query.target_id = user.id;
        query.limit = kBatch;
        for (;;) {
            auto page = tx.audit().page(query);
            for (const auto& entry : page) entries.push_back(audit_entry_json(entry));
            if (static_cast<int64_t>(page.size()) < kBatch) break;
            query.before_id = page.back().id;
        }
        document = {{"type", "user_export"},        {"schema_version", 1},
                    {"exported_at", format_rfc3339(engine.now_ms())},
                    {"user", user_doc(tx, user)},   {"addresses", std::move(addresses)},
                    {"identities", std::move(identities)}, {"sessions", std::move(sessions)},
                    {"login_events", std::move(events)},   {"orders", std::move(orders)},
                    {"reviews", std::move(reviews)},       {"review_votes", std::move(votes)},
                    {"product_requests", std::move(requests)}, {"wishlists", std::move(wishlists)},
                    {"audit", std::move(entries)}};
    });
    return document;
}

void erase_user(Engine& engine, const char* session, const char* user_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = optional_text(user_id, "user_id");
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        User user = existing_user(tx, subject_of(actor, id));
        if (user.status == kUserErased) return;  // erasing twice changes nothing
        if (user.id != actor.user_id) require_may_manage(actor, user);
        if (is_admin(user) && tx.users().count_with_role(kRoleAdmin) <= 1)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "the store's last admin cannot be erased");
        const std::string erased_email = "erased+" + user.id + "@invalid";
        // Orders stay for accounting, under the anonymised account; everything personal goes. Reviews and votes
        // are the user's own words and opinions: they go, and the ratings and counts they made move with them.
        // Product requests stay as demand for their titles, without requester or details. Wishlists go.
        user.email = erased_email;
        user.password_hash.clear();
        user.status = kUserErased;
        user.profile = {};
        user.default_shipping_address_id.reset();
        user.default_billing_address_id.reset();
        user.password_reset_required = false;
        user.updated_ms = engine.now_ms();
        tx.users().update(user);
        tx.sessions().remove_for_user(user.id, "");
        tx.account_tokens().remove_all_for_user(user.id);
        tx.second_factors().remove(user.id);
        tx.social_identities().remove_all_for_user(user.id);
        tx.addresses().remove_all_for_user(user.id);
        tx.login_throttles().clear(user.id);
        tx.login_events().anonymise_for_user(user.id);
        tx.outbox().remove_for_subject(user.id);
        erase_reviews_of(tx, user.id);
        tx.product_requests().anonymise_for_user(user.id);
        tx.wishlists().remove_all_for_user(user.id);
        audit(engine, tx, actor.user_id, "user.erase", "user", user.id, nullptr, {{"status", kUserErased}});
    });
}

}  // namespace commerce::flows
