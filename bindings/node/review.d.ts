// Type definitions of the review documents and inputs (include/commerce/review.h), re-exported by index.d.ts.
// Documents are described by docs/schema/<type>.schema.json.

import type { Document, Timestamp } from './index';
import type { Rating } from './catalog';

export type ReviewStatus = 'pending' | 'approved' | 'rejected';

export interface Review extends Document<'review'> {
  id: string;
  product_id: string;
  user_id: string;
  author_name: string | null;
  /** 1..5 */
  rating: number;
  title: string;
  body: string;
  status: ReviewStatus;
  /** The author has a paid order with the product. */
  verified_purchase: boolean;
  helpful_count: number;
  report_count: number;
  moderation_reason: string | null;
  moderated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReviewList extends Document<'review_list'> {
  items: Review[];
  next: string | null;
  /** listReviews only: the product and its rating over approved reviews. */
  product_id?: string;
  rating?: Rating;
}

// ------------------------------------------------------------------------------------------------------------
// Inputs
// ------------------------------------------------------------------------------------------------------------

export interface ReviewInput {
  rating: 1 | 2 | 3 | 4 | 5;
  title?: string;
  body?: string;
}

export type ModerationDecision = 'approved' | 'rejected';
export type ReviewVoteKind = 'helpful' | 'report';

export interface ReviewQueueQuery {
  status?: ReviewStatus;
  reported?: boolean;
  limit?: number;
  after?: string;
}

export interface ReviewListQuery {
  sort?: 'newest' | 'helpful' | 'rating_desc' | 'rating_asc';
  limit?: number;
  after?: string;
}
