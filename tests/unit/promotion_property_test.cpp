// Properties of the promotion engine over random carts and promotions (fixed seed, bounded count): every amount
// is split exactly, no line goes below zero, the outcome is deterministic and independent of input order, and
// refunding every unit reverses every discount.
#include "promotion_fixtures.h"

#include "domain/promotion/refund.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <map>
#include <random>

using namespace promotion_fixtures;

namespace {

class Generator {
public:
    explicit Generator(unsigned seed) : random_(seed) {}

    int64_t between(int64_t low, int64_t high) { return std::uniform_int_distribution<int64_t>(low, high)(random_); }
    bool chance(int percent) { return between(1, 100) <= percent; }
    template <class T>
    const T& pick(const std::vector<T>& options) { return options[between(0, static_cast<int64_t>(options.size()) - 1)]; }
    std::mt19937& engine() { return random_; }

    CartSnapshot random_cart(const Currency& currency) {
        std::vector<PromotionLine> lines;
        const int64_t count = between(1, 6);
        for (int64_t i = 0; i < count; ++i) {
            std::vector<std::string> categories, tags;
            if (chance(50)) categories.push_back(pick(kCategories));
            if (chance(50)) tags.push_back(pick(kTags));
            lines.push_back({fmt::format("v{}", i), fmt::format("p{}", between(0, 3)), between(1, 5),
                             Money::from_minor(between(0, 20000), currency), categories, tags});
        }
        CartSnapshot cart{&currency, lines, Money::from_minor(between(0, 1500), currency), {}, pick(kChannels), {}, 0, std::nullopt};
        cart.customer.groups = {pick(kGroups)};
        return cart;
    }

    json random_promotion(int index, const Currency& currency) {
        json definition = {{"id", fmt::format("promo{}", index)}, {"name", "random"}, {"priority", between(0, 2)},
                           {"action", random_action(currency)}};
        if (chance(15)) definition["exclusive"] = true;
        else if (chance(25)) definition["combinable_with"] = {pick(kGroups), fmt::format("promo{}", between(0, 5))};
        if (chance(50)) definition["group"] = pick(kGroups);
        if (chance(30)) definition["lane"] = "after_tax";
        if (chance(25)) definition["max_discount"] = amount(currency, 1, 5000);
        json conditions = json::object();
        if (chance(30)) conditions["category_ids"] = {pick(kCategories)};
        if (chance(20)) conditions["tags"] = {pick(kTags)};
        if (chance(15)) conditions["min_quantity"] = between(1, 6);
        if (chance(15)) conditions["min_subtotal"] = amount(currency, 1, 30000);
        if (chance(10)) conditions["channels"] = {pick(kChannels)};
        definition["conditions"] = conditions;
        return definition;
    }

private:
    json amount(const Currency& currency, int64_t low, int64_t high) {
        return Money::from_minor(between(low, high), currency).to_json();
    }

    json percent() { return fmt::format("{}.{}", between(0, 99), between(1, 9)); }

    json random_action(const Currency& currency) {
        switch (between(0, 6)) {
            case 0: return {{"type", "percentage_off_items"}, {"percent", chance(20) ? json("100") : percent()}};
            case 1: return {{"type", "fixed_off_items"}, {"amount", amount(currency, 1, 3000)}};
            case 2: return {{"type", "percentage_off_order"}, {"percent", chance(20) ? json("100") : percent()}};
            case 3: return {{"type", "fixed_off_order"}, {"amount", amount(currency, 1, 40000)}};
            case 4: return {{"type", "free_shipping"}};
            case 5: {
                json action = {{"type", "buy_x_get_y"}, {"buy_quantity", between(1, 3)}, {"get_quantity", between(1, 2)},
                               {"percent", chance(50) ? json("100") : percent()}};
                if (chance(50)) action["get"] = {{"tags", {pick(kTags)}}};
                return action;
            }
            default:
                return {{"type", "tiered"}, {"tiers", {{{"min_quantity", between(1, 3)}, {"percent", percent()}},
                                                       {{"min_quantity", between(4, 8)}, {"amount", amount(currency, 1, 5000)}}}}};
        }
    }

