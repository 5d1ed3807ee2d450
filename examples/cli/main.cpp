// The commerce command-line program. `commerce demo [PATH]` runs a whole purchase against an SQLite file
// through the public C ABI only, exactly as a host application would.
#include <commerce/commerce.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

namespace {

using json = nlohmann::json;

struct DocDeleter {
    void operator()(commerce_doc* doc) const { commerce_doc_free(doc); }
};
struct EngineDeleter {
    void operator()(commerce_engine* engine) const { commerce_engine_free(engine); }
};

// Throws with the engine's own code and message when a call fails.
void check(commerce_status status, const char* what) {
    if (status != COMMERCE_OK)
        throw std::runtime_error(std::string(what) + ": " + commerce_status_name(status) + ": " +
                                 commerce_last_error_message());
}

// Runs a call that returns a document and hands it back parsed.
template <typename Call>
json call(const char* what, Call&& fn) {
    commerce_doc* raw = nullptr;
    check(fn(&raw), what);
    std::unique_ptr<commerce_doc, DocDeleter> doc(raw);
    return json::parse(commerce_doc_json(doc.get()));
}

// Seeds the catalog and the accounts once; a second run finds them and goes on.
std::string admin_session(commerce_engine* engine) {
    commerce_doc* raw = nullptr;
    commerce_status status = commerce_user_bootstrap_admin(&raw, engine, "admin@demo.shop", "demo admin password");
    commerce_doc_free(raw);
    if (status != COMMERCE_OK && status != COMMERCE_ERR_ILLEGAL_STATE) check(status, "bootstrap admin");
    return call("admin login", [&](commerce_doc** out) {
        return commerce_auth_login(out, engine, "admin@demo.shop", "demo admin password", nullptr);
    })["token"];
}

// Creates the product afresh, so that every run starts with full stock. An earlier run's product is found the way
// a till finds it, by scanning its barcode; orders keep their own snapshot of what they sold.
json fresh_product(commerce_engine* engine, const std::string& admin, const json& product, const char* barcode) {
    commerce_doc* found = nullptr;
    if (commerce_variant_by_barcode(&found, engine, barcode) == COMMERCE_OK) {
        const std::string id = json::parse(commerce_doc_json(found))["product"]["id"];
        check(commerce_product_delete(engine, admin.c_str(), id.c_str()), "delete product");
    }
    commerce_doc_free(found);
    return call("create product", [&](commerce_doc** out) {
        return commerce_product_create(out, engine, admin.c_str(), product.dump().c_str());
    });
}

// Plays the host's mailer: delivers what the outbox holds. A verification mail is "clicked" at once.
void deliver_outbox(commerce_engine* engine) {
    json batch = call("outbox", [&](commerce_doc** out) { return commerce_outbox_fetch(out, engine, nullptr); });
    for (const auto& event : batch["events"]) {
        const json& payload = event["payload"];
        std::printf("  mail %-30s to %s\n", event["topic"].get<std::string>().c_str(),
                    payload.value("email", "").c_str());
        if (event["topic"] == "user.verification_requested")
            call("verify email", [&](commerce_doc** out) {
                return commerce_user_verify_email(out, engine, payload["token"].get<std::string>().c_str());
            });
        check(commerce_outbox_ack(engine, event["id"].get<std::string>().c_str()), "outbox ack");
    }
}

// The shop's pricing rules, set once: German VAT (coffee beans at the reduced rate), 10% off mugs for everyone,
// and a coupon worth 5 EUR on orders from 30 EUR.
void set_up_pricing(commerce_engine* engine, const std::string& admin) {
    const json taxes = call("tax settings", [&](commerce_doc** out) {
        return commerce_tax_get_definition(out, engine, admin.c_str());
    });
    if (taxes["version"] == 0)
        call("define taxes", [&](commerce_doc** out) {
            return commerce_tax_set_definition(out, engine, admin.c_str(), R"({"origin": {"country": "DE"},
                "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "MwSt", "rate": "19"}],
                                                                  "reduced": [{"name": "MwSt", "rate": "7"}]}}]})", 0);
        });
    const char* promotions[] = {
        R"({"id": "mug-week", "name": "Mug week -10%", "conditions": {"tags": ["mugs"]},
            "action": {"type": "percentage_off_items", "percent": "10"}})",
        R"({"id": "welcome", "name": "Welcome 5 EUR", "code": "WELCOME5",
            "conditions": {"min_subtotal": {"amount": "30.00", "currency": "EUR"}},
            "action": {"type": "fixed_off_order", "amount": {"amount": "5.00", "currency": "EUR"}}})"};
    for (const char* definition : promotions) {
        commerce_doc* created = nullptr;
        const commerce_status status = commerce_promotion_create(&created, engine, admin.c_str(), definition);
        commerce_doc_free(created);
        if (status != COMMERCE_ERR_EXISTS) check(status, "create promotion");
    }
}

