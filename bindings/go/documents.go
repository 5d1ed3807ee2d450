package commerce

import "time"

// The documents the engine returns, decoded with encoding/json. Every document has "type" and
// "schema_version"; docs/schema/<type>.schema.json is the contract. Members added by later library versions
// are ignored by these structs.

// Header is the part every document has.
type Header struct {
	Type          string `json:"type"`
	SchemaVersion int    `json:"schema_version"`
}

// User is a "user" document.
type User struct {
	Header
	ID                       string    `json:"id"`
	Email                    string    `json:"email"`
	EmailVerified            bool      `json:"email_verified"`
	Status                   string    `json:"status"`      // "active", "suspended" or "erased"
	Roles                    []string  `json:"roles"`       // e.g. ["customer"], ["admin", "customer"], ["staff"]
	Permissions              []string  `json:"permissions"` // resolved from the roles, sorted
	Profile                  Profile   `json:"profile"`
	DefaultShippingAddressID *string   `json:"default_shipping_address_id"`
	DefaultBillingAddressID  *string   `json:"default_billing_address_id"`
	MFA                      MFAFlags  `json:"mfa"`
	PasswordResetRequired    bool      `json:"password_reset_required"`
	CreatedAt                time.Time `json:"created_at"`
	UpdatedAt                time.Time `json:"updated_at"`
}

// Profile is the profile of a user; nil members are unset.
type Profile struct {
	Name     *string `json:"name"`
	Phone    *string `json:"phone"`
	Locale   *string `json:"locale"`
	Currency *string `json:"currency"`
}

// MFAFlags tells which second factors a user has turned on.
type MFAFlags struct {
	TOTP     bool `json:"totp"`
	EmailOTP bool `json:"email_otp"`
}

