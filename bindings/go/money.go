package commerce

import (
	"fmt"
	"math/big"
	"strings"
)

// Money is an exact amount: a decimal string plus an ISO 4217 currency code, exactly as the engine sends and
// takes it ({"amount": "19.99", "currency": "EUR"}). There is never a float64: arithmetic helpers use math/big.
type Money struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

// NewMoney checks that amount is a plain decimal ("19.99", "-0.50", "100") and returns the Money. The engine
// still validates the currency and the number of decimals allowed for it.
func NewMoney(amount, currency string) (Money, error) {
	if !isDecimal(amount) {
		return Money{}, newError(CodeInvalidArgument, fmt.Sprintf("%q is not a decimal amount", amount), "amount")
	}
	return Money{Amount: amount, Currency: currency}, nil
}

// MustMoney is NewMoney that panics on a malformed amount; for constants in programs and tests.
func MustMoney(amount, currency string) Money {
	m, err := NewMoney(amount, currency)
	if err != nil {
		panic(err)
	}
	return m
}

// String formats the money as "19.99 EUR".
func (m Money) String() string { return m.Amount + " " + m.Currency }

// Rat returns the exact amount as a rational number.
func (m Money) Rat() (*big.Rat, error) {
	if !isDecimal(m.Amount) {
		return nil, newError(CodeInvalidArgument, fmt.Sprintf("%q is not a decimal amount", m.Amount), "amount")
	}
	r, ok := new(big.Rat).SetString(m.Amount)
	if !ok {
		return nil, newError(CodeInvalidArgument, fmt.Sprintf("%q is not a decimal amount", m.Amount), "amount")
	}
	return r, nil
}

// Cmp compares two amounts of the same currency: -1, 0 or +1. Different currencies give ErrCurrencyMismatch.
func (m Money) Cmp(o Money) (int, error) {
	if m.Currency != o.Currency {
		return 0, newError(CodeCurrencyMismatch, fmt.Sprintf("cannot compare %s with %s", m.Currency, o.Currency), "currency")
	}
	a, err := m.Rat()
	if err != nil {
		return 0, err
	}
	b, err := o.Rat()
	if err != nil {
		return 0, err
	}
	return a.Cmp(b), nil
}

// Equal reports whether both have the same currency and numerically equal amounts ("1.10" equals "1.1").
func (m Money) Equal(o Money) bool {
	c, err := m.Cmp(o)
	return err == nil && c == 0
}

// IsZero reports whether the amount is zero.
func (m Money) IsZero() bool {
	r, err := m.Rat()
	return err == nil && r.Sign() == 0
}

// MinorUnits converts the amount to an integer count of the currency's minor units (cents for EUR, yen for
// JPY), exactly. An amount with more decimals than the currency has gives ErrInvalidArgument.
func (m Money) MinorUnits() (*big.Int, error) {
	return m.MinorUnitsExp(CurrencyExponent(m.Currency))
}

// MinorUnitsExp is MinorUnits with an explicit number of decimals.
func (m Money) MinorUnitsExp(exponent int) (*big.Int, error) {
	r, err := m.Rat()
	if err != nil {
		return nil, err
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exponent)), nil)
	r.Mul(r, new(big.Rat).SetInt(scale))
	if !r.IsInt() {
		return nil, newError(CodeInvalidArgument,
			fmt.Sprintf("%s has more than %d decimals", m.String(), exponent), "amount")
	}
	return new(big.Int).Set(r.Num()), nil
}

// MoneyFromMinorUnits builds the Money for a count of minor units: (1999, "EUR") is 19.99 EUR.
func MoneyFromMinorUnits(units *big.Int, currency string) Money {
	return Money{Amount: formatMinor(units, CurrencyExponent(currency)), Currency: currency}
}

func formatMinor(units *big.Int, exponent int) string {
	neg := units.Sign() < 0
	digits := new(big.Int).Abs(units).String()
	if exponent > 0 {
		if len(digits) <= exponent {
			digits = strings.Repeat("0", exponent-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-exponent] + "." + digits[len(digits)-exponent:]
	}
	if neg {
		return "-" + digits
	}
	return digits
}

// CurrencyExponent is the number of decimals of an ISO 4217 currency (2 unless listed otherwise). The engine,
// not this table, decides which currencies exist.
func CurrencyExponent(currency string) int {
	if e, ok := exponents[currency]; ok {
		return e
	}
	return 2
}

var exponents = map[string]int{
	"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0, "RWF": 0,
	"UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
	"CLF": 4, "UYW": 4,
}

// isDecimal accepts an optional minus sign, digits, and optionally a point followed by digits.
func isDecimal(s string) bool {
	if strings.HasPrefix(s, "-") {
		s = s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" || !allDigits(intPart) {
		return false
	}
	return !hasPoint || (frac != "" && allDigits(frac))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
