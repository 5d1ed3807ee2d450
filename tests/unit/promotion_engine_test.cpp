// The promotion engine on the peers' tricky cases: every amount is checked to the minor unit.
#include "promotion_fixtures.h"

#include "error_of.h"

#include <doctest/doctest.h>

using namespace promotion_fixtures;

namespace {

json eur(const char* amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

json percent_off_order(const char* id, const char* percent) {
    return {{"id", id}, {"name", id}, {"action", {{"type", "percentage_off_order"}, {"percent", percent}}}};
}

json fixed_off_order(const char* id, json amount) {
    return {{"id", id}, {"name", id}, {"action", {{"type", "fixed_off_order"}, {"amount", std::move(amount)}}}};
}

json with(json definition, const json& patch) {
    definition.merge_patch(patch);
    return definition;
}

const AppliedPromotion& only_applied(const PromotionOutcome& outcome) {
    REQUIRE(outcome.before_tax.applied.size() + outcome.after_tax.applied.size() == 1);
    return outcome.before_tax.applied.empty() ? outcome.after_tax.applied.front() : outcome.before_tax.applied.front();
}

}  // namespace

TEST_CASE("a 100% coupon leaves exactly zero on every line") {
    CartSnapshot shopping = cart({line("a", "19.99", 3), line("b", "5.01", 1)}, "EUR", "4.90");
    shopping.entered_codes = {"freeall"};
    const auto outcome = evaluate(shopping, {promotion(with(percent_off_order("all", "100"), {{"code", "FREEALL"}}))});
    const AppliedPromotion& applied = only_applied(outcome);
    CHECK(applied.code == "FREEALL");
    CHECK(applied.amount == money("64.98"));
    CHECK(on_line(applied, "a") == "59.97");
    CHECK(on_line(applied, "b") == "5.01");
    for (const LineAmount& left : outcome.before_tax.lines_after) CHECK(left.amount.is_zero());
    CHECK(outcome.before_tax.shipping_after == money("4.90"));  // an order discount is not a shipping discount
    CHECK(outcome.unknown_codes.empty());
}

TEST_CASE("a fixed discount over three lines that do not divide evenly loses no cent") {
    SUBCASE("equal lines: the leftover cent goes to the first line by id") {
        const auto outcome = evaluate(cart({line("c", "10.00", 1), line("a", "10.00", 1), line("b", "10.00", 1)}),
                                      {promotion(fixed_off_order("ten", eur("10.00")))});
        const AppliedPromotion& applied = only_applied(outcome);
        CHECK(on_line(applied, "a") == "3.34");
        CHECK(on_line(applied, "b") == "3.33");
        CHECK(on_line(applied, "c") == "3.33");
    }
    SUBCASE("unequal lines: in proportion, the leftover cent to the largest remainder") {
        const auto outcome = evaluate(cart({line("a", "1.00", 1), line("b", "2.00", 1), line("c", "4.00", 1)}),
                                      {promotion(fixed_off_order("one", eur("1.00")))});
        const AppliedPromotion& applied = only_applied(outcome);
        CHECK(on_line(applied, "a") == "0.14");  // exact 0.1428...
        CHECK(on_line(applied, "b") == "0.29");  // exact 0.2857..., the largest remainder
        CHECK(on_line(applied, "c") == "0.57");  // exact 0.5714...
        CHECK(applied.amount == money("1.00"));
    }
    SUBCASE("more than the cart: the discount stops at the lines' total") {
        const auto outcome = evaluate(cart({line("a", "1.00", 1), line("b", "2.00", 1)}),
                                      {promotion(fixed_off_order("big", eur("50.00")))});
        CHECK(only_applied(outcome).amount == money("3.00"));
    }
}

TEST_CASE("a percentage is taken once off the lines' sum, then split") {
    std::vector<PromotionLine> lines;
    for (char id = 'a'; id <= 'j'; ++id) lines.push_back(line(std::string(1, id), "0.05", 1));
    const auto outcome = evaluate(cart(lines), {promotion(percent_off_order("ten", "10"))});
    const AppliedPromotion& applied = only_applied(outcome);
    CHECK(applied.amount == money("0.05"));  // 10% of 0.50, not ten times 10% of 0.05 rounded to nothing
    CHECK(on_line(applied, "a") == "0.01");
    CHECK(on_line(applied, "e") == "0.01");
    CHECK(on_line(applied, "f") == "0.00");
}

TEST_CASE("JPY carts have no decimals") {
    const auto outcome = evaluate(cart({line("a", "1000", 1, "JPY"), line("b", "333", 3, "JPY")}, "JPY"),
                                  {promotion(percent_off_order("fifteen", "15"))});
    const AppliedPromotion& applied = only_applied(outcome);
    CHECK(applied.amount.amount_string() == "300");  // 15% of 1999 is 299.85
    CHECK(on_line(applied, "a") == "150");
    CHECK(on_line(applied, "b") == "150");
}

TEST_CASE("KWD carts have three decimals, and an amount in EUR does not apply to them") {
    const json kwd = {{"amount", "1.000"}, {"currency", "KWD"}};
    const auto outcome = evaluate(cart({line("a", "1.250", 2, "KWD"), line("b", "0.333", 1, "KWD")}, "KWD"),
                                  {promotion(fixed_off_order("dinar", kwd)), promotion(fixed_off_order("euro", eur("1")))});
    const AppliedPromotion& applied = only_applied(outcome);
    CHECK(applied.promotion_id == "dinar");
    CHECK(on_line(applied, "a") == "0.882");
    CHECK(on_line(applied, "b") == "0.118");
    CHECK(reason_of(outcome, "euro") == "currency_not_eligible");
}

TEST_CASE("fixed off each item: per unit, at most what the line has left") {
    const json each = {{"id", "two-off"}, {"name", "2 off each"}, {"action", {{"type", "fixed_off_items"}, {"amount", eur("2.00")}}},
                       {"conditions", {{"tags", {"sale"}}}}};
    const auto outcome = evaluate(cart({line("a", "5.00", 3, "EUR", {}, {"sale"}), line("b", "1.50", 2, "EUR", {}, {"sale"}),
                                        line("c", "9.00", 1)}),
                                  {promotion(each)});
    const AppliedPromotion& applied = only_applied(outcome);
    CHECK(on_line(applied, "a") == "6.00");
    CHECK(on_line(applied, "b") == "3.00");  // 2 × 2.00 would go below zero
    CHECK(on_line(applied, "c") == "0.00");  // not targeted
    CHECK(applied.amount == money("9.00"));
}

TEST_CASE("percentage off items reduces only the targeted lines") {
    const json shoes = {{"id", "shoes"}, {"name", "Shoes 25%"}, {"conditions", {{"category_ids", {"shoes"}}}},
                        {"action", {{"type", "percentage_off_items"}, {"percent", "25"}}}};
    const auto outcome = evaluate(cart({line("boot", "80.00", 1, "EUR", {"footwear", "shoes"}), line("hat", "20.00", 1)}),
                                  {promotion(shoes)});
    CHECK(on_line(only_applied(outcome), "boot") == "20.00");
    CHECK(on_line(only_applied(outcome), "hat") == "0.00");
}

TEST_CASE("a cap brings the discount down and splits the cap in proportion") {
    const json half = {{"id", "half"}, {"name", "Half price"}, {"max_discount", eur("8.00")},
                       {"action", {{"type", "percentage_off_items"}, {"percent", "50"}}}};
    const auto outcome = evaluate(cart({line("a", "30.00", 1), line("b", "10.00", 1)}), {promotion(half)});
    const AppliedPromotion& applied = only_applied(outcome);
    CHECK(applied.amount == money("8.00"));
    CHECK(on_line(applied, "a") == "6.00");
    CHECK(on_line(applied, "b") == "2.00");
}

TEST_CASE("free shipping takes the shipping amount, capped like any discount") {
    const json free = {{"id", "ship"}, {"name", "Free shipping"}, {"action", {{"type", "free_shipping"}}}};
    const auto outcome = evaluate(cart({line("a", "30.00", 1)}, "EUR", "4.90"), {promotion(free)});
    CHECK(only_applied(outcome).shipping == money("4.90"));
    CHECK(only_applied(outcome).amount == money("4.90"));
    CHECK(only_applied(outcome).lines.empty());
    CHECK(outcome.before_tax.shipping_after.is_zero());

    const auto capped = evaluate(cart({line("a", "30.00", 1)}, "EUR", "4.90"),
                                 {promotion(with(free, {{"max_discount", eur("3.00")}}))});
    CHECK(only_applied(capped).shipping == money("3.00"));
}

TEST_CASE("buy X get Y discounts the cheapest units that can be spared") {
    const json b2g1 = {{"id", "b2g1"}, {"name", "Buy 2 get 1"}, {"conditions", {{"tags", {"shirt"}}}},
                       {"action", {{"type", "buy_x_get_y"}, {"buy_quantity", 2}, {"get_quantity", 1}}}};
    SUBCASE("one application: the cheapest of three is free") {
        const auto outcome = evaluate(cart({line("a", "30.00", 1, "EUR", {}, {"shirt"}), line("b", "20.00", 1, "EUR", {}, {"shirt"}),
                                            line("c", "10.00", 1, "EUR", {}, {"shirt"})}),
                                      {promotion(b2g1)});
        CHECK(only_applied(outcome).amount == money("10.00"));
        CHECK(on_line(only_applied(outcome), "c") == "10.00");
    }
    SUBCASE("two applications over lines of several units") {
        const auto outcome = evaluate(cart({line("cheap", "10.00", 4, "EUR", {}, {"shirt"}), line("dear", "25.00", 2, "EUR", {}, {"shirt"})}),
                                      {promotion(b2g1)});
        CHECK(on_line(only_applied(outcome), "cheap") == "20.00");
        CHECK(on_line(only_applied(outcome), "dear") == "0.00");
    }
    SUBCASE("max_applications limits the free units") {
        const auto outcome = evaluate(cart({line("cheap", "10.00", 6, "EUR", {}, {"shirt"})}),
                                      {promotion(with(b2g1, {{"action", {{"max_applications", 1}}}}))});
        CHECK(only_applied(outcome).amount == money("10.00"));
    }
    SUBCASE("not enough units") {
        const auto outcome = evaluate(cart({line("a", "30.00", 2, "EUR", {}, {"shirt"})}), {promotion(b2g1)});
        CHECK(reason_of(outcome, "b2g1") == "min_quantity_not_met");
    }
    SUBCASE("a separate get set at a percentage: the cheapest sock at half price") {
        const json sock = {{"id", "sock"}, {"name", "Shirt + half-price sock"}, {"conditions", {{"tags", {"shirt"}}}},
                           {"action", {{"type", "buy_x_get_y"}, {"get", {{"tags", {"sock"}}}}, {"percent", "50"}}}};
        const auto outcome = evaluate(cart({line("shirt", "20.00", 1, "EUR", {}, {"shirt"}), line("s1", "6.00", 1, "EUR", {}, {"sock"}),
                                            line("s2", "4.00", 1, "EUR", {}, {"sock"})}),
                                      {promotion(sock)});
        CHECK(only_applied(outcome).amount == money("2.00"));
        CHECK(on_line(only_applied(outcome), "s2") == "2.00");
    }
    SUBCASE("a unit in both sets goes where it lets the promotion apply") {
        // The sock could pay (it is on sale) or be the free unit; the hat can only pay. Buying the hat frees the sock.
        const json sale = {{"id", "sale"}, {"name", "Buy a sale item, get a sock"}, {"conditions", {{"tags", {"sale"}}}},
                           {"action", {{"type", "buy_x_get_y"}, {"get", {{"tags", {"sock"}}}}}}};
        const auto outcome = evaluate(cart({line("sock", "10.00", 1, "EUR", {}, {"sale", "sock"}), line("hat", "4.00", 1, "EUR", {}, {"sale"})}),
                                      {promotion(sale)});
        CHECK(on_line(only_applied(outcome), "sock") == "10.00");
    }
}

TEST_CASE("tiers: the highest reached applies to the targeted lines") {
    const json tiers = {{"id", "tiers"}, {"name", "Spend more"},
                        {"action", {{"type", "tiered"}, {"tiers", {{{"min_subtotal", eur("50")}, {"percent", "5"}},
                                                                   {{"min_subtotal", eur("100")}, {"percent", "10"}}}}}}};
    CHECK(only_applied(evaluate(cart({line("a", "120.00", 1)}), {promotion(tiers)})).amount == money("12.00"));
    CHECK(only_applied(evaluate(cart({line("a", "60.00", 1)}), {promotion(tiers)})).amount == money("3.00"));
    CHECK(reason_of(evaluate(cart({line("a", "40.00", 1)}), {promotion(tiers)}), "tiers") == "min_subtotal_not_met");

    const json units = {{"id", "units"}, {"name", "Buy more"},
                        {"action", {{"type", "tiered"}, {"tiers", {{{"min_quantity", 3}, {"amount", eur("5.00")}},
                                                                   {{"min_quantity", 10}, {"amount", eur("20.00")}}}}}}};
    CHECK(only_applied(evaluate(cart({line("a", "4.00", 4)}), {promotion(units)})).amount == money("5.00"));
    CHECK(reason_of(evaluate(cart({line("a", "4.00", 2)}), {promotion(units)}), "units") == "min_quantity_not_met");
}

TEST_CASE("higher priority goes first and later promotions see what it left") {
    const auto outcome = evaluate(cart({line("a", "100.00", 1)}),
                                  {promotion(fixed_off_order("small", eur("10.00"))),
                                   promotion(with(fixed_off_order("large", eur("95.00")), {{"priority", 10}}))});
    REQUIRE(outcome.before_tax.applied.size() == 2);
    CHECK(outcome.before_tax.applied[0].promotion_id == "large");
    CHECK(outcome.before_tax.applied[1].amount == money("5.00"));
    CHECK(outcome.before_tax.lines_after.front().amount.is_zero());
}

TEST_CASE("a stacking conflict names the promotion in the way") {
    const auto outcome = evaluate(
        cart({line("a", "100.00", 1)}),
        {promotion(with(percent_off_order("vip", "10"), {{"priority", 10}, {"combinable_with", {"loyalty"}}})),
         promotion(with(percent_off_order("summer", "5"), {{"priority", 5}, {"group", "seasonal"}})),
         promotion(with(percent_off_order("points", "1"), {{"priority", 1}, {"group", "loyalty"}})),
         promotion(with(percent_off_order("loner", "1"), {{"priority", 0}, {"group", "loyalty"}, {"combinable_with", json::array()}}))});
    CHECK(reason_of(outcome, "summer") == "not_combinable_with:vip");  // vip accepts only the loyalty group
    CHECK(reason_of(outcome, "loner") == "not_combinable_with:vip");   // loner accepts nothing back
    REQUIRE(outcome.before_tax.applied.size() == 2);
    CHECK(outcome.before_tax.applied[1].promotion_id == "points");
    CHECK(outcome.before_tax.applied[1].amount == money("0.90"));  // 1% of the 90.00 vip left

    const auto by_id = evaluate(cart({line("a", "100.00", 1)}),
                                {promotion(with(percent_off_order("pair", "10"), {{"priority", 1}, {"combinable_with", {"partner"}}})),
                                 promotion(with(percent_off_order("partner", "10"), {{"combinable_with", {"pair"}}})),
                                 promotion(with(percent_off_order("stranger", "10"), {{"priority", -1}}))});
    CHECK(by_id.before_tax.applied.size() == 2);
    CHECK(reason_of(by_id, "stranger") == "not_combinable_with:pair");
}

TEST_CASE("an exclusive promotion applies only alone, in both lanes") {
    const auto first = evaluate(cart({line("a", "100.00", 1)}),
                                {promotion(with(percent_off_order("only", "20"), {{"priority", 9}, {"exclusive", true}})),
                                 promotion(with(percent_off_order("other", "5"), {{"priority", 50}, {"lane", "after_tax"}})),
                                 promotion(percent_off_order("low", "5"))});
    CHECK(only_applied(first).promotion_id == "only");
    CHECK(reason_of(first, "low") == "blocked_by_exclusive:only");
    CHECK(reason_of(first, "other") == "blocked_by_exclusive:only");  // lanes come before priority

    const auto late = evaluate(cart({line("a", "100.00", 1)}),
                               {promotion(with(percent_off_order("only", "20"), {{"exclusive", true}})),
                                promotion(with(percent_off_order("first", "5"), {{"priority", 1}}))});
    CHECK(only_applied(late).promotion_id == "first");
    CHECK(reason_of(late, "only") == "not_combinable_with:first");
}

TEST_CASE("after_tax promotions reduce the payable amounts the cart layer passes") {
    CartSnapshot shopping = cart({line("a", "100.00", 1), line("b", "50.00", 1)}, "EUR", "5.00");
    const std::vector<Promotion> promotions = {promotion(percent_off_order("ten", "10")),
                                               promotion(with(fixed_off_order("credit", eur("30.00")), {{"lane", "after_tax"}}))};
    const auto first_pass = evaluate(shopping, promotions);
    CHECK(first_pass.before_tax.lines_after[0].amount == money("90.00"));
    CHECK(first_pass.before_tax.lines_after[1].amount == money("45.00"));
    CHECK(on_line(first_pass.after_tax.applied.front(), "a") == "20.00");  // without tax: on what before_tax left

    // The tax engine added 20% to the discounted lines; the second pass spreads the credit over what is payable.
    shopping.after_tax_base = PayableAmounts{{{"a", money("108.00")}, {"b", money("54.00")}}, money("6.00")};
    const auto second_pass = evaluate(shopping, promotions);
    CHECK(second_pass.before_tax.applied.front().amount == first_pass.before_tax.applied.front().amount);
    const AppliedPromotion& credit = second_pass.after_tax.applied.front();
    CHECK(credit.lane == Lane::after_tax);
    CHECK(on_line(credit, "a") == "20.00");
    CHECK(on_line(credit, "b") == "10.00");
    CHECK(second_pass.after_tax.lines_after[0].amount == money("88.00"));
    CHECK(second_pass.after_tax.shipping_after == money("6.00"));
}

TEST_CASE("every reason a promotion does not apply") {
    // A guest on the web, not a first order, with a 20.00 pair of shoes and a 5.00 hat.
    CartSnapshot base = cart({line("shoe", "10.00", 2, "EUR", {"shoes"}, {"sale"}), line("hat", "5.00", 1)}, "EUR", "0");
    base.now_ms = 1'000'000;
    const json ten = percent_off_order("p", "10");
    struct Case {
        const char* name;
        json definition;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {"not started", with(ten, {{"starts_at", 2'000'000}}), "not_started"},
        {"ended", with(ten, {{"ends_at", 1'000'000}}), "expired"},
        {"used up", with(ten, {{"usage_limit", 3}}), "usage_limit_reached"},
        {"a guest cannot be counted against a customer limit", with(ten, {{"usage_limit_per_customer", 5}}), "customer_required"},
        {"other currency", with(ten, {{"conditions", {{"currencies", {"USD"}}}}}), "currency_not_eligible"},
        {"other channel", with(ten, {{"conditions", {{"channels", {"pos"}}}}}), "channel_not_eligible"},
        {"other group", with(ten, {{"conditions", {{"customer_groups", {"vip"}}}}}), "customer_group_not_eligible"},
        {"first orders only", with(ten, {{"conditions", {{"first_order", true}}}}), "first_order_only"},
        {"no such item", with(ten, {{"conditions", {{"product_ids", {"p-umbrella"}}}}}), "no_matching_items"},
        {"tag and category must both match", with(ten, {{"conditions", {{"category_ids", {"shoes"}}, {"tags", {"new"}}}}}), "no_matching_items"},
        {"too few units", with(ten, {{"conditions", {{"min_quantity", 4}}}}), "min_quantity_not_met"},
        {"too few targeted units", with(ten, {{"conditions", {{"min_quantity", 3}, {"category_ids", {"shoes"}}}}}), "min_quantity_not_met"},
        {"subtotal too low", with(ten, {{"conditions", {{"min_subtotal", eur("25.01")}}}}), "min_subtotal_not_met"},
        {"nothing to take off", {{"id", "p"}, {"name", "ship"}, {"action", {{"type", "free_shipping"}}}}, "nothing_to_discount"},
    };
    const UsageCounts usage = {{"p", 3}};
    base.customer.usage = {{"p", 1}};
    for (const Case& each : cases) {
        CAPTURE(each.name);
        const auto outcome = evaluate(base, {promotion(each.definition)}, usage);
        CHECK(outcome.before_tax.applied.empty());
        CHECK(reason_of(outcome, "p") == each.reason);
    }
    SUBCASE("a signed-in customer who used it up") {
        CartSnapshot regular = base;
        regular.customer.id = "c1";
        const auto outcome = evaluate(regular, {promotion(with(ten, {{"usage_limit_per_customer", 1}}))}, usage);
        CHECK(reason_of(outcome, "p") == "customer_usage_limit_reached");
    }
    SUBCASE("the conditions that hold let it apply") {
        CartSnapshot vip = base;
        vip.customer = {"c1", {"vip"}, true, {}};
        const json strict = with(ten, {{"starts_at", 1'000'000}, {"ends_at", 1'000'001}, {"usage_limit", 4}, {"usage_limit_per_customer", 1},
                                       {"conditions", {{"currencies", {"EUR"}}, {"channels", {"web"}}, {"customer_groups", {"vip"}},
                                                       {"first_order", true}, {"min_quantity", 3}, {"min_subtotal", eur("25.00")}}}});
        CHECK(only_applied(evaluate(vip, {promotion(strict)}, usage)).amount == money("2.50"));
    }
}

TEST_CASE("coupons: only entered codes are candidates, and an unknown code is reported") {
    CartSnapshot shopping = cart({line("a", "10.00", 1)});
    const std::vector<Promotion> promotions = {promotion(with(percent_off_order("welcome", "10"), {{"code", "WELCOME"}})),
                                               promotion(with(percent_off_order("vip", "20"), {{"code", "VIP"}}))};
    const auto none = evaluate(shopping, promotions);
    CHECK(none.before_tax.applied.empty());
    CHECK(none.not_applied.empty());

    shopping.entered_codes = {"Welcome", "NOPE", "bad code!", "nope"};
    const auto entered = evaluate(shopping, promotions);
    CHECK(only_applied(entered).promotion_id == "welcome");
    CHECK(entered.unknown_codes == std::vector<std::string>{"NOPE", "bad code!"});
}

TEST_CASE("bad snapshots and promotion lists are refused with stable codes") {
    auto refusal = [](CartSnapshot shopping, std::vector<Promotion> promotions = {}) {
        return error_of([&] { evaluate(shopping, promotions); });
    };
    const Error zero = refusal(cart({line("a", "1.00", 0)}));
    CHECK(zero.code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(zero.details().value("field", "") == "lines.quantity");
    CHECK(zero.details().value("reason", "") == "out_of_range");
    CHECK(refusal(cart({line("a", "1.00", -2)})).details().value("reason", "") == "out_of_range");
    CHECK(refusal(cart({line("a", "-1.00", 1)})).details().value("reason", "") == "negative");
    CHECK(refusal(cart({line("a", "1.00", 1), line("a", "2.00", 1)})).details().value("reason", "") == "duplicate_line");
    CHECK(refusal(cart({line("a", "1.00", 1, "USD")})).code() == COMMERCE_ERR_CURRENCY_MISMATCH);
    const Promotion twice = promotion(percent_off_order("x", "5"));
    CHECK(refusal(cart({line("a", "1.00", 1)}), {twice, twice}).details().value("reason", "") == "duplicate_promotion");
    CartSnapshot partial = cart({line("a", "1.00", 1), line("b", "1.00", 1)});
    partial.after_tax_base = PayableAmounts{{{"a", money("1.20")}}, money("0")};
    CHECK(refusal(partial).details().value("reason", "") == "line_mismatch");
}
