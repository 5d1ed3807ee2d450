// Type definitions of the search document and query (include/commerce/search.h), re-exported by index.d.ts.
// The document is described by docs/schema/search_result.schema.json; money is exact, as strings.

import type { Document, Money } from './index';
import type { Rating } from './catalog';

export type SearchSort = 'relevance' | 'price_asc' | 'price_desc' | 'newest' | 'rating' | 'best_selling';
export type SearchFacet = 'categories' | 'tags' | 'attributes' | 'price';

export interface SearchFilters {
  /** Includes the category's descendants. */
  category_id?: string;
  tags?: string[];
  attributes?: Record<string, string[]>;
  /** Decimal strings in the query's currency. */
  price?: { min?: string; max?: string };
  min_rating?: number;
  in_stock?: boolean;
}

export interface SearchQuery {
  /** The user's text, searched as data; "" lists every product that passes the filters. */
  q?: string;
  locale?: string;
  /** Required with prices, the price filter or the price facet. */
  currency?: string;
  filters?: SearchFilters;
  facets?: SearchFacet[];
  /** The bucket boundaries of the price facet, as decimal strings. */
  price_buckets?: string[];
  sort?: SearchSort;
  limit?: number;
  after?: string;
  page?: number;
}

export interface SearchHit {
  product_id: string;
  slug: string;
  title: string;
  locale: string | null;
  /** In the query's currency; null without a currency. */
  price: Money | null;
  rating: Rating;
  in_stock: boolean;
}

export interface SearchFacets {
  categories?: { id: string; name: string; count: number }[];
  tags?: { tag: string; count: number }[];
  attributes?: Record<string, { value: string; count: number }[]>;
  price?: { from: Money | null; to: Money | null; count: number }[];
}

export interface SearchResult extends Document<'search_result'> {
  q: string;
  locale: string | null;
  sort: SearchSort;
  items: SearchHit[];
  total: number;
  facets: SearchFacets;
  next: string | null;
  page?: number;
  /** Present when the query was corrected for a typo. */
  corrected_query?: string;
}
