/** What an account may do: officers review and approve; supervisors also see every office; admins manage accounts and keys. */
export type AccountRole = 'officer' | 'supervisor' | 'admin';
export const ACCOUNT_ROLES: readonly AccountRole[] = ['officer', 'supervisor', 'admin'];

export interface Account {
  /** A code (letters, digits, `. _ : -`), never an email address or a name. */
  readonly id: string;
  readonly role: AccountRole;
  readonly createdAt: string;
}

/** How long a session lives. */
export interface SessionPolicy {
  /** Ended after this long without a request. */
  readonly idleMs: number;
  /** Ended this long after sign-in, however active. */
  readonly maxAgeMs: number;
}

/** A new session: `token` goes into the cookie and is never stored (the store keeps its SHA-256). */
export interface SessionGrant {
  readonly token: string;
  readonly account: Account;
  readonly expiresAt: Date;
}

export interface ActiveSession {
  readonly account: Account;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

/** A new API key: `key` is shown once and never stored. */
export interface ApiKeyGrant {
  readonly id: string;
  readonly name: string;
  readonly key: string;
}

export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/**
 * Officer accounts, their sessions and upstream systems' API keys: the server's side of the
 * store, over the same database (migration 002). Secrets (passwords, session tokens, keys) are
 * kept only as hashes; checks compare in constant time and an unknown account costs as much as
 * a wrong password.
 */
export interface AccessStore {
  /** Creates an account; throws ACCOUNT_EXISTS, ACCOUNT_INPUT_INVALID (id, role, or a password shorter than 12 or longer than 1024 characters). */
  addAccount(input: { readonly id: string; readonly role: AccountRole; readonly password: string; readonly now: Date }): Promise<Account>;
  /** The account when the password is right; `undefined` for a wrong password or an unknown account alike. */
  authenticate(id: string, password: string): Promise<Account | undefined>;
  /** A new session with a fresh random token. */
  startSession(accountId: string, options: { readonly now: Date; readonly policy: SessionPolicy }): Promise<SessionGrant>;
  /** The session the token opens, its last-seen time moved to `now` (when a second or more behind); `undefined` (and the session deleted) when unknown, idle too long or expired. */
  resumeSession(token: string, options: { readonly now: Date; readonly policy: SessionPolicy }): Promise<ActiveSession | undefined>;
  /** Ends the session the token opens (nothing if there is none). */
  endSession(token: string): Promise<void>;
  /** A new key named `name` (a code); the key is returned once. */
  createApiKey(name: string, options: { readonly now: Date }): Promise<ApiKeyGrant>;
  /** The key's record when the key is valid and not revoked. */
  checkApiKey(key: string): Promise<ApiKeyInfo | undefined>;
  /** Revokes a key by id; throws API_KEY_NOT_FOUND. */
  revokeApiKey(id: string, options: { readonly now: Date }): Promise<void>;
  listApiKeys(): Promise<ApiKeyInfo[]>;
}
