#include "domain/identity/throttle.h"

#include <algorithm>

namespace commerce {

int64_t lock_remaining_ms(const LoginThrottle& throttle, int64_t now_ms) {
    return std::max<int64_t>(0, throttle.locked_until_ms - now_ms);
}

LoginThrottle after_failure(LoginThrottle throttle, int64_t now_ms, const LockoutPolicy& policy) {
    if (now_ms - throttle.last_failure_ms > 2 * policy.max_seconds * 1000) throttle.failures = 0;
    throttle.failures += 1;
    throttle.last_failure_ms = now_ms;
    if (throttle.failures >= policy.threshold) {
        const int64_t doublings = std::min<int64_t>(throttle.failures - policy.threshold, 30);
        const int64_t seconds = std::min(policy.max_seconds, policy.base_seconds << doublings);
        throttle.locked_until_ms = now_ms + seconds * 1000;
    }
    return throttle;
}

bool failure_locks(const LoginThrottle& throttle, const LockoutPolicy& policy) {
    return throttle.failures >= policy.threshold;
}

}  // namespace commerce
