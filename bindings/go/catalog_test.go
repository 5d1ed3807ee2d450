package commerce_test

// Tests of the Go binding's catalog, inventory, search and review calls (catalog.h, inventory.h, search.h,
// review.h) and of carts holding variants. Every engine runs on a manual clock.

import (
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"commerce.local/commerce"
)

const (
	ean13 = "4006381333931"
	upcA  = "036000291452" // its EAN-13 form is 0036000291452
)

// catalogShop is an engine on a manual clock with an admin and two customers.
type catalogShop struct {
	t     *testing.T
	e     *commerce.Engine
	admin string
	alice string
	bob   string
}

func newCatalogShop(t *testing.T) *catalogShop {
	t.Helper()
	cfg := `{"path":":memory:","password_hashing":{"memory_kib":64,"iterations":1,"parallelism":1},` +
		`"clock":"manual","clock_start_ms":1794000000000,"catalog":{"default_locale":"en"}}`
	e := must(commerce.OpenJSON(cfg))
	t.Cleanup(func() { e.Close() })
	s := &catalogShop{t: t, e: e}
	must(e.BootstrapAdmin("admin@example.com", password))
	s.admin = s.session("admin@example.com")
	must(e.RegisterUser("alice@example.com", password))
	s.alice = s.session("alice@example.com")
	must(e.RegisterUser("bob@example.com", password))
	s.bob = s.session("bob@example.com")
	must(e.FetchOutbox(&commerce.OutboxQuery{Limit: 100}))
	return s
}

func (s *catalogShop) session(email string) string {
	s.t.Helper()
	res := must(s.e.Login(email, password, nil))
	if res.Session == nil {
		s.t.Fatalf("login %s: no session", email)
	}
	return res.Session.Token
}

// events fetches and acknowledges the due events under a topic prefix.
func (s *catalogShop) events(prefix string) []commerce.OutboxEvent {
	s.t.Helper()
	batch := must(s.e.FetchOutbox(&commerce.OutboxQuery{Topics: []string{prefix}, Limit: 100}))
	for _, ev := range batch.Events {
		noErr(s.t, s.e.AckEvent(ev.ID))
	}
	return batch.Events
}

func variant(t *testing.T, p *commerce.Product, sku string) *commerce.Variant {
	t.Helper()
	v, ok := p.Variant(sku)
	if !ok {
		t.Fatalf("product %s has no variant %s", p.ID, sku)
	}
	return v
}

// eldenRing is a published physical product with one option and two variants.
func eldenRing() commerce.NewProduct {
	return commerce.NewProduct{
		Slug: "elden-ring", Title: "Elden Ring", Description: "An action RPG.", Kind: commerce.KindPhysical,
		Status: commerce.StatusPublished, Tags: []string{"rpg", "souls"},
		Attributes: map[string]any{"genre": "rpg", "platform": []string{"pc", "ps5"}},
		Options:    []commerce.ProductOption{{Name: "Edition", Values: []string{"Standard", "Deluxe"}}},
		Variants: []commerce.NewVariant{
			{SKU: "ER-STD", Options: map[string]string{"Edition": "Standard"}, Barcode: ean13,
				Prices: []commerce.Money{eur("59.99")}, WeightGrams: commerce.Ptr(int64(120)),
				DimensionsMM:      &commerce.Dimensions{Length: 190, Width: 135, Height: 15},
				LowStockThreshold: commerce.Ptr(int64(2)), Stock: 10},
			{SKU: "ER-DLX", Options: map[string]string{"Edition": "Deluxe"}, Barcode: upcA,
				Prices: []commerce.Money{eur("79.99")}, Stock: 3},
		},
		Translations: map[string]commerce.TranslationInput{
			"pt-BR": {Title: "Elden Ring: Edição Brasileira", Options: map[string]string{"Edition": "Edição"}},
		},
	}
}

