package commerce

import "time"

// The documents of include/commerce/wishlist.h (docs/schema/wishlist*.schema.json, shared_wishlist.schema.json).

// WishlistItem is an item as the catalog shows it now: nothing is copied into the list.
type WishlistItem struct {
	VariantID string            `json:"variant_id"`
	ProductID string            `json:"product_id"`
	Title     string            `json:"title"`
	SKU       string            `json:"sku"`
	Options   map[string]string `json:"options"`
	Note      *string           `json:"note"`
	AddedAt   time.Time         `json:"added_at"`
	Prices    []Money           `json:"prices"`   // in the document's Currency, or every price
	OnSale    bool              `json:"on_sale"`  // shoppers may buy the product now
	InStock   bool              `json:"in_stock"` // on hand minus live reservations above zero, or keys left
}

// wishlistItems are the members the owner's view and the shared view have in common.
type wishlistItems struct {
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	Currency  *string        `json:"currency"` // the currency the prices were asked in; nil for every price
	ItemCount int64          `json:"item_count"`
	Items     []WishlistItem `json:"items"`
	UpdatedAt time.Time      `json:"updated_at"`
}

// Wishlist is a "wishlist" document: one of the caller's lists.
type Wishlist struct {
	Header
	wishlistItems
	Shared    bool       `json:"shared"`
	SharedAt  *time.Time `json:"shared_at"`
	CreatedAt time.Time  `json:"created_at"`
}

// SharedWishlist is a "shared_wishlist": what a share token shows, nothing of the owner.
type SharedWishlist struct {
	Header
	wishlistItems
}

// WishlistSummary is a list without its items, in a WishlistList.
type WishlistSummary struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	ItemCount int64      `json:"item_count"`
	Shared    bool       `json:"shared"`
	SharedAt  *time.Time `json:"shared_at"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

// WishlistList is a "wishlist_list": the caller's lists, oldest first.
type WishlistList struct {
	Header
	Items []WishlistSummary `json:"items"`
}

// WishlistShare is a "wishlist_share": the new token, shown only here.
type WishlistShare struct {
	Header
	WishlistID string    `json:"wishlist_id"`
	Token      string    `json:"token"`
	SharedAt   time.Time `json:"shared_at"`
}

// WishlistExport is a list in a UserExport, with its items as stored.
type WishlistExport struct {
	WishlistSummary
	Items []WishlistExportItem `json:"items"`
}

// WishlistExportItem is an item of a WishlistExport.
type WishlistExportItem struct {
	VariantID string    `json:"variant_id"`
	ProductID string    `json:"product_id"`
	Note      *string   `json:"note"`
	AddedAt   time.Time `json:"added_at"`
}
