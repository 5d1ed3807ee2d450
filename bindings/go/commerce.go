// Package commerce is the Go binding of the commerce engine: a thin, hand-written layer over the SWIG-generated
// package internal/native, itself a wrapper of the C ABI in include/commerce/*.h.
//
//	e, err := commerce.Open(commerce.Config{Path: "shop.db", Key: "secret"})
//	if err != nil { ... }
//	defer e.Close()
//	res, err := e.Login("alice@example.com", "correct horse battery", nil)
//	if res.Challenge != nil { ... e.CompleteLogin(res.Challenge.Challenge, commerce.MethodTOTP, code, nil) ... }
//	cart, err := e.CreateCart(res.Session.Token, "EUR")
//	cart, err = e.AddItem(res.Session.Token, cart.ID, productID, 2)
//	if errors.Is(err, commerce.ErrOutOfStock) { ... }
//
// Conventions:
//   - a session argument is the token string; "" means "no session" (a guest cart, for example);
//   - documents decode into the structs of documents.go, identity_documents.go, catalog_documents.go,
//     access.go, outbox.go, inventory.go, search.go and review.go; money is the exact Money type (decimal
//     strings);
//   - optional arguments are "" for strings and nil for queries, contexts and profiles;
//   - the methods of identity.h, access.h, outbox.h, catalog.h, inventory.h, search.h and review.h are in
//     identity.go, access.go, outbox.go, catalog.go, inventory.go, search.go and review.go;
//   - errors are *Error values carrying the stable Code, Name, Message and Details, comparable with errors.Is
//     against the sentinels (ErrNotFound, ErrOutOfStock, ...);
//   - every native call returns the error details captured in that same call, so results are correct even when
//     the goroutine moves to another OS thread between calls;
//   - an *Engine may be used from many goroutines; Close is idempotent and later calls fail with ErrMisuse.
//
// Building needs the commerce headers and library through the environment:
//
//	CGO_CPPFLAGS="-I<repo>/include -I<build>/include" CGO_LDFLAGS="-L<build> -Wl,-rpath,<build>" go test ./...
package commerce

import (
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"
	"time"
	"unicode/utf8"

	"commerce.local/commerce/internal/native"
)

func init() {
	if native.Version_number()/1000000 != native.Binding_version_number()/1000000 {
		panic(fmt.Sprintf("commerce: the binding was built for library %d.x but library %s is loaded",
			native.Binding_version_number()/1000000, native.Version()))
	}
}

// Version is the version of the loaded library, e.g. "0.1.0".
func Version() string { return native.Version() }

// VersionNumber is the loaded library's MAJOR*1000000 + MINOR*1000 + PATCH.
func VersionNumber() int { return native.Version_number() }

// Engine is an open store over one database file.
type Engine struct {
	n native.Engine
}

// Open opens (creating if needed) the store described by cfg and migrates its schema forward. Errors:
// ErrInvalidArgument (bad config), ErrBadKey (wrong or missing key), ErrVersion, ErrStorage.
func Open(cfg Config) (*Engine, error) {
	text, err := encodeJSON(cfg, "config")
	if err != nil {
		return nil, err
	}
	return OpenJSON(text)
}

// OpenJSON is Open with the configuration as JSON text (see include/commerce/engine.h).
func OpenJSON(config string) (*Engine, error) {
	n := native.NewEngine(config)
	o := n.Open_outcome()
	defer native.DeleteOutcome(o)
	if !o.Ok() {
		err := outcomeError(o)
		native.DeleteEngine(n)
		return nil, err
	}
	e := &Engine{n: n}
	runtime.SetFinalizer(e, func(e *Engine) { native.DeleteEngine(e.n) })
	return e, nil
}

// Close closes the store. It is idempotent, waits for calls running on other goroutines, and always returns
// nil; later calls fail with ErrMisuse.
func (e *Engine) Close() error {
	if e != nil && e.n != nil {
		e.n.Close()
		runtime.KeepAlive(e)
	}
	return nil
}

// Closed reports whether Close ran.
func (e *Engine) Closed() bool {
	if e == nil || e.n == nil {
		return true
	}
	defer runtime.KeepAlive(e)
	return e.n.Closed()
}

// Info returns the "engine_info" document.
func (e *Engine) Info() (*EngineInfo, error) {
	return call[EngineInfo](e, func(n native.Engine) native.Outcome { return n.Info() })
}