func TestProductWithOptionsAndVariants(t *testing.T) {
	s := newCatalogShop(t)
	e := s.e
	p := must(e.CreateProduct(s.admin, eldenRing()))
	if p.Type != "product" || p.Slug != "elden-ring" || p.Status != commerce.StatusPublished || len(p.Variants) != 2 {
		t.Fatalf("product: %+v", p)
	}
	std, dlx := variant(t, p, "ER-STD"), variant(t, p, "ER-DLX")
	if price, ok := std.Price("EUR"); !ok || price.Amount != "59.99" {
		t.Fatalf("price: %+v", std.Prices)
	}
	if std.Barcode == nil || *std.Barcode != ean13 || std.Options["Edition"] != "Standard" {
		t.Fatalf("variant: %+v", std)
	}
	if std.Stock.OnHand == nil || *std.Stock.OnHand != 10 || *dlx.Stock.Available != 3 || !std.Stock.Tracked {
		t.Fatalf("stock: %+v %+v", std.Stock, dlx.Stock)
	}
	if std.DimensionsMM == nil || std.DimensionsMM.Length != 190 || p.Rating.Average != "0.00" {
		t.Fatalf("dimensions or rating: %+v %+v", std.DimensionsMM, p.Rating)
	}
	if !reflect.DeepEqual(p.Attributes["platform"], []any{"pc", "ps5"}) {
		t.Fatalf("attributes: %#v", p.Attributes)
	}

	// a variant with an ID is updated, one without is added; a stale version conflicts
	u := must(e.UpdateProduct(s.admin, p.ID, commerce.ProductPatch{
		Options: []commerce.ProductOption{{Name: "Edition", Values: []string{"Standard", "Deluxe", "Collector"}}},
		Variants: []commerce.NewVariant{
			{ID: std.ID, SKU: "ER-STD", Options: map[string]string{"Edition": "Standard"}, Prices: []commerce.Money{eur("49.99")}},
			{ID: dlx.ID, SKU: "ER-DLX", Options: map[string]string{"Edition": "Deluxe"}, Prices: []commerce.Money{eur("79.99")}},
			{SKU: "ER-COL", Options: map[string]string{"Edition": "Collector"}, Prices: []commerce.Money{eur("199.00")}},
		},
		ExpectedVersion: &p.Version,
	}))
	if v := variant(t, u, "ER-STD"); v.ID != std.ID || v.Prices[0].Amount != "49.99" || len(u.Variants) != 3 {
		t.Fatalf("updated: %+v", u.Variants)
	}
	_, err := e.UpdateProduct(s.admin, p.ID, commerce.ProductPatch{Title: commerce.Ptr("Stale"), ExpectedVersion: &p.Version})
	expectErr(t, err, commerce.ErrConflict)

	must(e.CreateProduct(s.admin, commerce.NewProduct{Title: "Draft Soap", SKU: "SOAP", Status: commerce.StatusDraft, Prices: []commerce.Money{eur("2.50")}}))
	if l := must(e.ListProducts(&commerce.ProductListQuery{Tag: "rpg"})); len(l.Items) != 1 || l.Items[0].ID != p.ID {
		t.Fatalf("by tag: %+v", l.Items)
	}
	if l := must(e.ListProducts(&commerce.ProductListQuery{Page: 1, Limit: 1})); len(l.Items) != 1 || l.Total == nil || *l.Total != 2 {
		t.Fatalf("page: %+v", l)
	}

	// carts take a variant id, or the id of a single-variant product
	soap := must(e.CreateProduct(s.admin, commerce.NewProduct{Title: "Soap", SKU: "SOAP-2", Status: commerce.StatusPublished,
		Prices: []commerce.Money{eur("2.50")}, Stock: 5}))
	cart := must(e.CreateCart(s.alice, "EUR"))
	cart = must(e.AddItem(s.alice, cart.ID, soap.ID, 2))
	cart = must(e.AddItem(s.alice, cart.ID, dlx.ID, 1))
	if cart.ItemCount != 3 || cart.Total.Amount != "84.99" {
		t.Fatalf("cart: %+v", cart)
	}

	noErr(t, e.DeleteProduct(s.admin, soap.ID))
	_, err = e.GetProduct(soap.ID)
	expectErr(t, err, commerce.ErrNotFound)
}

