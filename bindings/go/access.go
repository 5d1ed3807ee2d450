package commerce

import (
	"time"

	"commerce.local/commerce/internal/native"
)

// The administration calls of include/commerce/access.h: users, roles and permissions, the audit log and
// login analytics, with their documents. Every call needs a session whose roles grant the permission named
// below (ErrForbidden otherwise, with Details["required_permission"]).

// ListUsers lists users, filtered and paged ("users.read"); query may be nil.
func (e *Engine) ListUsers(session string, query *UserListQuery) (*UserList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[UserList](e, func(n native.Engine) native.Outcome { return n.List_users(session, text) })
}

// GetUser returns one user ("users.read").
func (e *Engine) GetUser(session, userID string) (*User, error) {
	return call[User](e, func(n native.Engine) native.Outcome { return n.Get_user(session, userID) })
}

// SuspendUser suspends a user ("users.manage"): they cannot log in (ErrForbidden) and their sessions end.
// reason may be "".
func (e *Engine) SuspendUser(session, userID, reason string) (*User, error) {
	return call[User](e, func(n native.Engine) native.Outcome { return n.Suspend_user(session, userID, reason) })
}

// UnsuspendUser lifts a suspension ("users.manage").
func (e *Engine) UnsuspendUser(session, userID string) (*User, error) {
	return call[User](e, func(n native.Engine) native.Outcome { return n.Unsuspend_user(session, userID) })
}

// ForcePasswordReset forces a password reset ("users.manage"): sessions end, the old password stops working
// and "user.password_reset_requested" is emitted with a reset token.
func (e *Engine) ForcePasswordReset(session, userID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Force_password_reset(session, userID) })
}

// SetRoles replaces a user's roles ("users.manage"; granting or removing "admin" needs "roles.manage"; the
// last admin keeps the role).
func (e *Engine) SetRoles(session, userID string, roles []string) (*User, error) {
	if roles == nil {
		roles = []string{}
	}
	text, err := encodeJSON(roles, "roles")
	if err != nil {
		return nil, err
	}
	return call[User](e, func(n native.Engine) native.Outcome { return n.Set_roles(session, userID, text) })
}

// DefineRole creates or replaces a custom role ("roles.manage"): role is a RoleInput, another marshalable value
// or JSON text. Built-in roles cannot be changed.
func (e *Engine) DefineRole(session string, role any) (*Role, error) {
	text, err := encodeJSON(role, "role")
	if err != nil {
		return nil, err
	}
	return call[Role](e, func(n native.Engine) native.Outcome { return n.Define_role(session, text) })
}

// DeleteRole deletes a custom role ("roles.manage"); ErrIllegalState while users hold it.
func (e *Engine) DeleteRole(session, name string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Delete_role(session, name) })
}

// ListRoles lists every role with its permissions ("roles.manage" or "users.read").
func (e *Engine) ListRoles(session string) (*RoleList, error) {
	return call[RoleList](e, func(n native.Engine) native.Outcome { return n.List_roles(session) })
}

// ListAudit returns the audit log, newest first ("audit.read"); query may be nil.
func (e *Engine) ListAudit(session string, query *AuditQuery) (*AuditList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[AuditList](e, func(n native.Engine) native.Outcome { return n.List_audit(session, text) })
}

// ReportLogins returns login analytics per UTC day ("reports.read"); query is a LoginReportQuery (From and To
// are required), another marshalable value or JSON text.
func (e *Engine) ReportLogins(session string, query any) (*LoginReport, error) {
	text, err := encodeJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[LoginReport](e, func(n native.Engine) native.Outcome { return n.Report_logins(session, text) })
}

// ---------------------------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------------------------

// UserList is a "user_list" page; Next is the cursor of the next page, nil on the last one.
type UserList struct {
	Header
	Items []User  `json:"items"`
	Next  *string `json:"next"`
}

// Role is a "role" document: a role's definition.
type Role struct {
	Header
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Builtin     bool     `json:"builtin"`
	Permissions []string `json:"permissions"`
}

// RoleList is a "role_list" document.
type RoleList struct {
	Header
	Items []Role `json:"items"`
}

// Find returns the role with the name.
func (l *RoleList) Find(name string) (*Role, bool) {
	for i := range l.Items {
		if l.Items[i].Name == name {
			return &l.Items[i], true
		}
	}
	return nil, false
}

// AuditEntry is one entry of the audit log; Before and After are nil when absent.
type AuditEntry struct {
	ID         string         `json:"id"`
	ActorID    *string        `json:"actor_id"`
	Action     string         `json:"action"` // e.g. "user.suspend"
	TargetType string         `json:"target_type"`
	TargetID   string         `json:"target_id"`
	Before     map[string]any `json:"before"`
	After      map[string]any `json:"after"`
	CreatedAt  time.Time      `json:"created_at"`
}

// AuditList is an "audit_list" page, newest first; pass Next as AuditQuery.Before for the next page.
type AuditList struct {
	Header
	Items []AuditEntry `json:"items"`
	Next  *string      `json:"next"`
}

// LoginCounts counts login attempts.
type LoginCounts struct {
	Logins      int64 `json:"logins"`
	Failures    int64 `json:"failures"`
	UniqueUsers int64 `json:"unique_users"`
}

// LoginDay is one UTC day of a LoginReport.
type LoginDay struct {
	Date string `json:"date"` // "YYYY-MM-DD"
	LoginCounts
}

// LoginReport is a "login_report" document.
type LoginReport struct {
	Header
	From   string      `json:"from"` // "YYYY-MM-DD"
	To     string      `json:"to"`
	Days   []LoginDay  `json:"days"`
	Totals LoginCounts `json:"totals"`
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------------------

// UserListQuery filters and pages ListUsers; Search matches the email or the name.
type UserListQuery struct {
	Search string `json:"search,omitempty"`
	Status string `json:"status,omitempty"` // "active" or "suspended"
	Role   string `json:"role,omitempty"`
	Limit  int    `json:"limit,omitempty"`
	After  string `json:"after,omitempty"`
}

// RoleInput is the input of DefineRole.
type RoleInput struct {
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Permissions []string `json:"permissions"`
}

// AuditQuery filters and pages ListAudit.
type AuditQuery struct {
	ActorID  string `json:"actor_id,omitempty"`
	TargetID string `json:"target_id,omitempty"`
	Action   string `json:"action,omitempty"`
	Limit    int    `json:"limit,omitempty"`
	Before   string `json:"before,omitempty"` // a previous page's Next
}

// LoginReportQuery is the inclusive range of ReportLogins ("YYYY-MM-DD", at most 366 days); both are required.
type LoginReportQuery struct {
	From string `json:"from"`
	To   string `json:"to"`
}
