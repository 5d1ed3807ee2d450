package commerce

import (
	"encoding/json"
	"time"
)

// The documents of price lists and customer groups (docs/schema/price_list*.schema.json,
// customer_group*.schema.json).

// PriceListPrice is one price of a list: a variant's unit price in one currency from MinQuantity units on.
type PriceListPrice struct {
	VariantID   string `json:"variant_id"`
	Price       Money  `json:"price"`
	MinQuantity int64  `json:"min_quantity,omitempty"` // 1 when zero
}

// PriceListDefinition is what CreatePriceList and UpdatePriceList take (docs/price-lists.md).
type PriceListDefinition struct {
	ID             string           `json:"id,omitempty"`
	Name           string           `json:"name"`
	Type           string           `json:"type,omitempty"` // PriceListSale (the default) or PriceListOverride
	CustomerGroups []string         `json:"customer_groups,omitempty"`
	Channels       []string         `json:"channels,omitempty"`
	StartsAt       *time.Time       `json:"starts_at,omitempty"`
	EndsAt         *time.Time       `json:"ends_at,omitempty"`
	Prices         []PriceListPrice `json:"prices"`
}

// PriceList is a "price_list": its definition without the prices, and the prices when one list is returned.
type PriceList struct {
	Header
	ID         string           `json:"id"`
	Status     string           `json:"status"`
	Version    int64            `json:"version"`
	Definition json.RawMessage  `json:"definition"`
	PriceCount int64            `json:"price_count"`
	Prices     []PriceListPrice `json:"prices"` // nil in a PriceListList
	CreatedAt  time.Time        `json:"created_at"`
	UpdatedAt  time.Time        `json:"updated_at"`
}

// PriceListList is a "price_list_list".
type PriceListList struct {
	Header
	Items []PriceList `json:"items"`
	Next  *string     `json:"next"`
}

// PriceListQuery filters ListPriceLists; zero members do not filter.
type PriceListQuery struct {
	Status string `json:"status,omitempty"`
	Limit  int64  `json:"limit,omitempty"`
	After  string `json:"after,omitempty"`
}

// CustomerGroup is a "customer_group".
type CustomerGroup struct {
	Header
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	TaxExempt   bool      `json:"tax_exempt"`
	MemberCount int64     `json:"member_count"`
	Version     int64     `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// CustomerGroupList is a "customer_group_list".
type CustomerGroupList struct {
	Header
	Items []CustomerGroup `json:"items"`
	Next  *string         `json:"next"`
}

// CustomerGroupQuery filters ListCustomerGroups; zero members do not filter.
type CustomerGroupQuery struct {
	Member string `json:"member,omitempty"` // only the groups this user belongs to
	Limit  int64  `json:"limit,omitempty"`
	After  string `json:"after,omitempty"`
}

// CustomerGroupMember is one member of a group.
type CustomerGroupMember struct {
	UserID  string    `json:"user_id"`
	AddedAt time.Time `json:"added_at"`
}

// CustomerGroupMemberList is a "customer_group_member_list".
type CustomerGroupMemberList struct {
	Header
	GroupID string                `json:"group_id"`
	Items   []CustomerGroupMember `json:"items"`
	Next    *string               `json:"next"`
}
