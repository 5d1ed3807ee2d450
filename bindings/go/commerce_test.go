package commerce_test

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"commerce.local/commerce"
)

const password = "correct horse battery"

var hashing = &commerce.PasswordHashing{MemoryKiB: 64, Iterations: 1, Parallelism: 1}

const memoryConfig = `{"path":":memory:","password_hashing":{"memory_kib":64,"iterations":1,"parallelism":1}}`

var orderRequest = commerce.PlaceOrderRequest{
	Payment:        commerce.PaymentRequest{Method: "manual", Kind: "cash", Tendered: "50.00"},
	IdempotencyKey: "k1",
}

type store struct {
	t        *testing.T
	e        *commerce.Engine
	admin    string
	customer string
	custUser *commerce.User
	tshirt   *commerce.Product
	mug      *commerce.Product
}

// must returns v, or panics (failing the test binary with a stack) when err is not nil. Go cannot pass a
// multi-value call together with *testing.T, hence the panic.
func must[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprintf("unexpected error: %v", err))
	}
	return v
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

func eur(amount string) commerce.Money { return commerce.MustMoney(amount, "EUR") }

func newStore(t *testing.T) *store {
	t.Helper()
	e := must(commerce.OpenJSON(memoryConfig))
	t.Cleanup(func() { e.Close() })
	s := &store{t: t, e: e}
	admin := must(e.BootstrapAdmin("admin@example.com", password))
	if !admin.HasRole("admin") || !admin.HasRole("customer") || admin.Type != "user" || admin.SchemaVersion != 1 {
		t.Fatalf("admin user: %+v", admin)
	}
	s.admin = must(e.Login("admin@example.com", password, nil)).Session.Token
	s.tshirt = must(e.CreateProduct(s.admin, commerce.NewProduct{
		SKU: "TSHIRT-M", Title: "T-shirt", Description: "A plain T-shirt",
		Prices: []commerce.Money{eur("19.99")}, Stock: 10}))
	// raw JSON text is accepted too
	s.mug = must(e.CreateProduct(s.admin,
		`{"sku":"MUG","title":"Mug","prices":[{"amount":"7.50","currency":"EUR"}],"stock":3}`))
	s.custUser = must(e.RegisterUser("  Alice@Example.com ", password))
	s.customer = must(e.Login("alice@example.com", password,
		&commerce.LoginContext{IP: "203.0.113.7", UserAgent: "go test"})).Session.Token
	return s
}

// stock is the stock on hand of a single-variant product.
func (s *store) stock(p *commerce.Product) int64 {
	return *must(s.e.GetProduct(p.ID)).Variants[0].Stock.OnHand
}

// sku is the SKU of a single-variant product.
func sku(p commerce.Product) string { return p.Variants[0].SKU }

// snapshot captures everything a failed call must leave unchanged.
type snap struct {
	Products *commerce.ProductList
	Cart     *commerce.Cart
}

func (s *store) snapshot(session string, cart *commerce.Cart) snap {
	s.t.Helper()
	sn := snap{Products: must(s.e.ListProducts(nil))}
	if cart != nil {
		sn.Cart = must(s.e.GetCart(session, cart.ID))
	}
	return sn
}

func (s *store) unchanged(before snap, session string, cart *commerce.Cart) {
	s.t.Helper()
	if after := s.snapshot(session, cart); !reflect.DeepEqual(before, after) {
		s.t.Fatalf("state changed by a failed call:\nbefore %+v\nafter  %+v", before, after)
	}
}

func expectErr(t *testing.T, err error, sentinel *commerce.Error) *commerce.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("expected %s, got success", sentinel.Name)
	}
	if !errors.Is(err, sentinel) {
		t.Fatalf("expected %s, got %v", sentinel.Name, err)
	}
	var ce *commerce.Error
	if !errors.As(err, &ce) {
		t.Fatalf("not a *commerce.Error: %T", err)
	}
	if ce.Code != sentinel.Code || ce.Name != sentinel.Name {
		t.Fatalf("code %d name %s, want %d %s", ce.Code, ce.Name, sentinel.Code, sentinel.Name)
	}
	return ce
}

