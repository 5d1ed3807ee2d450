package commerce

import (
	"encoding/json"
	"runtime"

	"commerce.local/commerce/internal/native"
)

// The identity calls of include/commerce/identity.h: accounts, email verification, passwords, sessions,
// two-factor authentication, social logins, profiles and addresses. Their documents are in
// identity_documents.go. Secrets that must reach the user by email (verification and reset tokens, one-time
// codes) are never returned: they leave through the outbox (FetchOutbox).

// The second factors of CompleteLogin.
const (
	MethodTOTP         = "totp"
	MethodEmailOTP     = "email_otp"
	MethodRecoveryCode = "recovery_code"
)

// ---- accounts ----------------------------------------------------------------------------------------------

// RegisterUser registers a customer. The email is trimmed and lower-cased and must be unique (ErrExists); the
// password needs 8 to 128 characters and must not be a common one (ErrInvalidArgument). Emits
// "user.registered" and "user.verification_requested" (whose payload carries the verification token).
func (e *Engine) RegisterUser(email, password string) (*User, error) {
	return call[User](e, func(n native.Engine) native.Outcome { return n.Register_user(email, password) })
}

// BootstrapAdmin creates the store's first admin, verified (ErrIllegalState once there is one).
func (e *Engine) BootstrapAdmin(email, password string) (*User, error) {
	return call[User](e, func(n native.Engine) native.Outcome { return n.Bootstrap_admin(email, password) })
}

// VerifyEmail marks the email verified with the token of a "user.verification_requested" event.
// ErrUnauthorized for an unknown, used or expired token.
func (e *Engine) VerifyEmail(token string) (*User, error) {
	return call[User](e, func(n native.Engine) native.Outcome { return n.Verify_email(token) })
}

// ResendVerification issues a new verification token (the old one stops working). It succeeds the same way
// for an unknown or already verified email, so it reveals no account.
func (e *Engine) ResendVerification(email string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Resend_verification(email) })
}

// Me returns the user behind a session.
func (e *Engine) Me(session string) (*User, error) {
	return call[User](e, func(n native.Engine) native.Outcome { return n.Me(session) })
}

// UpdateProfile changes the profile: patch is a ProfilePatch (nil members are kept), another marshalable value
// or JSON text; to clear a member pass it as null, e.g. map[string]any{"phone": nil}.
func (e *Engine) UpdateProfile(session string, patch any) (*User, error) {
	text, err := encodeJSON(patch, "patch")
	if err != nil {
		return nil, err
	}
	return call[User](e, func(n native.Engine) native.Outcome { return n.Update_profile(session, text) })
}

// ChangePassword changes the password (ErrUnauthorized if currentPassword is wrong). Every other session of
// the user ends; the calling one stays.
func (e *Engine) ChangePassword(session, currentPassword, newPassword string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome {
		return n.Change_password(session, currentPassword, newPassword)
	})
}

// RequestPasswordReset emits "user.password_reset_requested" with a reset token when the email has an
// account, and succeeds identically when it has none (no account enumeration).
func (e *Engine) RequestPasswordReset(email string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Request_password_reset(email) })
}

// ResetPassword sets a new password with a reset token and ends every session of the user (it does not log in).
func (e *Engine) ResetPassword(token, newPassword string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Reset_password(token, newPassword) })
}

// ExportUser returns everything the store holds about a user. userID "" means the caller; another user needs
// the permission "users.manage".
func (e *Engine) ExportUser(session, userID string) (*UserExport, error) {
	return call[UserExport](e, func(n native.Engine) native.Outcome { return n.Export_user(session, userID) })
}

// EraseUser erases a user: personal data is anonymised; sessions, second factors, identities and addresses are
// deleted; orders stay. userID "" means the caller; another user needs "users.manage".
func (e *Engine) EraseUser(session, userID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Erase_user(session, userID) })
}

// ---- sessions ----------------------------------------------------------------------------------------------

