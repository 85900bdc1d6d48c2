import { newId } from '@shared/ids';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands, foldRecord, folds, type CommandType } from '@shared/domain/registry';
import type { CommandHandler, Lookups } from '@shared/domain/types';
import { ORG_ID, orgProfileSchema, parseBadgePool, type OrgState } from '@shared/domain/org/state';
import { newPasswordSchema, type PasswordHash, type UserState } from '@shared/domain/user/state';
import type { DomainEvent, EventDraft } from '@shared/events';
import { hashPassword, verifyPassword } from '@shared/password';
import type { Result } from '@shared/result';
import type { Actor, Role } from '@shared/roles';
import { currentKey, keyAt, type KeyMaterial } from '@shared/signing';
import { mayAct } from '@shared/sync/replay';
import { freshTestKey } from '../fixtures/signing';
import { expectDraftsParse } from './world';

const PW: PasswordHash = { alg: 'PBKDF2-SHA256', iterations: 1000, salt: 'ab'.repeat(16), hash: 'cd'.repeat(32) };
/** Key material as commands carry it (user.create, org.setUp's admin, user.setPassword, user.enrolKey). */
let KEY: KeyMaterial;
let KEY2: KeyMaterial;
beforeAll(async () => {
  [KEY, KEY2] = await Promise.all([freshTestKey().then((k) => k.material), freshTestKey().then((k) => k.material)]);
});

const profile = (over: Record<string, unknown> = {}) => ({
  name: 'Dinas Komunikasi dan Informatika',
  unit: 'Bidang TIK',
  address: 'Jl. Merdeka No. 1, Bandung',
  timeZone: 'WITA',
  badgePool: ['B-01', 'B-02', 'TAMU-1'],
  docPrefix: 'TIK.DKI-1',
  idleLockMinutes: 15,
  ...over,
});

describe('parseBadgePool', () => {
  it('expands ranges keeping the zero padding', () => {
    expect(parseBadgePool('B-01..B-05, TAMU-1')).toEqual(['B-01', 'B-02', 'B-03', 'B-04', 'B-05', 'TAMU-1']);
  });

  it('accepts the other separators and range marks', () => {
    expect(parseBadgePool('B-08..B-11;X\nY')).toEqual(['B-08', 'B-09', 'B-10', 'B-11', 'X', 'Y']);
    expect(parseBadgePool('B-01..03')).toEqual(['B-01', 'B-02', 'B-03']);
    expect(parseBadgePool('T-8–T-10')).toEqual(['T-8', 'T-9', 'T-10']);
    expect(parseBadgePool('007--009')).toEqual(['007', '008', '009']);
    expect(parseBadgePool('1..3')).toEqual(['1', '2', '3']);
  });

  it('keeps reversed, mismatched and oversized ranges as typed, and drops empty parts', () => {
    expect(parseBadgePool('B-05..B-01')).toEqual(['B-05..B-01']);
    expect(parseBadgePool('A-01..B-03')).toEqual(['A-01..B-03']);
    expect(parseBadgePool('1..501')).toEqual(['1..501']);
    expect(parseBadgePool('1..500')).toHaveLength(500);
    expect(parseBadgePool(' , B-1 ,, ;\n')).toEqual(['B-1']);
    expect(parseBadgePool('')).toEqual([]);
  });

  it('produces a pool the profile schema accepts', () => {
    const r = orgProfileSchema.safeParse(profile({ badgePool: parseBadgePool('B-01..B-20, TAMU-1..TAMU-3') }));
    expect(r.success).toBe(true);
    expect(r.data?.badgePool).toHaveLength(23);
  });
});

