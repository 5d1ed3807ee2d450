// The storage contract of reviews, review votes, product requests and licence keys, for every SQLite
// configuration: in-memory, plain file and encrypted file.
#include "adapters/storage/sqlite/sqlite_storage.h"
#include "core/error.h"
#include "samples.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace commerce;
using commerce::test::sample_product;
using commerce::test::TempDir;

namespace {

Review sample_review(const std::string& id, const std::string& product, const std::string& user, int64_t rating,
                     std::string_view status) {
    return Review{.id = id, .product_id = product, .user_id = user, .rating = rating, .title = "Title " + id,
                  .body = "Body " + id, .status = std::string(status), .created_ms = 10, .updated_ms = 10};
}

std::vector<std::string> ids(const std::vector<Review>& reviews) {
    std::vector<std::string> result;
    for (const auto& review : reviews) result.push_back(review.id);
    return result;
}

// Bytes that are not text, as sealed keys and digests are.
const std::string kBinary("\x00\xff\x01key\x00\x80", 9);

void seed(Transaction& tx) {
    for (const char* id : {"u1", "u2", "u3"})
        tx.users().insert(User{.id = id, .email = std::string(id) + "@example.com", .password_hash = "h",
                               .roles = {"customer"}, .created_ms = 1, .updated_ms = 1});
    tx.users().update([&] {
        User named = *tx.users().by_id("u1");
        named.profile.name = "Ann Example";
        return named;
    }());
    for (const char* id : {"p1", "p2"})
        tx.products().insert(sample_product(id, std::string("SKU-") + id));
}

Order paid_order(const std::string& id, const std::string& user, const std::string& product, const char* status) {
    const Money price = Money::parse("9.99", "EUR");
    const Money zero = Money::zero(price.currency());
    return Order{.id = id, .number = "2026-" + id, .user_id = user, .email = user + "@example.com",
                 .cart_id = "cart-" + id, .currency = &price.currency(), .status = status,
                 .payment_status = std::string(status) == "pending_payment" ? "pending" : "captured",
                 .fulfillment_status = "not_fulfilled",
                 .lines = {OrderLine{.product_id = product, .sku = "SKU", .title = "T", .quantity = 1,
                                     .unit_price = price, .line_total = price, .discount = zero, .tax = zero,
                                     .total = price, .refunded_quantity = 0, .digital = false}},
                 .subtotal = price, .shipping = zero, .shipping_tax = zero, .total = price,
                 .payment = Payment{.id = "pay-" + id, .method = "manual", .kind = "cash", .status = "captured",
                                    .amount = price, .captured = price, .refunded = zero, .tendered = std::nullopt,
                                    .change = std::nullopt},
                 .created_ms = 1, .updated_ms = 1};
}

void run_contract(sqlite::Options options) {
    sqlite::SqliteStorage storage(options);
    storage.write(seed);

    SUBCASE("reviews: every field round-trips with the author's name; update rewrites what an edit changes") {
        Review full = sample_review("r1", "p1", "u1", 4, kReviewRejected);
        full.moderation_reason = "Off topic";
        full.moderated_by = "u3";
        full.moderated_ms = 20;
        full.verified_purchase = true;
        storage.write([&](Transaction& tx) { tx.reviews().insert(full); });
        storage.read([&](Transaction& tx) {
            auto got = tx.reviews().by_id("r1");
            REQUIRE(got);
            CHECK(got->product_id == "p1");
            CHECK(got->user_id == "u1");
            CHECK(got->author_name == "Ann Example");
            CHECK(got->rating == 4);
            CHECK(got->title == "Title r1");
            CHECK(got->body == "Body r1");
            CHECK(got->status == "rejected");
            CHECK(got->moderation_reason == "Off topic");
            CHECK(got->moderated_by == "u3");
            CHECK(got->moderated_ms == 20);
            CHECK(got->verified_purchase);
            CHECK(got->created_ms == 10);
            CHECK(tx.reviews().by_author("p1", "u1")->id == "r1");
            CHECK_FALSE(tx.reviews().by_author("p2", "u1"));
            CHECK_FALSE(tx.reviews().by_id("nope"));
        });
        Review edited = full;
        edited.rating = 2;
        edited.body = "New";
        edited.status = kReviewPending;
        edited.moderation_reason.reset();
        edited.moderated_by.reset();
        edited.moderated_ms.reset();
        edited.verified_purchase = false;
        edited.updated_ms = 30;
        storage.write([&](Transaction& tx) { tx.reviews().update(edited); });
        storage.read([&](Transaction& tx) {
            auto got = *tx.reviews().by_id("r1");
            CHECK(got.rating == 2);
            CHECK(got.body == "New");
            CHECK(got.status == "pending");
            CHECK_FALSE(got.moderation_reason);
            CHECK_FALSE(got.moderated_ms);
            CHECK_FALSE(got.verified_purchase);
            CHECK(got.updated_ms == 30);
            CHECK(got.created_ms == 10);
        });
    }
    SUBCASE("reviews: one per user and product") {
        storage.write([](Transaction& tx) { tx.reviews().insert(sample_review("r1", "p1", "u1", 4, kReviewPending)); });
        CHECK_THROWS_AS(storage.write([](Transaction& tx) {
            tx.reviews().insert(sample_review("r2", "p1", "u1", 3, kReviewPending));
        }), Error);
    }
    SUBCASE("reviews: the queue filters by status and reports, oldest first after a cursor") {
        storage.write([](Transaction& tx) {
            tx.reviews().insert(sample_review("r1", "p1", "u1", 4, kReviewPending));
            tx.reviews().insert(sample_review("r2", "p1", "u2", 4, kReviewApproved));
            tx.reviews().insert(sample_review("r3", "p2", "u1", 4, kReviewPending));
            tx.review_votes().insert({.review_id = "r2", .user_id = "u3", .kind = "report", .created_ms = 1});
        });
        storage.read([](Transaction& tx) {
            CHECK(ids(tx.reviews().queue({.status = "pending"})) == std::vector<std::string>{"r1", "r3"});
            CHECK(ids(tx.reviews().queue({.status = "pending", .after_id = "r1"})) == std::vector<std::string>{"r3"});
            CHECK(ids(tx.reviews().queue({.status = "pending", .limit = 1})) == std::vector<std::string>{"r1"});
            CHECK(ids(tx.reviews().queue({})) == std::vector<std::string>{"r1", "r2", "r3"});
            CHECK(ids(tx.reviews().queue({.reported_only = true})) == std::vector<std::string>{"r2"});
            CHECK(ids(tx.reviews().for_user("u1")) == std::vector<std::string>{"r1", "r3"});
        });
    }
    SUBCASE("reviews: a product's approved reviews in each order, after a keyset position") {
        storage.write([](Transaction& tx) {
            tx.reviews().insert(sample_review("r1", "p1", "u1", 5, kReviewApproved));
            tx.reviews().insert(sample_review("r2", "p1", "u2", 3, kReviewApproved));
            tx.reviews().insert(sample_review("r3", "p1", "u3", 5, kReviewApproved));
            tx.reviews().insert(sample_review("r4", "p2", "u3", 1, kReviewPending));
            tx.review_votes().insert({.review_id = "r2", .user_id = "u1", .kind = "helpful", .created_ms = 1});
        });
        storage.read([](Transaction& tx) {
            const auto page = [&](ReviewSort sort, std::optional<int64_t> key = {}, std::string id = "") {
                return ids(tx.reviews().approved_for_product(
                    {.product_id = "p1", .sort = sort, .after_key = key, .after_id = id, .limit = 10}));
            };
            CHECK(page(ReviewSort::newest) == std::vector<std::string>{"r3", "r2", "r1"});
            CHECK(page(ReviewSort::newest, 0, "r3") == std::vector<std::string>{"r2", "r1"});
            CHECK(page(ReviewSort::helpful) == std::vector<std::string>{"r2", "r3", "r1"});
            CHECK(page(ReviewSort::helpful, 0, "r3") == std::vector<std::string>{"r1"});
            CHECK(page(ReviewSort::rating_desc) == std::vector<std::string>{"r3", "r1", "r2"});
            CHECK(page(ReviewSort::rating_desc, 5, "r1") == std::vector<std::string>{"r2"});
            CHECK(page(ReviewSort::rating_asc) == std::vector<std::string>{"r2", "r3", "r1"});
            CHECK(page(ReviewSort::rating_asc, 5, "r3") == std::vector<std::string>{"r1"});
            CHECK(tx.reviews().approved_for_product({.product_id = "p2"}).empty());  // pending is not shown
        });
    }
    SUBCASE("reviews: the product's rating moves by deltas; the product's state is read") {
        storage.write([](Transaction& tx) {
            tx.reviews().adjust_rating("p1", {.sum = 9, .count = 2});
            tx.reviews().adjust_rating("p1", {.sum = -4, .count = -1});
        });
        storage.read([](Transaction& tx) {
            auto product = tx.reviews().product("p1");
            REQUIRE(product);
            CHECK(product->status == "published");
            CHECK_FALSE(product->publish_at_ms);
            CHECK(product->rating_sum == 5);
            CHECK(product->rating_count == 1);
            CHECK_FALSE(tx.reviews().product("nope"));
        });
        // The schema refuses a negative count: a bug in the deltas cannot go unnoticed.
        CHECK_THROWS_AS(storage.write([](Transaction& tx) { tx.reviews().adjust_rating("p1", {.sum = 0, .count = -2}); }),
                        Error);
    }
    SUBCASE("reviews: a purchase is a paid, kept order of the user with a line of the product") {
        storage.write([](Transaction& tx) {
            tx.orders().insert(paid_order("o1", "u1", "p1", "paid"));
            tx.orders().insert(paid_order("o2", "u2", "p1", "pending_payment"));
            tx.orders().insert(paid_order("o3", "u3", "p1", "cancelled"));
        });
        storage.read([](Transaction& tx) {
            CHECK(tx.reviews().has_purchased("u1", "p1"));
            CHECK_FALSE(tx.reviews().has_purchased("u1", "p2"));
            CHECK_FALSE(tx.reviews().has_purchased("u2", "p1"));
            CHECK_FALSE(tx.reviews().has_purchased("u3", "p1"));
        });
    }
    SUBCASE("votes: once per user and kind, counted on the review, removed per user with their counts") {
        storage.write([](Transaction& tx) {
            tx.reviews().insert(sample_review("r1", "p1", "u1", 5, kReviewApproved));
            CHECK(tx.review_votes().insert({.review_id = "r1", .user_id = "u2", .kind = "helpful", .created_ms = 1}));
            CHECK_FALSE(tx.review_votes().insert({.review_id = "r1", .user_id = "u2", .kind = "helpful", .created_ms = 2}));
            CHECK(tx.review_votes().insert(
                {.review_id = "r1", .user_id = "u2", .kind = "report", .reason = "rude", .created_ms = 3}));
            CHECK(tx.review_votes().insert({.review_id = "r1", .user_id = "u3", .kind = "helpful", .created_ms = 4}));
        });
        storage.read([](Transaction& tx) {
            auto review = *tx.reviews().by_id("r1");
            CHECK(review.helpful_count == 2);
            CHECK(review.report_count == 1);
            auto votes = tx.review_votes().for_user("u2");
            REQUIRE(votes.size() == 2);
            CHECK(votes[1].kind == "report");
            CHECK(votes[1].reason == "rude");
            CHECK(votes[0].created_ms == 1);
        });
        storage.write([](Transaction& tx) { tx.review_votes().remove_for_user("u2"); });
        storage.read([](Transaction& tx) {
            auto review = *tx.reviews().by_id("r1");
            CHECK(review.helpful_count == 1);
            CHECK(review.report_count == 0);
            CHECK(tx.review_votes().for_user("u2").empty());
        });
        // Deleting the review takes its votes along.
        storage.write([](Transaction& tx) { CHECK(tx.reviews().remove("r1")); });
        storage.read([](Transaction& tx) { CHECK(tx.review_votes().for_user("u3").empty()); });
        storage.write([](Transaction& tx) { CHECK_FALSE(tx.reviews().remove("r1")); });
    }
    SUBCASE("product requests: round trip, newest first with filters, fulfilled once, anonymised") {
        storage.write([](Transaction& tx) {
            tx.product_requests().insert({.id = "q1", .user_id = "u1", .title = "A", .details = "call me",
                                          .status = "open", .created_ms = 1});
            tx.product_requests().insert({.id = "q2", .user_id = "u2", .title = "B", .details = "", .status = "open",
                                          .created_ms = 2});
            tx.product_requests().insert({.id = "q3", .user_id = "u1", .title = "C", .details = "", .status = "open",
                                          .created_ms = 3});
            CHECK(tx.product_requests().fulfill("q3", "p1", 9));
            CHECK_FALSE(tx.product_requests().fulfill("q3", "p2", 10));
            CHECK_FALSE(tx.product_requests().fulfill("nope", "p2", 10));
        });
        storage.read([](Transaction& tx) {
            auto q3 = tx.product_requests().by_id("q3");
            REQUIRE(q3);
            CHECK(q3->status == "fulfilled");
            CHECK(q3->product_id == "p1");
            CHECK(q3->fulfilled_ms == 9);
            const auto page = [&](ProductRequestQuery query) {
                std::vector<std::string> result;
                for (const auto& request : tx.product_requests().page(query)) result.push_back(request.id);
                return result;
            };
            CHECK(page({}) == std::vector<std::string>{"q3", "q2", "q1"});
            CHECK(page({.user_id = "u1"}) == std::vector<std::string>{"q3", "q1"});
            CHECK(page({.status = "open"}) == std::vector<std::string>{"q2", "q1"});
            CHECK(page({.before_id = "q2"}) == std::vector<std::string>{"q1"});
            CHECK(page({.limit = 1}) == std::vector<std::string>{"q3"});
            CHECK(tx.product_requests().product_exists("p1"));
            CHECK_FALSE(tx.product_requests().product_exists("nope"));
        });
        storage.write([](Transaction& tx) { tx.product_requests().anonymise_for_user("u1"); });
        storage.read([](Transaction& tx) {
            auto q1 = *tx.product_requests().by_id("q1");
            CHECK_FALSE(q1.user_id);
            CHECK(q1.details == "");
            CHECK(q1.title == "A");
            CHECK(tx.product_requests().by_id("q2")->user_id == "u2");
        });
    }
    SUBCASE("licence keys: binary round trip, one digest per variant, guarded hand-out oldest first") {
        storage.write([](Transaction& tx) {
            CHECK(tx.licence_keys().insert({.id = "k2", .variant_id = "p1-v", .digest = "d2", .sealed = kBinary,
                                            .imported_ms = 1}));
            CHECK(tx.licence_keys().insert({.id = "k1", .variant_id = "p1-v", .digest = kBinary, .sealed = "s1",
                                            .imported_ms = 1}));
            CHECK(tx.licence_keys().insert({.id = "k3", .variant_id = "p1-v", .digest = "d3", .sealed = "s3",
                                            .imported_ms = 1}));
            CHECK_FALSE(tx.licence_keys().insert({.id = "k4", .variant_id = "p1-v", .digest = "d3", .sealed = "s4",
                                                  .imported_ms = 2}));
            CHECK(tx.licence_keys().insert({.id = "k5", .variant_id = "p2-v", .digest = "d3", .sealed = "s5",
                                            .imported_ms = 2}));  // another variant's pool
        });
        storage.write([](Transaction& tx) {
            const auto taken = tx.licence_keys().assign("p1-v", "o1", 0, 2, 50);
            REQUIRE(taken.size() == 2);
            CHECK(taken[0].id == "k1");
            CHECK(taken[0].digest == kBinary);
            CHECK(taken[1].id == "k2");
            CHECK(taken[1].sealed == kBinary);
            CHECK(taken[1].order_id == "o1");
            CHECK(taken[1].assigned_ms == 50);
            const auto rest = tx.licence_keys().assign("p1-v", "o2", 1, 5, 60);  // fewer than asked: what is left
            REQUIRE(rest.size() == 1);
            CHECK(rest[0].id == "k3");
            CHECK(tx.licence_keys().assign("p1-v", "o3", 0, 1, 70).empty());
        });
        storage.read([](Transaction& tx) {
            const auto counts = tx.licence_keys().counts("p1-v");
            CHECK(counts.available == 0);
            CHECK(counts.assigned == 3);
            CHECK(tx.licence_keys().counts("p2-v").available == 1);
            CHECK(tx.licence_keys().counts("nope").available == 0);
            const auto o1 = tx.licence_keys().for_order("o1");
            REQUIRE(o1.size() == 2);
            CHECK(o1[0].id == "k1");
            CHECK(o1[0].order_line == 0);
            CHECK(tx.licence_keys().for_order("o2")[0].order_line == 1);
            CHECK(tx.licence_keys().variant_kind("p1-v") == "physical");
            CHECK_FALSE(tx.licence_keys().variant_kind("nope"));
        });
    }
}

}  // namespace

TEST_CASE("review storage contract: in-memory") { run_contract({.path = ":memory:"}); }

TEST_CASE("review storage contract: plain file") {
    TempDir dir;
    run_contract({.path = (dir.path / "plain.db").string()});
}

TEST_CASE("review storage contract: encrypted file") {
    TempDir dir;
    run_contract({.path = (dir.path / "secret.db").string(), .key = "kiosk key"});
}
