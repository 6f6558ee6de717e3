import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessStore } from '../../../src/store/access-store.js';
import { createAccessStore } from '../../../src/store/create-access-store.js';
import { at, HOUR, MINUTE, rejectsWithCode, T0, type OpenFreshStore, type StoreFixture } from '../store-test-kit.js';

// A cheap scrypt keeps the suite fast; the production cost is a default of the store.
const CHEAP = { N: 1024, r: 8, p: 1 } as const;
const POLICY = { idleMs: 30 * MINUTE, maxAgeMs: 12 * HOUR } as const;
const PASSWORD = 'correct horse battery staple';

export function describeAccess(openFreshStore: OpenFreshStore): void {
  describe('accounts, sessions and API keys', () => {
    let fixture: StoreFixture | undefined;
    let access: AccessStore;
    beforeEach(async () => {
      fixture = await openFreshStore();
      access = createAccessStore(await fixture.driver(), { scrypt: CHEAP });
    });
    afterEach(async () => {
      await fixture?.dispose();
      fixture = undefined;
    });
    const query = (sql: string) => {
      if (fixture === undefined) throw new Error('no fixture outside a test');
      return fixture.query(sql);
    };

    it('stores an account with a salted scrypt hash and its parameters, never the password', async () => {
      const account = await access.addAccount({ id: 'OFF-1001', role: 'officer', password: PASSWORD, now: T0 });
      expect(account).toEqual({ id: 'OFF-1001', role: 'officer', createdAt: T0.toISOString() });
      await access.addAccount({ id: 'OFF-2002', role: 'supervisor', password: PASSWORD, now: T0 });
      const rows = await query('select account_id, role, password_hash from accounts order by account_id');
      expect(rows.map((r) => r.role)).toEqual(['officer', 'supervisor']);
      const [a, b] = rows.map((r) => String(r.password_hash));
      expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]{43}$/);
      expect(a).not.toBe(b);
      expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    });

    it('refuses a second account with the same id, a bad id, a bad role and a short password', async () => {
      await access.addAccount({ id: 'OFF-1001', role: 'officer', password: PASSWORD, now: T0 });
      await rejectsWithCode(access.addAccount({ id: 'OFF-1001', role: 'admin', password: PASSWORD, now: T0 }), 'ACCOUNT_EXISTS');
      await rejectsWithCode(access.addAccount({ id: 'someone@example.org', role: 'officer', password: PASSWORD, now: T0 }), 'ACCOUNT_INPUT_INVALID');
      await rejectsWithCode(access.addAccount({ id: 'OFF-3', role: 'root' as 'admin', password: PASSWORD, now: T0 }), 'ACCOUNT_INPUT_INVALID');
      await rejectsWithCode(access.addAccount({ id: 'OFF-3', role: 'officer', password: 'short', now: T0 }), 'ACCOUNT_INPUT_INVALID');
      expect(await query('select account_id from accounts')).toEqual([{ account_id: 'OFF-1001' }]);
    });

    it('authenticates the right password only, and an unknown account like a wrong password', async () => {
      await access.addAccount({ id: 'OFF-1001', role: 'officer', password: PASSWORD, now: T0 });
      expect(await access.authenticate('OFF-1001', PASSWORD)).toEqual({ id: 'OFF-1001', role: 'officer', createdAt: T0.toISOString() });
      expect(await access.authenticate('OFF-1001', `${PASSWORD} `)).toBeUndefined();
      expect(await access.authenticate('OFF-9999', PASSWORD)).toBeUndefined();
      expect(await access.authenticate('not an id', PASSWORD)).toBeUndefined();
      expect(await access.authenticate('OFF-1001', 'x'.repeat(5000))).toBeUndefined();
    });

    it('keeps only the hash of a session token; resumes it, moves last seen, ends it', async () => {
      await access.addAccount({ id: 'OFF-1001', role: 'officer', password: PASSWORD, now: T0 });
      const grant = await access.startSession('OFF-1001', { now: T0, policy: POLICY });
      expect(grant.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(grant.expiresAt).toEqual(at(12 * HOUR));
      const rows = await query('select session_hash, account_id from sessions');
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(grant.token);
      const resumed = await access.resumeSession(grant.token, { now: at(10 * MINUTE), policy: POLICY });
      expect(resumed).toEqual({ account: { id: 'OFF-1001', role: 'officer', createdAt: T0.toISOString() }, createdAt: T0.toISOString(), lastSeenAt: at(10 * MINUTE).toISOString(), expiresAt: at(12 * HOUR).toISOString() });
      const other = await access.startSession('OFF-1001', { now: at(11 * MINUTE), policy: POLICY });
      expect(other.token).not.toBe(grant.token);
      await access.endSession(grant.token);
      expect(await access.resumeSession(grant.token, { now: at(12 * MINUTE), policy: POLICY })).toBeUndefined();
      expect(await access.resumeSession(other.token, { now: at(12 * MINUTE), policy: POLICY })).toBeDefined();
      expect(await access.resumeSession('forged-token', { now: at(12 * MINUTE), policy: POLICY })).toBeUndefined();
    });

    it('moves last seen when it is a second or more behind, not on every request within that second', async () => {
      await access.addAccount({ id: 'OFF-1001', role: 'officer', password: PASSWORD, now: T0 });
      const grant = await access.startSession('OFF-1001', { now: T0, policy: POLICY });
      const lastSeen = async () => (await query('select last_seen_at from sessions')) as { last_seen_at: string }[];
      expect((await access.resumeSession(grant.token, { now: at(999), policy: POLICY }))?.lastSeenAt).toBe(T0.toISOString());
      expect(await lastSeen()).toEqual([{ last_seen_at: T0.toISOString() }]);
      expect((await access.resumeSession(grant.token, { now: at(1000), policy: POLICY }))?.lastSeenAt).toBe(at(1000).toISOString());
      expect(await lastSeen()).toEqual([{ last_seen_at: at(1000).toISOString() }]);
      // A request that read an earlier time does not move it back.
      expect((await access.resumeSession(grant.token, { now: at(500), policy: POLICY }))?.lastSeenAt).toBe(at(1000).toISOString());
      expect(await lastSeen()).toEqual([{ last_seen_at: at(1000).toISOString() }]);
    });

    it('ends a session idle for the idle timeout, and one past its maximum age however active', async () => {
      await access.addAccount({ id: 'OFF-1001', role: 'officer', password: PASSWORD, now: T0 });
      const idle = await access.startSession('OFF-1001', { now: T0, policy: POLICY });
      expect(await access.resumeSession(idle.token, { now: at(30 * MINUTE - 1), policy: POLICY })).toBeDefined();
      expect(await access.resumeSession(idle.token, { now: at(60 * MINUTE - 1), policy: POLICY })).toBeUndefined();
      const busy = await access.startSession('OFF-1001', { now: T0, policy: POLICY });
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        expect(await access.resumeSession(busy.token, { now: at(minutes * MINUTE), policy: POLICY })).toBeDefined();
      }
      expect(await access.resumeSession(busy.token, { now: at(12 * HOUR), policy: POLICY })).toBeUndefined();
      expect(await query('select session_hash from sessions')).toEqual([]);
    });

    it('creates API keys shown once and stored hashed; checks, lists and revokes them', async () => {
      const grant = await access.createApiKey('case-system', { now: T0 });
      expect(grant.key).toMatch(/^hcc_[a-f0-9]{16}_[A-Za-z0-9_-]{43}$/);
      const rows = await query('select key_id, name, key_hash from api_keys');
      expect(JSON.stringify(rows)).not.toContain(grant.key.slice(22));
      expect(await access.checkApiKey(grant.key)).toEqual({ id: grant.id, name: 'case-system', createdAt: T0.toISOString() });
      // The key with its last character changed (to one it is not: the secret is random).
      expect(await access.checkApiKey(`${grant.key.slice(0, -1)}${grant.key.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
      expect(await access.checkApiKey('Bearer nothing')).toBeUndefined();
      const second = await access.createApiKey('other-system', { now: at(1) });
      expect(await access.checkApiKey(`hcc_${grant.id}_${second.key.slice(22)}`)).toBeUndefined();
      await access.revokeApiKey(grant.id, { now: at(2) });
      expect(await access.checkApiKey(grant.key)).toBeUndefined();
      expect(await access.checkApiKey(second.key)).toBeDefined();
      expect(await access.listApiKeys()).toEqual([
        { id: grant.id, name: 'case-system', createdAt: T0.toISOString(), revokedAt: at(2).toISOString() },
        { id: second.id, name: 'other-system', createdAt: at(1).toISOString() },
      ]);
      await rejectsWithCode(access.revokeApiKey('0000000000000000', { now: at(3) }), 'API_KEY_NOT_FOUND');
      await rejectsWithCode(access.createApiKey('has spaces', { now: T0 }), 'ACCOUNT_INPUT_INVALID');
    });
  });
}
