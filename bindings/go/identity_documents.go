package commerce

import "time"

// The identity documents (include/commerce/identity.h) and their inputs; User and Session are in documents.go.
// docs/schema/<type>.schema.json is the contract.

// LoginChallenge is a "login_challenge" document: Login or SocialLogin found a second factor on the account.
// Finish with CompleteLogin(Challenge, one of Methods, code, ctx).
type LoginChallenge struct {
	Header
	Challenge string    `json:"challenge"` // 64 hex characters
	Methods   []string  `json:"methods"`   // MethodTOTP, MethodEmailOTP, MethodRecoveryCode
	ExpiresAt time.Time `json:"expires_at"`
}

// AccessToken is an "access_token" document: a signed HS256 JWT.
type AccessToken struct {
	Header
	Token     string    `json:"token"`
	Kid       string    `json:"kid"`
	ExpiresAt time.Time `json:"expires_at"`
}

// AccessTokenClaims is an "access_token_claims" document: the verified claims of a JWT.
type AccessTokenClaims struct {
	Header
	Sub   string   `json:"sub"` // the user id
	Sid   string   `json:"sid"` // the session it was issued for
	Roles []string `json:"roles"`
	Iss   string   `json:"iss"`
	Iat   int64    `json:"iat"` // seconds since 1970
	Exp   int64    `json:"exp"` // seconds since 1970
	Kid   string   `json:"kid"`
}

// IssuedAt is Iat as a time.
func (c *AccessTokenClaims) IssuedAt() time.Time { return time.Unix(c.Iat, 0).UTC() }

// ExpiresAt is Exp as a time.
func (c *AccessTokenClaims) ExpiresAt() time.Time { return time.Unix(c.Exp, 0).UTC() }

// TOTPEnrollment is a "totp_enrollment" document: the secret to show (as a QR code of OtpauthURI).
type TOTPEnrollment struct {
	Header
	Secret     string `json:"secret"` // base32, no padding
	OtpauthURI string `json:"otpauth_uri"`
	Algorithm  string `json:"algorithm"` // "SHA1"
	Digits     int    `json:"digits"`    // 6
	Period     int    `json:"period"`    // 30 seconds
}

// RecoveryCodes is a "recovery_codes" document: ten single-use codes such as "k7m2-9qxd-4tpa", shown once.
type RecoveryCodes struct {
	Header
	Codes []string `json:"codes"`
}

// MFAStatus is an "mfa_status" document.
type MFAStatus struct {
	Header
	TOTP              bool `json:"totp"`
	EmailOTP          bool `json:"email_otp"`
	RecoveryCodesLeft int  `json:"recovery_codes_left"`
}

// Address is an "address" document; text members are "" when empty.
type Address struct {
	Header
	ID              string    `json:"id"`
	UserID          string    `json:"user_id"`
	Name            string    `json:"name"`
	Company         string    `json:"company"`
	Line1           string    `json:"line1"`
	Line2           string    `json:"line2"`
	City            string    `json:"city"`
	Region          string    `json:"region"`
	PostalCode      string    `json:"postal_code"`
	Country         string    `json:"country"` // ISO 3166-1 alpha-2, upper case
	Phone           string    `json:"phone"`
	DefaultShipping bool      `json:"default_shipping"`
	DefaultBilling  bool      `json:"default_billing"`
	CreatedAt       time.Time `json:"created_at"`
	UpdatedAt       time.Time `json:"updated_at"`
}

// AddressList is an "address_list" document.
type AddressList struct {
	Header
	Items []Address `json:"items"`
}

// UserExport is a "user_export" document: everything the store holds about a user.
type UserExport struct {
	Header
	ExportedAt  time.Time          `json:"exported_at"`
	User        User               `json:"user"`
	Addresses   []Address          `json:"addresses"`
	Identities  []ExportedIdentity `json:"identities"`
	Sessions    []ExportedSession  `json:"sessions"`
	LoginEvents []LoginEvent       `json:"login_events"`
	Orders      []Order            `json:"orders"`
	Wishlists   []WishlistExport   `json:"wishlists"`
	Audit       []AuditEntry       `json:"audit"`
}

// ExportedIdentity is a linked social identity in a UserExport.
type ExportedIdentity struct {
	Provider  string    `json:"provider"`
	Subject   string    `json:"subject"`
	CreatedAt time.Time `json:"created_at"`
}

