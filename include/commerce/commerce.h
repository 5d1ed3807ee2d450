/* commerce — an embeddable commerce engine. The umbrella header of the C ABI; see docs/c-abi.md. */
#ifndef COMMERCE_H
#define COMMERCE_H

#include <commerce/version.h>
#include <commerce/status.h>
#include <commerce/error.h>
#include <commerce/doc.h>
#include <commerce/engine.h>
#include <commerce/identity.h>
#include <commerce/access.h>
#include <commerce/customer_group.h>
#include <commerce/outbox.h>
#include <commerce/catalog.h>
#include <commerce/inventory.h>
#include <commerce/search.h>
#include <commerce/review.h>
#include <commerce/pricing.h>
#include <commerce/currency.h>
#include <commerce/cart.h>
#include <commerce/wishlist.h>
#include <commerce/order.h>

#endif
