/**
 * Keeps a signed-in session across a reload (F5) within the idle-lock time, without putting
 * anything secret in plain storage. See docs/sync.md "Staying signed in across a reload".
 *
 * - At sign-in the user's wrapped key is decrypted once (signing.ts openUserKeyBytes): the
 *   session signs with a non-extractable copy as before, and the PKCS#8 bytes are re-encrypted
 *   here (AES-GCM) under a fresh random secret S of this tab, then zeroed.
 * - S stays where it does not reach disk for long and no other tab sees it: the tab's
 *   sessionStorage in a browser, the main process's memory on the desktop
 *   (Platform.sessionSecret).
 * - The ciphertext, the user id, the key id and an expiry (last activity + the idle-lock time,
 *   refreshed on activity) are kept apart from S, in localStorage under the database's name
 *   and the tab's id. Neither half opens anything alone.
 * - On reload, both present and not expired, the user still active and still holding that key
 *   (no password change, key rotation or deactivation since), the key is decrypted, imported
 *   non-extractable, checked against the user's public key, and the session restored. A locked
 *   session is kept as a marker without key material and restored locked.
 * - Sign-out, lock and expiry delete the ciphertext and S.
 */
import type { UserState } from '@shared/domain/user/state';
import { fromHex, toHex } from '@shared/hash';
import { currentKey, importSigningKey, keyMatches, type SigningKey } from '@shared/signing';
import { webCrypto } from '@shared/webcrypto';
import type { SessionSecretCapability } from '@shared/platform';

/** The session's key sealed under the tab's secret: ciphertext only. */
export interface SealedKey {
  iv: string;
  data: string;
}

/** A session's signing key, with its sealed copy when the session may survive a reload. */
export interface SessionKey extends SigningKey {
  sealed?: SealedKey;
}

/** What localStorage keeps for one tab: no key material in the clear. */
export interface VaultRecord {
  v: 1;
  userId: string;
  keyId: string;
  locked: boolean;
  /** ms since the epoch: last activity + the idle-lock time. */
  expiresAt: number;
  iv?: string;
  data?: string;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface VaultDeps {
  /** Where S is kept (the platform's session secret). */
  secret: SessionSecretCapability;
  /** localStorage. */
  storage: KeyValueStore | undefined;
  /** The tab's own storage (sessionStorage), for the tab id; none: one id per page load. */
  tabStorage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  /** The database's name (one console profile per name). */
  dbName: string;
  now?: () => number;
}

export interface Restored {
  user: UserState;
  key: SessionKey | null;
  locked: boolean;
}

const PREFIX = 'meja-it.session.';
const TAB_KEY = 'meja-it.tab-id';
const MINUTE = 60_000;

/** Binds the ciphertext to its user and key: a record moved to another user does not open. */
const aad = (userId: string, keyId: string) => new TextEncoder().encode(`meja-it/session/v1\n${userId}\n${keyId}`);

function parseRecord(text: string | null): VaultRecord | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Partial<VaultRecord>;
    if (r.v !== 1 || typeof r.userId !== 'string' || typeof r.keyId !== 'string' || typeof r.expiresAt !== 'number' || typeof r.locked !== 'boolean') return null;
    if (r.iv !== undefined && !/^[0-9a-f]{24}$/.test(r.iv)) return null;
    if (r.data !== undefined && !/^[0-9a-f]+$/.test(r.data)) return null;
    return r as VaultRecord;
  } catch {
    return null;
  }
}

export class SessionVault {
  private readonly now: () => number;
  private tabIdKept: string | undefined;