func money(t *testing.T, got commerce.Money, want string) {
	t.Helper()
	if !got.Equal(eur(want)) {
		t.Fatalf("money %s, want %s EUR", got, want)
	}
}

func (s *store) cartWithTwoShirts() *commerce.Cart {
	c := must(s.e.CreateCart(s.customer, "EUR"))
	return must(s.e.AddItem(s.customer, c.ID, s.tshirt.ID, 2))
}

// ---------------------------------------------------------------------------------------------------------------

func TestVersion(t *testing.T) {
	major := strings.SplitN(commerce.Version(), ".", 2)[0]
	if commerce.Version() == "" || fmt.Sprint(commerce.VersionNumber()/1000000) != major {
		t.Fatalf("version %q %d", commerce.Version(), commerce.VersionNumber())
	}
}

func TestPurchaseStory(t *testing.T) {
	s := newStore(t)
	e, sess := s.e, s.customer

	me := must(e.Me(sess))
	if me.ID != s.custUser.ID || me.Email != "alice@example.com" || !reflect.DeepEqual(me.Roles, []string{"customer"}) {
		t.Fatalf("me: %+v", me)
	}
	if len(s.tshirt.Variants) != 1 || s.tshirt.Type != "product" {
		t.Fatalf("product: %+v", s.tshirt)
	}
	if v := s.tshirt.Variants[0]; v.SKU != "TSHIRT-M" || *v.Stock.OnHand != 10 {
		t.Fatalf("variant: %+v", v)
	} else if p, ok := v.Price("EUR"); !ok || p.Amount != "19.99" {
		t.Fatalf("price: %+v", v.Prices)
	}
	list := must(e.ListProducts(nil))
	if len(list.Items) != 2 || sku(list.Items[0]) != "TSHIRT-M" || list.Next != nil { // creation order
		t.Fatalf("product list: %+v", list)
	}
	page := must(e.ListProducts(&commerce.ProductListQuery{Limit: 1}))
	if len(page.Items) != 1 || page.Next == nil {
		t.Fatalf("first page: %+v", page)
	}
	page2 := must(e.ListProducts(&commerce.ProductListQuery{Limit: 1, After: *page.Next}))
	if len(page2.Items) != 1 || sku(page2.Items[0]) != "MUG" {
		t.Fatalf("second page: %+v", page2)
	}

	cart := must(e.CreateCart(sess, "EUR"))
	if cart.Status != "open" || cart.UserID == nil || *cart.UserID != s.custUser.ID || len(cart.Items) != 0 {
		t.Fatalf("new cart: %+v", cart)
	}
	money(t, cart.Total, "0")
	cart = must(e.AddItem(sess, cart.ID, s.tshirt.ID, 2))
	money(t, cart.Items[0].UnitPrice, "19.99")
	money(t, cart.Items[0].LineTotal, "39.98")
	money(t, cart.Subtotal, "39.98")
	money(t, cart.Total, "39.98")
	cart = must(e.AddItem(sess, cart.ID, s.mug.ID, 1))
	money(t, cart.Total, "47.48")
	cart = must(e.AddItem(sess, cart.ID, s.mug.ID, 1))
	if cart.ItemCount != 4 {
		t.Fatalf("item_count %d", cart.ItemCount)
	}
	money(t, cart.Total, "54.98")
	cart = must(e.UpdateItem(sess, cart.ID, s.tshirt.ID, 1))
	money(t, cart.Total, "34.99")
	cart = must(e.RemoveItem(sess, cart.ID, s.mug.ID))
	if len(cart.Items) != 1 || cart.Items[0].SKU != "TSHIRT-M" {
		t.Fatalf("after remove: %+v", cart)
	}
	money(t, cart.Total, "19.99")
	cart = must(e.AddItem(sess, cart.ID, s.mug.ID, 2))
	money(t, cart.Total, "34.99")
	if got := must(e.GetCart(sess, cart.ID)); !reflect.DeepEqual(got, cart) {
		t.Fatalf("get cart %+v != %+v", got, cart)
	}
	cents := must(cart.Total.MinorUnits())
	if cents.Cmp(big.NewInt(3499)) != 0 {
		t.Fatalf("minor units %s", cents)
	}

	order := must(e.PlaceOrder(sess, cart.ID, orderRequest))
	if order.Type != "order" || order.Status != "paid" || order.PaymentStatus != "captured" ||
		order.FulfillmentStatus != "not_fulfilled" || order.CartID != cart.ID || order.Email != "alice@example.com" ||
		order.UserID == nil || *order.UserID != s.custUser.ID || order.Currency != "EUR" || order.Number == "" {
		t.Fatalf("order: %+v", order)
	}
	money(t, order.Subtotal, "34.99")
	money(t, order.Total, "34.99")
	lines := map[string]commerce.OrderLine{}
	for _, l := range order.Lines {
		lines[l.SKU] = l
	}
	if len(lines) != 2 || lines["TSHIRT-M"].Quantity != 1 || lines["MUG"].Quantity != 2 {
		t.Fatalf("lines: %+v", order.Lines)
	}
	money(t, lines["MUG"].LineTotal, "15.00")
	p := order.Payment
	if p.Method != "manual" || p.Kind != "cash" || p.Status != "captured" || p.Tendered == nil || p.Change == nil {
		t.Fatalf("payment: %+v", p)
	}
	money(t, p.Amount, "34.99")
	money(t, *p.Tendered, "50.00")
	money(t, *p.Change, "15.01")

	again := must(e.PlaceOrder(sess, cart.ID, orderRequest))
	if again.ID != order.ID {
		t.Fatalf("idempotent retry gave %s, want %s", again.ID, order.ID)
	}
	if got := must(e.GetOrder(sess, order.ID)); got.ID != order.ID {
		t.Fatalf("get order: %+v", got)
	}
	if got := must(e.GetOrder(s.admin, order.ID)); got.ID != order.ID {
		t.Fatalf("admin get order: %+v", got)
	}
	orders := must(e.ListOrders(sess, nil))
	if orders.Type != "order_list" || len(orders.Items) != 1 || orders.Items[0].ID != order.ID || orders.Next != nil {
		t.Fatalf("orders: %+v", orders)
	}
	if c := must(e.GetCart(sess, cart.ID)); c.Status != "completed" {
		t.Fatalf("cart status %s", c.Status)
	}
	if s.stock(s.tshirt) != 9 || s.stock(s.mug) != 1 {
		t.Fatalf("stock %d %d", s.stock(s.tshirt), s.stock(s.mug))
	}
}