// ExportedSession is a session in a UserExport (without its token).
type ExportedSession struct {
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt time.Time `json:"last_used_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	Method     string    `json:"method"`
	IP         *string   `json:"ip"`
	UserAgent  *string   `json:"user_agent"`
}

// LoginEvent is a recorded login attempt in a UserExport.
type LoginEvent struct {
	CreatedAt time.Time `json:"created_at"`
	Method    string    `json:"method"`
	Outcome   string    `json:"outcome"`
	Reason    *string   `json:"reason"`
	IP        *string   `json:"ip"`
	UserAgent *string   `json:"user_agent"`
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------------------

// LoginContext describes the client of a login, for login analytics.
type LoginContext struct {
	IP        string `json:"ip,omitempty"`
	UserAgent string `json:"user_agent,omitempty"`
}

// SocialProfile is what the host learnt from the OAuth/OIDC provider, for SocialLogin.
type SocialProfile struct {
	Email         string `json:"email,omitempty"`
	EmailVerified bool   `json:"email_verified,omitempty"`
	Name          string `json:"name,omitempty"`
	IP            string `json:"ip,omitempty"`
	UserAgent     string `json:"user_agent,omitempty"`
}

// ProfilePatch is the input of UpdateProfile: nil members are kept. To clear a member, pass a map with a nil
// value instead (map[string]any{"phone": nil}) or JSON text.
type ProfilePatch struct {
	Name     *string `json:"name,omitempty"`
	Phone    *string `json:"phone,omitempty"`
	Locale   *string `json:"locale,omitempty"`
	Currency *string `json:"currency,omitempty"`
}

// NewAddress is the input of AddAddress; Line1, City and Country (ISO 3166-1 alpha-2) are required.
type NewAddress struct {
	Name            string `json:"name,omitempty"`
	Company         string `json:"company,omitempty"`
	Line1           string `json:"line1"`
	Line2           string `json:"line2,omitempty"`
	City            string `json:"city"`
	Region          string `json:"region,omitempty"`
	PostalCode      string `json:"postal_code,omitempty"`
	Country         string `json:"country"`
	Phone           string `json:"phone,omitempty"`
	DefaultShipping bool   `json:"default_shipping,omitempty"`
	DefaultBilling  bool   `json:"default_billing,omitempty"`
}

// AddressPatch is the input of UpdateAddress: nil members are kept.
type AddressPatch struct {
	Name            *string `json:"name,omitempty"`
	Company         *string `json:"company,omitempty"`
	Line1           *string `json:"line1,omitempty"`
	Line2           *string `json:"line2,omitempty"`
	City            *string `json:"city,omitempty"`
	Region          *string `json:"region,omitempty"`
	PostalCode      *string `json:"postal_code,omitempty"`
	Country         *string `json:"country,omitempty"`
	Phone           *string `json:"phone,omitempty"`
	DefaultShipping *bool   `json:"default_shipping,omitempty"`
	DefaultBilling  *bool   `json:"default_billing,omitempty"`
}

// IdentityConfig is Config.Identity: sessions, verification, lockout and JWT settings. Zero values are left
// to the engine's defaults.
type IdentityConfig struct {
	SessionAbsoluteSeconds int64          `json:"session_absolute_seconds,omitempty"` // default 30 days
	SessionIdleSeconds     int64          `json:"session_idle_seconds,omitempty"`     // default 1 day
	VerificationTTLSeconds int64          `json:"verification_ttl_seconds,omitempty"` // default 1 day
	ResetTTLSeconds        int64          `json:"reset_ttl_seconds,omitempty"`        // default 1 hour
	UnverifiedUsers        string         `json:"unverified_users,omitempty"`         // "allow", "no_checkout", "no_login"
	SocialSignup           *bool          `json:"social_signup,omitempty"`            // default true
	Issuer                 string         `json:"issuer,omitempty"`                   // TOTP issuer and JWT "iss"
	Lockout                *LockoutConfig `json:"lockout,omitempty"`
	JWT                    *JWTConfig     `json:"jwt,omitempty"`
	CommonPasswords        []string       `json:"common_passwords,omitempty"` // refused besides the built-in list
}

// LockoutConfig sets how failed logins lock an account.
type LockoutConfig struct {
	Threshold   int   `json:"threshold,omitempty"`
	BaseSeconds int64 `json:"base_seconds,omitempty"`
	MaxSeconds  int64 `json:"max_seconds,omitempty"`
}

// JWTConfig turns on JWT access tokens: HMAC keys by kid (secrets of 32+ bytes) and the one that signs.
type JWTConfig struct {
	Keys       []JWTKey `json:"keys"`
	SigningKid string   `json:"signing_kid"`
	TTLSeconds int64    `json:"ttl_seconds,omitempty"` // default 900
}

// JWTKey is one HMAC key of a JWTConfig.
type JWTKey struct {
	Kid    string `json:"kid"`
	Secret string `json:"secret"`
}
