package commerce

import "commerce.local/commerce/internal/native"

// The price list calls of include/commerce/pricing.h ("promotions.write") and the customer group calls of
// include/commerce/customer_group.h ("users.manage"; reads "users.read"). A list's price replaces a variant's
// catalog price in the carts it applies to: an override always, a sale only where it is cheaper
// (docs/price-lists.md).

// Price list types and statuses.
const (
	PriceListSale     = "sale"
	PriceListOverride = "override"
	PriceListActive   = "active"
	PriceListArchived = "archived"
)

// CreatePriceList creates a price list from its definition (a PriceListDefinition, a map or JSON text).
func (e *Engine) CreatePriceList(session string, definition any) (*PriceList, error) {
	text, err := encodeJSON(definition, "definition")
	if err != nil {
		return nil, err
	}
	return call[PriceList](e, func(n native.Engine) native.Outcome { return n.Create_price_list(session, text) })
}

// UpdatePriceList replaces a list's definition and all its prices; expectedVersion is the Version read before
// (CodeConflict when it changed since).
func (e *Engine) UpdatePriceList(session, priceListID string, definition any, expectedVersion int64) (*PriceList, error) {
	text, err := encodeJSON(definition, "definition")
	if err != nil {
		return nil, err
	}
	return call[PriceList](e, func(n native.Engine) native.Outcome {
		return n.Update_price_list(session, priceListID, text, expectedVersion)
	})
}

// SetPriceListStatus activates or archives a list (an archived one prices no cart).
func (e *Engine) SetPriceListStatus(session, priceListID, status string) (*PriceList, error) {
	return call[PriceList](e, func(n native.Engine) native.Outcome {
		return n.Set_price_list_status(session, priceListID, status)
	})
}

// GetPriceList returns a list with its prices.
func (e *Engine) GetPriceList(session, priceListID string) (*PriceList, error) {
	return call[PriceList](e, func(n native.Engine) native.Outcome { return n.Get_price_list(session, priceListID) })
}

// ListPriceLists returns lists by id, without their prices; query may be nil.
func (e *Engine) ListPriceLists(session string, query *PriceListQuery) (*PriceListList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[PriceListList](e, func(n native.Engine) native.Outcome { return n.List_price_lists(session, text) })
}

// CreateCustomerGroup creates a group: {"id": "trade", "name": "Trade", "tax_exempt": false}.
func (e *Engine) CreateCustomerGroup(session string, definition any) (*CustomerGroup, error) {
	text, err := encodeJSON(definition, "definition")
	if err != nil {
		return nil, err
	}
	return call[CustomerGroup](e, func(n native.Engine) native.Outcome {
		return n.Create_customer_group(session, text)
	})
}

// UpdateCustomerGroup replaces a group's name and tax exemption (CodeConflict when the version moved on).
func (e *Engine) UpdateCustomerGroup(session, groupID string, definition any, expectedVersion int64) (*CustomerGroup, error) {
	text, err := encodeJSON(definition, "definition")
	if err != nil {
		return nil, err
	}
	return call[CustomerGroup](e, func(n native.Engine) native.Outcome {
		return n.Update_customer_group(session, groupID, text, expectedVersion)
	})
}

// DeleteCustomerGroup removes a group and its memberships.
func (e *Engine) DeleteCustomerGroup(session, groupID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Delete_customer_group(session, groupID) })
}

// GetCustomerGroup returns a group with its MemberCount.
func (e *Engine) GetCustomerGroup(session, groupID string) (*CustomerGroup, error) {
	return call[CustomerGroup](e, func(n native.Engine) native.Outcome { return n.Get_customer_group(session, groupID) })
}

// ListCustomerGroups returns groups by id; query may be nil.
func (e *Engine) ListCustomerGroups(session string, query *CustomerGroupQuery) (*CustomerGroupList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[CustomerGroupList](e, func(n native.Engine) native.Outcome {
		return n.List_customer_groups(session, text)
	})
}

// ChangeCustomerGroupMembers adds and removes members by user id, at most 1000 in all.
func (e *Engine) ChangeCustomerGroupMembers(session, groupID string, add, remove []string) (*CustomerGroup, error) {
	text, err := encodeJSON(map[string][]string{"add": nonNil(add), "remove": nonNil(remove)}, "change")
	if err != nil {
		return nil, err
	}
	return call[CustomerGroup](e, func(n native.Engine) native.Outcome {
		return n.Change_customer_group_members(session, groupID, text)
	})
}

// CustomerGroupMembers returns a group's members by user id; query may be nil.
func (e *Engine) CustomerGroupMembers(session, groupID string, query *ListQuery) (*CustomerGroupMemberList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[CustomerGroupMemberList](e, func(n native.Engine) native.Outcome {
		return n.Customer_group_members(session, groupID, text)
	})
}

// nonNil keeps a nil slice from encoding as null.
func nonNil(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}
