#include "domain/tax/taxes.h"

#include "core/error.h"
#include "domain/tax/exact_amount.h"
#include "domain/tax/rate_stack.h"

#include <fmt/format.h>

#include <algorithm>
#include <compare>
#include <map>
#include <set>
#include <string_view>

namespace commerce {
namespace {

// Taxes are added up and reported per name and rate: "VAT 20%" of a book and of a lamp is one tax.
struct TaxKey {
    std::string_view name;
    Decimal percent;
    auto operator<=>(const TaxKey&) const = default;
};

// A line or the shipping on its way through the computation: its exact taxes, then their rounded minor units.
struct Item {
    Money amount;
    const RateStack* stack;
    std::vector<ExactAmount> exact;   // per stacked rate
    std::vector<std::int64_t> minor;  // per stacked rate, once rounded
};

// The checks run on every pricing and almost never fail, so a field's name is only made for its error.
using FieldName = std::string (*)(std::size_t line, std::string_view member);

std::string line_field(std::size_t line, std::string_view member) { return fmt::format("lines[{}].{}", line, member); }
std::string shipping_field(std::size_t, std::string_view member) { return fmt::format("shipping.{}", member); }

void check_amount(const Money& amount, const Currency& currency, FieldName field_name, std::size_t at) {
    if (amount.currency().code != currency.code) {
        const std::string field = field_name(at, "amount");
        throw Error(COMMERCE_ERR_CURRENCY_MISMATCH,
                    fmt::format("{} is in {}, the request in {}", field, amount.currency().code, currency.code),
                    {{"field", field}, {"left", currency.code}, {"right", amount.currency().code}});
    }
    if (amount.is_negative()) {
        const std::string field = field_name(at, "amount");
        throw_invalid(field, "negative", fmt::format("{} must not be negative", field));
    }
}

void check_tax_class(const TaxDefinitions& definitions, const std::string& tax_class, FieldName field_name,
                     std::size_t at) {
    if (!std::binary_search(definitions.tax_classes.begin(), definitions.tax_classes.end(), tax_class))
        throw_invalid(field_name(at, "tax_class"), "unknown_tax_class",
                      fmt::format("{} is not a tax class of the store", tax_class));
}

void check_request(const TaxDefinitions& definitions, const TaxRequest& request, const Currency& currency) {
    std::set<std::string_view> ids;
    for (std::size_t i = 0; i < request.lines.size(); ++i) {
        const TaxableLine& line = request.lines[i];
        if (line.id.empty()) throw_invalid(line_field(i, "id"), "required", "every line needs an id");
        if (!ids.insert(line.id).second)
            throw_invalid(line_field(i, "id"), "duplicate", fmt::format("two lines have the id {}", line.id));
        if (line.quantity < 1)
            throw_invalid(line_field(i, "quantity"), "out_of_range", "a line's quantity must be at least 1");
        check_tax_class(definitions, line.tax_class, line_field, i);
        check_amount(line.amount, currency, line_field, i);
    }
    if (request.shipping) {
        check_tax_class(definitions, request.shipping->tax_class, shipping_field, 0);
        check_amount(request.shipping->amount, currency, shipping_field, 0);
    }
}

// Each tax of an item exactly: net * factor, the net being the shown amount, or gross / gross_factor when the
// shown amount includes the taxes.
std::vector<ExactAmount> exact_taxes(const Money& shown, const RateStack& stack, bool prices_include_tax) {
    const Decimal minor(Decimal::Int(shown.minor()));
    const Decimal& divisor = prices_include_tax ? stack.gross_factor : Decimal(1);
    std::vector<ExactAmount> taxes;
    taxes.reserve(stack.rates.size());
    for (const StackedRate& rate : stack.rates) taxes.emplace_back(minor * rate.factor, divisor);
    return taxes;
}

void round_per_line(std::vector<Item>& items, RoundingMode mode) {
    for (Item& item : items)
        for (const ExactAmount& tax : item.exact) item.minor.push_back(tax.rounded(mode));
}

// Each tax of the invoice is added up exactly and rounded once, then allocated back over the items in
// proportion to their exact shares, so the items add up to the rounded invoice tax to the minor unit.
void round_per_invoice(std::vector<Item>& items, RoundingMode mode, const Currency& currency) {
    struct Share {
        std::size_t item;
        std::size_t rate;
    };
    std::map<TaxKey, std::vector<Share>> shares_by_tax;
    for (std::size_t i = 0; i < items.size(); ++i) {
        items[i].minor.assign(items[i].exact.size(), 0);
        for (std::size_t k = 0; k < items[i].exact.size(); ++k) {
            const TaxRate& rate = *items[i].stack->rates[k].rate;
            shares_by_tax[{rate.name, rate.percent}].push_back({i, k});
        }
    }
    for (const auto& [key, shares] : shares_by_tax) {
        ExactAmount invoice_tax;
        std::vector<ExactAmount> parts;
        for (const Share& share : shares) {
            parts.push_back(items[share.item].exact[share.rate]);
            invoice_tax = invoice_tax + parts.back();
        }
        const Money rounded = Money::from_minor(invoice_tax.rounded(mode), currency);
        const std::vector<Money> allocated = rounded.allocate(proportional_weights(parts));
        for (std::size_t s = 0; s < shares.size(); ++s)
            items[shares[s].item].minor[shares[s].rate] = allocated[s].minor();
    }
}

// net + taxes == gross for one item. An exempt customer pays the net: no tax is charged, and a tax-inclusive
// price loses the tax it contained.
TaxBreakdown breakdown_of(const Item& item, bool prices_include_tax, bool exempt) {
    const Currency& currency = item.amount.currency();
    Money tax_sum = Money::zero(currency);
    std::vector<TaxLine> taxes;
    for (std::size_t k = 0; k < item.minor.size(); ++k) {
        const TaxRate& rate = *item.stack->rates[k].rate;
        taxes.push_back({rate.name, rate.percent, Money::from_minor(item.minor[k], currency)});
        tax_sum = tax_sum + taxes.back().amount;
    }
    const Money net = prices_include_tax ? item.amount - tax_sum : item.amount;
    if (exempt) return {net, {}, net};
    return {net, std::move(taxes), net + tax_sum};
}

// The sums of every breakdown, with taxes of the same name and rate merged and ordered by name, then rate.
TaxBreakdown total_of(const std::vector<const TaxBreakdown*>& parts, const Currency& currency) {
    TaxBreakdown total{Money::zero(currency), {}, Money::zero(currency)};
    std::map<TaxKey, Money> taxes;
    for (const TaxBreakdown* part : parts) {
        total.net = total.net + part->net;
        total.gross = total.gross + part->gross;
        for (const TaxLine& tax : part->taxes) {
            auto [it, added] = taxes.try_emplace({tax.name, tax.percent}, tax.amount);
            if (!added) it->second = it->second + tax.amount;
        }
    }
    for (const auto& [key, amount] : taxes) total.taxes.push_back({std::string(key.name), key.percent, amount});
    return total;
}

}  // namespace

TaxResult compute_taxes(const TaxDefinitions& definitions, const TaxRequest& request) {
    const Currency& currency = commerce::currency(request.currency);
    check_request(definitions, request, currency);
    const TaxZone* zone = select_tax_zone(definitions, request.destination);
    const bool prices_include_tax = zone && zone->prices_include_tax;

    // Lines in id order, so that neither the result nor the allocation of invoice rounding depends on the order
    // the cart lists them in; the shipping comes last.
    std::vector<const TaxableLine*> lines;
    for (const TaxableLine& line : request.lines) lines.push_back(&line);
    std::sort(lines.begin(), lines.end(), [](const TaxableLine* a, const TaxableLine* b) { return a->id < b->id; });

    std::map<std::string_view, RateStack> stacks;  // per tax class; without a zone every stack is empty
    auto stack_of = [&](const std::string& tax_class) -> const RateStack* {
        auto [it, added] = stacks.try_emplace(tax_class);
        if (added && zone) it->second = stack_rates(rates_for_class(*zone, tax_class));
        return &it->second;
    };
    std::vector<Item> items;
    auto add_item = [&](const Money& amount, const std::string& tax_class) {
        const RateStack* stack = stack_of(tax_class);
        items.push_back({amount, stack, exact_taxes(amount, *stack, prices_include_tax), {}});
    };
    for (const TaxableLine* line : lines) add_item(line->amount, line->tax_class);
    if (request.shipping) add_item(request.shipping->amount, request.shipping->tax_class);

    const TaxRounding rounding = zone ? zone->rounding : TaxRounding{};
    if (rounding.level == TaxRoundingLevel::invoice) round_per_invoice(items, rounding.mode, currency);
    else round_per_line(items, rounding.mode);

    TaxResult result{zone ? std::optional(zone->id) : std::nullopt, prices_include_tax, {}, std::nullopt,
                     TaxBreakdown{Money::zero(currency), {}, Money::zero(currency)}};
    std::vector<const TaxBreakdown*> parts;
    for (std::size_t i = 0; i < lines.size(); ++i)
        result.lines.push_back({lines[i]->id, lines[i]->quantity,
                                breakdown_of(items[i], prices_include_tax, request.customer_exempt)});
    if (request.shipping) result.shipping = breakdown_of(items.back(), prices_include_tax, request.customer_exempt);
    for (const TaxedLine& line : result.lines) parts.push_back(&line.breakdown);
    if (result.shipping) parts.push_back(&*result.shipping);
    result.total = total_of(parts, currency);
    return result;
}

}  // namespace commerce