func TestGuestCart(t *testing.T) {
	s := newStore(t)
	cart := must(s.e.CreateCart("", "EUR"))
	if cart.UserID != nil {
		t.Fatalf("guest cart has a user: %+v", cart)
	}
	cart = must(s.e.AddItem("", cart.ID, s.mug.ID, 1))
	order := must(s.e.PlaceOrder("", cart.ID, commerce.PlaceOrderRequest{
		Payment: commerce.PaymentRequest{Method: "manual", Kind: "cash_on_delivery"}, Email: "guest@example.com"}))
	if order.UserID != nil || order.Status != "pending_payment" || order.PaymentStatus != "pending" ||
		order.Payment.Tendered != nil || order.Payment.Change != nil {
		t.Fatalf("guest order: %+v", order)
	}
}

func TestUpdateDeleteLogout(t *testing.T) {
	s := newStore(t)
	p := must(s.e.UpdateProduct(s.admin, s.mug.ID, commerce.ProductPatch{Title: commerce.Ptr("Big mug")}))
	if p.Title != "Big mug" || p.Version <= s.mug.Version {
		t.Fatalf("updated: %+v", p)
	}
	_, err := s.e.UpdateProduct(s.admin, s.mug.ID, commerce.ProductPatch{Title: commerce.Ptr("x"), ExpectedVersion: &s.mug.Version})
	expectErr(t, err, commerce.ErrConflict)
	noErr(t, s.e.DeleteProduct(s.admin, s.mug.ID))
	_, err = s.e.GetProduct(s.mug.ID)
	expectErr(t, err, commerce.ErrNotFound)

	noErr(t, s.e.Logout(s.customer))
	_, err = s.e.Me(s.customer)
	expectErr(t, err, commerce.ErrUnauthorized)
	_, err = s.e.Login("alice@example.com", "wrong password", nil)
	expectErr(t, err, commerce.ErrUnauthorized)
	_, err = s.e.RegisterUser("alice@example.com", password)
	expectErr(t, err, commerce.ErrExists)
	_, err = s.e.BootstrapAdmin("root@example.com", password)
	expectErr(t, err, commerce.ErrIllegalState)
}

