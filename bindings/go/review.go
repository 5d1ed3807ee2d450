package commerce

import (
	"time"

	"commerce.local/commerce/internal/native"
)

// The review calls of include/commerce/review.h, with their documents: one review per user and product,
// moderated before it counts; the product's rating average and count change in the same transaction as the
// review. Moderation needs a session whose roles grant "reviews.moderate".

// Review statuses, moderation decisions and vote kinds.
const (
	ReviewPending  = "pending"
	ReviewApproved = "approved" // also the decision that approves
	ReviewRejected = "rejected" // also the decision that rejects

	VoteHelpful = "helpful"
	VoteReport  = "report"
)

// SubmitReview writes the caller's review of a product, or edits it: review is a ReviewInput, another
// marshalable value or JSON text. A new or edited review waits for moderation (ReviewPending); VerifiedPurchase
// is set when the user has a paid order with the product.
func (e *Engine) SubmitReview(session, productID string, review any) (*Review, error) {
	text, err := encodeJSON(review, "review")
	if err != nil {
		return nil, err
	}
	return call[Review](e, func(n native.Engine) native.Outcome { return n.Submit_review(session, productID, text) })
}

// DeleteReview deletes a review: its author, or "reviews.moderate".
func (e *Engine) DeleteReview(session, reviewID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Delete_review(session, reviewID) })
}

// ModerateReview approves or rejects a review ("reviews.moderate"): decision is ReviewApproved or
// ReviewRejected; reason may be "" for an approval and is required for a rejection.
func (e *Engine) ModerateReview(session, reviewID, decision, reason string) (*Review, error) {
	return call[Review](e, func(n native.Engine) native.Outcome {
		return n.Moderate_review(session, reviewID, decision, reason)
	})
}

// ReviewQueue returns the moderation queue, oldest first ("reviews.moderate"); query may be nil.
func (e *Engine) ReviewQueue(session string, query *ReviewQueueQuery) (*ReviewList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[ReviewList](e, func(n native.Engine) native.Outcome { return n.Review_queue(session, text) })
}

// ListReviews returns a product's approved reviews with its Rating; query may be nil. It needs no session.
func (e *Engine) ListReviews(productID string, query *ReviewListQuery) (*ReviewList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[ReviewList](e, func(n native.Engine) native.Outcome { return n.List_reviews(productID, text) })
}

// VoteReview marks a review helpful (VoteHelpful) or reports it (VoteReport; reason, may be "", explains it).
// Once per user and kind; a user cannot vote on their own review.
func (e *Engine) VoteReview(session, reviewID, kind, reason string) (*Review, error) {
	return call[Review](e, func(n native.Engine) native.Outcome {
		return n.Vote_review(session, reviewID, kind, reason)
	})
}

// Review is a "review" document (also an item of a ReviewList).
type Review struct {
	Header
	ID               string     `json:"id"`
	ProductID        string     `json:"product_id"`
	UserID           string     `json:"user_id"`
	AuthorName       *string    `json:"author_name"`
	Rating           int        `json:"rating"` // 1..5
	Title            string     `json:"title"`
	Body             string     `json:"body"`
	Status           string     `json:"status"` // ReviewPending, ReviewApproved or ReviewRejected
	VerifiedPurchase bool       `json:"verified_purchase"`
	HelpfulCount     int64      `json:"helpful_count"`
	ReportCount      int64      `json:"report_count"`
	ModerationReason *string    `json:"moderation_reason"`
	ModeratedAt      *time.Time `json:"moderated_at"`
	CreatedAt        time.Time  `json:"created_at"`
	UpdatedAt        time.Time  `json:"updated_at"`
}

// ReviewList is a "review_list" page. ListReviews also sets ProductID and the product's Rating.
type ReviewList struct {
	Header
	Items     []Review `json:"items"`
	Next      *string  `json:"next"`
	ProductID *string  `json:"product_id,omitempty"`
	Rating    *Rating  `json:"rating,omitempty"`
}

// ReviewInput is the input of SubmitReview.
type ReviewInput struct {
	Rating int    `json:"rating"` // 1..5
	Title  string `json:"title,omitempty"`
	Body   string `json:"body,omitempty"`
}

// ReviewQueueQuery filters and pages ReviewQueue.
type ReviewQueueQuery struct {
	Status   string `json:"status,omitempty"` // ReviewPending, ReviewApproved or ReviewRejected
	Reported *bool  `json:"reported,omitempty"`
	Limit    int    `json:"limit,omitempty"`
	After    string `json:"after,omitempty"`
}

// ReviewListQuery orders and pages ListReviews.
type ReviewListQuery struct {
	Sort  string `json:"sort,omitempty"` // "newest", "helpful", "rating_desc" or "rating_asc"
	Limit int    `json:"limit,omitempty"`
	After string `json:"after,omitempty"`
}
