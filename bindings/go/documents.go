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
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Roles     []string  `json:"roles"` // ["customer"] or ["admin", "customer"]
	CreatedAt time.Time `json:"created_at"`
}

// HasRole reports whether the user has the role ("admin", "customer").
func (u *User) HasRole(role string) bool {
	for _, r := range u.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// Session is a "session" document; pass Token to the calls that act for the user.
type Session struct {
	Header
	Token     string    `json:"token"`
	UserID    string    `json:"user_id"`
	ExpiresAt time.Time `json:"expires_at"`
}

// Product is a "product" document.
type Product struct {
	Header
	ID          string    `json:"id"`
	SKU         string    `json:"sku"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Prices      []Money   `json:"prices"`
	Stock       int64     `json:"stock"`
	Version     int64     `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Price returns the product's price in a currency.
func (p *Product) Price(currency string) (Money, bool) {
	for _, m := range p.Prices {
		if m.Currency == currency {
			return m, true
		}
	}
	return Money{}, false
}

// ProductList is a "product_list" page; Next is the cursor of the next page, nil on the last one.
type ProductList struct {
	Header
	Items []Product `json:"items"`
	Next  *string   `json:"next"`
}

// CartItem is a line of a cart.
type CartItem struct {
	ProductID string `json:"product_id"`
	SKU       string `json:"sku"`
	Title     string `json:"title"`
	Quantity  int64  `json:"quantity"`
	UnitPrice Money  `json:"unit_price"`
	LineTotal Money  `json:"line_total"`
}

// Cart is a "cart" document with exact totals.
type Cart struct {
	Header
	ID        string     `json:"id"`
	UserID    *string    `json:"user_id"` // nil for a guest cart
	Currency  string     `json:"currency"`
	Status    string     `json:"status"` // "open" or "completed"
	Items     []CartItem `json:"items"`
	ItemCount int64      `json:"item_count"` // the sum of the quantities
	Subtotal  Money      `json:"subtotal"`
	Total     Money      `json:"total"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

// OrderLine is a line of an order: a snapshot of the product at checkout.
type OrderLine struct {
	ProductID string `json:"product_id"`
	SKU       string `json:"sku"`
	Title     string `json:"title"`
	Quantity  int64  `json:"quantity"`
	UnitPrice Money  `json:"unit_price"`
	LineTotal Money  `json:"line_total"`
}

// Payment is the payment record of an order.
type Payment struct {
	Method   string `json:"method"` // "manual"
	Kind     string `json:"kind"`   // "cash" or "cash_on_delivery"
	Status   string `json:"status"` // "captured" or "pending"
	Amount   Money  `json:"amount"`
	Tendered *Money `json:"tendered"`
	Change   *Money `json:"change"`
}

// Order is an "order" document.
type Order struct {
	Header
	ID                string      `json:"id"`
	Number            string      `json:"number"` // "2026-000001"
	UserID            *string     `json:"user_id"`
	Email             string      `json:"email"`
	CartID            string      `json:"cart_id"`
	Currency          string      `json:"currency"`
	Status            string      `json:"status"`             // "paid" or "pending_payment"
	PaymentStatus     string      `json:"payment_status"`     // "captured" or "pending"
	FulfillmentStatus string      `json:"fulfillment_status"` // "not_fulfilled"
	Lines             []OrderLine `json:"lines"`
	Subtotal          Money       `json:"subtotal"`
	Total             Money       `json:"total"`
	Payment           Payment     `json:"payment"`
	CreatedAt         time.Time   `json:"created_at"`
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
	Path              string           `json:"path"` // a file, or ":memory:"
	Key               string           `json:"key,omitempty"`
	Durability        string           `json:"durability,omitempty"` // "full" (default) or "normal"
	CacheSizeKiB      int              `json:"cache_size_kib,omitempty"`
	BusyTimeoutMS     int              `json:"busy_timeout_ms,omitempty"`
	ReadConnections   int              `json:"read_connections,omitempty"`
	PasswordHashing   *PasswordHashing `json:"password_hashing,omitempty"`
	SessionTTLSeconds int64            `json:"session_ttl_seconds,omitempty"`
}

// PasswordHashing sets the argon2id cost.
type PasswordHashing struct {
	MemoryKiB   int `json:"memory_kib,omitempty"`
	Iterations  int `json:"iterations,omitempty"`
	Parallelism int `json:"parallelism,omitempty"`
}

// NewProduct is the input of CreateProduct.
type NewProduct struct {
	SKU         string  `json:"sku"`
	Title       string  `json:"title"`
	Description string  `json:"description,omitempty"`
	Prices      []Money `json:"prices"`
	Stock       int64   `json:"stock"`
}

// ProductPatch is the input of UpdateProduct: nil members are left unchanged; Prices replaces all prices.
type ProductPatch struct {
	SKU             *string `json:"sku,omitempty"`
	Title           *string `json:"title,omitempty"`
	Description     *string `json:"description,omitempty"`
	Prices          []Money `json:"prices,omitempty"`
	Stock           *int64  `json:"stock,omitempty"`
	ExpectedVersion *int64  `json:"expected_version,omitempty"` // fail with ErrConflict if the product changed
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

// PlaceOrderRequest is the input of PlaceOrder.
type PlaceOrderRequest struct {
	Payment        PaymentRequest `json:"payment"`
	Email          string         `json:"email,omitempty"`           // required for a guest cart
	IdempotencyKey string         `json:"idempotency_key,omitempty"` // a retry with the same key returns the same order
}

// PaymentRequest selects the payment: Method "manual", Kind "cash" (Tendered computes the change) or
// "cash_on_delivery".
type PaymentRequest struct {
	Method   string `json:"method"`
	Kind     string `json:"kind"`
	Tendered string `json:"tendered,omitempty"` // a decimal string in the cart's currency
}

// Ptr returns a pointer to v; handy for ProductPatch members.
func Ptr[T any](v T) *T { return &v }
