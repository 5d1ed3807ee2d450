#include "domain/currency/price_rounding.h"

#include "core/definition_reader.h"
#include "core/error.h"

#include <fmt/format.h>

namespace commerce {
namespace {

Decimal minor_unit(const Currency& currency) { return Decimal(1, currency.exponent); }

bool is_multiple(const Decimal& value, const Decimal& unit) {
    return value.rounded_to_increment(unit, RoundingMode::down) == value;
}

// The smallest amount >= price ending in charm.ending on the charm's grid: ending + step * ceil((price - ending) /
// step). Decimal::divided rounds away from zero ("up") or toward it ("down"), so the ceiling depends on the sign.
Decimal charmed(const Decimal& price, const Charm& charm) {
    const Decimal distance = price - charm.ending;
    const RoundingMode ceiling = distance.sign() < 0 ? RoundingMode::down : RoundingMode::up;
    return charm.ending + charm.step * distance.divided(charm.step, 0, ceiling);
}

void require_on_grid(const Decimal& value, const Decimal& unit, const std::string& field, std::string_view unit_name) {
    if (!is_multiple(value, unit))
        throw_invalid(field, "not_on_grid", fmt::format("{} must be a multiple of {} ({})", field, unit_name,
                                                        unit.to_string()));
}

}  // namespace

Money rounded_price(const Decimal& numerator, const Decimal& denominator, const Currency& currency,
                    const PriceRounding& rounding) {
    const Decimal increment = rounding.increment.value_or(minor_unit(currency));
    const Decimal steps = numerator.divided(denominator * increment, 0, rounding.mode);
    Decimal price = steps * increment;
    if (rounding.charm && price.sign() > 0) price = charmed(price, *rounding.charm);
    return Money::of(price, currency);
}

void check_price_rounding(const PriceRounding& rounding, const Currency& currency, const std::string& field) {
    using definition::path;
    const Decimal minor = minor_unit(currency);
    const std::string minor_name = fmt::format("the {} minor unit", currency.code);
    if (rounding.increment) {
        const std::string increment_field = path(field, "rounding_increment");
        if (rounding.increment->sign() <= 0)
            throw_invalid(increment_field, "out_of_range", fmt::format("{} must be positive", increment_field));
        require_on_grid(*rounding.increment, minor, increment_field, minor_name);
    }
    if (!rounding.charm) return;
    const Charm& charm = *rounding.charm;
    const std::string step_field = path(path(field, "charm"), "step");
    const std::string ending_field = path(path(field, "charm"), "ending");
    if (charm.step.sign() <= 0)
        throw_invalid(step_field, "out_of_range", fmt::format("{} must be positive", step_field));
    if (charm.ending.sign() < 0 || charm.ending >= charm.step)
        throw_invalid(ending_field, "out_of_range",
                      fmt::format("{} must be at least 0 and below the step", ending_field));
    const Decimal grid = rounding.increment.value_or(minor);
    const std::string grid_name = rounding.increment ? std::string("the rounding increment") : minor_name;
    require_on_grid(charm.step, grid, step_field, grid_name);
    require_on_grid(charm.ending, grid, ending_field, grid_name);
}

}  // namespace commerce
