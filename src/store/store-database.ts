import type { Generated } from 'kysely';

// Row types of the tables created by the migrations. Times are ISO 8601 UTC strings
// (`Date#toISOString`, fixed width, so they compare as text); days are YYYY-MM-DD.

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface DecisionsTable {
  decision_id: string;
  office_id: string;
  current_revision: number;
  created_at: string;
  purged_at: string | null;
  /** After purge: counts of revisions and items by final state, canonical JSON, nothing personal. */
  history_json: string | null;
}

export interface RevisionsTable {
  decision_id: string;
  revision: number;
  record_json: string;
  record_sha256: string;
  author_id: string;
  office_id: string;
  plan_json: string;
  received_at: string;
  approval_policy: string;
  rejected_by: string | null;
  rejected_at: string | null;
  rejection_reason: string | null;
}

export interface FilesTable {
  sha256: string;
  media_type: string;
  size: number;
  bytes: Uint8Array;
  stored_at: string;
}

export interface RevisionFilesTable {
  decision_id: string;
  revision: number;
  sha256: string;
}

export interface ItemsTable {
  id: string;
  decision_id: string;
  revision: number;
  position: number;
  item_key: string;
  kind: string;
  channel: string;
  recipient: string;
  /** Comma-separated, the first language first. */
  languages: string;
  sha256: string;
  message_id: string | null;
  envelope_json: string | null;
  address_block_json: string | null;
  page_count: number | null;
  state: string;
  state_changed_at: string;
  attempts: number;
  first_attempt_at: string | null;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  last_smtp_code: number | null;
  last_error_code: string | null;
  approved_by: string | null;
  approved_at: string | null;
}

export interface FollowUpsTable {
  id: string;
  decision_id: string;
  revision: number;
  position: number;
  kind: string;
  due_on: string;
  if_not_confirmed: string;
  state: string;
  state_changed_at: string;
}

export interface FollowUpPersonsTable {
  follow_up_id: string;
  position: number;
  uci: string;
}

export interface PersonOutcomesTable {
  decision_id: string;
  uci: string;
  /** `departure` or `trp-decision`. */
  kind: string;
  /** `departed`, `issued` or `refused`. */
  outcome: string;
  on_date: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  at: string;
  event: string;
  decision_id: string;
  revision: number | null;
  item_id: string | null;
  follow_up_id: string | null;
  from_state: string | null;
  to_state: string | null;
  actor: string | null;
  code: string | null;
  smtp_code: number | null;
  attempts: number | null;
  sha256: string | null;
  policy: string | null;
}

export interface AccountsTable {
  account_id: string;
  /** `officer`, `supervisor` or `admin`. */
  role: string;
  /** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session token; the token itself lives only in the cookie. */
  session_hash: string;
  account_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiKeysTable {
  key_id: string;
  name: string;
  /** SHA-256 (hex) of the key's secret part. */
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** Every table of the store, for Kysely. */
export interface StoreDatabase {
  schema_migrations: SchemaMigrationsTable;
  decisions: DecisionsTable;
  revisions: RevisionsTable;
  files: FilesTable;
  revision_files: RevisionFilesTable;
  items: ItemsTable;
  follow_ups: FollowUpsTable;
  follow_up_persons: FollowUpPersonsTable;
  person_outcomes: PersonOutcomesTable;
  audit_events: AuditEventsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
}