// ---------------------------------------------------------------------------------------------------------------
// error paths: the stable code, and nothing changed

func TestBadQuantity(t *testing.T) {
	s := newStore(t)
	cart := s.cartWithTwoShirts()
	before := s.snapshot(s.customer, cart)
	for _, q := range []int64{0, -1, -1 << 63} {
		_, err := s.e.AddItem(s.customer, cart.ID, s.mug.ID, q)
		ce := expectErr(t, err, commerce.ErrInvalidArgument)
		if ce.Message == "" {
			t.Fatalf("no message")
		}
		_, err = s.e.UpdateItem(s.customer, cart.ID, s.tshirt.ID, q)
		expectErr(t, err, commerce.ErrInvalidArgument)
	}
	s.unchanged(before, s.customer, cart)
}

func TestUnknownProduct(t *testing.T) {
	s := newStore(t)
	cart := s.cartWithTwoShirts()
	before := s.snapshot(s.customer, cart)
	_, err := s.e.AddItem(s.customer, cart.ID, "no-such-product", 1)
	expectErr(t, err, commerce.ErrNotFound)
	_, err = s.e.GetProduct("no-such-product")
	expectErr(t, err, commerce.ErrNotFound)
	_, err = s.e.GetCart(s.customer, "no-such-cart")
	expectErr(t, err, commerce.ErrNotFound)
	s.unchanged(before, s.customer, cart)
}

func TestBadMoney(t *testing.T) {
	s := newStore(t)
	before := s.snapshot("", nil)
	for _, m := range []commerce.Money{{Amount: "12.3.4", Currency: "EUR"}, {Amount: "1.999", Currency: "EUR"},
		{Amount: "abc", Currency: "EUR"}, {Amount: "", Currency: "EUR"}, {Amount: "19.99", Currency: "XYZ"}} {
		_, err := s.e.CreateProduct(s.admin, commerce.NewProduct{SKU: "BAD", Title: "Bad", Prices: []commerce.Money{m}, Stock: 1})
		ce := expectErr(t, err, commerce.ErrInvalidArgument)
		if len(ce.Details) == 0 {
			t.Fatalf("%v: details should name the field", m)
		}
		_, err = s.e.UpdateProduct(s.admin, s.mug.ID, commerce.ProductPatch{Prices: []commerce.Money{m}})
		expectErr(t, err, commerce.ErrInvalidArgument)
	}
	_, err := s.e.CreateCart(s.customer, "XYZ")
	expectErr(t, err, commerce.ErrInvalidArgument)
	cart := s.cartWithTwoShirts()
	before = s.snapshot(s.customer, cart)
	for _, tendered := range []string{"12.3.4", "1.999"} {
		_, err := s.e.PlaceOrder(s.customer, cart.ID, commerce.PlaceOrderRequest{
			Payment: commerce.PaymentRequest{Method: "manual", Kind: "cash", Tendered: tendered}})
		expectErr(t, err, commerce.ErrInvalidArgument)
	}
	s.unchanged(before, s.customer, cart)
}