// LoginResult is the outcome of Login and SocialLogin: exactly one of Session (logged in) and Challenge (the
// account has a second factor: finish with CompleteLogin) is set.
type LoginResult struct {
	Session   *Session
	Challenge *LoginChallenge
}

// Login logs in with email and password; ctx (may be nil) describes the client for login analytics. Wrong
// email and wrong password are the same ErrUnauthorized (also while the account is locked: Details["reason"]
// is "locked"); a suspended account is ErrForbidden.
func (e *Engine) Login(email, password string, ctx *LoginContext) (*LoginResult, error) {
	text, err := optionalJSON(ctx, "context")
	if err != nil {
		return nil, err
	}
	return callLogin(e, func(n native.Engine) native.Outcome { return n.Login(email, password, text) })
}

// CompleteLogin finishes a login challenge with a second factor: method is MethodTOTP, MethodEmailOTP or
// MethodRecoveryCode. A wrong or replayed code is ErrUnauthorized; five wrong codes end the challenge.
func (e *Engine) CompleteLogin(challenge, method, code string, ctx *LoginContext) (*Session, error) {
	text, err := optionalJSON(ctx, "context")
	if err != nil {
		return nil, err
	}
	return call[Session](e, func(n native.Engine) native.Outcome {
		return n.Complete_login(challenge, method, code, text)
	})
}

// SendEmailOTP emits "user.otp_requested" with a fresh email code for a login challenge (the previous code
// stops working).
func (e *Engine) SendEmailOTP(challenge string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Send_email_otp(challenge) })
}

// SocialLogin logs in by an identity the host verified with an OAuth/OIDC provider (profile may be nil). A
// linked identity logs its user in; an unknown one creates a customer when identity.social_signup allows it and
// no account has the email (ErrExists otherwise: log in and LinkIdentity instead).
func (e *Engine) SocialLogin(provider, subject string, profile *SocialProfile) (*LoginResult, error) {
	text, err := optionalJSON(profile, "profile")
	if err != nil {
		return nil, err
	}
	return callLogin(e, func(n native.Engine) native.Outcome { return n.Social_login(provider, subject, text) })
}

// Logout ends a session (ErrUnauthorized for an unknown or ended one).
func (e *Engine) Logout(session string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Logout(session) })
}

// LogoutOthers ends every other session of the session's user.
func (e *Engine) LogoutOthers(session string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Logout_others(session) })
}

// IssueAccessToken returns a signed HS256 JWT for the session's user; ErrMisuse without an "identity.jwt" config.
func (e *Engine) IssueAccessToken(session string) (*AccessToken, error) {
	return call[AccessToken](e, func(n native.Engine) native.Outcome { return n.Issue_access_token(session) })
}

// VerifyAccessToken verifies a JWT without touching the database and returns its claims; ErrUnauthorized (with
// Details["reason"]) for a bad signature, algorithm, key or expiry.
func (e *Engine) VerifyAccessToken(token string) (*AccessTokenClaims, error) {
	return call[AccessTokenClaims](e, func(n native.Engine) native.Outcome { return n.Verify_access_token(token) })
}

// ---- two-factor authentication -----------------------------------------------------------------------------

// EnrollTOTP starts TOTP enrolment: the base32 secret and an otpauth:// URI. It takes effect after ConfirmTOTP.
func (e *Engine) EnrollTOTP(session string) (*TOTPEnrollment, error) {
	return call[TOTPEnrollment](e, func(n native.Engine) native.Outcome { return n.Enroll_totp(session) })
}

// ConfirmTOTP confirms TOTP enrolment with a first code and returns ten single-use recovery codes, shown once.
func (e *Engine) ConfirmTOTP(session, code string) (*RecoveryCodes, error) {
	return call[RecoveryCodes](e, func(n native.Engine) native.Outcome { return n.Confirm_totp(session, code) })
}

