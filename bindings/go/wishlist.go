package commerce

import "commerce.local/commerce/internal/native"

// The wishlist calls of include/commerce/wishlist.h: a user's named lists of variants to buy later (at most 50
// lists of 500 items), each item shown as the catalog has it now, moved to a cart in one transaction, and shared
// read-only through a token. Every call but SharedWishlist needs the owner's session; an itemID is a variant id,
// or the id of a product that has exactly one variant.

// CreateWishlist creates a list named name (1 to 100 characters once trimmed, unique among the user's lists:
// CodeExists otherwise).
func (e *Engine) CreateWishlist(session, name string) (*Wishlist, error) {
	return call[Wishlist](e, func(n native.Engine) native.Outcome { return n.Create_wishlist(session, name) })
}

// RenameWishlist renames one of the caller's lists.
func (e *Engine) RenameWishlist(session, wishlistID, name string) (*Wishlist, error) {
	return call[Wishlist](e, func(n native.Engine) native.Outcome { return n.Rename_wishlist(session, wishlistID, name) })
}

// DeleteWishlist deletes a list with its items; its share token stops working.
func (e *Engine) DeleteWishlist(session, wishlistID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Delete_wishlist(session, wishlistID) })
}

// ListWishlists returns the caller's lists, oldest first, with their item counts.
func (e *Engine) ListWishlists(session string) (*WishlistList, error) {
	return call[WishlistList](e, func(n native.Engine) native.Outcome { return n.List_wishlists(session) })
}

// GetWishlist returns one of the caller's lists with its items; currency ("" for every price) limits each item's
// Prices to its price in that currency.
func (e *Engine) GetWishlist(session, wishlistID, currency string) (*Wishlist, error) {
	return call[Wishlist](e, func(n native.Engine) native.Outcome { return n.Get_wishlist(session, wishlistID, currency) })
}

// AddWishlistItem puts a variant on the list (its product must be on sale); note may be "". Adding a variant
// already on the list keeps it where it is and only replaces its note, when one is given.
func (e *Engine) AddWishlistItem(session, wishlistID, itemID, note string) (*Wishlist, error) {
	return call[Wishlist](e, func(n native.Engine) native.Outcome {
		return n.Add_wishlist_item(session, wishlistID, itemID, note)
	})
}

// RemoveWishlistItem takes a variant off the list.
func (e *Engine) RemoveWishlistItem(session, wishlistID, itemID string) (*Wishlist, error) {
	return call[Wishlist](e, func(n native.Engine) native.Outcome {
		return n.Remove_wishlist_item(session, wishlistID, itemID)
	})
}

// MoveWishlistItemToCart adds quantity of the item to a cart the caller may use and takes it off the list, in one
// transaction: when the cart refuses, both stay as they were. It returns the cart.
func (e *Engine) MoveWishlistItemToCart(session, wishlistID, itemID, cartID string, quantity int64) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome {
		return n.Move_wishlist_item_to_cart(session, wishlistID, itemID, cartID, quantity)
	})
}

// ShareWishlist issues a new read-only share token, shown only in the returned WishlistShare; the token issued
// before stops working.
func (e *Engine) ShareWishlist(session, wishlistID string) (*WishlistShare, error) {
	return call[WishlistShare](e, func(n native.Engine) native.Outcome { return n.Share_wishlist(session, wishlistID) })
}

// UnshareWishlist revokes the list's share token, if it has one.
func (e *Engine) UnshareWishlist(session, wishlistID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Unshare_wishlist(session, wishlistID) })
}

// SharedWishlist returns the list a share token opens, for anyone who holds it (no session); CodeNotFound once
// the token is rotated or revoked. currency as for GetWishlist.
func (e *Engine) SharedWishlist(token, currency string) (*SharedWishlist, error) {
	return call[SharedWishlist](e, func(n native.Engine) native.Outcome { return n.Shared_wishlist(token, currency) })
}
