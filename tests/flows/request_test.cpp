// Product requests through the flows: who creates and sees them, fulfilment and its event, bad input, erasure.
#include "flows/data_rights.h"
#include "flows/product_requests.h"
#include "shop_fixture.h"

using namespace commerce;
using namespace shop;

namespace {

json create(Shop& s, const Account& user, const std::string& request) {
    return flows::create_product_request(*s.engine, user.session.c_str(), request.c_str());
}

json requests(Shop& s, const Account& user, const char* query = nullptr) {
    return flows::list_product_requests(*s.engine, user.session.c_str(), query);
}

}  // namespace

TEST_CASE("product requests: signed-in users ask; each sees their own, catalog.write sees all") {
    Shop s;
    const Account ann = s.customer("ann@shop.test"), bob = s.customer("bob@shop.test");
    const json mine = create(s, ann, R"({"title": "Elden Ring", "details": "PS5 version please"})");
    CHECK(mine["type"] == "product_request");
    CHECK(mine["status"] == "open");
    CHECK(mine["user_id"] == ann.id);
    CHECK(mine["product_id"].is_null());
    CHECK(mine["fulfilled_at"].is_null());
    s.engine->manual_clock().advance(1000);
    create(s, bob, R"({"title": "Hades II"})");
    s.engine->manual_clock().advance(1000);
    create(s, ann, R"({"title": "Celeste"})");

    const json own = requests(s, ann);
    CHECK(own["type"] == "product_request_list");
    REQUIRE(own["items"].size() == 2);
    CHECK(own["items"][0]["title"] == "Celeste");  // newest first
    CHECK(own["items"][1]["details"] == "PS5 version please");
    CHECK(requests(s, bob)["items"].size() == 1);
    CHECK(requests(s, s.staff)["items"].size() == 3);  // staff hold catalog.write
    const json first = requests(s, s.admin, R"({"limit": 2})");
    CHECK(first["items"].size() == 2);
    const json second =
        requests(s, s.admin, json{{"limit", 2}, {"after", first["next"]}}.dump().c_str());
    REQUIRE(second["items"].size() == 1);
    CHECK(second["items"][0]["id"] == mine["id"]);
    CHECK(second["next"].is_null());
}

TEST_CASE("product requests: bad input and missing sessions write nothing") {
    Shop s;
    const Account ann = s.customer("ann@shop.test");
    const auto bad = [&](const char* request) {
        return field_of([&] { flows::create_product_request(*s.engine, ann.session.c_str(), request); });
    };
    CHECK(bad(R"({})") == "title");
    CHECK(bad(R"({"title": ""})") == "title");
    CHECK(bad(R"({"title": 7})") == "title");
    CHECK(bad((R"({"title": ")" + std::string(201, 't') + R"("})").c_str()) == "title");
    CHECK(bad((R"({"title": "t", "details": ")" + std::string(4001, 'd') + R"("})").c_str()) == "details");
    CHECK(bad(R"({"title": "t", "url": "x"})") == "url");
    CHECK(bad("nope") == "request");
    CHECK(bad(nullptr) == "request");
    CHECK(code_of([&] { flows::create_product_request(*s.engine, nullptr, R"({"title": "t"})"); }) ==
          COMMERCE_ERR_UNAUTHORIZED);
    CHECK(code_of([&] { flows::list_product_requests(*s.engine, nullptr, nullptr); }) == COMMERCE_ERR_UNAUTHORIZED);
    CHECK(field_of([&] { requests(s, ann, R"({"status": "closed"})"); }) == "status");
    CHECK(field_of([&] { requests(s, ann, R"({"limit": 0})"); }) == "limit");
    CHECK(field_of([&] { requests(s, ann, R"({"user_id": "x"})"); }) == "user_id");
    CHECK(requests(s, s.admin)["items"].empty());
}

TEST_CASE("product requests: fulfilment needs catalog.write and a product, happens once, and tells the requester") {
    Shop s;
    const Account ann = s.customer("ann@shop.test");
    const std::string request = create(s, ann, R"({"title": "Elden Ring"})")["id"];
    const std::string product = s.product("ER");
    s.take_events("product_request.fulfilled");
    const auto fulfil = [&](const Account& user, const char* request_id, const char* product_id) {
        return flows::fulfill_product_request(*s.engine, user.session.c_str(), request_id, product_id);
    };
    CHECK(code_of([&] { fulfil(ann, request.c_str(), product.c_str()); }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { fulfil(s.staff, "nope", product.c_str()); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] { fulfil(s.staff, request.c_str(), "nope"); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(field_of([&] { fulfil(s.staff, request.c_str(), nullptr); }) == "product_id");
    CHECK(requests(s, ann)["items"][0]["status"] == "open");
    CHECK(s.take_events("product_request.fulfilled").empty());

    s.engine->manual_clock().advance(5000);
    const json done = fulfil(s.staff, request.c_str(), product.c_str());
    CHECK(done["status"] == "fulfilled");
    CHECK(done["product_id"] == product);
    CHECK(done["fulfilled_at"] == "2026-11-06T21:20:05.000Z");
    CHECK(s.take_events("product_request.fulfilled") ==
          std::vector<json>{{{"request_id", request}, {"title", "Elden Ring"}, {"product_id", product},
                             {"user_id", ann.id}, {"email", "ann@shop.test"}}});
    CHECK(code_of([&] { fulfil(s.staff, request.c_str(), product.c_str()); }) == COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(requests(s, ann, R"({"status": "fulfilled"})")["items"].size() == 1);
    CHECK(requests(s, ann, R"({"status": "open"})")["items"].empty());
}

TEST_CASE("product requests: export includes them; erasure keeps the title as demand, without the requester") {
    Shop s;
    const Account ann = s.customer("ann@shop.test");
    create(s, ann, R"({"title": "Elden Ring", "details": "call me on +41 44 000 00 00"})");
    const json exported = flows::export_user(*s.engine, ann.session.c_str(), nullptr);
    REQUIRE(exported["product_requests"].size() == 1);
    CHECK(exported["product_requests"][0]["details"] == "call me on +41 44 000 00 00");
    flows::erase_user(*s.engine, ann.session.c_str(), nullptr);
    const json left = requests(s, s.admin);
    REQUIRE(left["items"].size() == 1);
    CHECK(left["items"][0]["title"] == "Elden Ring");
    CHECK(left["items"][0]["user_id"].is_null());
    CHECK(left["items"][0]["details"] == "");
    // Fulfilling it afterwards tells nobody.
    const std::string product = s.product("ER");
    s.take_events("product_request.fulfilled");
    flows::fulfill_product_request(*s.engine, s.admin.session.c_str(), left["items"][0]["id"].get<std::string>().c_str(),
                                   product.c_str());
    CHECK(s.take_events("product_request.fulfilled").empty());
}
