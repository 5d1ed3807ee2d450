// Mutated pricing inputs through the C ABI: every definition, setting and cart change a host sends as text is
// taken from a valid example and broken at random, a byte at a time or a value at a time. Whatever comes in, the
// call answers OK or a code its input can earn (never GENERIC, a storage failure or a crash: `make sanitize` runs
// this under ASan and UBSan), INVALID_ARGUMENT names the offending field, and a refused call changes nothing the
// store shows. The seed is fixed, so a failure replays.
#include <commerce/commerce.h>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;
constexpr std::size_t kRoundsPerInput = 400;

struct Answer {
    commerce_status status;
    std::string text;  // the document, or empty on failure
};

Answer answer(const std::function<commerce_status(commerce_doc**)>& call) {
    commerce_doc* doc = nullptr;
    const commerce_status status = call(&doc);
    Answer result{status, doc ? std::string(commerce_doc_json(doc)) : std::string()};
    commerce_doc_free(doc);
    return result;
}

json document(const std::function<commerce_status(commerce_doc**)>& call) {
    const Answer got = answer(call);
    REQUIRE_MESSAGE(got.status == COMMERCE_OK, commerce_last_error_message());
    return json::parse(got.text);
}

// Breaks valid inputs: a byte changed, dropped, repeated or cut off, or one value of the document replaced by a
// hostile one (wrong type, out of range, huge, malformed decimal, unknown code, a NUL inside); invalid UTF-8
// comes from the byte mutations.
class Mutator {
public:
    explicit Mutator(unsigned seed) : random_(seed) {}

    std::string mutate(const std::string& text) {
        return pick(3) == 0 ? mutate_bytes(text) : mutate_value(json::parse(text)).dump();
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }

    std::string mutate_bytes(std::string text) {
        static constexpr std::string_view kBytes = "{}[],:\"\\0123456789.-+eE \x7f\x80\xbf\xc3\xff";
        const std::size_t at = pick(text.size());
        switch (pick(4)) {
            case 0: text[at] = kBytes[pick(kBytes.size())]; break;
            case 1: text.erase(at, 1 + pick(8)); break;
            case 2: text.insert(at, text.substr(at, 1 + pick(16))); break;
            default: text.resize(at); break;
        }
        return text;
    }

    json hostile_value() {
        static const std::array<json, 26> kValues = {
            nullptr, true, 0, -1, 1.5, 1e308, INT64_MAX, INT64_MIN, "", "-1", "0", "101", "100.0000001",
            "1e5", "NaN", "99999999999999999999999999999999999999999", "-0.00", " 5", "EUR", "XXX", "jpy",
            "caf\xc3\xa9", std::string(300, 'a'), json::array(), json::object(), std::string("a\0b", 3)};
        return kValues[pick(kValues.size())];
    }

    // Every value's path, containers included.
    static void paths_of(const json& value, const json::json_pointer& at, std::vector<json::json_pointer>& into) {
        into.push_back(at);
        if (value.is_object())
            for (const auto& [key, member] : value.items()) paths_of(member, at / key, into);
        else if (value.is_array())
            for (std::size_t i = 0; i < value.size(); ++i) paths_of(value[i], at / i, into);
    }

    json mutate_value(json value) {
        std::vector<json::json_pointer> paths;
        paths_of(value, json::json_pointer(), paths);
        const json::json_pointer& at = paths[pick(paths.size())];
        if (at.empty()) return pick(2) ? hostile_value() : json(json::array({value}));
        json& parent = value[at.parent_pointer()];
        switch (pick(4)) {
            case 0:  // drop it
                if (parent.is_object()) parent.erase(at.back());
                else parent.erase(parent.begin() + static_cast<std::ptrdiff_t>(std::stoul(at.back())));
                break;
            case 1:  // a member nobody knows beside it
                if (parent.is_object()) parent["unexpected"] = hostile_value();
                else parent.push_back(hostile_value());
                break;
            default: value[at] = hostile_value(); break;
        }
        return value;
    }

    std::mt19937 random_;
};

