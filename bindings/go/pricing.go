package commerce

import "commerce.local/commerce/internal/native"

// The pricing calls of include/commerce/pricing.h and the pricing inputs of carts: promotions with coupons and
// single-use codes ("promotions.write"), the store's tax definition ("settings.manage"), a cart's coupons,
// shipping address and channel. A cart is priced afresh on every read.

// Promotion statuses.
const (
	PromotionActive   = "active"
	PromotionArchived = "archived"
)

// CreatePromotion creates a promotion from its definition (docs/promotions.md; a map, another marshalable value
// or JSON text), plus "requires_code": true for one that only generated single-use codes unlock.
func (e *Engine) CreatePromotion(session string, definition any) (*Promotion, error) {
	text, err := encodeJSON(definition, "definition")
	if err != nil {
		return nil, err
	}
	return call[Promotion](e, func(n native.Engine) native.Outcome { return n.Create_promotion(session, text) })
}

// UpdatePromotion replaces a promotion's definition; expectedVersion is the Version read before (CodeConflict
// when it changed since).
func (e *Engine) UpdatePromotion(session, promotionID string, definition any, expectedVersion int64) (*Promotion, error) {
	text, err := encodeJSON(definition, "definition")
	if err != nil {
		return nil, err
	}
	return call[Promotion](e, func(n native.Engine) native.Outcome {
		return n.Update_promotion(session, promotionID, text, expectedVersion)
	})
}

// SetPromotionStatus activates or archives a promotion (an archived one applies to no cart).
func (e *Engine) SetPromotionStatus(session, promotionID, status string) (*Promotion, error) {
	return call[Promotion](e, func(n native.Engine) native.Outcome {
		return n.Set_promotion_status(session, promotionID, status)
	})
}

// GetPromotion returns a promotion with its UsageCount.
func (e *Engine) GetPromotion(session, promotionID string) (*Promotion, error) {
	return call[Promotion](e, func(n native.Engine) native.Outcome { return n.Get_promotion(session, promotionID) })
}

// ListPromotions returns promotions by id; query may be nil.
func (e *Engine) ListPromotions(session string, query *PromotionListQuery) (*PromotionList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[PromotionList](e, func(n native.Engine) native.Outcome { return n.List_promotions(session, text) })
}

// GeneratePromotionCodes makes count (1..10000) single-use codes for a promotion created with requires_code;
// prefix may be "".
func (e *Engine) GeneratePromotionCodes(session, promotionID string, count int64, prefix string) (*PromotionCodeBatch, error) {
	return call[PromotionCodeBatch](e, func(n native.Engine) native.Outcome {
		return n.Generate_promotion_codes(session, promotionID, count, prefix)
	})
}

// SetTaxDefinition replaces the store's tax definition (docs/taxes.md); expectedVersion is the Version of the
// TaxSettings read before (0 while there is none).
func (e *Engine) SetTaxDefinition(session string, definition any, expectedVersion int64) (*TaxSettings, error) {
	text, err := encodeJSON(definition, "definition")
	if err != nil {
		return nil, err
	}
	return call[TaxSettings](e, func(n native.Engine) native.Outcome {
		return n.Set_tax_definition(session, text, expectedVersion)
	})
}

// GetTaxDefinition returns the store's TaxSettings.
func (e *Engine) GetTaxDefinition(session string) (*TaxSettings, error) {
	return call[TaxSettings](e, func(n native.Engine) native.Outcome { return n.Get_tax_definition(session) })
}

// SetShippingDefinition replaces the store's shipping methods (docs/shipping.md); expectedVersion as for
// SetTaxDefinition.
func (e *Engine) SetShippingDefinition(session string, definition any, expectedVersion int64) (*ShippingSettings, error) {
	text, err := encodeJSON(definition, "definition")
	if err != nil {
		return nil, err
	}
	return call[ShippingSettings](e, func(n native.Engine) native.Outcome {
		return n.Set_shipping_definition(session, text, expectedVersion)
	})
}

// GetShippingDefinition returns the store's ShippingSettings.
func (e *Engine) GetShippingDefinition(session string) (*ShippingSettings, error) {
	return call[ShippingSettings](e, func(n native.Engine) native.Outcome { return n.Get_shipping_definition(session) })
}

// ApplyCoupon enters a coupon code (any case). CodeCouponNotApplicable when no active promotion has it (details
// reason "unknown_code") or its promotion does not apply to the cart now (the engine's reason); the cart is then
// unchanged.
func (e *Engine) ApplyCoupon(session, cartID, code string) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome { return n.Apply_coupon(session, cartID, code) })
}

// RemoveCoupon takes a coupon code off the cart.
func (e *Engine) RemoveCoupon(session, cartID, code string) (*Cart, error) {
	return call[Cart](e, func(n native.Engine) native.Outcome { return n.Remove_coupon(session, cartID, code) })
}

// UpdateCart changes a cart's shipping address (which picks the tax zone and the methods offered), channel or
// shipping method.
func (e *Engine) UpdateCart(session, cartID string, changes CartChanges) (*Cart, error) {
	text, err := encodeJSON(changes, "changes")
	if err != nil {
		return nil, err
	}
	return call[Cart](e, func(n native.Engine) native.Outcome { return n.Update_cart(session, cartID, text) })
}
