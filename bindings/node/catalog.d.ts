// Type definitions of the catalog documents and inputs (include/commerce/catalog.h), re-exported by index.d.ts.
// Documents are described by docs/schema/<type>.schema.json; money is exact, as strings.

import type { Document, ListQuery, Money, Timestamp } from './index';

export type ProductKind = 'physical' | 'digital';
export type ProductStatus = 'draft' | 'published' | 'archived';

export interface Seo {
  title: string | null;
  description: string | null;
}

export interface Image {
  url: string;
  alt: string;
}

export interface ProductOption {
  name: string;
  values: string[];
}

export interface Dimensions {
  length: number;
  width: number;
  height: number;
}

/** The stock of a variant: a physical variant is tracked by the inventory ledger; a digital one is not, and its
 * `available` is the number of licence keys left, or null (unlimited) when it has no key pool. */
export interface VariantStock {
  tracked: boolean;
  on_hand: number | null;
  reserved: number | null;
  available: number | null;
}

/** The average (a decimal string with 2 places, "0.00" when there is none) and count of approved reviews. */
export interface Rating {
  average: string;
  count: number;
}

export interface Variant {
  id: string;
  sku: string;
  /** The value of each option, e.g. {Edition: "Deluxe"}. */
  options: Record<string, string>;
  /** GTIN-13 (EAN-13 or UPC-A with a leading 0) or EAN-8. */
  barcode: string | null;
  prices: Money[];
  weight_grams: number | null;
  dimensions_mm: Dimensions | null;
  low_stock_threshold: number | null;
  backorder_limit: number;
  stock: VariantStock;
}

export interface ProductTranslation {
  title: string | null;
  description: string | null;
  seo: Seo;
  /** Option names in this locale, e.g. {Edition: "Edição"}. */
  options: Record<string, string>;
}

export interface DigitalInfo {
  licence_type: string | null;
  asset: string | null;
}

export type Attributes = Record<string, string | string[]>;

export interface Product extends Document<'product'> {
  id: string;
  slug: string;
  kind: ProductKind;
  status: ProductStatus;
  /** A draft with publish_at becomes visible once the engine's clock reaches it. */
  publish_at: Timestamp | null;
  title: string;
  description: string;
  seo: Seo;
  attributes: Attributes;
  digital: DigitalInfo | null;
  options: ProductOption[];
  variants: Variant[];
  images: Image[];
  tags: string[];
  category_ids: string[];
  /** Every translation, by BCP 47 locale. */
  translations: Record<string, ProductTranslation>;
  rating: Rating;
  units_sold: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductList extends Document<'product_list'> {
  items: Product[];
  /** A cursor for the next page (pass it as `after`), or null on the last page. */
  next: string | null;
  /** The number of matching products, with `page` queries; null otherwise. */
  total: number | null;
}

/** A product as a shopper in one locale sees it (viewProduct). */
export interface ProductView extends Document<'product_view'> {
  id: string;
  slug: string;
  /** The locale asked for (or the store default). */
  locale: string;
  kind: ProductKind;
  title: string;
  description: string;
  seo: Seo;
  attributes: Attributes;
  licence_type: string | null;
  /** `label` is the option's name in the locale. */
  options: (ProductOption & { label: string })[];
  variants: Variant[];
  images: Image[];
  tags: string[];
  category_ids: string[];
  rating: Rating;
}

/** What a barcode scan found (variantByBarcode). */
export interface VariantMatch extends Document<'variant_match'> {
  product: { id: string; slug: string; title: string; status: ProductStatus; kind: ProductKind };
  variant: Variant;
}

export interface Category extends Document<'category'> {
  id: string;
  parent_id: string | null;
  /** From the root down to the parent. */
  ancestor_ids: string[];
  slug: string;
  name: string;
  description: string;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
  /** Products in this category or its descendants. */
  product_count: number;
  children: CategoryNode[];
}

export interface CategoryTree extends Document<'category_tree'> {
  /** The category asked for, or null for the whole tree. */
  category_id: string | null;
  roots: CategoryNode[];
}

export interface Collection extends Document<'collection'> {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** The members, in order. */
  product_ids: string[];
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LicencePool extends Document<'licence_pool'> {
  variant_id: string;
  available: number;
  assigned: number;
  /** After an import: the keys added and the keys already in the pool; null otherwise. */
  imported: number | null;
  skipped: number | null;
}

export interface ProductRequest extends Document<'product_request'> {
  id: string;
  user_id: string | null;
  title: string;
  details: string;
  status: 'open' | 'fulfilled';
  product_id: string | null;
  created_at: Timestamp;
  fulfilled_at: Timestamp | null;
}

export interface ProductRequestList extends Document<'product_request_list'> {
  items: ProductRequest[];
  next: string | null;
}

// ------------------------------------------------------------------------------------------------------------
// Inputs. Every JSON input may also be given as a string holding the JSON text, passed verbatim.
// ------------------------------------------------------------------------------------------------------------

export interface VariantInput {
  /** Present to update an existing variant in updateProduct. */
  id?: string;
  sku: string;
  options?: Record<string, string>;
  barcode?: string | null;
  prices: Money[];
  weight_grams?: number | null;
  dimensions_mm?: Dimensions | null;
  low_stock_threshold?: number | null;
  backorder_limit?: number;
  /** Received at the default location on creation; ignored by updateProduct (use adjustStock). */
  stock?: number;
}

export interface TranslationInput {
  title?: string;
  description?: string;
  seo?: Partial<Seo>;
  options?: Record<string, string>;
}

export interface ProductInput {
  /** Made from the title when missing. */
  slug?: string;
  title: string;
  description?: string;
  kind?: ProductKind;
  status?: ProductStatus;
  publish_at?: Timestamp | null;
  seo?: Partial<Seo>;
  category_ids?: string[];
  tags?: string[];
  attributes?: Attributes;
  images?: Image[];
  digital?: Partial<DigitalInfo>;
  options?: ProductOption[];
  variants?: VariantInput[];
  translations?: Record<string, TranslationInput>;
  // A product without options may give its single variant's members at the top level instead of `variants`.
  sku?: string;
  barcode?: string | null;
  prices?: Money[];
  weight_grams?: number | null;
  dimensions_mm?: Dimensions | null;
  low_stock_threshold?: number | null;
  backorder_limit?: number;
  stock?: number;
}

export interface ProductPatch extends Partial<Omit<ProductInput, 'translations' | 'stock'>> {
  /** Merges per locale; a null locale removes it. */
  translations?: Record<string, TranslationInput | null>;
  /** Fail with ConflictError if the product's version is not this one. */
  expected_version?: number;
}

export interface ProductListQuery extends ListQuery {
  status?: ProductStatus;
  category_id?: string;
  collection_id?: string;
  tag?: string;
  /** Matches the title, slug or a SKU. */
  search?: string;
  /** From 1; returns `total` too. */
  page?: number;
}

export interface CategoryInput {
  slug?: string;
  name: string;
  description?: string;
  parent_id?: string | null;
  position?: number;
}

export interface CategoryPatch {
  slug?: string;
  name?: string;
  description?: string;
}

export interface CollectionInput {
  slug?: string;
  title: string;
  description?: string;
  product_ids?: string[];
}

export interface CollectionPatch {
  slug?: string;
  title?: string;
  description?: string;
  /** Replaces the members, in this order. */
  product_ids?: string[];
}

export interface ProductRequestInput {
  title: string;
  details?: string;
}

export interface ProductRequestQuery extends ListQuery {
  status?: 'open' | 'fulfilled';
}
