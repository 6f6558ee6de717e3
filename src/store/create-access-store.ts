import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AccessError } from './access-error.js';
import { ACCOUNT_ROLES, type AccessStore, type Account, type AccountRole, type ApiKeyInfo, type SessionPolicy } from './access-store.js';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptParameters } from './password-hash.js';
import type { AccountsTable, ApiKeysTable } from './store-database.js';
import type { StoreDriver, WriteOptions } from './store-driver.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MIN_PASSWORD = 12;
const MAX_PASSWORD = 1024;
// `hcc_<id>_<secret>`: the id finds the row, the secret's hash is compared in constant time.
const API_KEY = /^hcc_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;
const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/**
 * Every page view moves its session's last-seen time: waiting for the disk each time would stall
 * the server, and a last-seen time lost in a power cut only ends that session sooner.
 */
const RESUME_WRITE: WriteOptions = { durable: false };
/**
 * A page view brings its PDFs and email frames within the same second: the last-seen time moves
 * when it is a second or more behind, not on each of them (the idle timeout is counted in minutes).
 */
const LAST_SEEN_STEP_MS = 1000;

export interface AccessStoreOptions {
  /** scrypt cost for new passwords (tests lower it; stored hashes keep their own). */
  readonly scrypt?: ScryptParameters;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function accountOf(row: AccountsTable): Account {
  const role = ACCOUNT_ROLES.find((r) => r === row.role);
  if (role === undefined) throw new AccessError('ACCOUNT_INPUT_INVALID', `account ${row.account_id} has an unknown role`);
  return { id: row.account_id, role, createdAt: row.created_at };
}

function apiKeyOf(row: ApiKeysTable): ApiKeyInfo {
  return { id: row.key_id, name: row.name, createdAt: row.created_at, ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }) };
}

function checkPolicy(policy: SessionPolicy): void {
  if (!(policy.idleMs > 0) || !(policy.maxAgeMs > 0)) throw new AccessError('ACCOUNT_INPUT_INVALID', 'session times must be positive');
}