describe('orgProfileSchema', () => {
  const refusal = (over: Record<string, unknown>) => {
    const r = orgProfileSchema.safeParse(profile(over));
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
  };

  it('accepts a complete profile and trims it', () => {
    const r = orgProfileSchema.parse(profile({ name: '  Diskominfo  ' }));
    expect(r.name).toBe('Diskominfo');
    expect(r.timeZone).toBe('WITA');
  });

  it('refuses duplicate badges, also after trimming', () => {
    expect(refusal({ badgePool: ['B-01', 'B-02', 'B-01'] })).toEqual([{ path: ['badgePool'], message: 'setup.errors.badgeDuplicate' }]);
    expect(refusal({ badgePool: ['B-01', ' B-01 '] })).toEqual([{ path: ['badgePool'], message: 'setup.errors.badgeDuplicate' }]);
  });

  it('refuses an empty badge pool', () => {
    expect(refusal({ badgePool: [] })).toEqual([{ path: ['badgePool'], message: 'setup.errors.badgePool' }]);
  });

  it.each(['TIK/ARS', '', 'TIK ARS', 'A'.repeat(21), 'TİK'])('refuses the document prefix %j', (docPrefix) => {
    expect(refusal({ docPrefix })).toEqual([{ path: ['docPrefix'], message: 'setup.errors.docPrefix' }]);
  });

  it('refuses other bad fields with their keys', () => {
    expect(refusal({ name: 'AB' })).toEqual([{ path: ['name'], message: 'setup.errors.orgName' }]);
    expect(refusal({ idleLockMinutes: 0 })).toEqual([{ path: ['idleLockMinutes'], message: 'setup.errors.idleLock' }]);
    expect(refusal({ idleLockMinutes: 1.5 })).toEqual([{ path: ['idleLockMinutes'], message: 'setup.errors.idleLock' }]);
    expect(refusal({ logoDataUrl: 'data:image/gif;base64,AAAA' })).toEqual([{ path: ['logoDataUrl'], message: 'setup.errors.logoType' }]);
    expect(refusal({ timeZone: 'UTC' })).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// User and org commands with fake lookups
// ---------------------------------------------------------------------------------------------

function user(id: string, roles: Role[], active = true): UserState {
  return { id, username: id, displayName: `User ${id}`, roles, password: PW, active, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', hlc: '' };
}

const ADMIN = user('admin', ['admin']);
const OFFICER = user('officer', ['officer']);
const by = (u: UserState): Actor => ({ userId: u.id, roles: u.roles });

function lookups(users: UserState[]): Lookups {
  return {
    badgeHolder: async () => undefined,
    idDocumentHolder: async () => undefined,
    user: async (id) => users.find((u) => u.id === id),
    userByUsername: async (name) => users.find((u) => u.username === name.toLowerCase()),
    countUsers: async () => users.length,
    record: async (kind, id) => (kind === 'user' ? users.find((u) => u.id === id) : undefined),
    idsByKey: async () => ({}),
  };
}

/** Parses and decides a command against the given record state and users. */
async function decide(type: CommandType, input: unknown, actor: Actor, state: unknown, users: UserState[] = [ADMIN, OFFICER], org?: OrgState): Promise<Result<EventDraft[]>> {
  const handler = commands[type] as unknown as CommandHandler<unknown, unknown>;
  const parsed = handler.input.parse(input);
  const r = await handler.decide(parsed, { actor, now: '2026-03-02T01:00:00.000Z', state, org, lookups: lookups(users), newId });
  if (r.ok) expectDraftsParse(r.data);
  return r;
}

/** Stamps drafts as events (enough for the folds). */
function stamp(drafts: EventDraft[], actorId: string, at = '2026-03-02T01:00:00.000Z'): DomainEvent[] {
  return drafts.map((d, i) => ({ ...d, id: `e${i}`, actorId, deviceId: 'dev', deviceSeq: i + 1, hlc: `${at}:${i}`, at, prevHash: '', hash: '' }));
}

const newUser = (over: Record<string, unknown> = {}) => ({ id: crypto.randomUUID(), username: 'Siti.Rahma', displayName: 'Siti Rahma', roles: ['officer'], password: PW, key: KEY, ...over });

describe('user.create', () => {
  it('lets an admin create a user, with the username lower-cased', async () => {
    const input = newUser({ nip: '198701012010011001' });
    const r = await decide('user.create', input, by(ADMIN), undefined);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toEqual([
      { kind: 'user', recordId: input.id, type: 'user.created', payload: { username: 'siti.rahma', displayName: 'Siti Rahma', nip: '198701012010011001', roles: ['officer'], password: PW, key: KEY } },
    ]);
    const state = foldRecord('user', stamp(r.data, 'admin'));
    expect(state).toMatchObject({ id: input.id, username: 'siti.rahma', roles: ['officer'], active: true, nip: '198701012010011001' });
    // The new user's first key, certified by the admin who created them; its private half stays wrapped.
    expect(state?.keys).toEqual([{ keyId: KEY.keyId, publicKey: KEY.publicKey, from: '2026-03-02T01:00:00.000Z', certifiedBy: 'admin', reason: 'created' }]);
    expect(state?.wrappedKey).toEqual(KEY.wrapped);
  });

  it('refuses anyone but an admin', async () => {
    for (const roles of [['officer'], ['approver', 'auditor'], ['security_lead', 'technician']] as Role[][]) {
      expect(await decide('user.create', newUser(), { userId: 'x', roles }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses a username that is taken, whatever its case', async () => {
    const taken = { ...user('u1', ['officer']), username: 'siti.rahma' };
    expect(await decide('user.create', newUser({ username: 'SITI.RAHMA' }), by(ADMIN), undefined, [ADMIN, taken])).toEqual({
      ok: false,
      error: { code: 'username-taken', message: 'users.errors.usernameTaken', field: 'username' },
    });
  });

  it('refuses an id that already exists', async () => {
    expect(await decide('user.create', newUser({ id: crypto.randomUUID() }), by(ADMIN), OFFICER)).toMatchObject({ ok: false, error: { code: 'exists' } });
  });

  it('validates the profile with i18n keys', () => {
    const bad = (over: Record<string, unknown>) => commands['user.create'].input.safeParse(newUser(over)).error?.issues[0]?.message;
    expect(bad({ username: 'ab' })).toBe('users.errors.username');
    expect(bad({ username: 'siti rahma' })).toBe('users.errors.username');
    expect(bad({ roles: [] })).toBe('users.errors.roles');
    expect(bad({ nip: '12345' })).toBe('users.errors.nip');
    expect(bad({ password: { ...PW, iterations: 999 } })).toBeDefined();
  });

  it('needs a well-formed key whose id is its public key’s', () => {
    const bad = (over: Record<string, unknown>) => commands['user.create'].input.safeParse(newUser(over)).error?.issues[0];
    expect(bad({ key: undefined })?.path).toEqual(['key']);
    expect(bad({ key: { ...KEY, keyId: KEY2.keyId } })).toMatchObject({ path: ['key', 'keyId'], message: 'errors.invalidKey' });
    expect(bad({ key: { ...KEY, publicKey: 'x'.repeat(64) } })?.path).toEqual(['key', 'publicKey']);
    expect(bad({ key: { ...KEY, wrapped: { ...KEY.wrapped, iterations: 10 } } })?.path).toEqual(['key', 'wrapped', 'iterations']);
    expect(bad({ key: { ...KEY, extra: 1 } })?.path).toEqual(['key']);
  });
});

describe('user.update and user.setActive', () => {
  it('refuses an admin removing their own admin role', async () => {
    expect(await decide('user.update', { id: 'admin', displayName: 'Admin Satu', roles: ['officer'] }, by(ADMIN), ADMIN)).toEqual({
      ok: false,
      error: { code: 'own-admin', message: 'users.errors.ownAdmin', field: 'roles' },
    });
    const keep = await decide('user.update', { id: 'admin', displayName: 'Admin Satu', roles: ['admin', 'officer'] }, by(ADMIN), ADMIN);
    expect(keep).toMatchObject({ ok: true, data: [{ type: 'user.updated', payload: { displayName: 'Admin Satu', roles: ['admin', 'officer'] } }] });
  });

  it('lets an admin change another user’s roles, including removing admin', async () => {
    const other = user('admin2', ['admin', 'officer']);
    const r = await decide('user.update', { id: 'admin2', displayName: 'Admin Dua', roles: ['officer'] }, by(ADMIN), other);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const next = folds.user(other, stamp(r.data, 'admin', '2026-03-02T02:00:00.000Z')[0] as DomainEvent);
    expect(next).toMatchObject({ id: 'admin2', username: 'admin2', roles: ['officer'], displayName: 'Admin Dua', updatedAt: '2026-03-02T02:00:00.000Z' });
  });

  it('refuses updates by non-admins', async () => {
    expect(await decide('user.update', { id: 'officer', displayName: 'Petugas', roles: ['officer', 'admin'] }, by(OFFICER), OFFICER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses an admin deactivating themselves', async () => {
    expect(await decide('user.setActive', { id: 'admin', active: false }, by(ADMIN), ADMIN)).toEqual({ ok: false, error: { code: 'self', message: 'users.errors.deactivateSelf' } });
  });

  it('deactivates and reactivates another user, and does nothing when nothing changes', async () => {
    const off = await decide('user.setActive', { id: 'officer', active: false }, by(ADMIN), OFFICER);
    expect(off).toMatchObject({ ok: true, data: [{ type: 'user.deactivated', recordId: 'officer' }] });
    if (!off.ok) return;
    const inactive = folds.user(OFFICER, stamp(off.data, 'admin')[0] as DomainEvent);
    expect(inactive.active).toBe(false);
    expect(await decide('user.setActive', { id: 'officer', active: false }, by(ADMIN), inactive)).toEqual({ ok: true, data: [] });
    const on = await decide('user.setActive', { id: 'officer', active: true }, by(ADMIN), inactive);
    expect(on).toMatchObject({ ok: true, data: [{ type: 'user.activated' }] });
    expect(await decide('user.setActive', { id: 'admin', active: false }, by(OFFICER), ADMIN)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets a user set their own password, and only an admin set someone else’s', async () => {
    const pw = { ...PW, salt: 'ef'.repeat(16) };
    expect(await decide('user.setPassword', { id: 'officer', password: pw, key: KEY2 }, by(OFFICER), OFFICER)).toMatchObject({
      ok: true,
      data: [{ type: 'user.passwordSet', payload: { password: pw, key: KEY2, reason: 'rotated' } }],
    });
    expect(await decide('user.setPassword', { id: 'admin', password: pw, key: KEY2 }, by(OFFICER), ADMIN)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await decide('user.setPassword', { id: 'officer', password: pw, key: KEY2 }, by(ADMIN), OFFICER)).toMatchObject({ ok: true, data: [{ payload: { reason: 'reset' } }] });
    expect(await decide('user.setPassword', { id: 'ghost', password: pw, key: KEY2 }, by(ADMIN), undefined)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A new password always comes with a new key.
    expect(commands['user.setPassword'].input.safeParse({ id: 'officer', password: pw }).success).toBe(false);
  });
});

describe('org.setUp and org.update', () => {
  const setup = (adminId: string) => ({ profile: profile(), admin: { id: adminId, username: 'kepala.tik', displayName: 'Kepala TIK', roles: ['approver'], password: PW, key: KEY } });

  it('creates the office and its first admin, who always gets the admin role', async () => {
    const adminId = crypto.randomUUID();
    const r = await decide('org.setUp', setup(adminId), { userId: adminId, roles: [] }, undefined, []);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.map((d) => [d.kind, d.recordId, d.type])).toEqual([
      ['org', ORG_ID, 'org.setUp'],
      ['user', adminId, 'user.created'],
    ]);
    const [orgEvent, userEvent] = stamp(r.data, adminId);
    expect(foldRecord('org', [orgEvent as DomainEvent])).toMatchObject({ id: ORG_ID, name: 'Dinas Komunikasi dan Informatika', timeZone: 'WITA', badgePool: ['B-01', 'B-02', 'TAMU-1'] });
    expect(foldRecord('user', [userEvent as DomainEvent])).toMatchObject({ id: adminId, username: 'kepala.tik', roles: ['approver', 'admin'], active: true });
    // The first admin's key certifies itself at the setup.
    expect(foldRecord('user', [userEvent as DomainEvent])?.keys).toMatchObject([{ keyId: KEY.keyId, certifiedBy: adminId, reason: 'setup' }]);
    expect((await decide('org.setUp', { ...setup(adminId), admin: { ...setup(adminId).admin, key: undefined } }, { userId: adminId, roles: [] }, undefined, []).catch(() => 'refused'))).toBe('refused');
  });

  it('refuses a second set-up and a set-up on behalf of someone else', async () => {
    const adminId = crypto.randomUUID();
    expect(await decide('org.setUp', setup(adminId), { userId: 'someone-else', roles: ['admin'] }, undefined, [])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await decide('org.setUp', setup(adminId), { userId: adminId, roles: [] }, undefined, [ADMIN])).toMatchObject({ ok: false, error: { code: 'already-set-up' } });
  });

  it('lets only an admin update the profile, and folds the change in', async () => {
    const org: OrgState = { id: ORG_ID, ...profile(), timeZone: 'WITA', updatedAt: '2026-01-01T00:00:00.000Z', hlc: '' };
    expect(await decide('org.update', { docPrefix: 'DKI' }, by(OFFICER), org)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await decide('org.update', { docPrefix: 'DKI' }, by(ADMIN), undefined)).toMatchObject({ ok: false, error: { code: 'not-set-up' } });
    const r = await decide('org.update', { docPrefix: 'DKI', idleLockMinutes: 30 }, by(ADMIN), org);
    if (!r.ok) throw new Error('refused');
    const next = folds.org(org, stamp(r.data, 'admin')[0] as DomainEvent);
    expect(next).toMatchObject({ docPrefix: 'DKI', idleLockMinutes: 30, name: org.name, badgePool: org.badgePool });
  });
});

describe('keys: rotation, reset and enrolment', () => {
  const at = (h: number) => `2026-03-02T0${h}:00:00.000Z`;
  const O = crypto.randomUUID();
  /** An officer, created by the admin at 01:00 with KEY. */
  const created = async () => {
    const r = await decide('user.create', newUser({ id: O, username: 'petugas' }), by(ADMIN), undefined, [ADMIN]);
    if (!r.ok) throw new Error('refused');
    return foldRecord('user', stamp(r.data, 'admin', at(1)))!;
  };

  it('rotates the key with a password change: the old key is retired at that moment, the new one is current', async () => {
    const before = await created();
    const r = await decide('user.setPassword', { id: O, password: PW, key: KEY2 }, by(before), before);
    if (!r.ok) throw new Error('refused');
    const after = folds.user(before, stamp(r.data, O, at(3))[0] as DomainEvent);
    expect(after.keys).toEqual([
      { keyId: KEY.keyId, publicKey: KEY.publicKey, from: at(1), to: at(3), certifiedBy: 'admin', reason: 'created' },
      { keyId: KEY2.keyId, publicKey: KEY2.publicKey, from: at(3), certifiedBy: O, reason: 'rotated' },
    ]);
    expect(after.wrappedKey).toEqual(KEY2.wrapped);
    expect(after.mustChangePassword).toBeUndefined();
    expect(currentKey(after.keys)?.keyId).toBe(KEY2.keyId);
    // Which key signs when: the old one up to the change (the change itself is signed with it), the new one from then on.
    expect(keyAt(after.keys, KEY.keyId, at(2))).toBeDefined();
    expect(keyAt(after.keys, KEY.keyId, at(3))).toBeDefined();
    expect(keyAt(after.keys, KEY.keyId, at(4))).toBeUndefined();
    expect(keyAt(after.keys, KEY2.keyId, at(2))).toBeUndefined();
    expect(keyAt(after.keys, KEY2.keyId, at(4))).toBeDefined();
    expect(keyAt(after.keys, KEY.keyId, '2026-03-02T00:59:59.999Z')).toBeUndefined();
    expect(keyAt(after.keys, 'f'.repeat(16), at(2))).toBeUndefined();
  });

  it('an admin’s reset issues a one-time key and the user may do nothing but choose their own password', async () => {
    const before = await created();
    const r = await decide('user.setPassword', { id: O, password: PW, key: KEY2 }, by(ADMIN), before);
    if (!r.ok) throw new Error('refused');
    const reset = folds.user(before, stamp(r.data, 'admin', at(3))[0] as DomainEvent);
    expect(reset.mustChangePassword).toBe(true);
    expect(reset.keys?.at(-1)).toMatchObject({ keyId: KEY2.keyId, certifiedBy: 'admin', reason: 'reset' });
    expect(mayAct(reset, { type: 'visit.register', recordId: newId() })).toMatchObject({ ok: false, error: { code: 'must-change-password', message: 'auth.errors.mustChangePassword' } });
    expect(mayAct(reset, { type: 'user.setPassword', recordId: 'admin' })).toMatchObject({ ok: false, error: { code: 'must-change-password' } });
    expect(mayAct(reset, { type: 'user.setPassword', recordId: O })).toEqual({ ok: true, data: true });
    // Their own change clears it.
    const own = await decide('user.setPassword', { id: O, password: PW, key: KEY }, by(reset), reset);
    if (!own.ok) throw new Error('refused');
    const chosen = folds.user(reset, stamp(own.data, O, at(4))[0] as DomainEvent);
    expect(chosen.mustChangePassword).toBeUndefined();
    expect(mayAct(chosen, { type: 'visit.register', recordId: newId() })).toEqual({ ok: true, data: true });
    expect(mayAct({ ...chosen, active: false }, { type: 'visit.register', recordId: newId() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a user made before signed events enrols their first key themself, once', async () => {
    const old = user('officer', ['officer']);
    expect(await decide('user.enrolKey', { id: 'officer', key: KEY }, by(ADMIN), old)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const r = await decide('user.enrolKey', { id: 'officer', key: KEY }, by(old), old);
    if (!r.ok) throw new Error('refused');
    const enrolled = folds.user(old, stamp(r.data, 'officer', at(2))[0] as DomainEvent);
    expect(enrolled.keys).toEqual([{ keyId: KEY.keyId, publicKey: KEY.publicKey, from: at(2), certifiedBy: 'officer', reason: 'enrolled' }]);
    expect(await decide('user.enrolKey', { id: 'officer', key: KEY2 }, by(enrolled), enrolled)).toMatchObject({ ok: false, error: { code: 'has-key' } });
  });
});

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Rahasia123', 1000);
    expect(stored).toMatchObject({ alg: 'PBKDF2-SHA256', iterations: 1000 });
    expect(stored.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyPassword('Rahasia123', stored)).toBe(true);
    expect(await verifyPassword('rahasia123', stored)).toBe(false);
    expect(await verifyPassword('Rahasia1234', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('uses a fresh salt each time', async () => {
    const a = await hashPassword('Rahasia123', 1000);
    const b = await hashPassword('Rahasia123', 1000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPassword('Rahasia123', b)).toBe(true);
  });

  it('uses the stored iteration count', async () => {
    const stored = await hashPassword('Rahasia123', 1000);
    expect(await verifyPassword('Rahasia123', { ...stored, iterations: 1001 })).toBe(false);
  });

  it('makes verifiers the user schema accepts', async () => {
    const stored = await hashPassword('Rahasia123', 1000);
    expect(commands['user.setPassword'].input.safeParse({ id: 'u', password: stored, key: KEY }).success).toBe(true);
  });

  it('has rules for choosing a new password', () => {
    const msg = (pw: string) => newPasswordSchema.safeParse(pw).error?.issues[0]?.message;
    expect(msg('Rahasia123')).toBeUndefined();
    expect(msg('Rh1')).toBe('users.errors.passwordShort');
    expect(msg('rahasiasaja')).toBe('users.errors.passwordWeak');
    expect(msg('12345678')).toBe('users.errors.passwordWeak');
  });
});
