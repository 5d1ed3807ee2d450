package commerce

import "time"

// The catalog documents (include/commerce/catalog.h) and their inputs. docs/schema/<type>.schema.json is the
// contract.

// SEO holds the texts for search engines; nil members are unset.
type SEO struct {
	Title       *string `json:"title"`
	Description *string `json:"description"`
}

// Image is a product image.
type Image struct {
	URL string `json:"url"`
	Alt string `json:"alt"`
}

// ProductOption is an option of a product and its values, e.g. {"Edition", ["Standard", "Deluxe"]}.
type ProductOption struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
}

// Dimensions are a variant's dimensions in millimetres.
type Dimensions struct {
	Length int64 `json:"length"`
	Width  int64 `json:"width"`
	Height int64 `json:"height"`
}

// VariantStock is a variant's stock. A physical variant is Tracked by the inventory ledger; a digital one is
// not: OnHand and Reserved are nil, and Available is the number of licence keys left, or nil (unlimited) when the
// variant has no key pool.
type VariantStock struct {
	Tracked   bool   `json:"tracked"`
	OnHand    *int64 `json:"on_hand"`
	Reserved  *int64 `json:"reserved"`
	Available *int64 `json:"available"`
}

// Rating summarises the approved reviews of a product: Average is a decimal string with two places ("4.33",
// "0.00" when there is none).
type Rating struct {
	Average string `json:"average"`
	Count   int64  `json:"count"`
}

// Variant is a variant of a product: what a cart holds and stock counts.
type Variant struct {
	ID                string            `json:"id"`
	SKU               string            `json:"sku"`
	Options           map[string]string `json:"options"` // option name → value, e.g. {"Edition": "Deluxe"}
	Barcode           *string           `json:"barcode"` // GTIN-13 (EAN-13, or UPC-A with a leading 0) or EAN-8
	Prices            []Money           `json:"prices"`
	WeightGrams       *int64            `json:"weight_grams"`
	DimensionsMM      *Dimensions       `json:"dimensions_mm"`
	LowStockThreshold *int64            `json:"low_stock_threshold"`
	BackorderLimit    int64             `json:"backorder_limit"`
	Stock             VariantStock      `json:"stock"`
}

// Price returns the variant's price in a currency.
func (v *Variant) Price(currency string) (Money, bool) {
	for _, m := range v.Prices {
		if m.Currency == currency {
			return m, true
		}
	}
	return Money{}, false
}

// ProductTranslation holds a product's texts in one locale; nil members fall back along the locale chain.
type ProductTranslation struct {
	Title       *string           `json:"title"`
	Description *string           `json:"description"`
	SEO         SEO               `json:"seo"`
	Options     map[string]string `json:"options"` // option name → its name in this locale
}

// DigitalInfo describes a digital product.
type DigitalInfo struct {
	LicenceType *string `json:"licence_type"` // e.g. "single_user"
	Asset       *string `json:"asset"`        // e.g. "s3://bucket/elden-ring.zip"
}

// Product is a "product" document, with every translation.
type Product struct {
	Header
	ID           string                        `json:"id"`
	Slug         string                        `json:"slug"`
	Kind         string                        `json:"kind"`       // KindPhysical or KindDigital
	Status       string                        `json:"status"`     // StatusDraft, StatusPublished or StatusArchived
	PublishAt    *time.Time                    `json:"publish_at"` // a scheduled draft
	Title        string                        `json:"title"`
	Description  string                        `json:"description"`
	SEO          SEO                           `json:"seo"`
	Attributes   map[string]any                `json:"attributes"` // values are strings or lists of strings
	Digital      *DigitalInfo                  `json:"digital"`    // nil for a physical product
	Options      []ProductOption               `json:"options"`
	Variants     []Variant                     `json:"variants"`
	Images       []Image                       `json:"images"`
	Tags         []string                      `json:"tags"`
	CategoryIDs  []string                      `json:"category_ids"`
	Translations map[string]ProductTranslation `json:"translations"` // by BCP 47 locale
	Rating       Rating                        `json:"rating"`
	UnitsSold    int64                         `json:"units_sold"`
	Version      int64                         `json:"version"`
	CreatedAt    time.Time                     `json:"created_at"`
	UpdatedAt    time.Time                     `json:"updated_at"`
}

// Variant returns the product's variant with a SKU.
func (p *Product) Variant(sku string) (*Variant, bool) {
	for i := range p.Variants {
		if p.Variants[i].SKU == sku {
			return &p.Variants[i], true
		}
	}
	return nil, false
}

// ProductList is a "product_list" page; Next is the cursor of the next page, nil on the last one; Total is set
// for a query by Page.
type ProductList struct {
	Header
	Items []Product `json:"items"`
	Next  *string   `json:"next"`
	Total *int64    `json:"total"`
}

// ViewOption is an option of a ProductView: Label is its name in the view's locale.
type ViewOption struct {
	Name   string   `json:"name"`
	Label  string   `json:"label"`
	Values []string `json:"values"`
}

