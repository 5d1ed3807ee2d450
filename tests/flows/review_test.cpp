// Reviews through the flows: every submission rule and bad input (nothing written), moderation, votes, the
// product's list, data rights, and the rating invariant after a random sequence of operations.
#include "core/rating.h"
#include "domain/review/rating.h"
#include "flows/data_rights.h"
#include "flows/reviews.h"
#include "shop_fixture.h"

#include <map>
#include <set>
#include <random>

using namespace commerce;
using namespace shop;

namespace {

json list(Shop& s, const std::string& product, const char* query = nullptr) {
    return flows::list_reviews(*s.engine, product.c_str(), query);
}

json queue(Shop& s, const char* query = nullptr) { return flows::review_queue(*s.engine, s.staff.session.c_str(), query); }

json submit(Shop& s, const Account& user, const std::string& product, const std::string& review) {
    return flows::submit_review(*s.engine, user.session.c_str(), product.c_str(), review.c_str());
}

json moderate(Shop& s, const std::string& review, const char* decision, const char* reason = nullptr) {
    return flows::moderate_review(*s.engine, s.staff.session.c_str(), review.c_str(), decision, reason);
}

}  // namespace

TEST_CASE("reviews: the average is exact and rounds half to even") {
    CHECK(format_average(0, 0) == "0.00");
    CHECK(format_average(13, 3) == "4.33");
    CHECK(format_average(14, 3) == "4.67");
    CHECK(format_average(5, 1) == "5.00");
    CHECK(format_average(7, 2) == "3.50");
    CHECK(format_average(9, 8) == "1.12");   // 1.125: the tie goes to the even 2
    CHECK(format_average(11, 8) == "1.38");  // 1.375: the tie goes to the even 8
    CHECK(format_average(2, 3) == "0.67");
    CHECK(rating_json(13, 3) == json{{"average", "4.33"}, {"count", 3}});
}

TEST_CASE("reviews: bad submissions are refused and write nothing") {
    Shop s;
    const std::string product = s.product("P1");
    const Account ann = s.customer("ann@shop.test");
    const auto bad = [&](const std::string& review) {
        return field_of([&] { submit(s, ann, product, review); });
    };
    CHECK(bad(R"({"rating": 0})") == "rating");
    CHECK(bad(R"({"rating": 6})") == "rating");
    CHECK(bad(R"({"rating": -1})") == "rating");
    CHECK(bad(R"({"rating": "5"})") == "rating");
    CHECK(bad(R"({"rating": 4.5})") == "rating");
    CHECK(bad(R"({"title": "no rating"})") == "rating");
    CHECK(bad(R"({"rating": 5, "title": ")" + std::string(201, 't') + R"("})") == "title");
    CHECK(bad(R"({"rating": 5, "body": ")" + std::string(64 * 1024 + 1, 'b') + R"("})") == "body");
    CHECK(bad(R"({"rating": 5, "title": "\ud800"})") == "review");  // a lone surrogate is not UTF-8
    CHECK(bad(R"({"rating": 5, "stars": 5})") == "stars");
    CHECK(bad("not json") == "review");
    CHECK(bad("[5]") == "review");
    CHECK(code_of([&] { flows::submit_review(*s.engine, ann.session.c_str(), product.c_str(), nullptr); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { submit(s, ann, "no-such-product", R"({"rating": 5})"); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] { flows::submit_review(*s.engine, nullptr, product.c_str(), R"({"rating": 5})"); }) ==
          COMMERCE_ERR_UNAUTHORIZED);
    CHECK(code_of([&] { flows::submit_review(*s.engine, "forged", product.c_str(), R"({"rating": 5})"); }) ==
          COMMERCE_ERR_UNAUTHORIZED);
    // Nothing was written: no review waits, the product has no rating, and no event went out.
    CHECK(queue(s)["items"].empty());
    CHECK(list(s, product)["rating"] == json{{"average", "0.00"}, {"count", 0}});
    CHECK(s.take_events("review.submitted").empty());
    // The limits themselves are fine.
    const json ok = submit(s, ann, product,
                           R"({"rating": 5, "title": ")" + std::string(200, 't') + R"(", "body": ")" +
                               std::string(64 * 1024, 'b') + R"("})");
    CHECK(ok["status"] == "pending");
}

