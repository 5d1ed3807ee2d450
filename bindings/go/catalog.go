package commerce

import "commerce.local/commerce/internal/native"

// The catalog calls of include/commerce/catalog.h: products with options and variants, the localized product
// view, barcode lookup, categories, collections, licence keys of digital products and product requests. Their
// documents are in catalog_documents.go. Writes need a session whose roles grant "catalog.write" (ErrForbidden
// otherwise); reads need none.

// Product kinds and statuses.
const (
	KindPhysical = "physical"
	KindDigital  = "digital"

	StatusDraft     = "draft"
	StatusPublished = "published" // the only status a shopper sees (ViewProduct, Search, carts)
	StatusArchived  = "archived"
)

// ---- products ----------------------------------------------------------------------------------------------

// CreateProduct creates a product ("catalog.write"). product is a NewProduct, another JSON-marshalable value
// (a map, for example), or JSON text. A product without options may give its single variant's members (SKU,
// Prices, Stock, ...) at the top level instead of Variants; Stock is received at the default location; a
// missing slug is made from the title. A duplicate SKU, slug or barcode is ErrExists; a bad barcode check digit,
// a negative price or an unknown locale is ErrInvalidArgument; nothing is written then.
func (e *Engine) CreateProduct(session string, product any) (*Product, error) {
	text, err := encodeJSON(product, "product")
	if err != nil {
		return nil, err
	}
	return call[Product](e, func(n native.Engine) native.Outcome { return n.Create_product(session, text) })
}

// UpdateProduct changes the members present in patch (a ProductPatch, another marshalable value, or JSON text):
// a list replaces the whole list; a variant with an ID is updated, one without is added, variants left out are
// removed; Translations merges per locale and a nil locale removes it. ExpectedVersion makes the update fail
// with ErrConflict if the product changed meanwhile. Stock is not changed here (see AdjustStock).
func (e *Engine) UpdateProduct(session, productID string, patch any) (*Product, error) {
	text, err := encodeJSON(patch, "patch")
	if err != nil {
		return nil, err
	}
	return call[Product](e, func(n native.Engine) native.Outcome {
		return n.Update_product(session, productID, text)
	})
}

// GetProduct returns a product with every translation, drafts included; it needs no session.
func (e *Engine) GetProduct(productID string) (*Product, error) {
	return call[Product](e, func(n native.Engine) native.Outcome { return n.Get_product(productID) })
}

// ViewProduct returns a product as a shopper in locale sees it: texts and option labels in the first locale of
// the chain locale → its language → the store's default locale that has them. idOrSlug is a product id or a
// slug; locale "" is the store default. Drafts, archived and not-yet-scheduled products are ErrNotFound.
func (e *Engine) ViewProduct(idOrSlug, locale string) (*ProductView, error) {
	return call[ProductView](e, func(n native.Engine) native.Outcome { return n.View_product(idOrSlug, locale) })
}

// ListProducts lists products for admin screens in creation order, drafts and archived included; query may be
// nil (every product).
func (e *Engine) ListProducts(query *ProductListQuery) (*ProductList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[ProductList](e, func(n native.Engine) native.Outcome { return n.List_products(text) })
}

// DeleteProduct deletes a product and its variants ("catalog.write"). Orders keep their own snapshot of it.
func (e *Engine) DeleteProduct(session, productID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Delete_product(session, productID) })
}

// VariantByBarcode finds the variant a scanner read (EAN-13, UPC-A or EAN-8, check digit validated; a UPC-A and
// its EAN-13 form find the same variant). ErrNotFound when no variant has the code.
func (e *Engine) VariantByBarcode(barcode string) (*VariantMatch, error) {
	return call[VariantMatch](e, func(n native.Engine) native.Outcome { return n.Variant_by_barcode(barcode) })
}

// ---- categories --------------------------------------------------------------------------------------------

// CreateCategory creates a category ("catalog.write"): category is a NewCategory, another marshalable value or
// JSON text.
func (e *Engine) CreateCategory(session string, category any) (*Category, error) {
	text, err := encodeJSON(category, "category")
	if err != nil {
		return nil, err
	}
	return call[Category](e, func(n native.Engine) native.Outcome { return n.Create_category(session, text) })
}

// UpdateCategory changes the name, slug or description ("catalog.write"): patch is a CategoryPatch, another
// marshalable value or JSON text.
func (e *Engine) UpdateCategory(session, categoryID string, patch any) (*Category, error) {
	text, err := encodeJSON(patch, "patch")
	if err != nil {
		return nil, err
	}
	return call[Category](e, func(n native.Engine) native.Outcome {
		return n.Update_category(session, categoryID, text)
	})
}

