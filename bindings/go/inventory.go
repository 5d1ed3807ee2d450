package commerce

import (
	"time"

	"commerce.local/commerce/internal/native"
)

// The inventory calls of include/commerce/inventory.h, with their documents: stock per variant and location, kept
// as a ledger of movements so that stock always equals the sum of its movements; transfers; reservations with
// expiry. Writes need a session whose roles grant "inventory.write" (ErrForbidden otherwise). The location
// DefaultLocation always exists; sales take stock from it unless the cart names another.

// DefaultLocation is the code of the location that always exists.
const DefaultLocation = "default"

// Location kinds.
const (
	LocationWarehouse = "warehouse"
	LocationShop      = "shop"
	LocationKiosk     = "kiosk"
)

// Movement kinds: AdjustStock records MovementReceipt, MovementReturn or MovementAdjustment; the engine records
// sales and transfers itself.
const (
	MovementReceipt     = "receipt"
	MovementSale        = "sale"
	MovementReturn      = "return"
	MovementAdjustment  = "adjustment"
	MovementTransferOut = "transfer_out"
	MovementTransferIn  = "transfer_in"
)

// CreateLocation creates a stock location ("inventory.write"): location is a NewLocation, another marshalable
// value or JSON text.
func (e *Engine) CreateLocation(session string, location any) (*Location, error) {
	text, err := encodeJSON(location, "location")
	if err != nil {
		return nil, err
	}
	return call[Location](e, func(n native.Engine) native.Outcome { return n.Create_location(session, text) })
}

// ListLocations returns every location; it needs no session.
func (e *Engine) ListLocations() (*LocationList, error) {
	return call[LocationList](e, func(n native.Engine) native.Outcome { return n.List_locations() })
}

// AdjustStock records a movement at one location ("inventory.write"): movement is a StockMovementInput, another
// marshalable value or JSON text. A receipt or return adds Quantity (>= 1); an adjustment adds a signed
// quantity. Stock may not go below zero unless the variant allows backorders, and then not below minus its
// backorder limit (ErrOutOfStock). Returns the variant's stock level.
func (e *Engine) AdjustStock(session string, movement any) (*StockLevel, error) {
	text, err := encodeJSON(movement, "movement")
	if err != nil {
		return nil, err
	}
	return call[StockLevel](e, func(n native.Engine) native.Outcome { return n.Adjust_stock(session, text) })
}

// TransferStock moves stock between locations in one transaction ("inventory.write"): transfer is a
// StockTransfer, another marshalable value or JSON text. Returns the variant's stock level.
func (e *Engine) TransferStock(session string, transfer any) (*StockLevel, error) {
	text, err := encodeJSON(transfer, "transfer")
	if err != nil {
		return nil, err
	}
	return call[StockLevel](e, func(n native.Engine) native.Outcome { return n.Transfer_stock(session, text) })
}

// StockLevel returns a variant's stock per location and in total: on hand, reserved by live reservations, and
// available (on hand − reserved). It needs no session.
func (e *Engine) StockLevel(variantID string) (*StockLevel, error) {
	return call[StockLevel](e, func(n native.Engine) native.Outcome { return n.Stock_level(variantID) })
}

// ListStockMovements returns the ledger, newest first ("inventory.write"); query may be nil.
func (e *Engine) ListStockMovements(session string, query *StockMovementQuery) (*StockMovementList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[StockMovementList](e, func(n native.Engine) native.Outcome {
		return n.List_stock_movements(session, text)
	})
}

// ReserveStock holds stock for a checkout until it expires on the engine's clock ("inventory.write"):
// reservation is a StockReservationInput, another marshalable value or JSON text. ErrOutOfStock when not enough
// is available.
func (e *Engine) ReserveStock(session string, reservation any) (*StockReservation, error) {
	text, err := encodeJSON(reservation, "reservation")
	if err != nil {
		return nil, err
	}
	return call[StockReservation](e, func(n native.Engine) native.Outcome { return n.Reserve_stock(session, text) })
}

// ReleaseReservation releases a reservation before it expires; an expired or released one is ErrNotFound.
func (e *Engine) ReleaseReservation(session, reservationID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Release_reservation(session, reservationID) })
}

// ---------------------------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------------------------

// Location is a "location" document (also an item of a LocationList).
type Location struct {
	Header
	ID        string    `json:"id"`
	Code      string    `json:"code"` // DefaultLocation for the location that always exists
	Name      string    `json:"name"`
	Kind      string    `json:"kind"` // LocationWarehouse, LocationShop or LocationKiosk
	CreatedAt time.Time `json:"created_at"`
}

