/**
 * The session vault (issue 12 item 5): a reload within the idle-lock time restores the session
 * from the key sealed under the tab's secret; nothing kept in localStorage opens without that
 * secret; expiry, sign-out, lock, a password change (key rotation), a deactivated user and a
 * tampered record all end at the sign-in screen. Both shells' secret holders are exercised:
 * the browser's (sessionStorage, web.ts) and the desktop's (main's memory through the bridge,
 * desktop.ts over src/main/services/session-secret.ts).
 */
import { describe, expect, it } from 'vitest';
import { SessionVault, type SessionKey } from '@renderer/app/session-vault';
import { createDesktopPlatform } from '@renderer/platform/desktop';
import { SESSION_SECRET_KEY, webSessionSecret } from '@renderer/platform/web';
import { toHex } from '@shared/hash';
import { ok } from '@shared/result';
import type { DesktopApi, SessionSecretCapability } from '@shared/platform';
import type { UserState } from '@shared/domain/user/state';
import { keyMatches, newUserKey, openUserKeyBytes, signHash, type KeyMaterial } from '@shared/signing';
import type { DesktopSyncApi } from '@shared/sync/transport';

/** A Storage in memory. */
class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
  values() {
    return [...this.m.values()];
  }
}

const PASSWORD = 'Rahasia123';
const ITER = 1000;

function userWith(material: KeyMaterial, over: Partial<UserState> = {}): UserState {
  return {
    id: 'u-1', username: 'sari', displayName: 'Sari', roles: ['officer'], active: true,
    password: { alg: 'PBKDF2-SHA256', iterations: ITER, salt: '0'.repeat(32), hash: '0'.repeat(64) },
    keys: [{ keyId: material.keyId, publicKey: material.publicKey, from: '2026-01-01T00:00:00.000Z', certifiedBy: 'u-1', reason: 'setup' }],
    wrappedKey: material.wrapped,
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', hlc: '',
    ...over,
  } as UserState;
}

/** One browser tab: its localStorage (shared by the origin), its sessionStorage, a clock. */
function tab(local = new MemoryStorage(), session = new MemoryStorage(), secret?: SessionSecretCapability) {
  const clock = { now: Date.parse('2026-03-02T01:00:00Z') };
  const make = () => new SessionVault({ secret: secret ?? webSessionSecret(session), storage: local, tabStorage: session, dbName: 'meja-it-test', now: () => clock.now });
  return { local, session, clock, make };
}

/** Signs in as the console does: decrypts the wrapped key, keeps it non-extractable, seals its bytes. */
async function signIn(vault: SessionVault, user: UserState): Promise<SessionKey> {
  let sealed: SessionKey['sealed'];
  const key = await openUserKeyBytes(PASSWORD, user.wrappedKey!, user.keys![0]!.keyId, async (pkcs8, keyId) => {
    sealed = await vault.seal(pkcs8, user.id, keyId);
  });
  expect(key).not.toBeNull();
  const k: SessionKey = { ...key!, sealed };
  vault.save(user.id, k, 10);
  return k;
}

/** The key's 32-byte seed, hex and base64, as an attacker reading storage would look for it. */
async function seedForms(material: KeyMaterial): Promise<string[]> {
  let seed = '';
  await openUserKeyBytes(PASSWORD, material.wrapped, material.keyId, async (pkcs8) => {
    seed = toHex(pkcs8.slice(-32));
  });
  const bytes = Uint8Array.from(seed.match(/../g)!.map((h) => parseInt(h, 16)));
  return [seed, Buffer.from(bytes).toString('base64').slice(0, 40), Buffer.from(bytes).toString('base64url').slice(0, 40)];
}