func TestTranslationsAndLocalizedView(t *testing.T) {
	s := newCatalogShop(t)
	p := must(s.e.CreateProduct(s.admin, eldenRing()))
	v := must(s.e.ViewProduct("elden-ring", "pt-BR"))
	if v.Type != "product_view" || v.Locale != "pt-BR" || v.Title != "Elden Ring: Edição Brasileira" || v.Options[0].Label != "Edição" {
		t.Fatalf("view: %+v", v)
	}
	if d := must(s.e.ViewProduct(p.ID, "")); d.Title != "Elden Ring" || d.Options[0].Label != "Edition" {
		t.Fatalf("default view: %+v", d)
	}
	if tr, ok := must(s.e.GetProduct(p.ID)).Translations["pt-BR"]; !ok || tr.Title == nil || tr.Options["Edition"] != "Edição" {
		t.Fatalf("translations: %+v", tr)
	}
	draft := must(s.e.CreateProduct(s.admin, commerce.NewProduct{Title: "Later", SKU: "LATER", Status: commerce.StatusDraft,
		Prices: []commerce.Money{eur("1.00")}, PublishAt: commerce.Ptr(time.UnixMilli(1794000000000).Add(time.Hour))}))
	_, err := s.e.ViewProduct(draft.Slug, "")
	expectErr(t, err, commerce.ErrNotFound)
	noErr(t, s.e.AdvanceTime(2*time.Hour))
	if must(s.e.ViewProduct(draft.Slug, "")).ID != draft.ID {
		t.Fatal("a scheduled draft is visible once its time came")
	}
}

func TestBarcodeLookup(t *testing.T) {
	s := newCatalogShop(t)
	p := must(s.e.CreateProduct(s.admin, eldenRing()))
	m := must(s.e.VariantByBarcode(ean13))
	if m.Type != "variant_match" || m.Product.ID != p.ID || m.Variant.SKU != "ER-STD" {
		t.Fatalf("match: %+v", m)
	}
	if must(s.e.VariantByBarcode(upcA)).Variant.SKU != "ER-DLX" || must(s.e.VariantByBarcode("0"+upcA)).Variant.SKU != "ER-DLX" {
		t.Fatal("a UPC-A and its EAN-13 form find the same variant")
	}
	_, err := s.e.VariantByBarcode("4006381333948")
	expectErr(t, err, commerce.ErrNotFound)
	_, err = s.e.CreateProduct(s.admin, commerce.NewProduct{Title: "Bad", SKU: "BAD", Barcode: "4006381333932",
		Prices: []commerce.Money{eur("1.00")}})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); !strings.HasSuffix(ce.Details["field"].(string), "barcode") {
		t.Fatalf("details: %v", ce.Details)
	}
	_, err = s.e.CreateProduct(s.admin, commerce.NewProduct{Title: "Dup", SKU: "ER-STD", Prices: []commerce.Money{eur("1.00")}})
	expectErr(t, err, commerce.ErrExists)
}

