#include "domain/inventory/reservations.h"

#include "core/error.h"
#include "core/json_output.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "domain/inventory/input.h"
#include "domain/inventory/ledger.h"

namespace commerce {

StockReservation reserve_stock(const OutboxContext& context, const json& input) {
    reject_unknown_members(input, "a reservation", {"variant_id", "location_id", "quantity", "ttl_seconds", "reference"});
    const int64_t ttl_seconds =
        optional_integer(input, "ttl_seconds", 1, kMaxReservationSeconds).value_or(kDefaultReservationSeconds);
    StockReservation reservation{.id = {}, .variant_id = {}, .location_id = location_member(input, "location_id"),
                                 .quantity = required_quantity(input, "quantity", 1, kMaxStockQuantity),
                                 .reference = reference_member(input), .expires_ms = context.now_ms + ttl_seconds * 1000,
                                 .created_ms = context.now_ms};
    const StockedVariant variant = tracked_variant(context.tx, required_string(input, "variant_id", kMaxShortText));
    require_location(context.tx, reservation.location_id, "location_id");
    auto& reservations = context.tx.reservations();
    reservations.remove_expired(variant.id, reservation.location_id, context.now_ms);
    const int64_t available =
        available_to(context.tx, variant.id, reservation.location_id, context.now_ms, std::nullopt);
    require_stock(variant, reservation.location_id, available, reservation.quantity, Floor::backorder);
    reservation.id = context.ids.next();
    reservation.variant_id = variant.id;
    reservations.insert(reservation);
    refresh_low_stock(context, variant);
    return reservation;
}

void release_reservation(const OutboxContext& context, std::string_view reservation_id) {
    auto reservation = context.tx.reservations().live(reservation_id, context.now_ms);
    if (!reservation)
        throw Error(COMMERCE_ERR_NOT_FOUND, "no live reservation has this id", {{"field", "reservation_id"}});
    context.tx.reservations().remove(reservation->id);
    refresh_low_stock(context, stocked_variant(context.tx, reservation->variant_id));
}

json reservation_document(const StockReservation& reservation) {
    return {{"type", "stock_reservation"},
            {"schema_version", 1},
            {"id", reservation.id},
            {"variant_id", reservation.variant_id},
            {"location_id", reservation.location_id},
            {"quantity", reservation.quantity},
            {"reference", nullable(reservation.reference)},
            {"expires_at", format_rfc3339(reservation.expires_ms)},
            {"created_at", format_rfc3339(reservation.created_ms)}};
}

}  // namespace commerce
