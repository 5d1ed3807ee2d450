// Reservations hold available stock for a while (a checkout in progress). They expire on the engine's clock
// without any write: an expired reservation simply stops counting.
#pragma once

#include "core/json_input.h"
#include "domain/outbox/outbox.h"

namespace commerce {

inline constexpr int64_t kDefaultReservationSeconds = 15 * 60;
inline constexpr int64_t kMaxReservationSeconds = 7 * 24 * 3600;

// {"variant_id", "location_id" (default "default"), "quantity", "ttl_seconds" (1..7 days, default 900),
//  "reference"}. OUT_OF_STOCK when the available stock, backorder allowance included, is short.
StockReservation reserve_stock(const OutboxContext& context, const json& input);

// NOT_FOUND (field "reservation_id") for an unknown, released or expired reservation.
void release_reservation(const OutboxContext& context, std::string_view reservation_id);

json reservation_document(const StockReservation& reservation);

}  // namespace commerce
