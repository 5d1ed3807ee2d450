// Customer groups: named sets of customers (wholesale, staff, VIP) that price lists and promotions target, and
// that can make their members tax exempt (a reseller buying for resale, a charity). Membership is stored by the
// identity storage; this is the definition staff write.
#pragma once

#include "core/json_input.h"

#include <string>

namespace commerce {

struct CustomerGroup {
    std::string id;
    std::string name;
    bool tax_exempt = false;
};

// {"id": "wholesale", "name": "Wholesale", "tax_exempt": false}. The id is 1 to 64 of a-z, 0-9, '-' and '_' (it
// is what price lists and promotions name); INVALID_ARGUMENT naming the member otherwise.
CustomerGroup parse_customer_group(const json& definition);

}  // namespace commerce