// A sale price list for the coffee: from two bags on, 22.90 a bag. The demo recreates its products on every run,
// so a second run replaces the list's prices with the new variant's.
void set_up_coffee_club(commerce_engine* engine, const std::string& admin, const std::string& coffee_variant) {
    const json definition = {{"id", "coffee-club"}, {"name", "Coffee club: 2 bags or more"},
                             {"prices", {{{"variant_id", coffee_variant}, {"min_quantity", 2},
                                          {"price", {{"amount", "22.90"}, {"currency", "EUR"}}}}}}};
    commerce_doc* created = nullptr;
    const commerce_status status = commerce_price_list_create(&created, engine, admin.c_str(), definition.dump().c_str());
    commerce_doc_free(created);
    if (status != COMMERCE_ERR_EXISTS) {
        check(status, "create price list");
        return;
    }
    const json existing = call("price list", [&](commerce_doc** out) {
        return commerce_price_list_get(out, engine, admin.c_str(), "coffee-club");
    });
    call("update price list", [&](commerce_doc** out) {
        return commerce_price_list_update(out, engine, admin.c_str(), "coffee-club", definition.dump().c_str(),
                                          existing["version"].get<int64_t>());
    });
}

// The store sells in EUR and shows totals in USD too: its currency settings, and today's rate (rates are history,
// so each run records one more).
void set_up_currencies(commerce_engine* engine, const std::string& admin) {
    const json settings = call("currency settings", [&](commerce_doc** out) {
        return commerce_currency_get_settings(out, engine, admin.c_str());
    });
    call("set currency settings", [&](commerce_doc** out) {
        return commerce_currency_set_settings(out, engine, admin.c_str(),
                                              R"({"base": "EUR", "presentment": [{"currency": "USD",
                                                  "charm": {"step": "1", "ending": "0.99"}}]})",
                                              settings["version"].get<int64_t>());
    });
    call("exchange rate", [&](commerce_doc** out) {
        return commerce_exchange_rate_set(out, engine, admin.c_str(),
                                          R"({"base": "EUR", "quote": "USD", "rate": "1.0850"})");
    });
}