/** The access store over an opened, migrated driver (the same one the outbox store uses). */
export function createAccessStore(driver: StoreDriver, options: AccessStoreOptions = {}): AccessStore {
  const params = options.scrypt ?? DEFAULT_SCRYPT;
  // An unknown account is checked against this hash, so that it costs what a wrong password costs.
  let decoy: Promise<string> | undefined;
  const db = driver.db;

  return {
    async addAccount({ id, role, password, now }) {
      if (typeof id !== 'string' || !ID.test(id)) throw new AccessError('ACCOUNT_INPUT_INVALID', 'the account id is not a code (letters, digits, . _ : -)');
      if (!ACCOUNT_ROLES.includes(role)) throw new AccessError('ACCOUNT_INPUT_INVALID', `the role is not one of ${ACCOUNT_ROLES.join(', ')}`);
      if (typeof password !== 'string' || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
        throw new AccessError('ACCOUNT_INPUT_INVALID', `the password must have ${MIN_PASSWORD} to ${MAX_PASSWORD} characters`);
      }
      const passwordHash = await hashPassword(password, params);
      const createdAt = now.toISOString();
      return driver.write(async (trx) => {
        const existing = await trx.selectFrom('accounts').select('account_id').where('account_id', '=', id).executeTakeFirst();
        if (existing !== undefined) throw new AccessError('ACCOUNT_EXISTS', `account ${id} exists already`);
        await trx.insertInto('accounts').values({ account_id: id, role, password_hash: passwordHash, created_at: createdAt }).execute();
        return { id, role: role satisfies AccountRole, createdAt };
      });
    },

    async authenticate(id, password) {
      const wellFormed = typeof id === 'string' && ID.test(id) && typeof password === 'string' && password.length <= MAX_PASSWORD;
      const row = wellFormed ? await db.selectFrom('accounts').selectAll().where('account_id', '=', id).executeTakeFirst() : undefined;
      decoy ??= hashPassword('decoy password, never valid', params);
      const stored = row?.password_hash ?? (await decoy);
      const ok = await verifyPassword(typeof password === 'string' ? password.slice(0, MAX_PASSWORD) : '', stored);
      return ok && row !== undefined ? accountOf(row) : undefined;
    },

    async startSession(accountId, { now, policy }) {
      checkPolicy(policy);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + policy.maxAgeMs);
      const account = await driver.write(async (trx) => {
        const row = await trx.selectFrom('accounts').selectAll().where('account_id', '=', accountId).executeTakeFirst();
        if (row === undefined) throw new AccessError('ACCOUNT_INPUT_INVALID', 'no such account');
        // Housekeeping: this account's sessions that ran out go when a new one starts.
        const idleBefore = new Date(now.getTime() - policy.idleMs).toISOString();
        await trx
          .deleteFrom('sessions')
          .where('account_id', '=', accountId)
          .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', idleBefore)]))
          .execute();
        await trx
          .insertInto('sessions')
          .values({ session_hash: sha256(token), account_id: accountId, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
          .execute();
        return accountOf(row);
      });
      return { token, account, expiresAt };
    },

    async resumeSession(token, { now, policy }) {
      checkPolicy(policy);
      if (typeof token !== 'string' || !SESSION_TOKEN.test(token)) return undefined;
      const hash = sha256(token);
      // Read first: most page views find the last-seen time already current and write nothing.
      const row = await driver.read((trx) =>
        trx
          .selectFrom('sessions')
          .innerJoin('accounts', 'accounts.account_id', 'sessions.account_id')
          .selectAll('sessions')
          .select(['accounts.role', 'accounts.password_hash', 'accounts.created_at as account_created_at'])
          .where('session_hash', '=', hash)
          .executeTakeFirst(),
      );
      if (row === undefined) return undefined;
      const seen = Date.parse(row.last_seen_at);
      if (now.getTime() - seen >= policy.idleMs || Date.parse(row.expires_at) <= now.getTime()) {
        await driver.write((trx) => trx.deleteFrom('sessions').where('session_hash', '=', hash).execute(), RESUME_WRITE);
        return undefined;
      }
      let lastSeenAt = row.last_seen_at;
      if (now.getTime() - seen >= LAST_SEEN_STEP_MS) {
        lastSeenAt = now.toISOString();
        // Only forward: a request of the same session that wrote a later time in between keeps it.
        await driver.write((trx) => trx.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('session_hash', '=', hash).where('last_seen_at', '<', lastSeenAt).execute(), RESUME_WRITE);
      }
      const account = accountOf({ account_id: row.account_id, role: row.role, password_hash: row.password_hash, created_at: row.account_created_at });
      return { account, createdAt: row.created_at, lastSeenAt, expiresAt: row.expires_at };
    },

    async endSession(token) {
      if (typeof token !== 'string' || !SESSION_TOKEN.test(token)) return;
      await driver.write((trx) => trx.deleteFrom('sessions').where('session_hash', '=', sha256(token)).execute());
    },

    async createApiKey(name, { now }) {
      if (typeof name !== 'string' || !ID.test(name)) throw new AccessError('ACCOUNT_INPUT_INVALID', 'the key name is not a code (letters, digits, . _ : -)');
      const id = randomBytes(8).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      await driver.write((trx) =>
        trx.insertInto('api_keys').values({ key_id: id, name, key_hash: sha256(secret), created_at: now.toISOString(), revoked_at: null }).execute(),
      );
      return { id, name, key: `hcc_${id}_${secret}` };
    },

    async checkApiKey(key) {
      const match = typeof key === 'string' ? API_KEY.exec(key) : null;
      const row = match === null ? undefined : await db.selectFrom('api_keys').selectAll().where('key_id', '=', match[1] ?? '').executeTakeFirst();
      // Compared even when there is no such key, so that the time taken says nothing about which part was wrong.
      const expected = Buffer.from(row?.key_hash ?? sha256('no key'), 'hex');
      const actual = Buffer.from(sha256(match?.[2] ?? ''), 'hex');
      const same = timingSafeEqual(expected, actual);
      return same && row !== undefined && row.revoked_at === null ? apiKeyOf(row) : undefined;
    },

    async revokeApiKey(id, { now }) {
      const result = await driver.write((trx) =>
        trx.updateTable('api_keys').set({ revoked_at: now.toISOString() }).where('key_id', '=', id).where('revoked_at', 'is', null).executeTakeFirst(),
      );
      if (Number(result.numUpdatedRows) === 0) {
        const exists = await db.selectFrom('api_keys').select('key_id').where('key_id', '=', id).executeTakeFirst();
        if (exists === undefined) throw new AccessError('API_KEY_NOT_FOUND', `api key ${id} not found`);
      }
    },

    async listApiKeys() {
      const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('key_id').execute();
      return rows.map(apiKeyOf);
    },
  };
}
