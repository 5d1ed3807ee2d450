#include "domain/currency/currency_settings.h"

#include "core/definition_reader.h"
#include "core/error.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce {
namespace {

using namespace definition;

const Members kSettingsMembers = {"base", "presentment"};
const Members kPresentmentMembers = {"currency", "rounding_increment", "rounding", "charm"};
const Members kCharmMembers = {"step", "ending"};

PriceRounding parse_rounding(const json& entry, const Currency& currency, const std::string& field) {
    PriceRounding rounding;
    rounding.increment = decimal_member(entry, "rounding_increment", path(field, "rounding_increment"));
    if (auto mode = string_member(entry, "rounding", path(field, "rounding"))) {
        try {
            rounding.mode = parse_rounding_mode(*mode);
        } catch (const Error&) {
            throw_invalid(path(field, "rounding"), "unknown_mode", "rounding must be half_even, half_up, down or up");
        }
    }
    if (const json* charm = member(entry, "charm")) {
        const std::string charm_field = path(field, "charm");
        require_known_members(*charm, charm_field, kCharmMembers);
        rounding.charm = Charm{required_decimal_member(*charm, "step", path(charm_field, "step")),
                               required_decimal_member(*charm, "ending", path(charm_field, "ending"))};
    }
    check_price_rounding(rounding, currency, field);
    return rounding;
}

}  // namespace

const PresentmentCurrency* CurrencySettings::presentment_of(const Currency& currency) const {
    auto it = std::find_if(presentment.begin(), presentment.end(),
                           [&](const PresentmentCurrency& entry) { return entry.currency->code == currency.code; });
    return it == presentment.end() ? nullptr : &*it;
}

CurrencySettings parse_currency_settings(const json& input) {
    require_known_members(input, "", kSettingsMembers);
    CurrencySettings settings;
    settings.base = &required_currency_member(input, "base", "base");
    if (const json* list = array_member(input, "presentment", "presentment", kMaxPresentmentCurrencies)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string field = indexed("presentment", i);
            const json& entry = (*list)[i];
            require_known_members(entry, field, kPresentmentMembers);
            const Currency& currency = required_currency_member(entry, "currency", path(field, "currency"));
            if (currency.code == settings.base->code)
                throw_invalid(path(field, "currency"), "same_as_base", "the base currency needs no conversion");
            if (settings.presentment_of(currency))
                throw_invalid(path(field, "currency"), "duplicate",
                              fmt::format("{} is listed twice", currency.code));
            settings.presentment.push_back({&currency, parse_rounding(entry, currency, field)});
        }
    }
    return settings;
}

}  // namespace commerce