func TestMoneyNeverFloat(t *testing.T) {
	s := newStore(t)
	before := s.snapshot("", nil)
	// a float in a generic value is refused before marshaling
	_, err := s.e.CreateProduct(s.admin, map[string]any{"sku": "F", "title": "F", "stock": 1,
		"prices": []any{map[string]any{"amount": 19.99, "currency": "EUR"}}})
	expectErr(t, err, commerce.ErrInvalidArgument)
	// a JSON number sent as text is refused by the engine itself
	_, err = s.e.CreateProduct(s.admin, `{"sku":"F","title":"F","prices":[{"amount":19.99,"currency":"EUR"}],"stock":1}`)
	expectErr(t, err, commerce.ErrInvalidArgument)
	s.unchanged(before, "", nil)

	if _, err := commerce.NewMoney("12.3.4", "EUR"); !errors.Is(err, commerce.ErrInvalidArgument) {
		t.Fatalf("NewMoney accepted 12.3.4: %v", err)
	}
	if _, err := eur("1.999").MinorUnits(); !errors.Is(err, commerce.ErrInvalidArgument) {
		t.Fatalf("1.999 EUR has minor units: %v", err)
	}
	if c, err := eur("1.10").Cmp(eur("1.1")); err != nil || c != 0 {
		t.Fatalf("cmp %d %v", c, err)
	}
	if _, err := eur("1").Cmp(commerce.MustMoney("1", "USD")); !errors.Is(err, commerce.ErrCurrencyMismatch) {
		t.Fatalf("cmp across currencies: %v", err)
	}
	if m := commerce.MoneyFromMinorUnits(big.NewInt(-5), "EUR"); m.Amount != "-0.05" {
		t.Fatalf("from minor: %s", m)
	}
	if m := commerce.MoneyFromMinorUnits(big.NewInt(1500), "JPY"); m.Amount != "1500" {
		t.Fatalf("from minor: %s", m)
	}
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	if m := commerce.MoneyFromMinorUnits(huge, "KWD"); m.Amount != "123456789012345678901234567.890" {
		t.Fatalf("from minor: %s", m)
	} else if back, err := m.MinorUnits(); err != nil || back.Cmp(huge) != 0 {
		t.Fatalf("round trip %v %v", back, err)
	}
}

func TestInvalidJSON(t *testing.T) {
	s := newStore(t)
	before := s.snapshot("", nil)
	for _, text := range []string{`{"sku": `, "not json", "[]", `{"sku":"A","title":"A","stock":1} trailing`, "null"} {
		_, err := s.e.CreateProduct(s.admin, text)
		expectErr(t, err, commerce.ErrInvalidArgument)
	}
	s.unchanged(before, "", nil)
}

// Go strings may hold any bytes: invalid UTF-8 goes to the engine as is in scalar arguments and JSON text. In
// structs it is refused by the binding, because encoding/json would silently replace it with U+FFFD.
func TestInvalidUTF8(t *testing.T) {
	s := newStore(t)
	cart := s.cartWithTwoShirts()
	before := s.snapshot(s.customer, cart)
	_, err := s.e.CreateProduct(s.admin, "{\"sku\":\"BAD-UTF8\",\"title\":\"\xff\xfe\",\"prices\":[{\"amount\":\"1.00\",\"currency\":\"EUR\"}],\"stock\":1}")
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = s.e.RegisterUser("bob\xc3@example.com", password)
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = s.e.CreateCart(s.customer, "EU\xff")
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = s.e.CreateProduct(s.admin, commerce.NewProduct{SKU: "X", Title: "bad \xff", Prices: []commerce.Money{eur("1.00")}, Stock: 1})
	ce := expectErr(t, err, commerce.ErrInvalidArgument)
	if ce.Details["field"] != "product.Title" {
		t.Fatalf("details %v", ce.Details)
	}
	s.unchanged(before, s.customer, cart)
}

func TestNulInString(t *testing.T) {
	s := newStore(t)
	before := s.snapshot("", nil)
	_, err := s.e.GetProduct(s.mug.ID + "\x00tail")
	ce := expectErr(t, err, commerce.ErrInvalidArgument)
	if ce.Details["field"] != "product_id" {
		t.Fatalf("details %v", ce.Details)
	}
	_, err = s.e.RegisterUser("eve@example.com\x00", password)
	expectErr(t, err, commerce.ErrInvalidArgument)
	s.unchanged(before, "", nil)
}

func TestOverlongString(t *testing.T) {
	s := newStore(t)
	before := s.snapshot("", nil)
	long := strings.Repeat("x", 1<<20)
	_, err := s.e.CreateProduct(s.admin, commerce.NewProduct{SKU: "LONG", Title: long, Prices: []commerce.Money{eur("1.00")}, Stock: 1})
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = s.e.UpdateProduct(s.admin, s.mug.ID, commerce.ProductPatch{Title: &long})
	expectErr(t, err, commerce.ErrInvalidArgument)
	s.unchanged(before, "", nil)
}

