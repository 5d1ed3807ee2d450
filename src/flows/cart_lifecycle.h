// A cart over time and across logins (docs/carts.md): a guest's cart joins the user's at login, idle carts are
// reported abandoned once with a token that brings them back, and long-idle carts are cleaned up.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

// Folds the guest cart into the caller's cart in the same currency by the configured policy, or gives the guest
// cart to the caller when they have none. The guest cart is then "merged" (frozen). Returns the caller's cart.
// Errors: UNAUTHORIZED without a session; ILLEGAL_STATE for a cart that is not an open guest cart.
nlohmann::json merge_cart(Engine& engine, const char* session, const char* guest_cart_id);

// What a host runs on a timer (or a harness after moving the clock): every open cart with items idle longer than
// carts.abandon_after_minutes emits "cart.abandoned" once (until its next change), with a recovery token; carts
// idle longer than carts.expire_after_days, other than completed ones, are deleted. At most `limit` of each per
// call. Returns a "cart_sweep" document with the counts.
nlohmann::json sweep_carts(Engine& engine, int64_t limit);

// The abandoned cart a recovery token names (NOT_FOUND once the cart changed, was completed or deleted).
nlohmann::json recover_cart(Engine& engine, const char* token);

}  // namespace commerce::flows