int demo(const std::string& path) {
    json config = {{"path", path}};
    commerce_engine* raw_engine = nullptr;
    check(commerce_engine_open(&raw_engine, config.dump().c_str()), "open");
    std::unique_ptr<commerce_engine, EngineDeleter> engine(raw_engine);
    std::printf("commerce %s, store %s\n", commerce_version(), path.c_str());

    const std::string admin = admin_session(engine.get());
    set_up_pricing(engine.get(), admin);
    set_up_currencies(engine.get(), admin);
    // A product with one variant, and one in two colours.
    const json coffee_input = {{"sku", "COFFEE-1KG"}, {"title", "Coffee beans, 1 kg"}, {"description", "Single origin"},
                               {"barcode", "4006381333931"}, {"prices", {{{"amount", "24.90"}, {"currency", "EUR"}}}},
                               {"tax_class", "reduced"}, {"stock", 40}};
    const json mug_input = {
        {"title", "Mug"}, {"description", "Stoneware, 350 ml"}, {"tags", {"mugs"}},
        {"options", {{{"name", "Colour"}, {"values", {"Blue", "Red"}}}}},
        {"variants",
         {{{"sku", "MUG-BLUE"}, {"options", {{"Colour", "Blue"}}}, {"barcode", "036000291452"},
           {"prices", {{{"amount", "9.95"}, {"currency", "EUR"}}}}, {"stock", 12}},
          {{"sku", "MUG-RED"}, {"options", {{"Colour", "Red"}}}, {"barcode", "96385074"},
           {"prices", {{{"amount", "9.95"}, {"currency", "EUR"}}}}, {"stock", 8}}}}};
    const json coffee_product = fresh_product(engine.get(), admin, coffee_input, "4006381333931");
    const std::string coffee = coffee_product["id"];
    set_up_coffee_club(engine.get(), admin, coffee_product["variants"][0]["id"]);
    const json mug_product = fresh_product(engine.get(), admin, mug_input, "036000291452");
    const std::string mug = mug_product["id"], blue_mug = mug_product["variants"][0]["id"];

    commerce_doc* ignored = nullptr;
    commerce_status registered = commerce_user_register(&ignored, engine.get(), "ana@demo.shop", "ana's passphrase");
    commerce_doc_free(ignored);
    if (registered != COMMERCE_OK && registered != COMMERCE_ERR_EXISTS) check(registered, "register");
    std::printf("\nOutbox:\n");
    deliver_outbox(engine.get());
    const std::string customer = call("login", [&](commerce_doc** out) {
        return commerce_auth_login(out, engine.get(), "ana@demo.shop", "ana's passphrase",
                                   R"({"ip": "192.0.2.10", "user_agent": "commerce-demo"})");
    })["token"];

    json cart = call("cart", [&](commerce_doc** out) { return commerce_cart_create(out, engine.get(), customer.c_str(), "EUR"); });
    const std::string cart_id = cart["id"];
    const json with_coffee = call("add coffee", [&](commerce_doc** out) {
        return commerce_cart_add_item(out, engine.get(), customer.c_str(), cart_id.c_str(), coffee.c_str(), 2);
    });
    const json& coffee_line = with_coffee["items"][0];
    std::printf("\nCoffee: %s a bag from price list %s (catalog %s)\n",
                coffee_line["unit_price"]["amount"].get<std::string>().c_str(),
                coffee_line["price_list_id"].get<std::string>().c_str(),
                coffee_line["catalog_unit_price"]["amount"].get<std::string>().c_str());
    // Ana opens the shop on her phone: a new session finds the cart she is filling, without its id.
    const std::string phone = call("login on the phone", [&](commerce_doc** out) {
        return commerce_auth_login(out, engine.get(), "ana@demo.shop", "ana's passphrase", nullptr);
    })["token"];
    const json on_phone = call("find the open cart", [&](commerce_doc** out) {
        return commerce_cart_find_open(out, engine.get(), phone.c_str(), "EUR");
    });
    std::printf("On her phone Ana finds %s cart, %lld bags in it\n", on_phone["id"] == cart_id ? "the same" : "another",
                on_phone["item_count"].get<long long>());
    call("add blue mug", [&](commerce_doc** out) {
        return commerce_cart_add_item(out, engine.get(), customer.c_str(), cart_id.c_str(), blue_mug.c_str(), 3);
    });
    call("ship to Berlin", [&](commerce_doc** out) {
        return commerce_cart_update(out, engine.get(), customer.c_str(), cart_id.c_str(),
                                    R"({"shipping_address": {"country": "DE", "postal_code": "10115"},
                                        "display_currency": "USD"})");
    });
    cart = call("coupon", [&](commerce_doc** out) {
        return commerce_cart_apply_coupon(out, engine.get(), customer.c_str(), cart_id.c_str(), "welcome5");
    });
    // What a till's display shows after each change: the repriced totals alone.
    const json running = call("cart totals", [&](commerce_doc** out) {
        return commerce_cart_get_totals(out, engine.get(), customer.c_str(), cart_id.c_str());
    });
    std::printf("Running total: %lld items, %s %s\n", running["item_count"].get<long long>(),
                running["totals"]["total"]["amount"].get<std::string>().c_str(),
                running["currency"].get<std::string>().c_str());
    // The totals Ana saw are locked: had a price changed meanwhile, the order would be refused, naming it.
    json request = {{"payment", {{"method", "manual"}, {"kind", "cash"}, {"tendered", "100.00"}}},
                    {"shipping_address", {{"name", "Ana Example"}, {"line1", "Invalidenstr. 116"}, {"city", "Berlin"},
                                          {"postal_code", "10115"}, {"country", "DE"}}},
                    {"expected", {{"total", running["totals"]["total"]}}},
                    {"idempotency_key", "demo-" + cart_id}};
    json order = call("place order", [&](commerce_doc** out) {
        return commerce_checkout_place_order(out, engine.get(), customer.c_str(), cart_id.c_str(), request.dump().c_str());
    });
    const std::string order_id = order["id"];
    const json receipt = call("receipt", [&](commerce_doc** out) {
        return commerce_order_receipt(out, engine.get(), customer.c_str(), order_id.c_str(),
                                      R"({"locale": "de-DE", "width": 40})");
    });
    std::printf("\n%s", receipt["text"].get<std::string>().c_str());

    // The shop ships the coffee and the mugs; the parcel goes out for delivery and arrives; one mug came chipped.
    order = call("ship", [&](commerce_doc** out) {
        return commerce_order_ship(out, engine.get(), admin.c_str(), order_id.c_str(),
                                   R"({"carrier": "DHL", "tracking_number": "JD014600006281",
                                       "tracking_url": "https://www.dhl.de/track?id=JD014600006281"})");
    });
    const std::string parcel = order["shipments"][0]["id"];
    for (const char* step : {R"({"status": "out_for_delivery"})", R"({"status": "delivered"})"})
        order = call("delivery", [&](commerce_doc** out) {
            return commerce_order_update_shipment(out, engine.get(), admin.c_str(), order_id.c_str(), parcel.c_str(),
                                                  step);
        });
    order = call("refund a mug", [&](commerce_doc** out) {
        return commerce_order_refund(out, engine.get(), admin.c_str(), order_id.c_str(),
                                     R"({"lines": [{"line": 1, "quantity": 1, "restock": false}], "reason": "chipped"})");
    });
    order = call("complete", [&](commerce_doc** out) {
        return commerce_order_complete(out, engine.get(), admin.c_str(), order_id.c_str(), nullptr);
    });
    std::printf("Refunded %s %s for a chipped mug; the order is %s, its payment %s\nTimeline:\n",
                order["refunds"][0]["amount"]["amount"].get<std::string>().c_str(),
                order["currency"].get<std::string>().c_str(), order["status"].get<std::string>().c_str(),
                order["payment_status"].get<std::string>().c_str());
    for (const auto& event : order["timeline"])
        std::printf("  %-18s %-18s -> %s\n", event["kind"].get<std::string>().c_str(),
                    event["from"].is_null() ? "" : event["from"].get<std::string>().c_str(),
                    event["to"].get<std::string>().c_str());
    std::printf("\nStock left:\n");
    for (const auto& id : {coffee, mug}) {
        json product = call("get product", [&](commerce_doc** out) { return commerce_product_get(out, engine.get(), id.c_str()); });
        for (const auto& variant : product["variants"])
            std::printf("  %-12s %lld\n", variant["sku"].get<std::string>().c_str(),
                        variant["stock"]["on_hand"].get<long long>());
    }

    // Ana reviews the mug she bought (a verified purchase); once a moderator approves it, it counts.
    const json review = call("review", [&](commerce_doc** out) {
        return commerce_review_submit(out, engine.get(), customer.c_str(), mug.c_str(),
                                      R"({"rating": 5, "title": "Lovely blue", "body": "Holds a lot of coffee."})");
    });
    call("approve review", [&](commerce_doc** out) {
        return commerce_review_moderate(out, engine.get(), admin.c_str(), review["id"].get<std::string>().c_str(),
                                        "approved", nullptr);
    });

    // A shopper types with a typo; the search corrects it and ranks what is in stock.
    const json found = call("search", [&](commerce_doc** out) {
        return commerce_search(out, engine.get(), R"({"q": "stonewear", "currency": "EUR"})");
    });
    std::printf("\nSearch \"stonewear\" (read as \"%s\"):\n", found.value("corrected_query", json("stonewear")).get<std::string>().c_str());
    for (const auto& item : found["items"])
        std::printf("  %-22s from %s EUR, rated %s by %lld%s\n", item["title"].get<std::string>().c_str(),
                    item["price"]["amount"].get<std::string>().c_str(), item["rating"]["average"].get<std::string>().c_str(),
                    item["rating"]["count"].get<long long>(), review["verified_purchase"] == true ? " (verified buyer)" : "");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string command = argc > 1 ? argv[1] : "";
    if (command != "demo") {
        std::fprintf(stderr, "usage: commerce demo [PATH]   (default ./demo-store.db)\n");
        return 2;
    }
    try {
        return demo(argc > 2 ? argv[2] : "demo-store.db");
    } catch (const std::exception& error) {
        std::fprintf(stderr, "commerce: %s\n", error.what());
        return 1;
    }
}