// Rekey re-encrypts an encrypted store with newKey (ErrMisuse for a plain or in-memory store).
func (e *Engine) Rekey(newKey string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Rekey(newKey) })
}

// SetTime moves the manual clock of an engine opened with Clock "manual" to t (millisecond precision).
// ErrMisuse for a system clock; ErrInvalidArgument for a time before the current one.
func (e *Engine) SetTime(t time.Time) error {
	ms := t.UnixMilli()
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Set_time(ms) })
}

// AdvanceTime moves the manual clock forward by d (>= 0, millisecond precision). Same errors as SetTime.
func (e *Engine) AdvanceTime(d time.Duration) error {
	ms := d.Milliseconds()
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Advance_time(ms) })
}

// CreateCart creates a cart in a currency; session "" creates a guest cart.
func (e *Engine) CreateCart(session, currency string) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome { return n.Create_cart(session, currency) })
}

// GetCart returns a cart.
func (e *Engine) GetCart(session, cartID string) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome { return n.Get_cart(session, cartID) })
}

// FindOpenCart returns the signed-in user's most recently changed open cart in a currency: the cart they left on
// another device or before logging out. ErrNotFound when there is none, ErrUnauthorized without a session.
func (e *Engine) FindOpenCart(session, currency string) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome { return n.Find_open_cart(session, currency) })
}

// GetCartTotals reprices a cart as GetCart does and returns only the parts of its total: cheaper than the whole
// cart, for a running total after every change.
func (e *Engine) GetCartTotals(session, cartID string) (*CartTotals, error) {
	return call[CartTotals](e, func(n native.Engine) native.Outcome { return n.Get_cart_totals(session, cartID) })
}

// AddItem adds quantity (>= 1) of a variant to a cart and returns the whole cart; adding a variant already in the
// cart raises its quantity. itemID is a variant id, or the id of a product that has exactly one variant. The
// product must be published and the variant must have a price in the cart's currency (ErrCurrencyMismatch).
func (e *Engine) AddItem(session, cartID, itemID string, quantity int64) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome {
		return n.Add_item(session, cartID, itemID, quantity)
	})
}

// LineDetails is a cart line's note and custom attributes; nil members are left as they are.
type LineDetails struct {
	Note       *string           `json:"note,omitempty"`
	Attributes map[string]string `json:"attributes,omitempty"`
}

// SetItemDetails sets a line's note and attributes (each given member replaces the line's); orders keep them.
func (e *Engine) SetItemDetails(session, cartID, itemID string, details LineDetails) (*Cart, error) {
	text, err := encodeJSON(details, "details")
	if err != nil {
		return nil, err
	}
	return call[Cart](e, func(n native.Engine) native.Outcome {
		return n.Set_item_details(session, cartID, itemID, text)
	})
}

// MergeCart folds a guest cart into the session user's open cart in that currency by the configured merge
// policy (or makes it theirs); the guest cart becomes "merged". It returns the user's cart.
func (e *Engine) MergeCart(session, guestCartID string) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome { return n.Merge_cart(session, guestCartID) })
}

// SweepCarts is housekeeping for a timer: carts idle past carts.abandon_after_minutes emit "cart.abandoned" once
// (with a recovery token), carts idle past carts.expire_after_days are deleted; at most limit of each.
func (e *Engine) SweepCarts(limit int64) (*CartSweep, error) {
	return call[CartSweep](e, func(n native.Engine) native.Outcome { return n.Sweep_carts(limit) })
}

// RecoverCart returns the abandoned cart a recovery token names (ErrNotFound once it changed or is gone).
func (e *Engine) RecoverCart(token string) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome { return n.Recover_cart(token) })
}

// UpdateItem sets the quantity (>= 1) of a variant already in the cart (itemID as for AddItem).
func (e *Engine) UpdateItem(session, cartID, itemID string, quantity int64) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome {
		return n.Update_item(session, cartID, itemID, quantity)
	})
}

// RemoveItem removes a variant from a cart (itemID as for AddItem).
func (e *Engine) RemoveItem(session, cartID, itemID string) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome { return n.Remove_item(session, cartID, itemID) })
}

