package commerce

import (
	"bytes"
	"encoding/json"
	"fmt"

	"commerce.local/commerce/internal/native"
)

// Code is a stable status code of the commerce C ABI (include/commerce/status.h). Zero is success, errors are
// negative, and the meaning of each code is fixed forever; new codes may be added.
type Code int

// The status codes.
const (
	CodeOK                  Code = 0
	CodeGeneric             Code = -1
	CodeInvalidArgument     Code = -2
	CodeNotFound            Code = -3
	CodeExists              Code = -4
	CodeIllegalState        Code = -5
	CodeConflict            Code = -6
	CodeCurrencyMismatch    Code = -7
	CodeCouponNotApplicable Code = -8
	CodePaymentDeclined     Code = -9
	CodeOutOfStock          Code = -10
	CodeUnauthorized        Code = -11
	CodeForbidden           Code = -12
	CodeStorage             Code = -13
	CodeNoMemory            Code = -14
	CodeMisuse              Code = -15
	CodeVersion             Code = -16
	CodeBadKey              Code = -17
	CodeOverflow            Code = -18
)

// String is the stable name of the code ("COMMERCE_ERR_NOT_FOUND"), as the loaded library spells it;
// "COMMERCE_ERR_UNKNOWN" for a code the library does not know.
func (c Code) String() string { return native.Status_name(int(c)) }

// Error is a failure reported by the engine (or refused by this binding before reaching it).
//
// Compare with errors.Is against the sentinels: errors.Is(err, commerce.ErrNotFound). A code this binding does
// not know matches ErrGeneric.
type Error struct {
	Code    Code           // the stable code
	Name    string         // its stable name, e.g. "COMMERCE_ERR_NOT_FOUND"
	Message string         // for humans
	Details map[string]any // for programs, e.g. {"field": "quantity"}; numbers are json.Number
}

func (e *Error) Error() string {
	msg := e.Message
	if msg == "" {
		msg = e.Name
	}
	if len(e.Details) > 0 {
		if d, err := json.Marshal(e.Details); err == nil {
			return fmt.Sprintf("commerce: %s (%d): %s %s", e.Name, int(e.Code), msg, d)
		}
	}
	return fmt.Sprintf("commerce: %s (%d): %s", e.Name, int(e.Code), msg)
}

// Is reports whether target is an *Error with the same code (a sentinel such as ErrOutOfStock). An unknown code
// matches ErrGeneric.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok || t == nil {
		return false
	}
	if t.Code == e.Code {
		return true
	}
	return t.Code == CodeGeneric && !knownCode(e.Code)
}

func sentinel(c Code, name string) *Error { return &Error{Code: c, Name: name, Message: name} }

// Sentinel errors, one per code, for errors.Is.
var (
	ErrGeneric             = sentinel(CodeGeneric, "COMMERCE_ERR_GENERIC")
	ErrInvalidArgument     = sentinel(CodeInvalidArgument, "COMMERCE_ERR_INVALID_ARGUMENT")
	ErrNotFound            = sentinel(CodeNotFound, "COMMERCE_ERR_NOT_FOUND")
	ErrExists              = sentinel(CodeExists, "COMMERCE_ERR_EXISTS")
	ErrIllegalState        = sentinel(CodeIllegalState, "COMMERCE_ERR_ILLEGAL_STATE")
	ErrConflict            = sentinel(CodeConflict, "COMMERCE_ERR_CONFLICT")
	ErrCurrencyMismatch    = sentinel(CodeCurrencyMismatch, "COMMERCE_ERR_CURRENCY_MISMATCH")
	ErrCouponNotApplicable = sentinel(CodeCouponNotApplicable, "COMMERCE_ERR_COUPON_NOT_APPLICABLE")
	ErrPaymentDeclined     = sentinel(CodePaymentDeclined, "COMMERCE_ERR_PAYMENT_DECLINED")
	ErrOutOfStock          = sentinel(CodeOutOfStock, "COMMERCE_ERR_OUT_OF_STOCK")
	ErrUnauthorized        = sentinel(CodeUnauthorized, "COMMERCE_ERR_UNAUTHORIZED")
	ErrForbidden           = sentinel(CodeForbidden, "COMMERCE_ERR_FORBIDDEN")
	ErrStorage             = sentinel(CodeStorage, "COMMERCE_ERR_STORAGE")
	ErrNoMemory            = sentinel(CodeNoMemory, "COMMERCE_ERR_NO_MEMORY")
	ErrMisuse              = sentinel(CodeMisuse, "COMMERCE_ERR_MISUSE")
	ErrVersion             = sentinel(CodeVersion, "COMMERCE_ERR_VERSION")
	ErrBadKey              = sentinel(CodeBadKey, "COMMERCE_ERR_BAD_KEY")
	ErrOverflow            = sentinel(CodeOverflow, "COMMERCE_ERR_OVERFLOW")
)

// Sentinels lists every sentinel error by code.
var Sentinels = map[Code]*Error{}

func init() {
	for _, s := range []*Error{ErrGeneric, ErrInvalidArgument, ErrNotFound, ErrExists, ErrIllegalState, ErrConflict,
		ErrCurrencyMismatch, ErrCouponNotApplicable, ErrPaymentDeclined, ErrOutOfStock, ErrUnauthorized,
		ErrForbidden, ErrStorage, ErrNoMemory, ErrMisuse, ErrVersion, ErrBadKey, ErrOverflow} {
		Sentinels[s.Code] = s
	}
}

func knownCode(c Code) bool { _, ok := Sentinels[c]; return ok }

// newError builds an error detected on the Go side (never reached the engine).
func newError(c Code, message, field string) *Error {
	e := &Error{Code: c, Name: c.String(), Message: message, Details: map[string]any{}}
	if field != "" {
		e.Details["field"] = field
	}
	return e
}

// outcomeError turns a failed native outcome into an *Error.
func outcomeError(o native.Outcome) *Error {
	e := &Error{Code: Code(o.Code()), Name: o.Name(), Message: o.Message(), Details: map[string]any{}}
	if e.Name == "" {
		e.Name = e.Code.String()
	}
	if d := o.Details(); d != "" {
		dec := json.NewDecoder(bytes.NewReader([]byte(d)))
		dec.UseNumber()
		var m map[string]any
		if err := dec.Decode(&m); err == nil && m != nil {
			e.Details = m
		} else {
			e.Details = map[string]any{"raw": d}
		}
	}
	return e
}
