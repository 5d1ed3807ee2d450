package commerce_test

import (
	"testing"
	"time"

	"commerce.local/commerce"
)

// Tests of the Go binding's price lists and customer groups: a trade group whose members' carts take an override
// price by quantity, a sale on the clock, and bad input refused with a stable code that changes nothing.

func TestTradeGroupBuysAtItsOverridePriceByQuantity(t *testing.T) {
	s := newStore(t)
	e := s.e
	group := must(e.CreateCustomerGroup(s.admin, map[string]any{"id": "trade", "name": "Trade"}))
	if group.Type != "customer_group" || group.MemberCount != 0 {
		t.Fatalf("group: %+v", group)
	}
	group = must(e.ChangeCustomerGroupMembers(s.admin, "trade", []string{s.custUser.ID}, nil))
	if group.MemberCount != 1 {
		t.Fatalf("members: %+v", group)
	}
	members := must(e.CustomerGroupMembers(s.admin, "trade", nil))
	if len(members.Items) != 1 || members.Items[0].UserID != s.custUser.ID {
		t.Fatalf("member list: %+v", members)
	}
	groups := must(e.ListCustomerGroups(s.admin, &commerce.CustomerGroupQuery{Member: s.custUser.ID}))
	if len(groups.Items) != 1 || groups.Items[0].ID != "trade" {
		t.Fatalf("groups of the member: %+v", groups)
	}

	shirt := s.tshirt.Variants[0].ID
	list := must(e.CreatePriceList(s.admin, commerce.PriceListDefinition{
		ID: "trade-2026", Name: "Trade", Type: commerce.PriceListOverride, CustomerGroups: []string{"trade"},
		Prices: []commerce.PriceListPrice{
			{VariantID: shirt, Price: eur("15.00")},
			{VariantID: shirt, Price: eur("12.00"), MinQuantity: 5},
		}}))
	if list.Type != "price_list" || list.PriceCount != 2 || len(list.Prices) != 2 {
		t.Fatalf("price list: %+v", list)
	}
	cart := must(e.CreateCart(s.customer, "EUR"))
	cart = must(e.AddItem(s.customer, cart.ID, shirt, 2))
	money(t, cart.Items[0].UnitPrice, "15.00")
	money(t, cart.Items[0].CatalogUnitPrice, "19.99")
	if cart.Items[0].PriceListID == nil || *cart.Items[0].PriceListID != "trade-2026" {
		t.Fatalf("price list of the line: %+v", cart.Items[0])
	}
	cart = must(e.UpdateItem(s.customer, cart.ID, shirt, 5))
	money(t, cart.Subtotal, "60.00")

	guest := must(e.CreateCart("", "EUR"))
	guest = must(e.AddItem("", guest.ID, shirt, 5))
	money(t, guest.Subtotal, "99.95")

	must(e.SetPriceListStatus(s.admin, "trade-2026", commerce.PriceListArchived))
	money(t, must(e.GetCart(s.customer, cart.ID)).Subtotal, "99.95")
}

func TestSaleStartsAndEndsOnTheClock(t *testing.T) {
	e := must(commerce.OpenJSON(`{"path":":memory:","clock":"manual","clock_start_ms":1794000000000,
		"password_hashing":{"memory_kib":64,"iterations":1,"parallelism":1}}`))
	t.Cleanup(func() { e.Close() })
	must(e.BootstrapAdmin("admin@example.com", password))
	admin := must(e.Login("admin@example.com", password, nil)).Session.Token
	mug := must(e.CreateProduct(admin, commerce.NewProduct{SKU: "MUG", Title: "Mug",
		Prices: []commerce.Money{eur("8.00")}, Stock: 5})).Variants[0].ID
	start := time.UnixMilli(1794000000000).UTC().Add(24 * time.Hour)
	end := start.Add(24 * time.Hour)
	must(e.CreatePriceList(admin, commerce.PriceListDefinition{ID: "festive", Name: "Festive", StartsAt: &start,
		EndsAt: &end, Prices: []commerce.PriceListPrice{{VariantID: mug, Price: eur("6.00")}}}))
	cart := must(e.AddItem("", must(e.CreateCart("", "EUR")).ID, mug, 1))
	money(t, cart.Items[0].UnitPrice, "8.00")
	noErr(t, e.AdvanceTime(24*time.Hour))
	money(t, must(e.GetCart("", cart.ID)).Items[0].UnitPrice, "6.00")
	noErr(t, e.AdvanceTime(24*time.Hour))
	money(t, must(e.GetCart("", cart.ID)).Items[0].UnitPrice, "8.00")
}

func TestBadPriceListsAndGroupsChangeNothing(t *testing.T) {
	s := newStore(t)
	e := s.e
	shirt := s.tshirt.Variants[0].ID
	_, err := e.CreatePriceList(s.admin, commerce.PriceListDefinition{ID: "x", Name: "X",
		Prices: []commerce.PriceListPrice{{VariantID: shirt, Price: eur("-1.00")}}})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["reason"] != "negative" {
		t.Fatalf("details: %+v", ce.Details)
	}
	_, err = e.CreatePriceList(s.admin, commerce.PriceListDefinition{ID: "x", Name: "X",
		Prices: []commerce.PriceListPrice{{VariantID: "no-such-variant", Price: eur("1.00")}}})
	expectErr(t, err, commerce.ErrNotFound)
	if lists := must(e.ListPriceLists(s.admin, nil)); len(lists.Items) != 0 {
		t.Fatalf("lists after refusals: %+v", lists)
	}
	must(e.CreatePriceList(s.admin, commerce.PriceListDefinition{ID: "x", Name: "X",
		Prices: []commerce.PriceListPrice{{VariantID: shirt, Price: eur("9.00")}}}))
	_, err = e.UpdatePriceList(s.admin, "x", commerce.PriceListDefinition{Name: "X"}, 9)
	expectErr(t, err, commerce.ErrConflict)
	money(t, must(e.GetPriceList(s.admin, "x")).Prices[0].Price, "9.00")

	must(e.CreateCustomerGroup(s.admin, `{"id": "x", "name": "X"}`))
	_, err = e.CreateCustomerGroup(s.admin, `{"id": "x", "name": "Again"}`)
	expectErr(t, err, commerce.ErrExists)
	_, err = e.ChangeCustomerGroupMembers(s.admin, "x", []string{"no-such-user"}, nil)
	expectErr(t, err, commerce.ErrNotFound)
	if g := must(e.GetCustomerGroup(s.admin, "x")); g.MemberCount != 0 {
		t.Fatalf("group after a refused change: %+v", g)
	}
	noErr(t, e.DeleteCustomerGroup(s.admin, "x"))
	_, err = e.GetCustomerGroup(s.admin, "x")
	expectErr(t, err, commerce.ErrNotFound)
}