// PlaceOrder places an order from a cart in one transaction. request is a PlaceOrderRequest, another
// marshalable value, or JSON text. Errors: CodeConflict (an idempotency key used for another request, or Details
// "reason" "totals_changed" and "changes" [{"field", "expected", "actual"}] when the cart no longer prices as
// Expected says), CodeInvalidArgument (an address, Details "field" naming the member such as
// "billing_address.line1", or "reason" "not_the_priced_address"), CodeOutOfStock (Details list the products
// short), CodeIllegalState (an empty or completed cart), CodeForbidden (a terminal reference without
// "orders.manage").
func (e *Engine) PlaceOrder(session, cartID string, request any) (*Order, error) {
	text, err := encodeJSON(request, "request")
	if err != nil {
		return nil, err
	}
	return call[Order](e, func(n native.Engine) native.Outcome { return n.Place_order(session, cartID, text) })
}

// GetOrder returns an order, for its owner or an admin.
func (e *Engine) GetOrder(session, orderID string) (*Order, error) {
	return call[Order](e, func(n native.Engine) native.Outcome { return n.Get_order(session, orderID) })
}

// ListOrders lists the session user's orders, newest first; query may be nil.
func (e *Engine) ListOrders(session string, query *OrderListQuery) (*OrderList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[OrderList](e, func(n native.Engine) native.Outcome { return n.List_orders(session, text) })
}

// ---------------------------------------------------------------------------------------------------------------

func call[T any](e *Engine, f func(native.Engine) native.Outcome) (*T, error) {
	if e == nil || e.n == nil {
		return nil, newError(CodeMisuse, "nil engine", "")
	}
	o := f(e.n)
	runtime.KeepAlive(e) // the finalizer must not free the native engine during the call
	defer native.DeleteOutcome(o)
	if !o.Ok() {
		return nil, outcomeError(o)
	}
	doc := new(T)
	if err := json.Unmarshal([]byte(o.Json()), doc); err != nil {
		return nil, newError(CodeGeneric, "commerce: cannot decode the "+o.Doc_type()+" document: "+err.Error(), "")
	}
	return doc, nil
}

func callNoDoc(e *Engine, f func(native.Engine) native.Outcome) error {
	if e == nil || e.n == nil {
		return newError(CodeMisuse, "nil engine", "")
	}
	o := f(e.n)
	runtime.KeepAlive(e)
	defer native.DeleteOutcome(o)
	if !o.Ok() {
		return outcomeError(o)
	}
	return nil
}

// optionalJSON is encodeJSON for an optional input given as a pointer: nil is "" ("no value").
func optionalJSON[T any](v *T, what string) (string, error) {
	if v == nil {
		return "", nil
	}
	return encodeJSON(v, what)
}

// encodeJSON turns an input into JSON text: strings, []byte and json.RawMessage are JSON text already; anything
// else goes through encoding/json after a check that refuses float values (money is exact) and strings that are
// not valid UTF-8 (encoding/json would silently replace their bytes with U+FFFD).
func encodeJSON(v any, what string) (string, error) {
	switch t := v.(type) {
	case nil:
		return "", newError(CodeInvalidArgument, what+" is required", what)
	case string:
		return t, nil
	case []byte:
		return string(t), nil
	case json.RawMessage:
		return string(t), nil
	}
	if err := checkValue(reflect.ValueOf(v), what); err != nil {
		return "", err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", newError(CodeInvalidArgument, what+": "+err.Error(), what)
	}
	return string(b), nil
}

var marshalerType = reflect.TypeOf((*json.Marshaler)(nil)).Elem()

func checkValue(v reflect.Value, path string) error {
	if !v.IsValid() {
		return nil
	}
	if v.Type().Implements(marshalerType) && v.Kind() != reflect.Pointer && v.Kind() != reflect.Interface {
		return nil // marshals itself
	}
	switch v.Kind() {
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			return newError(CodeInvalidArgument, path+" is not valid UTF-8", path)
		}
	case reflect.Float32, reflect.Float64:
		return newError(CodeInvalidArgument, path+": floats are not accepted (money is exact: use Money or a decimal string)", path)
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return checkValue(v.Elem(), path)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() {
				if err := checkValue(v.Field(i), path+"."+f.Name); err != nil {
					return err
				}
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // []byte marshals as base64
		}
		for i := 0; i < v.Len(); i++ {
			if err := checkValue(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			k := fmt.Sprint(it.Key().Interface())
			if err := checkValue(it.Key(), path+"."+k); err != nil {
				return err
			}
			if err := checkValue(it.Value(), path+"."+k); err != nil {
				return err
			}
		}
	}
	return nil
}