func TestCategoryTree(t *testing.T) {
	s := newCatalogShop(t)
	e := s.e
	games := must(e.CreateCategory(s.admin, commerce.NewCategory{Slug: "games", Name: "Games"}))
	rpg := must(e.CreateCategory(s.admin, commerce.NewCategory{Slug: "rpg", Name: "RPG", ParentID: games.ID}))
	action := must(e.CreateCategory(s.admin, commerce.NewCategory{Slug: "action", Name: "Action", ParentID: games.ID}))
	if rpg.ParentID == nil || *rpg.ParentID != games.ID {
		t.Fatalf("rpg: %+v", rpg)
	}
	np := eldenRing()
	np.CategoryIDs = []string{rpg.ID}
	must(e.CreateProduct(s.admin, np))
	tree := must(e.CategoryTree(""))
	if tree.Type != "category_tree" || len(tree.Roots) != 1 || tree.Roots[0].ProductCount != 1 {
		t.Fatalf("tree: %+v", tree)
	}
	slugs := func(nodes []commerce.CategoryNode) []string {
		var out []string
		for _, n := range nodes {
			out = append(out, n.Slug)
		}
		return out
	}
	if got := slugs(tree.Roots[0].Children); !reflect.DeepEqual(got, []string{"rpg", "action"}) {
		t.Fatalf("children: %v", got)
	}
	must(e.MoveCategory(s.admin, action.ID, games.ID, 0))
	if got := slugs(must(e.CategoryTree(games.ID)).Roots[0].Children); !reflect.DeepEqual(got, []string{"action", "rpg"}) {
		t.Fatalf("after the move: %v", got)
	}
	if moved := must(e.MoveCategory(s.admin, rpg.ID, "", 1)); moved.ParentID != nil {
		t.Fatalf("moved to the top: %+v", moved)
	}
	_, err := e.MoveCategory(s.admin, games.ID, action.ID, 0)
	expectErr(t, err, commerce.ErrInvalidArgument)
	expectErr(t, e.DeleteCategory(s.admin, games.ID), commerce.ErrIllegalState)
	if c := must(e.UpdateCategory(s.admin, action.ID, commerce.CategoryPatch{Name: commerce.Ptr("Action games")})); c.Name != "Action games" {
		t.Fatalf("renamed: %+v", c)
	}
	col := must(e.CreateCollection(s.admin, commerce.NewCollection{Slug: "sale", Title: "Sale"}))
	if must(e.GetCollection("sale")).ID != col.ID {
		t.Fatal("collection by slug")
	}
	noErr(t, e.DeleteCollection(s.admin, col.ID))
	_, err = e.CreateCategory(s.alice, commerce.NewCategory{Name: "Nope"})
	expectErr(t, err, commerce.ErrForbidden)
}

func TestInventory(t *testing.T) {
	s := newCatalogShop(t)
	e := s.e
	std := variant(t, must(e.CreateProduct(s.admin, eldenRing())), "ER-STD")
	kiosk := must(e.CreateLocation(s.admin, commerce.NewLocation{Code: "kiosk-3", Name: "Kiosk 3", Kind: commerce.LocationKiosk}))
	var codes []string
	for _, l := range must(e.ListLocations()).Items {
		codes = append(codes, l.Code)
	}
	sort.Strings(codes)
	if !reflect.DeepEqual(codes, []string{"default", "kiosk-3"}) {
		t.Fatalf("locations: %v", codes)
	}
	level := must(e.AdjustStock(s.admin, commerce.StockMovementInput{VariantID: std.ID, Kind: commerce.MovementReceipt,
		Quantity: 12, Reason: "supplier delivery", Reference: "PO-1"}))
	if level.Type != "stock_level" || *level.OnHand != 22 {
		t.Fatalf("after the receipt: %+v", level)
	}
	level = must(e.TransferStock(s.admin, commerce.StockTransfer{VariantID: std.ID, From: commerce.DefaultLocation,
		To: kiosk.ID, Quantity: 5}))
	if at, ok := level.At(kiosk.ID); !ok || at.OnHand != 5 || *level.OnHand != 22 {
		t.Fatalf("after the transfer: %+v", level)
	}
	r := must(e.ReserveStock(s.admin, commerce.StockReservationInput{VariantID: std.ID, LocationID: kiosk.ID, Quantity: 2,
		TTLSeconds: 900, Reference: "cart-1"}))
	if r.Type != "stock_reservation" || *must(e.StockLevel(std.ID)).Available != 20 {
		t.Fatalf("reservation: %+v", r)
	}
	noErr(t, e.ReleaseReservation(s.admin, r.ID))
	expectErr(t, e.ReleaseReservation(s.admin, r.ID), commerce.ErrNotFound)
	var sum int64
	for _, m := range must(e.ListStockMovements(s.admin, &commerce.StockMovementQuery{VariantID: std.ID})).Items {
		sum += m.Quantity
	}
	if sum != 22 {
		t.Fatalf("the ledger sums to %d", sum)
	}
	_, err := e.AdjustStock(s.admin, commerce.StockMovementInput{VariantID: std.ID, LocationID: kiosk.ID,
		Kind: commerce.MovementAdjustment, Quantity: -6})
	expectErr(t, err, commerce.ErrOutOfStock)
	_, err = e.ReserveStock(s.admin, commerce.StockReservationInput{VariantID: std.ID, Quantity: 23, TTLSeconds: 60})
	expectErr(t, err, commerce.ErrOutOfStock)
	if *must(e.StockLevel(std.ID)).OnHand != 22 {
		t.Fatal("a refused movement changed the stock")
	}
}