TEST_CASE("reviews: only products shoppers can see take reviews") {
    TempFile file("commerce-review-visibility");
    Shop s(file.path.string());
    const std::string draft = s.product("DRAFT"), scheduled = s.product("LATER"), archived = s.product("OLD");
    const Account ann = s.customer("ann@shop.test");
    s.raw_sql("UPDATE products SET status = 'draft' WHERE id = '" + draft + "'");
    s.raw_sql("UPDATE products SET status = 'archived' WHERE id = '" + archived + "'");
    s.raw_sql("UPDATE products SET status = 'draft', publish_at_ms = " + std::to_string(kStart + 60'000) +
              " WHERE id = '" + scheduled + "'");
    for (const auto& hidden : {draft, archived, scheduled}) {
        CHECK(code_of([&] { submit(s, ann, hidden, R"({"rating": 4})"); }) == COMMERCE_ERR_NOT_FOUND);
        CHECK(code_of([&] { list(s, hidden); }) == COMMERCE_ERR_NOT_FOUND);
    }
    s.engine->manual_clock().advance(60'000);  // the scheduled one is published now, without any write
    CHECK(submit(s, ann, scheduled, R"({"rating": 4})")["status"] == "pending");
    CHECK(queue(s)["items"].size() == 1);
}

TEST_CASE("reviews: moderation decides what counts, and an edit waits again") {
    Shop s;
    const std::string product = s.product("P1");
    const Account ann = s.customer("ann@shop.test"), bob = s.customer("bob@shop.test"), cy = s.customer("cy@shop.test");
    const json a = submit(s, ann, product, R"({"rating": 5, "title": "Great", "body": "Loved it"})");
    CHECK(a["type"] == "review");
    CHECK(a["status"] == "pending");
    CHECK(a["verified_purchase"] == false);
    CHECK(a["moderation_reason"].is_null());
    CHECK(s.take_events("review.submitted") ==
          std::vector<json>{{{"review_id", a["id"]}, {"product_id", product}, {"rating", 5}, {"verified_purchase", false}}});
    const std::string b = submit(s, bob, product, R"({"rating": 4})")["id"];
    const std::string c = submit(s, cy, product, R"({"rating": 4})")["id"];
    CHECK(list(s, product)["items"].empty());  // pending reviews are not shown

    // Who may moderate, and bad decisions.
    CHECK(code_of([&] { flows::moderate_review(*s.engine, ann.session.c_str(), b.c_str(), "approved", nullptr); }) ==
          COMMERCE_ERR_FORBIDDEN);
    CHECK(field_of([&] { moderate(s, b, "rejected"); }) == "reason");
    CHECK(field_of([&] { moderate(s, b, "rejected", ""); }) == "reason");
    CHECK(field_of([&] { moderate(s, b, "maybe"); }) == "decision");
    CHECK(field_of([&] { moderate(s, b, nullptr); }) == "decision");
    CHECK(field_of([&] { moderate(s, b, "rejected", std::string(1001, 'r').c_str()); }) == "reason");
    CHECK(code_of([&] { moderate(s, "no-such-review", "approved"); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(queue(s)["items"].size() == 3);  // none of that changed anything

    moderate(s, a["id"], "approved");
    moderate(s, b, "approved");
    const json rejected = moderate(s, c, "rejected", "Off topic");
    CHECK(rejected["status"] == "rejected");
    CHECK(rejected["moderation_reason"] == "Off topic");
    CHECK(rejected["moderated_at"] == "2026-11-06T21:20:00.000Z");
    CHECK(code_of([&] { moderate(s, b, "approved"); }) == COMMERCE_ERR_ILLEGAL_STATE);
    json shown = list(s, product);
    CHECK(shown["type"] == "review_list");
    CHECK(shown["product_id"] == product);
    CHECK(shown["rating"] == json{{"average", "4.50"}, {"count", 2}});
    CHECK(shown["items"].size() == 2);

    // A rejection after approval takes the rating back out; approving a rejected review puts it in.
    moderate(s, b, "rejected", "Spam");
    moderate(s, c, "approved");
    CHECK(list(s, product)["rating"] == json{{"average", "4.50"}, {"count", 2}});
    moderate(s, c, "rejected", "Spam after all");
    CHECK(list(s, product)["rating"] == json{{"average", "5.00"}, {"count", 1}});

    // One review per user and product: submitting again edits it, which waits for moderation and stops counting.
    const json edited = submit(s, ann, product, R"({"rating": 2, "title": "Broke"})");
    CHECK(edited["id"] == a["id"]);
    CHECK(edited["status"] == "pending");
    CHECK(edited["body"] == "");
    CHECK(edited["moderation_reason"].is_null());
    CHECK(edited["created_at"] == a["created_at"]);
    CHECK(list(s, product)["rating"] == json{{"average", "0.00"}, {"count", 0}});
    moderate(s, a["id"], "approved");
    CHECK(list(s, product)["rating"] == json{{"average", "2.00"}, {"count", 1}});
    // Editing a rejected review also sends it back to the queue.
    CHECK(submit(s, cy, product, R"({"rating": 3})")["status"] == "pending");
}

TEST_CASE("reviews: verified purchase needs a paid order with the product") {
    Shop s;
    const std::string product = s.product("P1"), other = s.product("P2");
    const Account payer = s.customer("payer@shop.test"), later = s.customer("later@shop.test"),
               elsewhere = s.customer("elsewhere@shop.test");
    s.buy(payer, product);
    s.buy(later, product, "cash_on_delivery");  // not paid yet
    s.buy(elsewhere, other);
    CHECK(submit(s, payer, product, R"({"rating": 5})")["verified_purchase"] == true);
    CHECK(submit(s, later, product, R"({"rating": 5})")["verified_purchase"] == false);
    CHECK(submit(s, elsewhere, product, R"({"rating": 5})")["verified_purchase"] == false);
    s.buy(elsewhere, product);
    CHECK(submit(s, elsewhere, product, R"({"rating": 4})")["verified_purchase"] == true);  // re-checked on edit
}

TEST_CASE("reviews: helpful votes and reports, once per user and kind, never on one's own review") {
    Shop s;
    const std::string product = s.product("P1");
    const Account ann = s.customer("ann@shop.test"), bob = s.customer("bob@shop.test"), cy = s.customer("cy@shop.test");
    const std::string review = submit(s, ann, product, R"({"rating": 5})")["id"];
    const auto vote = [&](const Account& user, const char* kind, const char* reason = nullptr) {
        return flows::vote_review(*s.engine, user.session.c_str(), review.c_str(), kind, reason);
    };
    CHECK(code_of([&] { vote(bob, "helpful"); }) == COMMERCE_ERR_NOT_FOUND);  // pending: not shown, not votable
    moderate(s, review, "approved");
    CHECK(code_of([&] { vote(ann, "helpful"); }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(failure_of([&] { vote(ann, "report"); }).details()["reason"] == "own_review");
    CHECK(field_of([&] { vote(bob, "useful"); }) == "kind");
    CHECK(field_of([&] { vote(bob, nullptr); }) == "kind");
    CHECK(field_of([&] { vote(bob, "helpful", "because"); }) == "reason");
    CHECK(field_of([&] { vote(bob, "report", std::string(1001, 'r').c_str()); }) == "reason");
    CHECK(code_of([&] { flows::vote_review(*s.engine, nullptr, review.c_str(), "helpful", nullptr); }) ==
          COMMERCE_ERR_UNAUTHORIZED);
    CHECK(code_of([&] { flows::vote_review(*s.engine, bob.session.c_str(), "nope", "helpful", nullptr); }) ==
          COMMERCE_ERR_NOT_FOUND);
    CHECK(list(s, product)["items"][0]["helpful_count"] == 0);  // nothing counted so far

    CHECK(vote(bob, "helpful")["helpful_count"] == 1);
    CHECK(code_of([&] { vote(bob, "helpful"); }) == COMMERCE_ERR_EXISTS);
    CHECK(vote(cy, "helpful")["helpful_count"] == 2);
    const json reported = vote(bob, "report", "Contains a phone number");
    CHECK(reported["report_count"] == 1);
    CHECK(reported["helpful_count"] == 2);
    CHECK(code_of([&] { vote(bob, "report"); }) == COMMERCE_ERR_EXISTS);
    CHECK(list(s, product)["items"][0]["report_count"] == 1);

    // The reported filter looks at every status, the default queue only at what waits.
    CHECK(queue(s)["items"].empty());
    const json flagged = queue(s, R"({"reported": true})");
    REQUIRE(flagged["items"].size() == 1);
    CHECK(flagged["items"][0]["id"] == review);
    CHECK(queue(s, R"({"reported": true, "status": "pending"})")["items"].empty());
}

TEST_CASE("reviews: the queue is oldest first with a cursor, for moderators only") {
    Shop s;
    const std::string product = s.product("P1");
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        const Account user = s.customer("u" + std::to_string(i) + "@shop.test");
        ids.push_back(submit(s, user, product, R"({"rating": 3})")["id"]);
        s.engine->manual_clock().advance(1000);
    }
    moderate(s, ids[1], "approved");
    std::vector<std::string> seen;
    std::string after;
    for (int page = 0; page < 5; ++page) {
        const json query = after.empty() ? json{{"limit", 2}} : json{{"limit", 2}, {"after", after}};
        const json result = queue(s, query.dump().c_str());
        for (const auto& item : result["items"]) seen.push_back(item["id"]);
        if (result["next"].is_null()) break;
        after = result["next"];
    }
    CHECK(seen == std::vector<std::string>{ids[0], ids[2], ids[3], ids[4]});
    CHECK(queue(s, R"({"status": "approved"})")["items"].size() == 1);
    CHECK(field_of([&] { queue(s, R"({"status": "waiting"})"); }) == "status");
    CHECK(field_of([&] { queue(s, R"({"limit": 0})"); }) == "limit");
    CHECK(field_of([&] { queue(s, R"({"limit": 201})"); }) == "limit");
    CHECK(field_of([&] { queue(s, R"({"reported": "yes"})"); }) == "reported");
    CHECK(field_of([&] { queue(s, R"({"order": "newest"})"); }) == "order");
    const Account ann = s.customer("ann@shop.test");
    CHECK(code_of([&] { flows::review_queue(*s.engine, ann.session.c_str(), nullptr); }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { flows::review_queue(*s.engine, nullptr, nullptr); }) == COMMERCE_ERR_UNAUTHORIZED);
    CHECK(code_of([&] { flows::review_queue(*s.engine, s.admin.session.c_str(), nullptr); }) == COMMERCE_OK);
}

TEST_CASE("reviews: the product's list sorts and pages every review exactly once") {
    Shop s;
    const std::string product = s.product("P1");
    std::vector<Account> users;
    std::map<std::string, int> rating_of;
    for (int i = 0; i < 9; ++i) {
        users.push_back(s.customer("u" + std::to_string(i) + "@shop.test"));
        const int rating = 1 + (i * 7) % 5;
        const std::string id = submit(s, users.back(), product, json{{"rating", rating}}.dump())["id"];
        rating_of[id] = rating;
        moderate(s, id, "approved");
        s.engine->manual_clock().advance(1000);
    }
    // A few helpful votes so "helpful" has something to sort by.
    const json all = list(s, product, R"({"limit": 200})");
    for (int i = 0; i < 3; ++i)
        for (int voter = 0; voter <= i; ++voter)
            if (all["items"][i]["user_id"] != users[static_cast<std::size_t>(voter)].id)
                flows::vote_review(*s.engine, users[static_cast<std::size_t>(voter)].session.c_str(),
                                   all["items"][i]["id"].get<std::string>().c_str(), "helpful", nullptr);

    for (const char* sort : {"newest", "helpful", "rating_desc", "rating_asc"}) {
        CAPTURE(sort);
        std::vector<json> items;
        std::string after;
        for (int page = 0; page < 10; ++page) {
            json query = {{"sort", sort}, {"limit", 2}};
            if (!after.empty()) query["after"] = after;
            const json result = list(s, product, query.dump().c_str());
            for (const auto& item : result["items"]) items.push_back(item);
            if (result["next"].is_null()) break;
            after = result["next"];
        }
        REQUIRE(items.size() == 9);
        std::set<std::string> distinct;
        for (const auto& item : items) distinct.insert(item["id"].get<std::string>());
        CHECK(distinct.size() == 9);
        for (std::size_t i = 1; i < items.size(); ++i) {
            const json &prev = items[i - 1], &next = items[i];
            const bool newer = prev["id"].get<std::string>() > next["id"].get<std::string>();
            if (std::string(sort) == "newest") CHECK(newer);
            if (std::string(sort) == "helpful")
                CHECK((prev["helpful_count"] > next["helpful_count"] ||
                       (prev["helpful_count"] == next["helpful_count"] && newer)));
            if (std::string(sort) == "rating_desc")
                CHECK((prev["rating"] > next["rating"] || (prev["rating"] == next["rating"] && newer)));
            if (std::string(sort) == "rating_asc")
                CHECK((prev["rating"] < next["rating"] || (prev["rating"] == next["rating"] && newer)));
        }
    }
    CHECK(field_of([&] { list(s, product, R"({"sort": "best"})"); }) == "sort");
    CHECK(field_of([&] { list(s, product, R"({"after": "garbage"})"); }) == "after");
    CHECK(field_of([&] { list(s, product, R"({"after": "x:id"})"); }) == "after");
    CHECK(field_of([&] { list(s, product, R"({"limit": -1})"); }) == "limit");
    CHECK(code_of([&] { list(s, "no-such-product"); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] { flows::list_reviews(*s.engine, nullptr, nullptr); }) == COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("reviews: authors and moderators delete, and the rating follows") {
    Shop s;
    const std::string product = s.product("P1");
    const Account ann = s.customer("ann@shop.test"), bob = s.customer("bob@shop.test");
    const std::string a = submit(s, ann, product, R"({"rating": 5})")["id"];
    const std::string b = submit(s, bob, product, R"({"rating": 2})")["id"];
    moderate(s, a, "approved");
    moderate(s, b, "approved");
    CHECK(code_of([&] { flows::delete_review(*s.engine, bob.session.c_str(), a.c_str()); }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { flows::delete_review(*s.engine, nullptr, a.c_str()); }) == COMMERCE_ERR_UNAUTHORIZED);
    CHECK(code_of([&] { flows::delete_review(*s.engine, ann.session.c_str(), "nope"); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(list(s, product)["rating"] == json{{"average", "3.50"}, {"count", 2}});
    flows::delete_review(*s.engine, ann.session.c_str(), a.c_str());
    CHECK(list(s, product)["rating"] == json{{"average", "2.00"}, {"count", 1}});
    flows::delete_review(*s.engine, s.staff.session.c_str(), b.c_str());
    CHECK(list(s, product)["rating"] == json{{"average", "0.00"}, {"count", 0}});
    const json audit = flows::list_audit(*s.engine, s.admin.session.c_str(), R"({"action": "review.delete"})");
    REQUIRE(audit["items"].size() == 1);
    CHECK(audit["items"][0]["target_id"] == b);
    // A deleted review can be written afresh.
    CHECK(submit(s, ann, product, R"({"rating": 1})")["id"] != a);
}

TEST_CASE("reviews: export includes them, erasure deletes reviews and votes and keeps ratings exact") {
    Shop s;
    const std::string product = s.product("P1");
    const Account ann = s.customer("ann@shop.test"), bob = s.customer("bob@shop.test");
    const std::string a = submit(s, ann, product, R"({"rating": 5, "body": "ann's words"})")["id"];
    const std::string b = submit(s, bob, product, R"({"rating": 1})")["id"];
    moderate(s, a, "approved");
    moderate(s, b, "approved");
    flows::vote_review(*s.engine, ann.session.c_str(), b.c_str(), "helpful", nullptr);
    flows::vote_review(*s.engine, ann.session.c_str(), b.c_str(), "report", "rude");
    flows::vote_review(*s.engine, bob.session.c_str(), a.c_str(), "helpful", nullptr);

    const json exported = flows::export_user(*s.engine, ann.session.c_str(), nullptr);
    REQUIRE(exported["reviews"].size() == 1);
    CHECK(exported["reviews"][0]["body"] == "ann's words");
    REQUIRE(exported["review_votes"].size() == 2);
    CHECK(exported["review_votes"][1] ==
          json{{"review_id", b}, {"kind", "report"}, {"reason", "rude"}, {"created_at", "2026-11-06T21:20:00.000Z"}});

    flows::erase_user(*s.engine, ann.session.c_str(), nullptr);
    const json left = list(s, product);
    CHECK(left["rating"] == json{{"average", "1.00"}, {"count", 1}});
    REQUIRE(left["items"].size() == 1);
    CHECK(left["items"][0]["helpful_count"] == 0);
    CHECK(left["items"][0]["report_count"] == 0);
    const json after = flows::export_user(*s.engine, s.admin.session.c_str(), ann.id.c_str());
    CHECK(after["reviews"].empty());
    CHECK(after["review_votes"].empty());
    // Bob's vote was on Ann's review: it went with the review.
    CHECK(flows::export_user(*s.engine, bob.session.c_str(), nullptr)["review_votes"].empty());
}

TEST_CASE("reviews: after a random sequence of operations the rating equals a recount of approved reviews") {
    Shop s;
    const std::vector<std::string> products = {s.product("P1"), s.product("P2")};
    std::vector<Account> users;
    for (int i = 0; i < 8; ++i) users.push_back(s.customer("u" + std::to_string(i) + "@shop.test"));
    std::mt19937 random(20261106);
    const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    // The stored rating against a recount of the approved reviews the list shows, after every operation.
    int64_t most_counted = 0;
    const auto check_ratings = [&] {
        for (const auto& product : products) {
            const json shown = list(s, product, R"({"limit": 200})");
            int64_t sum = 0;
            for (const auto& item : shown["items"]) sum += item["rating"].get<int64_t>();
            const auto count = static_cast<int64_t>(shown["items"].size());
            REQUIRE(shown["rating"] == rating_json(sum, count));
            most_counted = std::max(most_counted, count);
        }
    };
    std::vector<std::string> ids;  // every review ever written; some no longer exist
    for (int step = 0; step < 400; ++step) {
        const Account& user = users[pick(users.size())];
        const std::string& product = products[pick(products.size())];
        try {
            switch (pick(8)) {  // writes and approvals outweigh removals, so ratings build up and fall again
            case 0:
            case 1:
            case 2: ids.push_back(submit(s, user, product, json{{"rating", 1 + pick(5)}}.dump())["id"]); break;
            case 3:
            case 4: moderate(s, ids.at(pick(ids.size())), "approved"); break;
            case 5: moderate(s, ids.at(pick(ids.size())), "rejected", "no"); break;
            case 6: flows::delete_review(*s.engine, s.staff.session.c_str(), ids.at(pick(ids.size())).c_str()); break;
            case 7: flows::delete_review(*s.engine, user.session.c_str(), ids.at(pick(ids.size())).c_str()); break;
            }
        } catch (const Error& error) {
            // Expected refusals: a same-state decision, a deleted review, someone else's review.
            CHECK((error.code() == COMMERCE_ERR_ILLEGAL_STATE || error.code() == COMMERCE_ERR_NOT_FOUND ||
                   error.code() == COMMERCE_ERR_FORBIDDEN));
        } catch (const std::out_of_range&) {  // no review written yet
        }
        check_ratings();
    }
    CHECK(most_counted >= 3);  // the sequence did reach products with several approved reviews
}