// HasRole reports whether the user has the role ("admin", "staff", "customer", ...).
func (u *User) HasRole(role string) bool {
	for _, r := range u.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// HasPermission reports whether the user's roles grant the permission ("catalog.write", ...).
func (u *User) HasPermission(permission string) bool {
	for _, p := range u.Permissions {
		if p == permission {
			return true
		}
	}
	return false
}

// Session is a "session" document; pass Token to the calls that act for the user.
type Session struct {
	Header
	Token         string    `json:"token"` // 64 hex characters
	UserID        string    `json:"user_id"`
	ExpiresAt     time.Time `json:"expires_at"`
	IdleExpiresAt time.Time `json:"idle_expires_at"`
	// A JWT access token and its expiry, only when the engine has an "identity.jwt" config.
	AccessToken          string     `json:"access_token,omitempty"`
	AccessTokenExpiresAt *time.Time `json:"access_token_expires_at,omitempty"`
}

// CartItem is a line of a cart: a variant and its quantity.
type CartItem struct {
	ProductID        string            `json:"product_id"`
	VariantID        string            `json:"variant_id"`
	SKU              string            `json:"sku"`
	Title            string            `json:"title"`
	Options          map[string]string `json:"options"` // the variant's option values
	Quantity         int64             `json:"quantity"`
	UnitPrice        Money             `json:"unit_price"`         // the catalog price or a price list's
	CatalogUnitPrice Money             `json:"catalog_unit_price"` // the variant's price in the cart's currency
	PriceListID      *string           `json:"price_list_id"`      // the list whose price won; nil for the catalog price
	// ConvertedFrom says where a catalog price converted from the base currency came from; nil for a set price.
	ConvertedFrom *PriceConversion  `json:"converted_from"`
	LineTotal     Money             `json:"line_total"` // unit price × quantity, before promotions
	Discount      Money             `json:"discount_total"`
	Taxes         []TaxLine         `json:"taxes"`
	Tax           Money             `json:"tax_total"`
	Total         Money             `json:"total"` // once discounted (and taxed, when prices exclude tax)
	Note          *string           `json:"note"`
	Attributes    map[string]string `json:"attributes"`
}

// Cart is a "cart" document, priced afresh on every read: its Totals always add up to its Total.
type Cart struct {
	Header
	ID                   string                `json:"id"`
	UserID               *string               `json:"user_id"` // nil for a guest cart
	Currency             string                `json:"currency"`
	Status               string                `json:"status"`  // "open", "completed" or "merged"
	Channel              string                `json:"channel"` // "web", "pos", ...
	ShippingAddress      *CartAddress          `json:"shipping_address"`
	Items                []CartItem            `json:"items"`
	ItemCount            int64                 `json:"item_count"`        // the sum of the quantities
	RequiresShipping     bool                  `json:"requires_shipping"` // some line is a physical good
	ShippingMethods      []ShippingMethod      `json:"shipping_methods"`  // every method offered, priced
	Coupons              []CouponStatus        `json:"coupons"`
	PromotionsNotApplied []PromotionNotApplied `json:"promotions_not_applied"`
	Totals
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// CartTotals is a "cart_totals": a cart repriced, with only the parts of its total.
type CartTotals struct {
	Header
	CartID    string `json:"cart_id"`
	Currency  string `json:"currency"`
	ItemCount int64  `json:"item_count"` // the sum of the quantities
	Totals    Totals `json:"totals"`     // the same members as a cart's totals and an order's
}

// CartSweep is a "cart_sweep": what one SweepCarts did.
type CartSweep struct {
	Header
	Abandoned int64 `json:"abandoned"`
	Deleted   int64 `json:"deleted"`
}

// OrderLine is a line of an order: a snapshot of the variant at checkout.
type OrderLine struct {
	ProductID string            `json:"product_id"`
	VariantID string            `json:"variant_id"`
	SKU       string            `json:"sku"`
	Title     string            `json:"title"`
	Options   map[string]string `json:"options"` // the variant's option values
	Quantity  int64             `json:"quantity"`
	UnitPrice Money             `json:"unit_price"`
	LineTotal Money             `json:"line_total"` // unit price × quantity, before promotions
	Discount  Money             `json:"discount"`   // what promotions took off the line
	// The tax in Total: added to prices that exclude it, contained in prices that include it.
	Tax              Money `json:"tax"`
	Total            Money `json:"total"`             // what the line was charged
	RefundedQuantity int64 `json:"refunded_quantity"` // units refunded so far
	ShippedQuantity  int64 `json:"shipped_quantity"`  // units in a shipment so far
	Digital          bool  `json:"digital"`           // delivered by download, never shipped
	// The licence keys this line's units received, one per unit (digital variants with a key pool); empty
	// otherwise.
	LicenceKeys []string          `json:"licence_keys"`
	Note        *string           `json:"note"` // the cart line's note and attributes
	Attributes  map[string]string `json:"attributes"`
}

// Payment is the payment record of an order, with its ledger.
type Payment struct {
	ID       string `json:"id"`
	Method   string `json:"method"` // "manual"
	Kind     string `json:"kind"`   // PaymentCash, PaymentCashOnDelivery, PaymentBankTransfer or PaymentCardTerminal
	Status   string `json:"status"` // as Order.PaymentStatus
	Amount   Money  `json:"amount"` // what the order asks for
	Captured Money  `json:"captured"`
	Refunded Money  `json:"refunded"`
	Tendered *Money `json:"tendered"`
	Change   *Money `json:"change"`
	// Every attempt on the payment, oldest first.
	Transactions []PaymentTransaction `json:"transactions"`
}

// Order is an "order" document.
type Order struct {
	Header
	ID                string        `json:"id"`
	Number            string        `json:"number"` // "2026-000001"
	UserID            *string       `json:"user_id"`
	Email             string        `json:"email"`
	CartID            string        `json:"cart_id"`
	ShippingAddress   *OrderAddress `json:"shipping_address"` // as given at checkout; nil when none was
	BillingAddress    *OrderAddress `json:"billing_address"`  // the shipping address when none other was given
	Currency          string        `json:"currency"`
	Status            string        `json:"status"`             // OrderPendingPayment, OrderPaid, ... OrderCancelled
	PaymentStatus     string        `json:"payment_status"`     // PaymentPending, PaymentCaptured, ... PaymentVoided
	FulfillmentStatus string        `json:"fulfillment_status"` // FulfillmentNotFulfilled, ... FulfillmentCancelled
	Lines             []OrderLine   `json:"lines"`
	Subtotal          Money         `json:"subtotal"`
	Shipping          OrderShipping `json:"shipping"`
	Total             Money         `json:"total"`
	// The cart's totals when the order was placed; nil for orders placed before pricing existed.
	Totals    *Totals      `json:"totals"`
	Payment   Payment      `json:"payment"`
	Refunds   []Refund     `json:"refunds"`   // oldest first
	Shipments []Shipment   `json:"shipments"` // oldest first
	Timeline  []OrderEvent `json:"timeline"`  // every change of the order's states, oldest first; the first is "placed"
	// When an order awaiting a prompt payment (a bank transfer) is cancelled unpaid; nil otherwise.
	ExpiresAt *time.Time `json:"expires_at"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

// OrderList is an "order_list" page, newest first.
type OrderList struct {
	Header
	Items []Order `json:"items"`
	Next  *string `json:"next"`
}

// EngineInfo is an "engine_info" document.
type EngineInfo struct {
	Header
	LibraryVersion        string  `json:"library_version"`
	DatabaseSchemaVersion int     `json:"database_schema_version"`
	Path                  string  `json:"path"`
	Encrypted             bool    `json:"encrypted"`
	CipherVersion         *string `json:"cipher_version"`
	Durability            string  `json:"durability"`
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs. Methods that take JSON accept these structs, any value encoding/json can marshal, or the JSON text
// itself as a string, []byte or json.RawMessage (passed verbatim).
// ---------------------------------------------------------------------------------------------------------------

// Config describes the store to open (see include/commerce/engine.h). Zero values are left to the engine.
type Config struct {
	Path            string           `json:"path"` // a file, or ":memory:"
	Key             string           `json:"key,omitempty"`
	Durability      string           `json:"durability,omitempty"` // "full" (default) or "normal"
	CacheSizeKiB    int              `json:"cache_size_kib,omitempty"`
	BusyTimeoutMS   int              `json:"busy_timeout_ms,omitempty"`
	ReadConnections int              `json:"read_connections,omitempty"`
	PasswordHashing *PasswordHashing `json:"password_hashing,omitempty"`
	// SecretKey (32+ bytes) seals secrets at rest; "" lets the engine generate one and keep it in the store.
	SecretKey string `json:"secret_key,omitempty"`
	// Clock is "system" (default) or "manual": a manual clock starts at ClockStartMS (0: now) and moves only
	// by Engine.SetTime and Engine.AdvanceTime.
	Clock        string          `json:"clock,omitempty"`
	ClockStartMS int64           `json:"clock_start_ms,omitempty"`
	Identity     *IdentityConfig `json:"identity,omitempty"`
	Orders       *OrdersConfig   `json:"orders,omitempty"`
}

// PasswordHashing sets the argon2id cost.
type PasswordHashing struct {
	MemoryKiB   int `json:"memory_kib,omitempty"`
	Iterations  int `json:"iterations,omitempty"`
	Parallelism int `json:"parallelism,omitempty"`
}

// ListQuery pages through a list: Limit items after the cursor After (a previous page's Next).
type ListQuery struct {
	Limit int    `json:"limit,omitempty"`
	After string `json:"after,omitempty"`
}

// OrderListQuery is ListQuery plus, for admins, another user's id.
type OrderListQuery struct {
	Limit  int    `json:"limit,omitempty"`
	After  string `json:"after,omitempty"`
	UserID string `json:"user_id,omitempty"`
}

// PlaceOrderRequest is the input of PlaceOrder. ShippingAddress must be the place the cart was priced for (its
// country, and its postal code when the cart has one); BillingAddress is the shipping address when nil. Expected
// holds the totals the shopper saw, each of which must still hold.
type PlaceOrderRequest struct {
	Payment         PaymentRequest   `json:"payment"`
	Email           string           `json:"email,omitempty"` // required for a guest cart
	ShippingAddress *CheckoutAddress `json:"shipping_address,omitempty"`
	BillingAddress  *CheckoutAddress `json:"billing_address,omitempty"`
	Expected        *ExpectedTotals  `json:"expected,omitempty"`
	IdempotencyKey  string           `json:"idempotency_key,omitempty"` // a retry with the same key returns the same order
}

// PaymentRequest selects the payment: Method "manual", Kind PaymentCash (Tendered computes the change),
// PaymentCashOnDelivery, PaymentBankTransfer or PaymentCardTerminal. Cash, and a card terminal payment with its
// Reference, are captured at once; the others wait for CapturePayment.
type PaymentRequest struct {
	Method    string `json:"method"`
	Kind      string `json:"kind"`
	Tendered  string `json:"tendered,omitempty"`  // a decimal string in the cart's currency
	Reference string `json:"reference,omitempty"` // card_terminal only, staff only: the terminal approved it
}

// Ptr returns a pointer to v; handy for the members of patches (ProductPatch, CategoryPatch, ...).
func Ptr[T any](v T) *T { return &v }