func TestSearch(t *testing.T) {
	s := newCatalogShop(t)
	e := s.e
	must(e.CreateProduct(s.admin, eldenRing()))
	must(e.CreateProduct(s.admin, commerce.NewProduct{Title: "Elden Soap", SKU: "ESOAP", Status: commerce.StatusPublished,
		Tags: []string{"soap"}, Prices: []commerce.Money{eur("4.00")}, Stock: 1}))
	res := must(e.Search(&commerce.SearchQuery{Q: "elden", Currency: "EUR", Facets: []string{commerce.FacetTags}}))
	if res.Type != "search_result" || res.Total != 2 {
		t.Fatalf("search: %+v", res)
	}
	tags := map[string]int64{}
	for _, f := range res.Facets.Tags {
		tags[f.Tag] = f.Count
	}
	if tags["rpg"] != 1 || tags["soap"] != 1 {
		t.Fatalf("tag facet: %v", tags)
	}
	res = must(e.Search(&commerce.SearchQuery{Q: "elden", Currency: "EUR", Filters: &commerce.SearchFilters{Tags: []string{"rpg"}}}))
	if len(res.Items) != 1 || res.Items[0].Slug != "elden-ring" || res.Items[0].Price == nil || res.Items[0].Price.Amount != "59.99" {
		t.Fatalf("filtered: %+v", res.Items)
	}
	if res := must(e.SearchJSON(`{"q": "eldn rin"}`)); len(res.Items) == 0 || res.Items[0].Slug != "elden-ring" {
		t.Fatalf("typo: %+v", res)
	}
	if res := must(e.Search(nil)); res.Total != 2 {
		t.Fatalf("everything: %+v", res)
	}
	_, err := e.Search(&commerce.SearchQuery{Filters: &commerce.SearchFilters{Price: &commerce.PriceRange{Min: "1.00"}}})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "currency" {
		t.Fatalf("details: %v", ce.Details)
	}
}

func TestReviewModeratedAndRated(t *testing.T) {
	s := newCatalogShop(t)
	e := s.e
	p := must(e.CreateProduct(s.admin, eldenRing()))
	r := must(e.SubmitReview(s.alice, p.ID, commerce.ReviewInput{Rating: 5, Title: "Great", Body: "Loved it."}))
	if r.Type != "review" || r.Status != commerce.ReviewPending {
		t.Fatalf("review: %+v", r)
	}
	if l := must(e.ListReviews(p.ID, nil)); l.Rating == nil || l.Rating.Count != 0 {
		t.Fatalf("pending reviews do not count: %+v", l)
	}
	if q := must(e.ReviewQueue(s.admin, &commerce.ReviewQueueQuery{Status: commerce.ReviewPending})); len(q.Items) != 1 || q.Items[0].ID != r.ID {
		t.Fatalf("queue: %+v", q)
	}
	must(e.ModerateReview(s.admin, r.ID, commerce.ReviewApproved, ""))
	b := must(e.SubmitReview(s.bob, p.ID, commerce.ReviewInput{Rating: 4}))
	must(e.ModerateReview(s.admin, b.ID, commerce.ReviewApproved, ""))
	l := must(e.ListReviews(p.ID, &commerce.ReviewListQuery{Sort: "rating_desc"}))
	if l.Type != "review_list" || len(l.Items) != 2 || l.Items[0].Rating != 5 || *l.Rating != (commerce.Rating{Average: "4.50", Count: 2}) {
		t.Fatalf("list: %+v", l)
	}
	if v := must(e.VoteReview(s.bob, r.ID, commerce.VoteHelpful, "")); v.HelpfulCount != 1 {
		t.Fatalf("vote: %+v", v)
	}
	_, err := e.ModerateReview(s.admin, b.ID, commerce.ReviewRejected, "")
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = e.SubmitReview(s.alice, p.ID, commerce.ReviewInput{Rating: 6})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "rating" {
		t.Fatalf("details: %v", ce.Details)
	}
	noErr(t, e.DeleteReview(s.alice, r.ID))
}