// LocationList is a "location_list" document.
type LocationList struct {
	Header
	Items []Location `json:"items"`
}

// LocationStock is a variant's stock at one location.
type LocationStock struct {
	LocationID string `json:"location_id"`
	OnHand     int64  `json:"on_hand"`
	Reserved   int64  `json:"reserved"`
	Available  int64  `json:"available"`
}

// StockLevel is a "stock_level" document. A digital variant is not Tracked: OnHand and Reserved are nil, and
// Available is the number of licence keys left, or nil (unlimited) without a key pool.
type StockLevel struct {
	Header
	VariantID         string          `json:"variant_id"`
	ProductID         string          `json:"product_id"`
	SKU               string          `json:"sku"`
	Tracked           bool            `json:"tracked"`
	OnHand            *int64          `json:"on_hand"`
	Reserved          *int64          `json:"reserved"`
	Available         *int64          `json:"available"`
	BackorderLimit    int64           `json:"backorder_limit"`
	LowStockThreshold *int64          `json:"low_stock_threshold"`
	Locations         []LocationStock `json:"locations"`
}

// At returns the stock at a location id.
func (l *StockLevel) At(locationID string) (LocationStock, bool) {
	for _, s := range l.Locations {
		if s.LocationID == locationID {
			return s, true
		}
	}
	return LocationStock{}, false
}

// StockMovement is an entry of the ledger; Quantity is signed (a sale or a transfer_out is negative).
type StockMovement struct {
	ID         string    `json:"id"`
	VariantID  string    `json:"variant_id"`
	LocationID string    `json:"location_id"`
	Kind       string    `json:"kind"` // MovementReceipt, MovementSale, ...
	Quantity   int64     `json:"quantity"`
	Reason     string    `json:"reason"`
	Reference  *string   `json:"reference"`
	ActorID    *string   `json:"actor_id"`
	CreatedAt  time.Time `json:"created_at"`
}

// StockMovementList is a "stock_movement_list" page, newest first; pass Next as StockMovementQuery.Before.
type StockMovementList struct {
	Header
	Items []StockMovement `json:"items"`
	Next  *string         `json:"next"`
}

// StockReservation is a "stock_reservation" document.
type StockReservation struct {
	Header
	ID         string    `json:"id"`
	VariantID  string    `json:"variant_id"`
	LocationID string    `json:"location_id"`
	Quantity   int64     `json:"quantity"`
	Reference  *string   `json:"reference"`
	ExpiresAt  time.Time `json:"expires_at"`
	CreatedAt  time.Time `json:"created_at"`
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------------------

// NewLocation is the input of CreateLocation.
type NewLocation struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Kind string `json:"kind"` // LocationWarehouse, LocationShop or LocationKiosk
}

// StockMovementInput is the input of AdjustStock. LocationID "" is the default location.
type StockMovementInput struct {
	VariantID  string `json:"variant_id"`
	LocationID string `json:"location_id,omitempty"`
	Kind       string `json:"kind"`     // MovementReceipt, MovementReturn or MovementAdjustment
	Quantity   int64  `json:"quantity"` // >= 1 for a receipt or return; signed for an adjustment
	Reason     string `json:"reason,omitempty"`
	Reference  string `json:"reference,omitempty"`
}

// StockTransfer is the input of TransferStock; From and To are location ids (or "default").
type StockTransfer struct {
	VariantID string `json:"variant_id"`
	From      string `json:"from"`
	To        string `json:"to"`
	Quantity  int64  `json:"quantity"`
	Reason    string `json:"reason,omitempty"`
}

// StockMovementQuery filters and pages ListStockMovements.
type StockMovementQuery struct {
	VariantID  string `json:"variant_id,omitempty"`
	LocationID string `json:"location_id,omitempty"`
	Kind       string `json:"kind,omitempty"`
	Limit      int    `json:"limit,omitempty"`
	Before     string `json:"before,omitempty"` // a previous page's Next
}

// StockReservationInput is the input of ReserveStock. LocationID "" is the default location; TTLSeconds 0 lets
// the engine choose.
type StockReservationInput struct {
	VariantID  string `json:"variant_id"`
	LocationID string `json:"location_id,omitempty"`
	Quantity   int64  `json:"quantity"`
	TTLSeconds int64  `json:"ttl_seconds,omitempty"`
	Reference  string `json:"reference,omitempty"` // e.g. the cart id
}
