package commerce

import "commerce.local/commerce/internal/native"

// The search of include/commerce/search.h, with its document: full-text search over published products per
// locale, with weighted ranking, prefix matching, diacritics folding and typo tolerance; filters, facets, sorting
// and pagination. It needs no session; user text is data (quotes, '*', NEAR or '-' are never query syntax).

// Search orders and facets.
const (
	SortRelevance   = "relevance"
	SortPriceAsc    = "price_asc"
	SortPriceDesc   = "price_desc"
	SortNewest      = "newest"
	SortRating      = "rating"
	SortBestSelling = "best_selling"

	FacetCategories = "categories"
	FacetTags       = "tags"
	FacetAttributes = "attributes"
	FacetPrice      = "price"
)

// Search searches published products; query may be nil (every published product). Prices, the price filter
// and the price facet need Currency.
func (e *Engine) Search(query *SearchQuery) (*SearchResult, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[SearchResult](e, func(n native.Engine) native.Outcome { return n.Search(text) })
}

// SearchJSON is Search with the query as JSON text, or any marshalable value (a map, for example).
func (e *Engine) SearchJSON(query any) (*SearchResult, error) {
	text, err := encodeJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[SearchResult](e, func(n native.Engine) native.Outcome { return n.Search(text) })
}

// SearchQuery is the input of Search; every member is optional.
type SearchQuery struct {
	Q            string         `json:"q,omitempty"`      // "" lists every product that passes the filters
	Locale       string         `json:"locale,omitempty"` // e.g. "pt-BR"
	Currency     string         `json:"currency,omitempty"`
	Filters      *SearchFilters `json:"filters,omitempty"`
	Facets       []string       `json:"facets,omitempty"`        // FacetCategories, FacetTags, ...
	PriceBuckets []string       `json:"price_buckets,omitempty"` // bucket boundaries, decimal strings
	Sort         string         `json:"sort,omitempty"`          // SortRelevance, SortPriceAsc, ...
	Limit        int            `json:"limit,omitempty"`
	After        string         `json:"after,omitempty"` // a previous result's Next
	Page         int            `json:"page,omitempty"`  // from 1, instead of After
}

// SearchFilters narrows a search. CategoryID includes the category's descendants.
type SearchFilters struct {
	CategoryID string              `json:"category_id,omitempty"`
	Tags       []string            `json:"tags,omitempty"`
	Attributes map[string][]string `json:"attributes,omitempty"`
	Price      *PriceRange         `json:"price,omitempty"`
	MinRating  int                 `json:"min_rating,omitempty"`
	InStock    *bool               `json:"in_stock,omitempty"`
}

// PriceRange bounds a price filter with decimal strings in the query's currency; "" is unbounded.
type PriceRange struct {
	Min string `json:"min,omitempty"`
	Max string `json:"max,omitempty"`
}

// SearchHit is an item of a SearchResult.
type SearchHit struct {
	ProductID string  `json:"product_id"`
	Slug      string  `json:"slug"`
	Title     string  `json:"title"`
	Locale    *string `json:"locale"`
	Price     *Money  `json:"price"` // in the query's currency; nil without one
	Rating    Rating  `json:"rating"`
	InStock   bool    `json:"in_stock"`
}

// CategoryFacet counts the hits in a category (descendants included).
type CategoryFacet struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Count int64  `json:"count"`
}

// TagFacet counts the hits with a tag.
type TagFacet struct {
	Tag   string `json:"tag"`
	Count int64  `json:"count"`
}

// AttributeFacet counts the hits with an attribute value.
type AttributeFacet struct {
	Value string `json:"value"`
	Count int64  `json:"count"`
}

// PriceFacet counts the hits in a price bucket; a nil bound is open.
type PriceFacet struct {
	From  *Money `json:"from"`
	To    *Money `json:"to"`
	Count int64  `json:"count"`
}

// SearchFacets holds the facets asked for.
type SearchFacets struct {
	Categories []CategoryFacet             `json:"categories,omitempty"`
	Tags       []TagFacet                  `json:"tags,omitempty"`
	Attributes map[string][]AttributeFacet `json:"attributes,omitempty"`
	Price      []PriceFacet                `json:"price,omitempty"`
}

// SearchResult is a "search_result" document. CorrectedQuery is set when the query was corrected for a typo.
type SearchResult struct {
	Header
	Q              string       `json:"q"`
	Locale         *string      `json:"locale"`
	Sort           string       `json:"sort"`
	Items          []SearchHit  `json:"items"`
	Total          int64        `json:"total"`
	Facets         SearchFacets `json:"facets"`
	Next           *string      `json:"next"`
	Page           *int64       `json:"page,omitempty"`
	CorrectedQuery *string      `json:"corrected_query,omitempty"`
}
