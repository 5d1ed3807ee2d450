// Type definitions of the administration documents and inputs (include/commerce/access.h), re-exported by
// index.d.ts. Documents are described by docs/schema/<type>.schema.json.

import type { Document, Timestamp } from './index';
import type { Permission, Role, User } from './identity';

export interface UserList extends Document<'user_list'> {
  items: User[];
  /** A cursor for the next page (pass it as `after`), or null on the last page. */
  next: string | null;
}

/** The "role" document (a role's definition; Role is a role's name). */
export interface RoleDefinition extends Document<'role'> {
  name: Role;
  description: string;
  builtin: boolean;
  permissions: Permission[];
}

export interface RoleList extends Document<'role_list'> {
  items: RoleDefinition[];
}

export interface AuditEntry {
  id: string;
  actor_id: string | null;
  /** e.g. "user.suspend". */
  action: string;
  target_type: string;
  target_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  created_at: Timestamp;
}

export interface AuditList extends Document<'audit_list'> {
  items: AuditEntry[];
  /** A cursor for the next (older) page (pass it as `before`), or null. */
  next: string | null;
}

export interface LoginCounts {
  logins: number;
  failures: number;
  unique_users: number;
}

export interface LoginReport extends Document<'login_report'> {
  /** "YYYY-MM-DD" */
  from: string;
  to: string;
  days: (LoginCounts & { date: string })[];
  totals: LoginCounts;
}

// ------------------------------------------------------------------------------------------------------------
// Inputs
// ------------------------------------------------------------------------------------------------------------

export interface UserListQuery {
  /** Matches the email or the name. */
  search?: string;
  status?: 'active' | 'suspended';
  role?: Role;
  limit?: number;
  after?: string;
}

export interface RoleInput {
  name: string;
  description?: string;
  permissions: Permission[];
}

export interface AuditQuery {
  actor_id?: string;
  target_id?: string;
  action?: string;
  limit?: number;
  /** The `next` cursor of the previous page. */
  before?: string;
}

export interface LoginReportQuery {
  /** "YYYY-MM-DD", inclusive; at most 366 days. */
  from: string;
  to: string;
}
