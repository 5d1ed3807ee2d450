// Type definitions of the identity documents and inputs (include/commerce/identity.h), re-exported by index.d.ts.
// Documents are described by docs/schema/<type>.schema.json.

import type { Document, Order, Timestamp } from './index';
import type { AuditEntry } from './access';
import type { WishlistExport } from './wishlist';

/** A role name: a built-in role or a custom one defined with Engine.defineRole. */
export type Role = 'admin' | 'staff' | 'vendor' | 'customer' | (string & {});

/** A permission, e.g. "catalog.write" (see docs/access.md). */
export type Permission =
  | 'catalog.write' | 'inventory.write' | 'orders.read' | 'orders.manage' | 'orders.refund' | 'users.read'
  | 'users.manage' | 'roles.manage' | 'audit.read' | 'reports.read' | 'reviews.moderate' | 'promotions.write' | 'settings.manage'
  | (string & {});

export interface Profile {
  name: string | null;
  phone: string | null;
  locale: string | null;
  currency: string | null;
}

export interface User extends Document<'user'> {
  id: string;
  email: string;
  email_verified: boolean;
  status: 'active' | 'suspended' | 'erased';
  roles: Role[];
  /** Resolved from the roles, sorted. */
  permissions: Permission[];
  profile: Profile;
  default_shipping_address_id: string | null;
  default_billing_address_id: string | null;
  mfa: { totp: boolean; email_otp: boolean };
  password_reset_required: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Session extends Document<'session'> {
  /** 64 hex characters; pass it (or this document) to the calls that act for the user. */
  token: string;
  user_id: string;
  expires_at: Timestamp;
  idle_expires_at: Timestamp;
  /** Present only when the engine has an "identity.jwt" config. */
  access_token?: string;
  access_token_expires_at?: Timestamp;
}

export type SecondFactor = 'totp' | 'email_otp' | 'recovery_code';

/** Returned by login() and socialLogin() when the account has a second factor: finish with completeLogin(). */
export interface LoginChallenge extends Document<'login_challenge'> {
  /** 64 hex characters. */
  challenge: string;
  methods: SecondFactor[];
  expires_at: Timestamp;
}

export interface AccessToken extends Document<'access_token'> {
  /** The JWT (HS256). */
  token: string;
  kid: string;
  expires_at: Timestamp;
}

export interface AccessTokenClaims extends Document<'access_token_claims'> {
  sub: string;
  sid: string;
  roles: Role[];
  iss: string;
  /** Seconds since 1970. */
  iat: number;
  /** Seconds since 1970. */
  exp: number;
  kid: string;
}

export interface TotpEnrollment extends Document<'totp_enrollment'> {
  /** Base32, no padding. */
  secret: string;
  otpauth_uri: string;
  algorithm: 'SHA1';
  digits: 6;
  period: 30;
}

export interface RecoveryCodes extends Document<'recovery_codes'> {
  /** Ten single-use codes such as "k7m2-9qxd-4tpa", shown once. */
  codes: string[];
}

export interface MfaStatus extends Document<'mfa_status'> {
  totp: boolean;
  email_otp: boolean;
  recovery_codes_left: number;
}

export interface Address extends Document<'address'> {
  id: string;
  user_id: string;
  /** Every text member is "" when empty. */
  name: string;
  company: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postal_code: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  phone: string;
  default_shipping: boolean;
  default_billing: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AddressList extends Document<'address_list'> {
  items: Address[];
}

export interface UserExport extends Document<'user_export'> {
  exported_at: Timestamp;
  user: User;
  addresses: Address[];
  identities: { provider: string; subject: string; created_at: Timestamp }[];
  sessions: {
    created_at: Timestamp; last_used_at: Timestamp; expires_at: Timestamp; method: string;
    ip: string | null; user_agent: string | null;
  }[];
  login_events: {
    created_at: Timestamp; method: string; outcome: string; reason: string | null;
    ip: string | null; user_agent: string | null;
  }[];
  orders: Order[];
  wishlists?: WishlistExport[];
  audit: AuditEntry[];
}

// ------------------------------------------------------------------------------------------------------------
// Inputs
// ------------------------------------------------------------------------------------------------------------

/** Describes the client of a login, for login analytics. */
export interface LoginContext {
  ip?: string;
  user_agent?: string;
}

/** What the host learnt from the OAuth/OIDC provider. */
export interface SocialProfile extends LoginContext {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** Members absent are kept; null clears. */
export interface ProfilePatch {
  name?: string | null;
  phone?: string | null;
  locale?: string | null;
  currency?: string | null;
}

export interface AddressInput {
  name?: string;
  company?: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postal_code?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone?: string;
  default_shipping?: boolean;
  default_billing?: boolean;
}

export type AddressPatch = Partial<AddressInput>;

export interface IdentityConfig {
  session_absolute_seconds?: number;
  session_idle_seconds?: number;
  verification_ttl_seconds?: number;
  reset_ttl_seconds?: number;
  unverified_users?: 'allow' | 'no_checkout' | 'no_login';
  social_signup?: boolean;
  /** TOTP issuer label and JWT "iss". */
  issuer?: string;
  lockout?: { threshold?: number; base_seconds?: number; max_seconds?: number };
  jwt?: { keys: { kid: string; secret: string }[]; signing_kid: string; ttl_seconds?: number };
  /** Extra refused passwords (the engine ships its own list). */
  common_passwords?: string[];
}