// SetEmailOTP turns email codes as a second factor on or off.
func (e *Engine) SetEmailOTP(session string, enabled bool) (*MFAStatus, error) {
	return call[MFAStatus](e, func(n native.Engine) native.Outcome { return n.Set_email_otp(session, enabled) })
}

// MFAStatus tells which second factors are on and how many recovery codes are left.
func (e *Engine) MFAStatus(session string) (*MFAStatus, error) {
	return call[MFAStatus](e, func(n native.Engine) native.Outcome { return n.Mfa_status(session) })
}

// RegenerateRecoveryCodes replaces the recovery codes (needs the password).
func (e *Engine) RegenerateRecoveryCodes(session, password string) (*RecoveryCodes, error) {
	return call[RecoveryCodes](e, func(n native.Engine) native.Outcome {
		return n.Regenerate_recovery_codes(session, password)
	})
}

// DisableMFA turns every second factor off and deletes the recovery codes (needs the password).
func (e *Engine) DisableMFA(session, password string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Disable_mfa(session, password) })
}

// ---- social identities -------------------------------------------------------------------------------------

// LinkIdentity links a (provider, subject) identity to the session's user; ErrExists when another user owns it.
func (e *Engine) LinkIdentity(session, provider, subject string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Link_identity(session, provider, subject) })
}

// UnlinkIdentity unlinks an identity of the session's user; ErrIllegalState when it is the only way to log in.
func (e *Engine) UnlinkIdentity(session, provider, subject string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Unlink_identity(session, provider, subject) })
}

// ---- addresses ---------------------------------------------------------------------------------------------

// AddAddress adds an address to the session's user: address is a NewAddress, another marshalable value or
// JSON text (Line1, City and Country are required).
func (e *Engine) AddAddress(session string, address any) (*Address, error) {
	text, err := encodeJSON(address, "address")
	if err != nil {
		return nil, err
	}
	return call[Address](e, func(n native.Engine) native.Outcome { return n.Add_address(session, text) })
}

// UpdateAddress changes the members present in patch (an AddressPatch, another marshalable value or JSON text).
func (e *Engine) UpdateAddress(session, addressID string, patch any) (*Address, error) {
	text, err := encodeJSON(patch, "patch")
	if err != nil {
		return nil, err
	}
	return call[Address](e, func(n native.Engine) native.Outcome { return n.Update_address(session, addressID, text) })
}

// RemoveAddress removes an address (a default that is removed is no longer a default).
func (e *Engine) RemoveAddress(session, addressID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Remove_address(session, addressID) })
}

// ListAddresses returns the session user's addresses.
func (e *Engine) ListAddresses(session string) (*AddressList, error) {
	return call[AddressList](e, func(n native.Engine) native.Outcome { return n.List_addresses(session) })
}

// ------------------------------------------------------------------------------------------------------------

// callLogin decodes the "session" or "login_challenge" a login call returns.
func callLogin(e *Engine, f func(native.Engine) native.Outcome) (*LoginResult, error) {
	if e == nil || e.n == nil {
		return nil, newError(CodeMisuse, "nil engine", "")
	}
	o := f(e.n)
	runtime.KeepAlive(e)
	defer native.DeleteOutcome(o)
	if !o.Ok() {
		return nil, outcomeError(o)
	}
	res := &LoginResult{}
	var target any
	switch o.Doc_type() {
	case "session":
		res.Session = new(Session)
		target = res.Session
	case "login_challenge":
		res.Challenge = new(LoginChallenge)
		target = res.Challenge
	default:
		return nil, newError(CodeGeneric, "commerce: unexpected "+o.Doc_type()+" document from a login", "")
	}
	if err := json.Unmarshal([]byte(o.Json()), target); err != nil {
		return nil, newError(CodeGeneric, "commerce: cannot decode the "+o.Doc_type()+" document: "+err.Error(), "")
	}
	return res, nil
}