func TestCustomerCannotAdmin(t *testing.T) {
	s := newStore(t)
	before := s.snapshot("", nil)
	np := commerce.NewProduct{SKU: "HACK", Title: "Hack", Prices: []commerce.Money{eur("1.00")}, Stock: 1}
	_, err := s.e.CreateProduct(s.customer, np)
	expectErr(t, err, commerce.ErrForbidden)
	_, err = s.e.UpdateProduct(s.customer, s.mug.ID, commerce.ProductPatch{Title: commerce.Ptr("Hacked")})
	expectErr(t, err, commerce.ErrForbidden)
	expectErr(t, s.e.DeleteProduct(s.customer, s.mug.ID), commerce.ErrForbidden)
	_, err = s.e.CreateProduct("", np)
	expectErr(t, err, commerce.ErrUnauthorized)
	_, err = s.e.CreateProduct("not-a-token", np)
	expectErr(t, err, commerce.ErrUnauthorized)
	s.unchanged(before, "", nil)
}

func TestOutOfStock(t *testing.T) {
	s := newStore(t)
	c1 := must(s.e.CreateCart(s.customer, "EUR"))
	c1 = must(s.e.AddItem(s.customer, c1.ID, s.mug.ID, 3))
	c2 := must(s.e.CreateCart("", "EUR"))
	c2 = must(s.e.AddItem("", c2.ID, s.mug.ID, 2))
	must(s.e.PlaceOrder(s.customer, c1.ID, orderRequest))
	if s.stock(s.mug) != 0 {
		t.Fatalf("stock %d", s.stock(s.mug))
	}
	before := s.snapshot("", c2)
	_, err := s.e.PlaceOrder("", c2.ID, commerce.PlaceOrderRequest{
		Payment: commerce.PaymentRequest{Method: "manual", Kind: "cash", Tendered: "50.00"}, Email: "g@example.com"})
	ce := expectErr(t, err, commerce.ErrOutOfStock)
	if len(ce.Details) == 0 {
		t.Fatalf("out of stock without details")
	}
	s.unchanged(before, "", c2)

	// more than the stock in one cart
	c3 := must(s.e.CreateCart(s.customer, "EUR"))
	c3, err = s.e.AddItem(s.customer, c3.ID, s.tshirt.ID, 11)
	if err != nil {
		expectErr(t, err, commerce.ErrOutOfStock) // the cart may refuse already
		return
	}
	before = s.snapshot(s.customer, c3)
	_, err = s.e.PlaceOrder(s.customer, c3.ID, commerce.PlaceOrderRequest{
		Payment: commerce.PaymentRequest{Method: "manual", Kind: "cash_on_delivery"}})
	expectErr(t, err, commerce.ErrOutOfStock)
	s.unchanged(before, s.customer, c3)
}

func TestIdempotencyKeyReuse(t *testing.T) {
	s := newStore(t)
	cart := s.cartWithTwoShirts()
	must(s.e.PlaceOrder(s.customer, cart.ID, orderRequest))
	other := must(s.e.CreateCart(s.customer, "EUR"))
	other = must(s.e.AddItem(s.customer, other.ID, s.mug.ID, 1))
	before := s.snapshot(s.customer, other)
	_, err := s.e.PlaceOrder(s.customer, other.ID, orderRequest)
	expectErr(t, err, commerce.ErrConflict)
	s.unchanged(before, s.customer, other)
}

func TestBadKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	e := must(commerce.Open(commerce.Config{Path: path, Key: "k1", PasswordHashing: hashing}))
	must(e.BootstrapAdmin("admin@example.com", password))
	if info := must(e.Info()); !info.Encrypted || info.Path == "" {
		t.Fatalf("info %+v", info)
	}
	e.Close()
	_, err := commerce.Open(commerce.Config{Path: path, Key: "k2", PasswordHashing: hashing})
	expectErr(t, err, commerce.ErrBadKey)
	_, err = commerce.Open(commerce.Config{Path: path, PasswordHashing: hashing})
	expectErr(t, err, commerce.ErrBadKey)
	e = must(commerce.Open(commerce.Config{Path: path, Key: "k1", PasswordHashing: hashing}))
	must(e.Login("admin@example.com", password, nil))
	noErr(t, e.Rekey("k3"))
	e.Close()
	e = must(commerce.Open(commerce.Config{Path: path, Key: "k3", PasswordHashing: hashing}))
	defer e.Close()
	must(e.Login("admin@example.com", password, nil))
	header := make([]byte, 16)
	f := must(os.Open(path))
	defer f.Close()
	must(f.Read(header))
	if string(header) == "SQLite format 3\x00" {
		t.Fatalf("the encrypted file has a plaintext header")
	}
}

func TestBadConfig(t *testing.T) {
	for _, cfg := range []string{`{"path": 42}`, `{not json`, `{}`} {
		_, err := commerce.OpenJSON(cfg)
		expectErr(t, err, commerce.ErrInvalidArgument)
	}
}

func TestClosedEngine(t *testing.T) {
	e := must(commerce.OpenJSON(memoryConfig))
	admin := must(e.BootstrapAdmin("admin@example.com", password))
	if e.Closed() {
		t.Fatal("closed too early")
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil { // idempotent
		t.Fatal(err)
	}
	if !e.Closed() {
		t.Fatal("not closed")
	}
	_, err := e.Info()
	expectErr(t, err, commerce.ErrMisuse)
	_, err = e.GetProduct("x")
	expectErr(t, err, commerce.ErrMisuse)
	_, err = e.Login("admin@example.com", password, nil)
	expectErr(t, err, commerce.ErrMisuse)
	_, err = e.Me(admin.ID)
	expectErr(t, err, commerce.ErrMisuse)
	_, err = e.CreateCart("", "EUR")
	expectErr(t, err, commerce.ErrMisuse)
	expectErr(t, e.Rekey("k"), commerce.ErrMisuse)
	var nilEngine *commerce.Engine
	_, err = nilEngine.Info()
	expectErr(t, err, commerce.ErrMisuse)
}

func TestRekeyMemoryIsMisuse(t *testing.T) {
	s := newStore(t)
	expectErr(t, s.e.Rekey("k"), commerce.ErrMisuse)
}

func TestErrorTable(t *testing.T) {
	codes := make([]int, 0, len(commerce.Sentinels))
	for c := range commerce.Sentinels {
		codes = append(codes, int(c))
	}
	sort.Ints(codes)
	for _, c := range codes {
		s := commerce.Sentinels[commerce.Code(c)]
		if got := commerce.Code(c).String(); got != s.Name {
			t.Errorf("code %d: library says %s, binding says %s", c, got, s.Name)
		}
	}
	if commerce.CodeOK.String() != "COMMERCE_OK" || commerce.Code(-999).String() != "COMMERCE_ERR_UNKNOWN" {
		t.Errorf("names of 0 / -999")
	}
	unknown := &commerce.Error{Code: -999, Name: "COMMERCE_ERR_UNKNOWN"}
	if !errors.Is(unknown, commerce.ErrGeneric) || errors.Is(unknown, commerce.ErrNotFound) {
		t.Errorf("unknown codes must match ErrGeneric only")
	}
	if errors.Is(commerce.ErrNotFound, commerce.ErrGeneric) {
		t.Errorf("a known code must not match ErrGeneric")
	}
}

func TestConcurrentGoroutines(t *testing.T) {
	s := newStore(t)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if p, err := s.e.GetProduct(s.mug.ID); err != nil || sku(*p) != "MUG" {
					errs <- err
					return
				}
				// the details of a failure come from the same native call, whatever OS thread runs next
				if _, err := s.e.GetProduct("missing"); !errors.Is(err, commerce.ErrNotFound) {
					errs <- err
					return
				}
				if _, err := s.e.AddItem(s.customer, "missing", s.mug.ID, 0); !errors.Is(err, commerce.ErrInvalidArgument) &&
					!errors.Is(err, commerce.ErrNotFound) {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent call: %v", err)
	}
}
