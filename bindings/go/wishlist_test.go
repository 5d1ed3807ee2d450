package commerce_test

import (
	"testing"

	"commerce.local/commerce"
)

// Tests of the Go binding's wishlist calls: a list with items read from the catalog, an item moved to a cart, a
// share token rotated and revoked, the price-drop and back-in-stock events, and bad input that changes nothing.

// wishlistEvents leases and acknowledges every wishlist event due.
func wishlistEvents(t *testing.T, e *commerce.Engine) []commerce.OutboxEvent {
	t.Helper()
	batch := must(e.FetchOutbox(&commerce.OutboxQuery{Topics: []string{"wishlist."}, Limit: 100}))
	for _, event := range batch.Events {
		noErr(t, e.AckEvent(event.ID))
	}
	return batch.Events
}

func TestWishlistItemsMoveToACart(t *testing.T) {
	s := newStore(t)
	e := s.e
	list := must(e.CreateWishlist(s.customer, " Later "))
	if list.Type != "wishlist" || list.Name != "Later" || len(list.Items) != 0 || list.Shared {
		t.Fatalf("new list: %+v", list)
	}
	list = must(e.AddWishlistItem(s.customer, list.ID, s.mug.ID, "blue"))
	list = must(e.AddWishlistItem(s.customer, list.ID, s.mug.Variants[0].ID, "")) // again: one item, note kept
	if len(list.Items) != 1 || *list.Items[0].Note != "blue" || !list.Items[0].InStock || !list.Items[0].OnSale {
		t.Fatalf("items: %+v", list.Items)
	}
	money(t, list.Items[0].Prices[0], "7.50")
	if got := must(e.GetWishlist(s.customer, list.ID, "USD")); len(got.Items[0].Prices) != 0 || *got.Currency != "USD" {
		t.Fatalf("in USD: %+v", got)
	}
	cart := must(e.CreateCart(s.customer, "EUR"))
	_, err := e.MoveWishlistItemToCart(s.customer, list.ID, s.mug.ID, cart.ID, 0)
	expectErr(t, err, commerce.ErrInvalidArgument)
	if got := must(e.GetWishlist(s.customer, list.ID, "")); len(got.Items) != 1 {
		t.Fatalf("a refused move changed the list: %+v", got)
	}
	cart = must(e.MoveWishlistItemToCart(s.customer, list.ID, s.mug.ID, cart.ID, 2))
	money(t, cart.Total, "15.00")
	if got := must(e.GetWishlist(s.customer, list.ID, "")); len(got.Items) != 0 {
		t.Fatalf("the moved item stayed: %+v", got)
	}
	list = must(e.RenameWishlist(s.customer, list.ID, "Kitchen"))
	lists := must(e.ListWishlists(s.customer))
	if len(lists.Items) != 1 || lists.Items[0].Name != "Kitchen" {
		t.Fatalf("lists: %+v", lists)
	}
	noErr(t, e.DeleteWishlist(s.customer, list.ID))
	_, err = e.GetWishlist(s.customer, list.ID, "")
	expectErr(t, err, commerce.ErrNotFound)
}

func TestWishlistShareTokens(t *testing.T) {
	s := newStore(t)
	e := s.e
	list := must(e.CreateWishlist(s.customer, "Wedding"))
	must(e.AddWishlistItem(s.customer, list.ID, s.tshirt.ID, ""))
	first := must(e.ShareWishlist(s.customer, list.ID))
	if first.Type != "wishlist_share" || len(first.Token) != 43 {
		t.Fatalf("share: %+v", first)
	}
	if seen := must(e.SharedWishlist(first.Token, "EUR")); seen.Type != "shared_wishlist" || len(seen.Items) != 1 {
		t.Fatalf("shared view: %+v", seen)
	}
	second := must(e.ShareWishlist(s.customer, list.ID))
	_, err := e.SharedWishlist(first.Token, "")
	if ce := expectErr(t, err, commerce.ErrNotFound); ce.Details["reason"] != "unknown_token" {
		t.Fatalf("details: %+v", ce.Details)
	}
	noErr(t, e.UnshareWishlist(s.customer, list.ID))
	_, err = e.SharedWishlist(second.Token, "")
	expectErr(t, err, commerce.ErrNotFound)
}

func TestWishlistEventsAndRefusals(t *testing.T) {
	s := newStore(t)
	e := s.e
	list := must(e.CreateWishlist(s.customer, "Watch"))
	must(e.AddWishlistItem(s.customer, list.ID, s.mug.ID, ""))
	wishlistEvents(t, e)
	must(e.UpdateProduct(s.admin, s.mug.ID, map[string]any{"prices": []commerce.Money{eur("5.00")}}))
	must(e.UpdateProduct(s.admin, s.mug.ID, map[string]any{"prices": []commerce.Money{eur("6.00")}})) // up: nothing
	events := wishlistEvents(t, e)
	if len(events) != 1 || events[0].Topic != "wishlist.price_drop" || events[0].PayloadString("wishlist_id") != list.ID {
		t.Fatalf("price drop: %+v", events)
	}
	variant := s.mug.Variants[0].ID
	must(e.AdjustStock(s.admin, commerce.StockMovementInput{VariantID: variant, Kind: "adjustment", Quantity: -3}))
	must(e.AdjustStock(s.admin, commerce.StockMovementInput{VariantID: variant, Kind: "receipt", Quantity: 1}))
	must(e.AdjustStock(s.admin, commerce.StockMovementInput{VariantID: variant, Kind: "receipt", Quantity: 1}))
	if events = wishlistEvents(t, e); len(events) != 1 || events[0].Topic != "wishlist.back_in_stock" {
		t.Fatalf("back in stock: %+v", events)
	}

	_, err := e.CreateWishlist(s.customer, " ")
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["reason"] != "empty" {
		t.Fatalf("details: %+v", ce.Details)
	}
	_, err = e.CreateWishlist(s.customer, "Watch")
	expectErr(t, err, commerce.ErrExists)
	_, err = e.GetWishlist(s.admin, list.ID, "")
	expectErr(t, err, commerce.ErrForbidden)
	_, err = e.ListWishlists("")
	expectErr(t, err, commerce.ErrUnauthorized)
	_, err = e.AddWishlistItem(s.customer, list.ID, "nope", "")
	expectErr(t, err, commerce.ErrNotFound)
	if got := must(e.ListWishlists(s.customer)); len(got.Items) != 1 || got.Items[0].ItemCount != 1 {
		t.Fatalf("a refusal changed the lists: %+v", got)
	}
}