// The codes bad input may earn. GENERIC, NO_MEMORY, STORAGE and MISUSE would each mean the engine failed on input it
// should have judged.
bool earned_by_input(commerce_status status) {
    switch (status) {
        case COMMERCE_ERR_INVALID_ARGUMENT:
        case COMMERCE_ERR_NOT_FOUND:
        case COMMERCE_ERR_EXISTS:
        case COMMERCE_ERR_ILLEGAL_STATE:
        case COMMERCE_ERR_CONFLICT:
        case COMMERCE_ERR_CURRENCY_MISMATCH:
        case COMMERCE_ERR_COUPON_NOT_APPLICABLE:
        case COMMERCE_ERR_OUT_OF_STOCK:
        case COMMERCE_ERR_FORBIDDEN:
        case COMMERCE_ERR_OVERFLOW: return true;
        default: return false;
    }
}

// One input under fuzz: valid examples, the call that takes a (mutated) text, and what the store shows of it.
struct Target {
    std::string name;
    std::vector<std::string> examples;
    std::function<commerce_status(commerce_doc**, const std::string&)> call;
    std::function<std::string()> state;
};

void fuzz(const Target& target, unsigned seed) {
    Mutator mutator(seed);
    int refused = 0;
    for (std::size_t round = 0; round < kRoundsPerInput; ++round) {
        const std::string input = mutator.mutate(target.examples[round % target.examples.size()]);
        const std::string before = target.state();
        const Answer got = answer([&](commerce_doc** out) { return target.call(out, input); });
        if (got.status == COMMERCE_OK) continue;
        ++refused;
        // Copied now: reading the state below is a call of its own, which clears the thread's last error.
        const std::string message = commerce_last_error_message();
        const json details = json::parse(commerce_last_error_details());
        INFO(target.name, " refused ", input, ": ", commerce_status_name(got.status), " ", message, " ",
             details.dump());
        CHECK(earned_by_input(got.status));
        CHECK(got.text.empty());
        CHECK(details.is_object());
        if (got.status == COMMERCE_ERR_INVALID_ARGUMENT) CHECK(details.contains("field"));
        CHECK(target.state() == before);
    }
    CHECK(refused > 0);  // the mutations do break inputs
}

// The version a versioned setting is at (0 before the first), so a mutated definition is judged on its content.
int64_t version_of(const std::string& settings) { return json::parse(settings).value("version", int64_t{0}); }

// A store with its administrator signed in, a product and a guest cart holding two of it, and one shipping method.
struct Store {
    commerce_engine* engine = nullptr;
    std::string admin;
    std::string variant;
    std::string cart;

    Store() {
        REQUIRE(commerce_engine_open(&engine, R"({"path": ":memory:", "clock": "manual",
            "clock_start_ms": 1794000000000, "password_hashing": {"memory_kib": 64, "iterations": 1,
            "parallelism": 1}})") == COMMERCE_OK);
        document([&](commerce_doc** out) {
            return commerce_user_bootstrap_admin(out, engine, "admin@fuzz.test", "fuzz password");
        });
        admin = document([&](commerce_doc** out) {
            return commerce_auth_login(out, engine, "admin@fuzz.test", "fuzz password", nullptr);
        })["token"];
        variant = document([&](commerce_doc** out) {
            return commerce_product_create(out, engine, admin.c_str(), R"({"sku": "MUG", "title": "Mug",
                "tags": ["sale"], "stock": 50, "prices": [{"amount": "12.50", "currency": "EUR"},
                                                          {"amount": "1500", "currency": "JPY"}]})");
        })["variants"][0]["id"];
        cart = document([&](commerce_doc** out) { return commerce_cart_create(out, engine, nullptr, "EUR"); })["id"];
        document([&](commerce_doc** out) {
            return commerce_cart_add_item(out, engine, nullptr, cart.c_str(), variant.c_str(), 2);
        });
        document([&](commerce_doc** out) {
            return commerce_shipping_set_definition(out, engine, admin.c_str(), R"({"methods": [{"id": "dhl",
                "name": "DHL", "countries": ["DE"],
                "rates": [{"type": "flat", "amount": {"amount": "4.90", "currency": "EUR"}}]}]})", 0);
        });
    }
    ~Store() { commerce_engine_free(engine); }

    // What an administrator's read shows, as text.
    using Read = commerce_status (*)(commerce_doc**, commerce_engine*, const char* session);
    using List = commerce_status (*)(commerce_doc**, commerce_engine*, const char* session, const char* query);
    std::function<std::string()> shows(Read read) {
        return [this, read] {
            return document([&](commerce_doc** out) { return read(out, engine, admin.c_str()); }).dump();
        };
    }
    std::function<std::string()> shows(List list) {
        return [this, list] {
            return document([&](commerce_doc** out) { return list(out, engine, admin.c_str(), nullptr); }).dump();
        };
    }
    std::string the_cart() {
        return document([&](commerce_doc** out) {
            return commerce_cart_get(out, engine, nullptr, cart.c_str());
        }).dump();
    }
};

}  // namespace