  constructor(private readonly deps: VaultDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** This tab's id, read (or made) on first use: the first touch of a fresh profile's tab storage costs tens of ms, so not while the page loads. */
  private get tabId(): string {
    this.tabIdKept ??= this.ownTabId();
    return this.tabIdKept;
  }

  /** The localStorage key of this tab's record. */
  get recordKey(): string {
    return `${PREFIX}${this.deps.dbName}.${this.tabId}`;
  }

  private ownTabId(): string {
    // crypto.getRandomValues, not WebCrypto's subtle: this runs when the page loads, also in an
    // insecure context (plain http:// to another machine), which must still show its explanation.
    const fresh = toHex(globalThis.crypto.getRandomValues(new Uint8Array(8)));
    try {
      const kept = this.deps.tabStorage?.getItem(TAB_KEY);
      if (kept && /^[0-9a-f]{16}$/.test(kept)) return kept;
      this.deps.tabStorage?.setItem(TAB_KEY, fresh);
    } catch {
      // no tab storage: this page load's id
    }
    return fresh;
  }

  private read(): VaultRecord | null {
    try {
      return parseRecord(this.deps.storage?.getItem(this.recordKey) ?? null);
    } catch {
      return null;
    }
  }

  private write(r: VaultRecord): void {
    try {
      this.deps.storage?.setItem(this.recordKey, JSON.stringify(r));
    } catch {
      // storage full or refused: the session is simply not kept across a reload
    }
  }

  private remove(): void {
    try {
      this.deps.storage?.removeItem(this.recordKey);
    } catch {
      // nothing kept
    }
  }

  private async aesKey(secretHex: string): Promise<CryptoKey> {
    return webCrypto().subtle.importKey('raw', fromHex(secretHex), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']) as Promise<CryptoKey>;
  }

  /**
   * Seals a session key's PKCS#8 bytes under this tab's secret (made now if the tab has none).
   * Returns the ciphertext, or undefined when the shell cannot keep a secret (then the session
   * is not kept across a reload). The caller zeroes the bytes.
   */
  async seal(pkcs8: Uint8Array, userId: string, keyId: string): Promise<SealedKey | undefined> {
    try {
      let secret = await this.deps.secret.get();
      if (!secret) {
        secret = toHex(webCrypto().getRandomValues(new Uint8Array(32)));
        if (!(await this.deps.secret.put(secret))) return undefined;
      }
      const iv = webCrypto().getRandomValues(new Uint8Array(12));
      const data = await webCrypto().subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(userId, keyId) }, await this.aesKey(secret), pkcs8);
      return { iv: toHex(iv), data: toHex(new Uint8Array(data)) };
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps the session: its ciphertext (when it has one) and an expiry. The same key as the
   * record already holds keeps the record's expiry (a restore does not extend it: activity does).
   */
  save(userId: string, key: SessionKey | null, idleMinutes: number): void {
    if (!key?.sealed) return this.remove();
    const old = this.read();
    const same = old && !old.locked && old.userId === userId && old.keyId === key.keyId && old.data === key.sealed.data;
    this.write({ v: 1, userId, keyId: key.keyId, locked: false, expiresAt: same ? old.expiresAt : this.now() + idleMinutes * MINUTE, iv: key.sealed.iv, data: key.sealed.data });
  }

  /** Activity: the session is kept for another idle-lock time from now. */
  touch(idleMinutes: number): void {
    const r = this.read();
    // Never revives a session whose time is up.
    if (r && !r.locked && r.expiresAt > this.now()) this.write({ ...r, expiresAt: this.now() + idleMinutes * MINUTE });
  }

  /** When the kept session expires (ms since the epoch), if one is kept unlocked. */
  expiresAt(): number | undefined {
    const r = this.read();
    return r && !r.locked ? r.expiresAt : undefined;
  }

  /** The console locked: the key and S are deleted; a marker says whose lock screen to show. */
  async lock(userId: string, keyId: string | undefined): Promise<void> {
    await this.deps.secret.clear();
    this.write({ v: 1, userId, keyId: keyId ?? '', locked: true, expiresAt: this.now() });
  }

  /** Sign-out or expiry: nothing is kept. */
  async clear(): Promise<void> {
    this.remove();
    await this.deps.secret.clear();
  }

  /** Deletes other tabs' records whose time is up (a closed tab never comes back for them). */
  sweep(): void {
    const storage = this.deps.storage;
    if (!storage) return;
    try {
      const stale: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (!k || !k.startsWith(`${PREFIX}${this.deps.dbName}.`) || k === this.recordKey) continue;
        const r = parseRecord(storage.getItem(k));
        if (!r || (!r.locked && r.expiresAt <= this.now())) stale.push(k);
      }
      for (const k of stale) storage.removeItem(k);
    } catch {
      // best effort
    }
  }

  /**
   * The session this tab kept, if it may come back: not expired, its user still active and
   * still holding the same key, and the key opens and matches the user's public key. Anything
   * else deletes what was kept and answers null (the sign-in screen).
   */
  async restore(lookupUser: (id: string) => Promise<UserState | undefined>): Promise<Restored | null> {
    this.sweep();
    const r = this.read();
    // Nothing kept: nothing to delete either (a secret alone opens nothing, and a sign-in in
    // progress — first-run setup finishing as the office appears — may have just made it).
    if (!r) return null;
    const user = await lookupUser(r.userId);
    const current = user ? currentKey(user.keys) : undefined;
    if (!user || !user.active) return this.dropped();
    if (r.locked) {
      // Only whose lock screen it was — unless their key changed since (a password changed on
      // another console): then the sign-in screen.
      if (r.keyId && r.keyId !== current?.keyId) return this.dropped();
      await this.deps.secret.clear();
      return { user, key: null, locked: true };
    }
    if (r.expiresAt <= this.now() || !current || current.keyId !== r.keyId || !r.iv || !r.data) return this.dropped();
    const secret = await this.deps.secret.get();
    if (!secret) return this.dropped();
    let pkcs8: Uint8Array | undefined;
    try {
      pkcs8 = new Uint8Array(await webCrypto().subtle.decrypt({ name: 'AES-GCM', iv: fromHex(r.iv), additionalData: aad(r.userId, r.keyId) }, await this.aesKey(secret), fromHex(r.data)));
      const key = await importSigningKey(pkcs8, r.keyId);
      if (!(await keyMatches(key, current.publicKey))) return this.dropped();
      return { user, key: { ...key, sealed: { iv: r.iv, data: r.data } }, locked: false };
    } catch {
      return this.dropped();
    } finally {
      pkcs8?.fill(0);
    }
  }

  private async dropped(): Promise<null> {
    await this.clear();
    return null;
  }
}
