package commerce

import (
	"encoding/json"
	"time"
)

// The documents of include/commerce/pricing.h and the pricing parts of carts (docs/schema/cart.schema.json,
// promotion*.schema.json, tax_settings.schema.json).

// TaxLine is one tax charged: "VAT 19%".
type TaxLine struct {
	Name    string `json:"name"`
	Percent string `json:"percent"` // as defined, trailing zeros removed: "19", "9.975"
	Amount  Money  `json:"amount"`
}

// LineAmount is what a promotion took from one cart line.
type LineAmount struct {
	VariantID string `json:"variant_id"`
	Amount    Money  `json:"amount"`
}

// Discount is one applied promotion with its amount per line and off shipping.
type Discount struct {
	PromotionID string       `json:"promotion_id"`
	Name        string       `json:"name"`
	Code        *string      `json:"code"` // the coupon that made it apply; nil for an automatic promotion
	Lane        string       `json:"lane"` // "before_tax" or "after_tax"
	Amount      Money        `json:"amount"`
	Lines       []LineAmount `json:"lines"`
	Shipping    Money        `json:"shipping"`
}

// ShippingMethod is a method offered to a cart, with its price for it (docs/shipping.md).
type ShippingMethod struct {
	ID           string       `json:"id"`
	Name         string       `json:"name"`
	Kind         string       `json:"kind"` // "delivery" or "pickup"
	Price        Money        `json:"price"`
	DeliveryDays DeliveryDays `json:"delivery_days"`
	LocationID   *string      `json:"location_id"`
}

// DeliveryDays is how long a method takes, in days.
type DeliveryDays struct {
	Min int64 `json:"min"`
	Max int64 `json:"max"`
}

// Totals are the parts of a total; they always add up: Total = Subtotal − DiscountTotal + ShippingTotal
// (+ TaxTotal when prices exclude tax).
type Totals struct {
	Subtotal         Money           `json:"subtotal"`
	Discounts        []Discount      `json:"discounts"`
	DiscountTotal    Money           `json:"discount_total"`
	ShippingMethod   *ShippingMethod `json:"shipping_method"` // the chosen method while it is offered
	ShippingTotal    Money           `json:"shipping_total"`
	Taxes            []TaxLine       `json:"taxes"`
	TaxTotal         Money           `json:"tax_total"`
	PricesIncludeTax bool            `json:"prices_include_tax"`
	TaxZone          *string         `json:"tax_zone"`
	TaxEstimated     bool            `json:"tax_estimated"` // no shipping address yet: taxed at the store's origin
	TaxExempt        bool            `json:"tax_exempt"`    // the customer is in a tax-exempt customer group
	TaxExemption     Money           `json:"tax_exemption"` // the tax inclusive prices held that an exempt customer does not pay
	Total            Money           `json:"total"`
	Display          *DisplayTotal   `json:"display"` // the total in the cart's display currency; nil without one
}

// CartAddress is where a cart's goods go, as far as pricing needs it (the tax zone).
type CartAddress struct {
	Country    string  `json:"country"` // ISO 3166-1 alpha-2
	Region     *string `json:"region,omitempty"`
	PostalCode *string `json:"postal_code,omitempty"`
}

// CartChanges changes what prices a cart besides its lines. Zero members are left as they are; ClearAddress,
// ClearShippingMethod and ClearDisplayCurrency remove the address, the choice and the display currency.
type CartChanges struct {
	ShippingAddress      *CartAddress
	ClearAddress         bool
	Channel              string // another than "web" needs a staff session
	ShippingMethod       string // one of the cart's ShippingMethods
	ClearShippingMethod  bool
	DisplayCurrency      string // needs a rate in force from the cart's currency
	ClearDisplayCurrency bool
}

// MarshalJSON writes only the members given, and null for what is cleared.
func (c CartChanges) MarshalJSON() ([]byte, error) {
	members := map[string]any{}
	if c.ClearAddress {
		members["shipping_address"] = nil
	} else if c.ShippingAddress != nil {
		members["shipping_address"] = c.ShippingAddress
	}
	if c.Channel != "" {
		members["channel"] = c.Channel
	}
	if c.ClearShippingMethod {
		members["shipping_method"] = nil
	} else if c.ShippingMethod != "" {
		members["shipping_method"] = c.ShippingMethod
	}
	if c.ClearDisplayCurrency {
		members["display_currency"] = nil
	} else if c.DisplayCurrency != "" {
		members["display_currency"] = c.DisplayCurrency
	}
	return json.Marshal(members)
}

// CouponStatus says what became of a coupon code the cart holds.
type CouponStatus struct {
	Code        string  `json:"code"`
	Status      string  `json:"status"` // "applied", "not_applied" or "unknown"
	PromotionID *string `json:"promotion_id"`
	Reason      *string `json:"reason"` // "min_subtotal_not_met", "usage_limit_reached", ...
}

// PromotionNotApplied is a candidate promotion that did not apply, with the engine's reason.
type PromotionNotApplied struct {
	PromotionID string  `json:"promotion_id"`
	Code        *string `json:"code"`
	Reason      string  `json:"reason"`
}

// Promotion is a "promotion" document; Definition is the JSON staff gave (docs/promotions.md).
type Promotion struct {
	Header
	ID           string          `json:"id"`
	Status       string          `json:"status"` // "active" or "archived"
	Version      int64           `json:"version"`
	Code         *string         `json:"code"`
	RequiresCode bool            `json:"requires_code"`
	Definition   json.RawMessage `json:"definition"`
	UsageCount   int64           `json:"usage_count"`
	CreatedAt    time.Time       `json:"created_at"`
	UpdatedAt    time.Time       `json:"updated_at"`
}

// PromotionList is a "promotion_list" page, by id.
type PromotionList struct {
	Header
	Items []Promotion `json:"items"`
	Next  *string     `json:"next"`
}

// PromotionListQuery filters ListPromotions; zero members do not filter.
type PromotionListQuery struct {
	Status string `json:"status,omitempty"`
	Limit  int64  `json:"limit,omitempty"`
	After  string `json:"after,omitempty"`
}

// PromotionCodeBatch is a "promotion_code_batch": single-use codes generated for a promotion.
type PromotionCodeBatch struct {
	Header
	PromotionID string    `json:"promotion_id"`
	BatchID     string    `json:"batch_id"`
	Codes       []string  `json:"codes"`
	CreatedAt   time.Time `json:"created_at"`
}

// ShippingSettings is the "shipping_settings" document: the store's shipping methods (docs/shipping.md).
type ShippingSettings struct {
	Header
	Version    int64           `json:"version"`    // 0 while the store has none
	Definition json.RawMessage `json:"definition"` // "null" while the store has none: no cart pays shipping
	UpdatedAt  *time.Time      `json:"updated_at"`
}

// TaxSettings is the "tax_settings" document: the store's tax definition (docs/taxes.md) and its version.
type TaxSettings struct {
	Header
	Version    int64           `json:"version"`    // 0 while the store has none
	Definition json.RawMessage `json:"definition"` // "null" while the store has none: nothing is taxed
	UpdatedAt  *time.Time      `json:"updated_at"`
}