TEST_CASE("mutated pricing inputs get a stable code and change nothing") {
    Store store;
    commerce_engine* engine = store.engine;
    const char* admin = store.admin.c_str();
    const auto taxes = store.shows(commerce_tax_get_definition);
    const auto shipping = store.shows(commerce_shipping_get_definition);
    const auto currencies = store.shows(commerce_currency_get_settings);
    const std::function<std::string()> the_cart = [&] { return store.the_cart(); };
    const std::string& variant = store.variant;
    const char* cart = store.cart.c_str();

    const std::vector<Target> targets = {
        {"promotion",
         {R"({"id": "summer", "name": "Summer", "code": "SUMMER10", "priority": 10, "exclusive": false,
              "group": "seasonal", "combinable_with": ["loyalty"], "lane": "before_tax",
              "starts_at": "2026-06-01T00:00:00Z", "ends_at": 1830000000000, "usage_limit": 1000,
              "usage_limit_per_customer": 1,
              "conditions": {"min_subtotal": {"amount": "5.00", "currency": "EUR"}, "min_quantity": 1,
                             "tags": ["sale"], "channels": ["web"], "currencies": ["EUR"]},
              "action": {"type": "percentage_off_items", "percent": "10"},
              "max_discount": {"amount": "20.00", "currency": "EUR"}})",
          R"({"id": "b2g1", "name": "B2G1", "action": {"type": "buy_x_get_y", "buy_quantity": 2,
              "get_quantity": 1, "percent": "50", "max_applications": 3}})",
          R"({"id": "tiers", "name": "Tiers", "lane": "after_tax", "action": {"type": "tiered", "tiers": [
              {"min_subtotal": {"amount": "10.00", "currency": "EUR"}, "percent": "5"},
              {"min_subtotal": {"amount": "50.00", "currency": "EUR"},
               "amount": {"amount": "8.00", "currency": "EUR"}}]}})",
          R"({"id": "ship", "name": "Ship free", "requires_code": true, "action": {"type": "free_shipping"}})"},
         [&](commerce_doc** out, const std::string& input) {
             return commerce_promotion_create(out, engine, admin, input.c_str());
         },
         store.shows(commerce_promotion_list)},
        {"tax definition",
         {R"({"origin": {"country": "IN", "region": "KA"}, "prices_include_tax": true,
              "rounding": {"level": "invoice", "mode": "half_up"}, "tax_classes": ["books"],
              "zones": [{"id": "intra", "country": "IN", "origin_region": "same_as_origin",
                         "rates": {"standard": [{"name": "CGST", "rate": "9"}, {"name": "SGST", "rate": "9"}],
                                   "books": []}},
                        {"id": "inter", "country": "IN", "origin_region": "other_than_origin",
                         "rates": {"standard": [{"name": "IGST", "rate": "18"}]}},
                        {"id": "qc", "country": "CA", "regions": ["QC"], "postal_codes": ["H*"],
                         "rates": {"standard": [{"name": "GST", "rate": "5"},
                                                {"name": "QST", "rate": "9.975", "compound": true}]}}]})",
          R"({"origin": {"country": "DE"}, "zones": [{"id": "de", "country": "DE",
              "rates": {"standard": [{"name": "VAT", "rate": "19"}], "reduced": [{"name": "VAT", "rate": "7"}]}}]})"},
         [&](commerce_doc** out, const std::string& input) {
             return commerce_tax_set_definition(out, engine, admin, input.c_str(), version_of(taxes()));
         },
         taxes},
        {"shipping definition",
         {R"({"methods": [
              {"id": "dhl", "name": "DHL", "countries": ["DE", "AT"], "delivery_days": {"min": 1, "max": 3},
               "tax_class": "standard", "rates": [{"type": "flat", "amount": {"amount": "4.90", "currency": "EUR"},
                                                   "free_over": {"amount": "50.00", "currency": "EUR"}}]},
              {"id": "freight", "name": "Freight", "countries": ["*"], "rates": [{"type": "weight", "tiers": [
                  {"max_grams": 1000, "amount": {"amount": "6.00", "currency": "EUR"}},
                  {"amount": {"amount": "15.00", "currency": "EUR"}}]}]},
              {"id": "insured", "name": "Insured", "countries": ["DE"], "regions": ["BY"],
               "rates": [{"type": "subtotal", "tiers": [{"min_subtotal": {"amount": "0.00", "currency": "EUR"},
                                                         "amount": {"amount": "9.00", "currency": "EUR"}}]}]},
              {"id": "shop", "name": "Pick up", "kind": "pickup", "location_id": "default"}]})"},
         [&](commerce_doc** out, const std::string& input) {
             return commerce_shipping_set_definition(out, engine, admin, input.c_str(), version_of(shipping()));
         },
         shipping},
        {"currency settings",
         {R"({"base": "EUR", "presentment": [{"currency": "USD", "charm": {"step": "1", "ending": "0.99"}},
              {"currency": "CHF", "rounding_increment": "0.05"},
              {"currency": "JPY", "rounding_increment": "10", "rounding": "half_up"}, {"currency": "KWD"}]})"},
         [&](commerce_doc** out, const std::string& input) {
             return commerce_currency_set_settings(out, engine, admin, input.c_str(), version_of(currencies()));
         },
         currencies},
        {"exchange rate",
         {R"({"base": "EUR", "quote": "USD", "rate": "1.0850", "effective_at": "2026-11-01T00:00:00Z"})",
          R"({"base": "EUR", "quote": "KWD", "rate": "0.3312"})"},
         [&](commerce_doc** out, const std::string& input) {
             return commerce_exchange_rate_set(out, engine, admin, input.c_str());
         },
         store.shows(commerce_exchange_rate_list)},
        {"price list",
         {R"({"id": "trade", "name": "Trade", "type": "override", "channels": ["web", "pos"],
              "starts_at": "2026-01-01T00:00:00Z", "ends_at": "2027-01-01T00:00:00Z",
              "prices": [{"variant_id": ")" + variant + R"(", "price": {"amount": "9.80", "currency": "EUR"}},
                         {"variant_id": ")" + variant + R"(", "price": {"amount": "8.70", "currency": "EUR"},
                          "min_quantity": 10}]})"},
         [&](commerce_doc** out, const std::string& input) {
             return commerce_price_list_create(out, engine, admin, input.c_str());
         },
         store.shows(commerce_price_list_list)},
        {"cart update",
         {R"({"shipping_address": {"country": "DE", "region": "BY", "postal_code": "80331"},
              "shipping_method": "dhl", "display_currency": "USD"})",
          R"({"shipping_address": null, "channel": "web", "display_currency": null})"},
         [&](commerce_doc** out, const std::string& input) {
             return commerce_cart_update(out, engine, nullptr, cart, input.c_str());
         },
         the_cart},
        {"line details",
         {R"({"note": "a gift", "attributes": {"engraving": "Ana", "wrap": "blue"}})"},
         [&](commerce_doc** out, const std::string& input) {
             return commerce_cart_set_item_details(out, engine, nullptr, cart, variant.c_str(), input.c_str());
         },
         the_cart},
    };
    unsigned seed = 20261204;
    for (const Target& target : targets) {
        CAPTURE(target.name);
        fuzz(target, seed++);
    }
}
