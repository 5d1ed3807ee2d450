#include "domain/promotion/refund.h"


#include "core/error.h"
#include <fmt/format.h>

#include <algorithm>

namespace commerce {
namespace {


// The discount carried by the first `units` of the line: its proportional share, rounded by largest remainder.
Money discount_of_first_units(const Money& line_discount, int64_t units, int64_t quantity) {
    const int64_t split[] = {units, quantity - units};
    return line_discount.allocate(split)[0];
}

void check_counts(const RefundedUnits& refund) {
    if (refund.quantity < 1 || refund.already_refunded < 0 || refund.refunding < 0 ||
        refund.already_refunded > refund.quantity - refund.refunding)
        throw_invalid("refunds", "out_of_range",
                fmt::format("line {}: {} units already refunded and {} now do not fit in {}", refund.line_id,
                            refund.already_refunded, refund.refunding, refund.quantity));
}

}  // namespace

std::vector<LineAmount> discount_to_reverse(const AppliedPromotion& applied, std::span<const RefundedUnits> refunds) {
    std::vector<const RefundedUnits*> ordered;
    for (const RefundedUnits& refund : refunds) {
        check_counts(refund);
        ordered.push_back(&refund);
    }
    std::sort(ordered.begin(), ordered.end(),
              [](const RefundedUnits* a, const RefundedUnits* b) { return a->line_id < b->line_id; });
    std::vector<LineAmount> reversed;
    for (const RefundedUnits* refund : ordered) {
        if (!reversed.empty() && reversed.back().line_id == refund->line_id)
            throw_invalid("refunds", "duplicate_line", "line " + refund->line_id + " is given twice");
        auto line = std::find_if(applied.lines.begin(), applied.lines.end(),
                                 [&](const LineAmount& each) { return each.line_id == refund->line_id; });
        const Money discount = line != applied.lines.end() ? line->amount : Money::zero(applied.amount.currency());
        const int64_t after = refund->already_refunded + refund->refunding;
        reversed.push_back({refund->line_id, discount_of_first_units(discount, after, refund->quantity) -
                                                 discount_of_first_units(discount, refund->already_refunded, refund->quantity)});
    }
    return reversed;
}

}  // namespace commerce