// MoveCategory moves a category under parentID ("" for the top level) at position (0 first; siblings shift).
// Moving a category under itself or one of its descendants is ErrInvalidArgument.
func (e *Engine) MoveCategory(session, categoryID, parentID string, position int64) (*Category, error) {
	return call[Category](e, func(n native.Engine) native.Outcome {
		return n.Move_category(session, categoryID, parentID, position)
	})
}

// DeleteCategory deletes a category without children (ErrIllegalState otherwise); its products leave it.
func (e *Engine) DeleteCategory(session, categoryID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Delete_category(session, categoryID) })
}

// CategoryTree returns the tree under categoryID, or the whole tree for "": nested Children in position order,
// each with its product count including descendants. It needs no session.
func (e *Engine) CategoryTree(categoryID string) (*CategoryTree, error) {
	return call[CategoryTree](e, func(n native.Engine) native.Outcome { return n.Category_tree(categoryID) })
}

// ---- collections -------------------------------------------------------------------------------------------

// CreateCollection creates a collection ("catalog.write"): collection is a NewCollection, another marshalable
// value or JSON text.
func (e *Engine) CreateCollection(session string, collection any) (*Collection, error) {
	text, err := encodeJSON(collection, "collection")
	if err != nil {
		return nil, err
	}
	return call[Collection](e, func(n native.Engine) native.Outcome { return n.Create_collection(session, text) })
}

// UpdateCollection changes the title, slug or description; ProductIDs replaces the members in that order.
func (e *Engine) UpdateCollection(session, collectionID string, patch any) (*Collection, error) {
	text, err := encodeJSON(patch, "patch")
	if err != nil {
		return nil, err
	}
	return call[Collection](e, func(n native.Engine) native.Outcome {
		return n.Update_collection(session, collectionID, text)
	})
}

// GetCollection returns a collection by id or slug; it needs no session.
func (e *Engine) GetCollection(idOrSlug string) (*Collection, error) {
	return call[Collection](e, func(n native.Engine) native.Outcome { return n.Get_collection(idOrSlug) })
}

// DeleteCollection deletes a collection ("catalog.write"); its products stay.
func (e *Engine) DeleteCollection(session, collectionID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Delete_collection(session, collectionID) })
}

// ---- digital products --------------------------------------------------------------------------------------

// ImportLicenceKeys imports licence keys for a digital variant ("catalog.write"): 1 to 10000 keys of 1 to 256
// bytes. Keys already in the pool are skipped and counted. Each key is handed out once, to one unit sold.
func (e *Engine) ImportLicenceKeys(session, variantID string, keys []string) (*LicencePool, error) {
	if keys == nil {
		keys = []string{}
	}
	text, err := encodeJSON(keys, "keys")
	if err != nil {
		return nil, err
	}
	return call[LicencePool](e, func(n native.Engine) native.Outcome {
		return n.Import_licence_keys(session, variantID, text)
	})
}

// LicencePool returns the counts of a variant's key pool ("catalog.write").
func (e *Engine) LicencePool(session, variantID string) (*LicencePool, error) {
	return call[LicencePool](e, func(n native.Engine) native.Outcome { return n.Licence_pool(session, variantID) })
}

// ---- product requests --------------------------------------------------------------------------------------

// CreateProductRequest records a signed-in user's request for a product the shop does not have: request is a
// NewProductRequest, another marshalable value or JSON text.
func (e *Engine) CreateProductRequest(session string, request any) (*ProductRequest, error) {
	text, err := encodeJSON(request, "request")
	if err != nil {
		return nil, err
	}
	return call[ProductRequest](e, func(n native.Engine) native.Outcome {
		return n.Create_product_request(session, text)
	})
}

// ListProductRequests lists requests, newest first; query may be nil. A user sees their own; "catalog.write"
// sees everyone's.
func (e *Engine) ListProductRequests(session string, query *ProductRequestQuery) (*ProductRequestList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[ProductRequestList](e, func(n native.Engine) native.Outcome {
		return n.List_product_requests(session, text)
	})
}

// FulfillProductRequest marks a request fulfilled by productID ("catalog.write") and emits
// TopicProductRequestFulfilled for the requester.
func (e *Engine) FulfillProductRequest(session, requestID, productID string) (*ProductRequest, error) {
	return call[ProductRequest](e, func(n native.Engine) native.Outcome {
		return n.Fulfill_product_request(session, requestID, productID)
	})
}