    inline static const std::vector<std::string> kCategories = {"c1", "c2", "c3"};
    inline static const std::vector<std::string> kTags = {"t1", "t2"};
    inline static const std::vector<std::string> kChannels = {"web", "pos"};
    inline static const std::vector<std::string> kGroups = {"g1", "g2"};
    std::mt19937 random_;
};

// The whole outcome as text, to compare two evaluations member by member.
std::string describe(const PromotionOutcome& outcome) {
    std::string text;
    for (const LaneOutcome* lane : {&outcome.before_tax, &outcome.after_tax}) {
        for (const AppliedPromotion& applied : lane->applied) {
            text += fmt::format("applied {} {} ship {}:", applied.promotion_id, applied.amount.minor(), applied.shipping.minor());
            for (const LineAmount& line : applied.lines) text += fmt::format(" {}={}", line.line_id, line.amount.minor());
            text += "\n";
        }
        for (const LineAmount& line : lane->lines_after) text += fmt::format("left {}={}\n", line.line_id, line.amount.minor());
        text += fmt::format("shipping left {}\n", lane->shipping_after.minor());
    }
    for (const NotApplied& each : outcome.not_applied) text += fmt::format("not {} {}\n", each.promotion_id, each.reason);
    return text;
}

int64_t line_minor(const std::vector<LineAmount>& lines, const std::string& id) {
    for (const LineAmount& line : lines)
        if (line.line_id == id) return line.amount.minor();
    return 0;
}

// Every unit of every line the promotion reduced, refunded in two steps, gives back exactly its discount.
void check_full_refund(const AppliedPromotion& applied, const CartSnapshot& cart, Generator& random) {
    std::vector<RefundedUnits> first, second;
    for (const PromotionLine& line : cart.lines) {
        const int64_t now = random.between(0, line.quantity);
        first.push_back({line.id, line.quantity, 0, now});
        second.push_back({line.id, line.quantity, now, line.quantity - now});
    }
    const auto first_back = discount_to_reverse(applied, first);
    const auto second_back = discount_to_reverse(applied, second);
    for (const PromotionLine& line : cart.lines) {
        CHECK(line_minor(first_back, line.id) >= 0);
        CHECK(line_minor(second_back, line.id) >= 0);
        CHECK(line_minor(first_back, line.id) + line_minor(second_back, line.id) == line_minor(applied.lines, line.id));
    }
}

void check_lane(const LaneOutcome& lane, const std::vector<LineAmount>& before, const Money& shipping_before) {
    Money shipping_taken = Money::zero(shipping_before.currency());
    for (const AppliedPromotion& applied : lane.applied) {
        Money parts = applied.shipping;
        for (const LineAmount& line : applied.lines) {
            CHECK(line.amount.minor() > 0);
            parts = parts + line.amount;
        }
        CHECK(parts == applied.amount);  // Σ line amounts + shipping == the promotion's amount, exactly
        CHECK(applied.amount.minor() > 0);
        shipping_taken = shipping_taken + applied.shipping;
    }
    for (const LineAmount& left : lane.lines_after) {
        CHECK_FALSE(left.amount.is_negative());
        int64_t taken = 0;
        for (const AppliedPromotion& applied : lane.applied) taken += line_minor(applied.lines, left.line_id);
        CHECK(line_minor(before, left.line_id) - taken == left.amount.minor());  // nothing lost or invented
    }
    CHECK_FALSE(lane.shipping_after.is_negative());
    CHECK(shipping_before - shipping_taken == lane.shipping_after);
}

}  // namespace

TEST_CASE("random carts and promotions: exact splits, no negative line, order-independent, reversible") {
    Generator random(20260521);
    const std::vector<const Currency*> currencies = {&currency("EUR"), &currency("JPY"), &currency("KWD")};
    std::map<std::string, int> seen;  // how often each lane applied and each reason came up: the cases must bite
    for (int round = 0; round < 300; ++round) {
        CAPTURE(round);
        const Currency& money_of = *random.pick(currencies);
        CartSnapshot shopping = random.random_cart(money_of);
        std::vector<Promotion> promotions;
        const int count = static_cast<int>(random.between(1, 5));
        for (int i = 0; i < count; ++i) promotions.push_back(promotion(random.random_promotion(i, money_of)));

        const PromotionOutcome outcome = evaluate(shopping, promotions);
        std::vector<LineAmount> shown;
        for (const PromotionLine& line : shopping.lines) shown.push_back({line.id, line.unit_price.times(line.quantity)});
        check_lane(outcome.before_tax, shown, shopping.shipping);
        check_lane(outcome.after_tax, outcome.before_tax.lines_after, outcome.before_tax.shipping_after);
        CHECK(outcome.before_tax.applied.size() + outcome.after_tax.applied.size() + outcome.not_applied.size() ==
              promotions.size());

        CHECK(describe(evaluate(shopping, promotions)) == describe(outcome));
        std::shuffle(promotions.begin(), promotions.end(), random.engine());
        std::shuffle(shopping.lines.begin(), shopping.lines.end(), random.engine());
        CHECK(describe(evaluate(shopping, promotions)) == describe(outcome));

        for (const LaneOutcome* lane : {&outcome.before_tax, &outcome.after_tax})
            for (const AppliedPromotion& applied : lane->applied) check_full_refund(applied, shopping, random);
        seen["before_tax"] += static_cast<int>(outcome.before_tax.applied.size());
        seen["after_tax"] += static_cast<int>(outcome.after_tax.applied.size());
        for (const NotApplied& each : outcome.not_applied) ++seen[each.reason.substr(0, each.reason.find(':'))];
    }
    for (const char* what : {"before_tax", "after_tax", "blocked_by_exclusive", "not_combinable_with", "no_matching_items",
                             "min_quantity_not_met", "min_subtotal_not_met", "nothing_to_discount"}) {
        CAPTURE(what);
        CHECK(seen[what] > 0);
    }
}