// ProductView is a "product_view" document: a published product as a shopper in Locale sees it.
type ProductView struct {
	Header
	ID          string         `json:"id"`
	Slug        string         `json:"slug"`
	Locale      string         `json:"locale"`
	Kind        string         `json:"kind"`
	Title       string         `json:"title"`
	Description string         `json:"description"`
	SEO         SEO            `json:"seo"`
	Attributes  map[string]any `json:"attributes"`
	LicenceType *string        `json:"licence_type"`
	Options     []ViewOption   `json:"options"`
	Variants    []Variant      `json:"variants"`
	Images      []Image        `json:"images"`
	Tags        []string       `json:"tags"`
	CategoryIDs []string       `json:"category_ids"`
	Rating      Rating         `json:"rating"`
}

// ProductSummary is the product of a VariantMatch.
type ProductSummary struct {
	ID     string `json:"id"`
	Slug   string `json:"slug"`
	Title  string `json:"title"`
	Status string `json:"status"`
	Kind   string `json:"kind"`
}

// VariantMatch is a "variant_match" document: what VariantByBarcode found.
type VariantMatch struct {
	Header
	Product ProductSummary `json:"product"`
	Variant Variant        `json:"variant"`
}

// Category is a "category" document.
type Category struct {
	Header
	ID          string    `json:"id"`
	ParentID    *string   `json:"parent_id"` // nil at the top level
	AncestorIDs []string  `json:"ancestor_ids"`
	Slug        string    `json:"slug"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	Position    int64     `json:"position"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// CategoryNode is a category in a CategoryTree.
type CategoryNode struct {
	ID           string         `json:"id"`
	Slug         string         `json:"slug"`
	Name         string         `json:"name"`
	Description  string         `json:"description"`
	Position     int64          `json:"position"`
	ProductCount int64          `json:"product_count"` // including descendants
	Children     []CategoryNode `json:"children"`      // in position order
}

// CategoryTree is a "category_tree" document.
type CategoryTree struct {
	Header
	CategoryID *string        `json:"category_id"` // nil for the whole tree
	Roots      []CategoryNode `json:"roots"`
}

// Collection is a "collection" document.
type Collection struct {
	Header
	ID          string    `json:"id"`
	Slug        string    `json:"slug"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	ProductIDs  []string  `json:"product_ids"` // in order
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// LicencePool is a "licence_pool" document: a digital variant's licence keys. Imported and Skipped are set
// after an import.
type LicencePool struct {
	Header
	VariantID string `json:"variant_id"`
	Available int64  `json:"available"`
	Assigned  int64  `json:"assigned"`
	Imported  *int64 `json:"imported"`
	Skipped   *int64 `json:"skipped"`
}

// ProductRequest is a "product_request" document.
type ProductRequest struct {
	Header
	ID          string     `json:"id"`
	UserID      *string    `json:"user_id"`
	Title       string     `json:"title"`
	Details     string     `json:"details"`
	Status      string     `json:"status"`     // "open" or "fulfilled"
	ProductID   *string    `json:"product_id"` // set once fulfilled
	CreatedAt   time.Time  `json:"created_at"`
	FulfilledAt *time.Time `json:"fulfilled_at"`
}

// ProductRequestList is a "product_request_list" page, newest first.
type ProductRequestList struct {
	Header
	Items []ProductRequest `json:"items"`
	Next  *string          `json:"next"`
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------------------

// NewVariant is a variant of a NewProduct, or of ProductPatch.Variants (with ID to update an existing one).
type NewVariant struct {
	ID                string            `json:"id,omitempty"`
	SKU               string            `json:"sku,omitempty"`
	Options           map[string]string `json:"options,omitempty"`
	Barcode           string            `json:"barcode,omitempty"`
	Prices            []Money           `json:"prices,omitempty"`
	WeightGrams       *int64            `json:"weight_grams,omitempty"`
	DimensionsMM      *Dimensions       `json:"dimensions_mm,omitempty"`
	LowStockThreshold *int64            `json:"low_stock_threshold,omitempty"`
	BackorderLimit    *int64            `json:"backorder_limit,omitempty"`
	Stock             int64             `json:"stock,omitempty"` // received at the default location by CreateProduct
}

// SEOInput sets the texts for search engines.
type SEOInput struct {
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
}

// TranslationInput holds a product's texts in one locale.
type TranslationInput struct {
	Title       string            `json:"title,omitempty"`
	Description string            `json:"description,omitempty"`
	SEO         *SEOInput         `json:"seo,omitempty"`
	Options     map[string]string `json:"options,omitempty"` // option name → its name in this locale
}

// DigitalInput describes a digital product.
type DigitalInput struct {
	LicenceType string `json:"licence_type,omitempty"`
	Asset       string `json:"asset,omitempty"`
}

// NewProduct is the input of CreateProduct. A product without Options may give its single variant's members
// (SKU, Barcode, Prices, Stock, ...) here instead of Variants.
type NewProduct struct {
	Slug         string                      `json:"slug,omitempty"` // made from the title when ""
	Title        string                      `json:"title"`
	Description  string                      `json:"description,omitempty"`
	Kind         string                      `json:"kind,omitempty"`   // KindPhysical (default) or KindDigital
	Status       string                      `json:"status,omitempty"` // StatusDraft, StatusPublished, StatusArchived
	PublishAt    *time.Time                  `json:"publish_at,omitempty"`
	SEO          *SEOInput                   `json:"seo,omitempty"`
	CategoryIDs  []string                    `json:"category_ids,omitempty"`
	Tags         []string                    `json:"tags,omitempty"`
	Attributes   map[string]any              `json:"attributes,omitempty"` // strings or []string
	Images       []Image                     `json:"images,omitempty"`
	Digital      *DigitalInput               `json:"digital,omitempty"`
	Options      []ProductOption             `json:"options,omitempty"`
	Variants     []NewVariant                `json:"variants,omitempty"`
	Translations map[string]TranslationInput `json:"translations,omitempty"`

	// The single variant of a product without options.
	SKU               string      `json:"sku,omitempty"`
	Barcode           string      `json:"barcode,omitempty"`
	Prices            []Money     `json:"prices,omitempty"`
	WeightGrams       *int64      `json:"weight_grams,omitempty"`
	DimensionsMM      *Dimensions `json:"dimensions_mm,omitempty"`
	LowStockThreshold *int64      `json:"low_stock_threshold,omitempty"`
	BackorderLimit    *int64      `json:"backorder_limit,omitempty"`
	Stock             int64       `json:"stock,omitempty"`
}

// ProductPatch is the input of UpdateProduct: nil members are left unchanged; a list replaces the whole list;
// Variants with an ID are updated, without are added, and variants left out are removed; Translations merges
// per locale and a nil entry removes the locale. To clear a member, pass a map with a nil value instead.
type ProductPatch struct {
	Slug         *string                      `json:"slug,omitempty"`
	Title        *string                      `json:"title,omitempty"`
	Description  *string                      `json:"description,omitempty"`
	Status       *string                      `json:"status,omitempty"`
	PublishAt    *time.Time                   `json:"publish_at,omitempty"`
	SEO          *SEOInput                    `json:"seo,omitempty"`
	CategoryIDs  []string                     `json:"category_ids,omitempty"`
	Tags         []string                     `json:"tags,omitempty"`
	Attributes   map[string]any               `json:"attributes,omitempty"`
	Images       []Image                      `json:"images,omitempty"`
	Digital      *DigitalInput                `json:"digital,omitempty"`
	Options      []ProductOption              `json:"options,omitempty"`
	Variants     []NewVariant                 `json:"variants,omitempty"`
	Translations map[string]*TranslationInput `json:"translations,omitempty"`
	// The single variant of a product without options.
	SKU    *string `json:"sku,omitempty"`
	Prices []Money `json:"prices,omitempty"`
	// Fail with ErrConflict if the product's version is not this one.
	ExpectedVersion *int64 `json:"expected_version,omitempty"`
}

// ProductListQuery filters and pages ListProducts: by cursor (Limit items After a previous page's Next) or by
// Page (from 1, which also sets ProductList.Total). Search matches the title, slug or a SKU.
type ProductListQuery struct {
	Status       string `json:"status,omitempty"`
	CategoryID   string `json:"category_id,omitempty"`
	CollectionID string `json:"collection_id,omitempty"`
	Tag          string `json:"tag,omitempty"`
	Search       string `json:"search,omitempty"`
	Limit        int    `json:"limit,omitempty"`
	After        string `json:"after,omitempty"`
	Page         int    `json:"page,omitempty"`
}

// NewCategory is the input of CreateCategory.
type NewCategory struct {
	Slug        string `json:"slug,omitempty"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	ParentID    string `json:"parent_id,omitempty"` // "" for the top level
	Position    int64  `json:"position,omitempty"`
}

// CategoryPatch is the input of UpdateCategory; nil members are left unchanged.
type CategoryPatch struct {
	Slug        *string `json:"slug,omitempty"`
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
}

// NewCollection is the input of CreateCollection.
type NewCollection struct {
	Slug        string   `json:"slug,omitempty"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	ProductIDs  []string `json:"product_ids,omitempty"`
}

// CollectionPatch is the input of UpdateCollection; nil members are left unchanged and ProductIDs replaces the
// members in its order.
type CollectionPatch struct {
	Slug        *string  `json:"slug,omitempty"`
	Title       *string  `json:"title,omitempty"`
	Description *string  `json:"description,omitempty"`
	ProductIDs  []string `json:"product_ids,omitempty"`
}

// NewProductRequest is the input of CreateProductRequest.
type NewProductRequest struct {
	Title   string `json:"title"`
	Details string `json:"details,omitempty"`
}

// ProductRequestQuery filters and pages ListProductRequests.
type ProductRequestQuery struct {
	Status string `json:"status,omitempty"` // "open" or "fulfilled"
	Limit  int    `json:"limit,omitempty"`
	After  string `json:"after,omitempty"`
}