describe('session vault', () => {
  it('restores the session after a reload: same user, a key that signs for the same public key', async () => {
    const { material } = await newUserKey(PASSWORD, ITER);
    const user = userWith(material);
    const t = tab();
    await signIn(t.make(), user);
    t.clock.now += 9 * 60_000;
    const restored = await t.make().restore(async () => user);
    expect(restored).toMatchObject({ user: { id: 'u-1' }, locked: false, key: { keyId: material.keyId } });
    expect(await keyMatches(restored!.key!, material.publicKey)).toBe(true);
    expect(restored!.key!.privateKey.extractable).toBe(false);
    expect((await signHash(restored!.key!, 'ab'.repeat(32))).length).toBe(128);
  });

  it('keeps no key material in plain form: localStorage holds ciphertext, sessionStorage only the secret', async () => {
    const { material } = await newUserKey(PASSWORD, ITER);
    const t = tab();
    await signIn(t.make(), userWith(material));
    const stored = [...t.local.values(), ...t.session.values()].join('\n');
    for (const form of await seedForms(material)) expect(stored).not.toContain(form);
    const record = JSON.parse(t.local.values()[0]!) as Record<string, unknown>;
    expect(Object.keys(record).sort()).toEqual(['data', 'expiresAt', 'iv', 'keyId', 'locked', 'userId', 'v']);
    expect(t.session.getItem(SESSION_SECRET_KEY)).toMatch(/^[0-9a-f]{64}$/);
    // The ciphertext alone (another tab, no secret) opens nothing.
    const other = tab(t.local);
    expect(await other.make().restore(async () => userWith(material))).toBeNull();
  });

  it('expires after the idle-lock time without activity; activity moves the expiry on', async () => {
    const { material } = await newUserKey(PASSWORD, ITER);
    const user = userWith(material);
    const t = tab();
    const vault = t.make();
    await signIn(vault, user);
    t.clock.now += 8 * 60_000;
    vault.touch(10);
    t.clock.now += 8 * 60_000; // 16 min after sign-in, 8 after the last activity
    expect(await t.make().restore(async () => user)).not.toBeNull();
    t.clock.now += 10 * 60_000 + 1;
    expect(await t.make().restore(async () => user)).toBeNull();
    // Expiry deleted both halves.
    expect(t.local.length).toBe(0);
    expect(t.session.getItem(SESSION_SECRET_KEY)).toBeNull();
  });

  it('a restore does not extend the expiry (only activity does)', async () => {
    const { material } = await newUserKey(PASSWORD, ITER);
    const user = userWith(material);
    const t = tab();
    await signIn(t.make(), user);
    t.clock.now += 9 * 60_000;
    const vault = t.make();
    const r = await vault.restore(async () => user);
    vault.save(user.id, r!.key, 10);
    t.clock.now += 2 * 60_000;
    expect(await t.make().restore(async () => user)).toBeNull();
  });

  it('a restore with nothing kept leaves a secret just made alone (setup finishing as the office appears)', async () => {
    const { material } = await newUserKey(PASSWORD, ITER);
    const user = userWith(material);
    const t = tab();
    const vault = t.make();
    let sealed: SessionKey['sealed'];
    const key = await openUserKeyBytes(PASSWORD, user.wrappedKey!, material.keyId, async (pkcs8, keyId) => {
      sealed = await vault.seal(pkcs8, user.id, keyId);
    });
    // The start-up restore runs between the sealing and the sign-in.
    expect(await t.make().restore(async () => user)).toBeNull();
    vault.save(user.id, { ...key!, sealed }, 10);
    expect(await t.make().restore(async () => user)).not.toBeNull();
  });

  it('sign-out deletes both halves', async () => {
    const { material } = await newUserKey(PASSWORD, ITER);
    const t = tab();
    const vault = t.make();
    await signIn(vault, userWith(material));
    await vault.clear();
    expect(t.local.length).toBe(0);
    expect(t.session.length).toBe(1); // the tab id only
    expect(t.session.getItem(SESSION_SECRET_KEY)).toBeNull();
    expect(await t.make().restore(async () => userWith(material))).toBeNull();
  });

  it('a lock deletes the key and the secret and is restored locked, without a key', async () => {
    const { material } = await newUserKey(PASSWORD, ITER);
    const user = userWith(material);
    const t = tab();
    const vault = t.make();
    const key = await signIn(vault, user);
    await vault.lock(user.id, key.keyId);
    expect(t.session.getItem(SESSION_SECRET_KEY)).toBeNull();
    const record = JSON.parse(t.local.values()[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({ locked: true, userId: 'u-1' });
    expect(record.data).toBeUndefined();
    t.clock.now += 60 * 60_000;
    expect(await t.make().restore(async () => user)).toEqual({ user, key: null, locked: true });
    // Locked, then the password changed elsewhere: not the lock screen, the sign-in screen.
    const rotated = (await newUserKey('Baru12345', ITER)).material;
    expect(await t.make().restore(async () => userWith(rotated))).toBeNull();
    expect(t.local.length).toBe(0);
  });

  it('does not restore a stale user: password changed (key rotated), deactivated, or gone', async () => {
    const { material } = await newUserKey(PASSWORD, ITER);
    const rotated = (await newUserKey('Baru12345', ITER)).material;
    const user = userWith(material);
    const cases: [string, UserState | undefined][] = [
      ['rotated', userWith(rotated, { keys: [{ ...user.keys![0]!, to: '2026-03-02T01:01:00Z' }, { keyId: rotated.keyId, publicKey: rotated.publicKey, from: '2026-03-02T01:01:00Z', certifiedBy: 'u-1', reason: 'rotated' }] })],
      ['deactivated', { ...user, active: false }],
      ['gone', undefined],
    ];
    for (const [name, now] of cases) {
      const t = tab();
      await signIn(t.make(), user);
      expect(await t.make().restore(async () => now), name).toBeNull();
      expect(t.local.length, name).toBe(0);
    }
  });

  it('refuses a record moved to another user or a ciphertext changed', async () => {
    const { material } = await newUserKey(PASSWORD, ITER);
    const user = userWith(material);
    const t = tab();
    const vault = t.make();
    await signIn(vault, user);
    const record = JSON.parse(t.local.getItem(vault.recordKey)!) as { userId: string; data: string };
    // The same key on another user id (AAD binds the ciphertext to its user).
    t.local.setItem(vault.recordKey, JSON.stringify({ ...record, userId: 'u-2' }));
    expect(await t.make().restore(async (id) => ({ ...user, id }))).toBeNull();
    await signIn(t.make(), user);
    const again = JSON.parse(t.local.getItem(vault.recordKey)!) as { data: string };
    t.local.setItem(vault.recordKey, JSON.stringify({ ...again, data: (again.data.startsWith('0') ? '1' : '0') + again.data.slice(1) }));
    expect(await t.make().restore(async () => user)).toBeNull();
  });

  it("keeps each tab's session apart and sweeps other tabs' expired records", async () => {
    const { material } = await newUserKey(PASSWORD, ITER);
    const user = userWith(material);
    const local = new MemoryStorage();
    const a = tab(local);
    const b = tab(local);
    await signIn(a.make(), user);
    b.clock.now = a.clock.now + 5 * 60_000;
    await signIn(b.make(), user);
    expect(local.length).toBe(2);
    expect(await a.make().restore(async () => user)).not.toBeNull();
    expect(await b.make().restore(async () => user)).not.toBeNull();
    // Tab A closes (its sessionStorage is gone); later tab B reloads: A's expired record is swept.
    b.clock.now = a.clock.now + 11 * 60_000;
    expect(await b.make().restore(async () => user)).not.toBeNull();
    expect(local.length).toBe(1);
    // Activity does not revive an expired session.
    b.clock.now += 10 * 60_000;
    b.make().touch(10);
    expect(await b.make().restore(async () => user)).toBeNull();
  });

  it('the desktop holder: the secret lives in main, per window, gone when the window is destroyed', async () => {
    // Main's side stands in as a map per window (the real one: test/main/session-secret.test.ts).
    const secrets = new Map<number, string>();
    const listeners: (() => void)[] = [];
    const window = 7;
    const api = {
      sync: {} as DesktopSyncApi,
      sessionSecretGet: async () => ok({ secret: secrets.get(window) ?? null }),
      sessionSecretPut: async (req: { secret: string }) => {
        secrets.set(window, req.secret);
        listeners.push(() => secrets.delete(window));
        return ok(null);
      },
      sessionSecretClear: async () => {
        secrets.delete(window);
        return ok(null);
      },
    } as unknown as DesktopApi;
    const platform = createDesktopPlatform(api);
    const { material } = await newUserKey(PASSWORD, ITER);
    const user = userWith(material);
    const t = tab(new MemoryStorage(), new MemoryStorage(), platform.sessionSecret);
    await signIn(t.make(), user);
    expect(secrets.size).toBe(1);
    // Nothing of the secret reaches the page's storage.
    expect(t.session.getItem(SESSION_SECRET_KEY)).toBeNull();
    expect(await t.make().restore(async () => user)).not.toBeNull();
    // The window closes: main forgets the secret, and nothing kept opens.
    for (const l of listeners) l();
    expect(secrets.size).toBe(0);
    expect(await t.make().restore(async () => user)).toBeNull();
  });

  it('a desktop bridge that fails keeps no session (and says nothing secret)', async () => {
    const api = {
      sync: {} as DesktopSyncApi,
      sessionSecretGet: async () => Promise.reject(new Error('no handler')),
      sessionSecretPut: async () => Promise.reject(new Error('no handler')),
      sessionSecretClear: async () => Promise.reject(new Error('no handler')),
    } as unknown as DesktopApi;
    const platform = createDesktopPlatform(api);
    const { material } = await newUserKey(PASSWORD, ITER);
    const t = tab(new MemoryStorage(), new MemoryStorage(), platform.sessionSecret);
    const key = await signIn(t.make(), userWith(material));
    expect(key.sealed).toBeUndefined();
    expect(t.local.length).toBe(0);
  });
});
