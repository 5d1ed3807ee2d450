// Per-account brute-force defence. After `threshold` consecutive failures the account is locked for
// base_seconds, doubling with each further failure up to max_seconds. A lock always ends, so an attacker
// cannot shut a real user out for good, and an attempt made while locked is refused whatever its password, so it
// teaches the attacker nothing. With the defaults an attacker gets about 15 guesses per account per hour (the tests
// check it stays under 100). A complete login (second factor included) clears the count.
#pragma once

#include "domain/identity/settings.h"
#include "domain/identity/user.h"

#include <cstdint>

namespace commerce {

// Milliseconds until the lock ends; 0 when the account is not locked.
int64_t lock_remaining_ms(const LoginThrottle& throttle, int64_t now_ms);

// The throttle after one more failure at now_ms. A long quiet period (the longest lock, twice over) forgets
// earlier failures, so occasional typos never add up to a lock.
LoginThrottle after_failure(LoginThrottle throttle, int64_t now_ms, const LockoutPolicy& policy);

// True when this failure started a lock (for the "user.locked" event).
bool failure_locks(const LoginThrottle& throttle, const LockoutPolicy& policy);

}  // namespace commerce