func TestProductRequestFulfilled(t *testing.T) {
	s := newCatalogShop(t)
	e := s.e
	req := must(e.CreateProductRequest(s.alice, commerce.NewProductRequest{Title: "Hollow Knight", Details: "Switch"}))
	if req.Type != "product_request" || req.Status != "open" {
		t.Fatalf("request: %+v", req)
	}
	p := must(e.CreateProduct(s.admin, commerce.NewProduct{Title: "Hollow Knight", SKU: "HK", Prices: []commerce.Money{eur("14.99")}}))
	f := must(e.FulfillProductRequest(s.admin, req.ID, p.ID))
	if f.Status != "fulfilled" || f.ProductID == nil || *f.ProductID != p.ID || f.FulfilledAt == nil {
		t.Fatalf("fulfilled: %+v", f)
	}
	if l := must(e.ListProductRequests(s.alice, &commerce.ProductRequestQuery{Status: "fulfilled"})); len(l.Items) != 1 {
		t.Fatalf("list: %+v", l)
	}
	if evs := s.events("product_request."); len(evs) != 1 || evs[0].Topic != commerce.TopicProductRequestFulfilled {
		t.Fatalf("events: %+v", evs)
	}
	_, err := e.CreateProductRequest("", commerce.NewProductRequest{Title: "Anonymous"})
	expectErr(t, err, commerce.ErrUnauthorized)
}

func TestLicenceKeysImportAndPool(t *testing.T) {
	s := newCatalogShop(t)
	e := s.e
	p := must(e.CreateProduct(s.admin, commerce.NewProduct{Title: "Key", SKU: "KEY", Kind: commerce.KindDigital,
		Status: commerce.StatusPublished, Prices: []commerce.Money{eur("49.99")}}))
	v := p.Variants[0]
	if v.Stock.Tracked || v.Stock.Available != nil {
		t.Fatalf("a digital variant without keys is unlimited: %+v", v.Stock)
	}
	pool := must(e.ImportLicenceKeys(s.admin, v.ID, []string{"AAAA-0001", "AAAA-0002"}))
	if pool.Type != "licence_pool" || pool.Available != 2 {
		t.Fatalf("pool: %+v", pool)
	}
	pool = must(e.ImportLicenceKeys(s.admin, v.ID, []string{"AAAA-0002", "AAAA-0003"}))
	if pool.Available != 3 || pool.Skipped == nil || *pool.Skipped != 1 {
		t.Fatalf("second import: %+v", pool)
	}
	if pool := must(e.LicencePool(s.admin, v.ID)); pool.Available != 3 || pool.Assigned != 0 {
		t.Fatalf("pool: %+v", pool)
	}
	_, err := e.ImportLicenceKeys(s.admin, v.ID, nil)
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = e.LicencePool(s.alice, v.ID)
	expectErr(t, err, commerce.ErrForbidden)
}

func TestSaleHandsOutLicenceKey(t *testing.T) {
	s := newCatalogShop(t)
	e := s.e
	p := must(e.CreateProduct(s.admin, commerce.NewProduct{Title: "Key", SKU: "KEY", Kind: commerce.KindDigital,
		Status: commerce.StatusPublished, Prices: []commerce.Money{eur("49.99")}}))
	v := p.Variants[0]
	must(e.ImportLicenceKeys(s.admin, v.ID, []string{"AAAA-0001", "AAAA-0002"}))
	cart := must(e.CreateCart(s.alice, "EUR"))
	must(e.AddItem(s.alice, cart.ID, v.ID, 1))
	order := must(e.PlaceOrder(s.alice, cart.ID, commerce.PlaceOrderRequest{
		Payment: commerce.PaymentRequest{Method: "manual", Kind: "cash", Tendered: "50.00"}}))
	if !reflect.DeepEqual(order.Lines[0].LicenceKeys, []string{"AAAA-0001"}) {
		t.Fatalf("keys handed out: %v", order.Lines[0].LicenceKeys)
	}
	if pool := must(e.LicencePool(s.admin, v.ID)); pool.Assigned != 1 || pool.Available != 1 {
		t.Fatalf("pool after a sale: %+v", pool)
	}
}
