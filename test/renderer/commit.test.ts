import 'fake-indexeddb/auto';
import { formatHlc } from '@shared/hlc';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleDb } from '@renderer/store/db';
import { dexieLookups } from '@renderer/store/commit';
import { commitAs, testKey, type TestCommand } from '../fixtures/signing';
import { makeEvents, newChainHead } from '@shared/sync/stamp';
import { ingest } from '@renderer/store/ingest';
import type { Command, CommandInput } from '@shared/domain/registry';
import { ORG_ID } from '@shared/domain/org/state';
import type { PasswordHash } from '@shared/domain/user/state';
import { contentHash, verifyChain, type DomainEvent, type EventDraft } from '@shared/events';
import { idsFrom } from '@shared/ids';
import { keyAt, signedMessage, webVerifier } from '@shared/signing';
import type { Actor, Role } from '@shared/roles';
import { deleteTestDbs, mustCommit, registrationInput, TEST_PROFILE, testClock, testDb, testPasswordHash } from '../fixtures/office';

// ---------------------------------------------------------------------------------------------
// Fixtures: a fresh database per test, a controllable clock, an office with its users.
// ---------------------------------------------------------------------------------------------

let password: PasswordHash;
beforeAll(async () => {
  password = await testPasswordHash();
});
afterEach(deleteTestDbs);
const freshDb = () => testDb();
/** A clock that starts at 08:00 WIB on Monday 2 March 2026 and moves only when told to. */
const clock = (start = '2026-03-02T01:00:00.000Z') => testClock(start);
/** Commits and fails the test if the command is refused. */
const must = mustCommit;

const ADMIN_ID = crypto.randomUUID();
const admin: Actor = { userId: ADMIN_ID, roles: ['admin'] };

const setUpCommand = (adminId = ADMIN_ID): TestCommand => ({
  type: 'org.setUp',
  input: {
    profile: { ...TEST_PROFILE, badgePool: ['B-01', 'B-02', 'B-03'] },
    admin: { id: adminId, username: 'kepala.tik', displayName: 'Kepala Bidang TIK', roles: ['admin'], password },
  },
});

/** Sets up the office and creates users with the given roles; returns their actors. */
async function office(db: ConsoleDb, now: () => Date) {
  await must(db, admin, setUpCommand(), now);
  const make = async (username: string, roles: Role[]): Promise<Actor> => {
    const id = crypto.randomUUID();
    await must(db, admin, { type: 'user.create', input: { id, username, displayName: `Pengguna ${username}`, roles, password } }, now);
    return { userId: id, roles };
  };
  return {
    officer: await make('petugas1', ['officer']),
    escort: await make('petugas2', ['officer']),
    approver: await make('kasubag', ['approver']),
    both: await make('merangkap', ['officer', 'approver']),
  };
}

const registration = (over: Record<string, unknown> = {}, id = crypto.randomUUID()) => registrationInput(over as Partial<CommandInput<'visit.register'>>, id);

const checkOut = (id: string, over: Record<string, unknown> = {}) =>
  ({ id, outcome: 'Server telah diperbaiki dan berfungsi kembali', scannedSerials: ['pf-2abc12'], leftInside: [], badgeReturned: true, idReturned: true, ...over }) as Extract<
    Command,
    { type: 'visit.checkOut' }
  >['input'];

/** Registers a visit and takes it inside with the badge given. */
async function visitInside(db: ConsoleDb, people: Awaited<ReturnType<typeof office>>, c: ReturnType<typeof clock>, badge = 'B-01'): Promise<string> {
  const input = registration();
  await must(db, people.officer, { type: 'visit.register', input }, c.now);
  c.advance(5);
  await must(db, people.approver, { type: 'visit.decide', input: { id: input.id, approved: true } }, c.now);
  await must(db, people.officer, { type: 'visit.issueBadge', input: { id: input.id, badge, escortId: people.escort.userId } }, c.now);
  c.advance(5);
  await must(db, people.officer, { type: 'visit.enter', input: { id: input.id } }, c.now);
  return input.id;
}

/** Everything the store holds, for before/after comparisons. */
async function snapshot(db: ConsoleDb) {
  return {
    events: await db.events.toArray(),
    outbox: await db.outbox.toArray(),
    meta: await db.meta.toArray(),
    org: await db.org.toArray(),
    users: await db.users.toArray(),
    visits: await db.visits.toArray(),
  };
}

// ---------------------------------------------------------------------------------------------

describe('commit: org.setUp', () => {
  it('creates the office and its admin in one commit', async () => {
    const db = freshDb();
    const c = clock();
    const events = await must(db, admin, setUpCommand(), c.now);

    expect(events.map((e) => [e.kind, e.recordId, e.type, e.deviceSeq])).toEqual([
      ['org', ORG_ID, 'org.setUp', 1],
      ['user', ADMIN_ID, 'user.created', 2],
    ]);
    expect(await db.events.count()).toBe(2);
    expect(await db.org.get(ORG_ID)).toMatchObject({ id: ORG_ID, name: 'Dinas Komunikasi dan Informatika', badgePool: ['B-01', 'B-02', 'B-03'], updatedAt: '2026-03-02T01:00:00.000Z' });
    expect(await db.users.get(ADMIN_ID)).toMatchObject({ id: ADMIN_ID, username: 'kepala.tik', roles: ['admin'], active: true, password });
    expect((await db.outbox.toArray()).map((o) => o.eventId)).toEqual(events.map((e) => e.id));

    const meta = await db.meta.get('device');
    expect(meta?.seq).toBe(2);
    expect(meta?.lastHash).toBe(events[1]?.hash);
    expect(events[0]?.prevHash).toBe('');
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(events.every((e) => e.deviceId === meta?.deviceId && e.actorId === ADMIN_ID && e.at === '2026-03-02T01:00:00.000Z')).toBe(true);
    expect(events[0]!.hlc < events[1]!.hlc).toBe(true);
    expect(verifyChain(await db.events.toArray())).toEqual([]);
  });

  it('refuses a second set-up and writes nothing', async () => {
    const db = freshDb();
    const c = clock();
    await must(db, admin, setUpCommand(), c.now);
    const before = await snapshot(db);
    c.advance(60);
    expect(await commitAs(db, admin, setUpCommand(), c.now)).toEqual({ ok: false, error: { code: 'already-set-up', message: 'setup.errors.alreadySetUp' } });
    const otherId = crypto.randomUUID();
    expect(await commitAs(db, { userId: otherId, roles: [] }, setUpCommand(otherId), c.now)).toMatchObject({ ok: false, error: { code: 'already-set-up' } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves an empty database empty when its very first command is refused', async () => {
    const db = freshDb();
    const r = await commitAs(db, { userId: 'someone', roles: ['officer'] }, { type: 'user.create', input: { id: crypto.randomUUID(), username: 'budi', displayName: 'Budi', roles: ['officer'], password } });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await snapshot(db)).toEqual({ events: [], outbox: [], meta: [], org: [], users: [], visits: [] });
  });
});

describe('commit: atomicity of refusals', () => {
  it('leaves events, outbox, projections and meta exactly as they were', async () => {
    const db = freshDb();
    const c = clock();
    const people = await office(db, c.now);
    const inside = await visitInside(db, people, c, 'B-01');

    const selfReg = registration();
    await must(db, people.both, { type: 'visit.register', input: selfReg }, c.now);
    const waiting = registration();
    await must(db, people.officer, { type: 'visit.register', input: waiting }, c.now);
    await must(db, people.approver, { type: 'visit.decide', input: { id: waiting.id, approved: true } }, c.now);

    const before = await snapshot(db);
    const insideBefore = await db.visits.get(inside);
    const countsBefore = { events: await db.events.count(), outbox: await db.outbox.count() };
    c.advance(30);

    const refusals: [Actor, TestCommand, string][] = [
      [people.both, { type: 'visit.decide', input: { id: selfReg.id, approved: true } }, 'self-approval'],
      [people.officer, { type: 'visit.decide', input: { id: waiting.id, approved: true } }, 'forbidden'],
      [people.officer, { type: 'visit.register', input: registration({ idNumber: '123' }) }, 'invalid-input'],
      [people.officer, { type: 'visit.issueBadge', input: { id: waiting.id, badge: 'B-01', escortId: people.escort.userId } }, 'badge-out'],
      [people.officer, { type: 'visit.issueBadge', input: { id: waiting.id, badge: 'B-02', escortId: people.approver.userId } }, 'escort-invalid'],
      [people.officer, { type: 'visit.checkOut', input: checkOut(inside, { scannedSerials: [] }) }, 'device-unresolved'],
      [people.officer, { type: 'visit.checkOut', input: checkOut(inside, { badgeReturned: false }) }, 'badge-not-returned'],
      [people.officer, { type: 'visit.enter', input: { id: waiting.id } }, 'no-badge'],
      [admin, { type: 'user.setActive', input: { id: ADMIN_ID, active: false } }, 'self'],
    ];
    for (const [actor, command, code] of refusals) {
      const r = await commitAs(db, actor, command, c.now);
      expect(r.ok, `${command.type} should be refused`).toBe(false);
      if (!r.ok) expect(r.error.code, command.type).toBe(code);
    }

    expect({ events: await db.events.count(), outbox: await db.outbox.count() }).toEqual(countsBefore);
    expect(await db.meta.get('device')).toEqual(before.meta[0]);
    expect(await db.visits.get(inside)).toEqual(insideBefore);
    expect(await snapshot(db)).toEqual(before);

    // The store still works afterwards, continuing the same chain.
    const events = await must(db, people.officer, { type: 'visit.checkOut', input: checkOut(inside) }, c.now);
    expect(events[0]?.deviceSeq).toBe(before.meta[0]!.seq + 1);
    expect(events[0]?.prevHash).toBe(before.meta[0]!.lastHash);
  });

  it('reports invalid input with the i18n key and the field path', async () => {
    const db = freshDb();
    const c = clock();
    const people = await office(db, c.now);
    expect(await commitAs(db, people.officer, { type: 'visit.register', input: registration({ idNumber: '317101120385000' }) }, c.now)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'visit.errors.nik.length', field: 'idNumber' },
    });
    const dup = registration({
      devices: [
        { kind: 'laptop', brandModel: 'Lenovo ThinkPad', serial: 'SN-1' },
        { kind: 'disk', brandModel: 'Seagate Exos', serial: 'sn-1' },
      ],
    });
    expect(await commitAs(db, people.officer, { type: 'visit.register', input: dup }, c.now)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'visit.errors.serialDuplicate', field: 'devices.1.serial' },
    });
    expect(await commitAs(db, people.officer, { type: 'visit.register', input: registration({ phone: '555' }) }, c.now)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'visit.errors.phone', field: 'phone' },
    });
    // A zod message that is not an i18n key falls back to the generic one.
    const r = await commitAs(db, people.officer, { type: 'visit.register', input: registration({ id: 'not-a-uuid' }) }, c.now);
    expect(r).toEqual({ ok: false, error: { code: 'invalid-input', message: 'errors.invalidInput', field: 'id' } });
    expect(await db.visits.count()).toBe(0);
  });

  // NIK reasons with a hyphen ('birth-date', 'not-digits') must survive as i18n keys.
  it('reports the NIK birth-date and not-digits keys too', async () => {
    const db = freshDb();
    const c = clock();
    const people = await office(db, c.now);
    expect(await commitAs(db, people.officer, { type: 'visit.register', input: registration({ idNumber: '3171013203850001' }) }, c.now)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'visit.errors.nik.birth-date', field: 'idNumber' },
    });
    expect(await commitAs(db, people.officer, { type: 'visit.register', input: registration({ idNumber: '317101120385000X' }) }, c.now)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'visit.errors.nik.not-digits', field: 'idNumber' },
    });
  });
});

describe('commit: the hash chain', () => {
  it('keeps an intact chain with deviceSeq 1..n over a series of commits', async () => {
    const db = freshDb();
    const c = clock();
    const people = await office(db, c.now);
    const id = await visitInside(db, people, c);
    await must(db, people.escort, { type: 'visit.noteActivity', input: { id, text: 'Disk rak 2 slot 4 diganti' } }, c.now);
    c.advance(40);
    await must(db, people.officer, { type: 'visit.checkOut', input: checkOut(id) }, c.now);
    await must(db, people.officer, { type: 'visit.archive', input: { id } }, c.now);

    const events = await db.events.toArray();
    expect(events).toHaveLength(2 + 4 + 4 + 3); // set-up, 4 users, visit to inside, note + check-out + archive
    expect(verifyChain(events)).toEqual([]);
    const bySeq = [...events].sort((a, b) => a.deviceSeq - b.deviceSeq);
    expect(bySeq.map((e) => e.deviceSeq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    const meta = await db.meta.get('device');
    expect(new Set(events.map((e) => e.deviceId))).toEqual(new Set([meta?.deviceId]));
    expect(meta?.seq).toBe(events.length);
    expect(meta?.lastHash).toBe(bySeq[bySeq.length - 1]?.hash);
    // HLC order equals chain order, even for events made in the same millisecond.
    expect(bySeq.every((e, i) => i === 0 || bySeq[i - 1]!.hlc < e.hlc)).toBe(true);
    expect(await db.outbox.count()).toBe(events.length);
    expect((await db.visits.get(id))?.status).toBe('archived');
  });

  it('reports an event altered in the database', async () => {
    const db = freshDb();
    const c = clock();
    const people = await office(db, c.now);
    const id = await visitInside(db, people, c);
    const approved = (await db.events.where('[kind+recordId]').equals(['visit', id]).toArray()).find((e) => e.type === 'visit.approved');
    expect(approved).toBeDefined();
    await db.events.update(approved!.id, { actorId: people.both.userId });
    expect(verifyChain(await db.events.toArray())).toEqual([{ kind: 'altered', deviceId: approved!.deviceId, seq: approved!.deviceSeq, eventId: approved!.id }]);
  });

  it('reports an event deleted from the database', async () => {
    const db = freshDb();
    const c = clock();
    await office(db, c.now);
    const second = (await db.events.toArray()).find((e) => e.deviceSeq === 2);
    expect(second?.deviceSeq).toBe(2);
    await db.events.delete(second!.id);
    expect(verifyChain(await db.events.toArray())).toEqual([{ kind: 'missing', deviceId: second!.deviceId, expectedSeq: 2, foundSeq: 3 }]);
  });
});

describe('commit: signed events', () => {
  it('signs every event by its actor, names its command, and draws ids from the command', async () => {
    const db = freshDb();
    const c = clock();
    const people = await office(db, c.now);
    const input = registration();
    const [e] = (await must(db, people.officer, { type: 'visit.register', input }, c.now)) as [DomainEvent];
    expect(e.cmd).toEqual({ id: e.id, i: 0, n: 1 });
    expect(e.command).toMatchObject({ type: 'visit.register', input: { id: input.id, visitorName: 'Budi Santoso' } });
    expect(e.sig).toMatchObject({ by: people.officer.userId, key: (await testKey(people.officer.userId)).key.keyId });
    const officer = (await db.users.get(people.officer.userId))!;
    const key = keyAt(officer.keys, e.sig!.key, e.at)!;
    expect(key).toMatchObject({ certifiedBy: ADMIN_ID, reason: 'created' });
    expect(await webVerifier()(key.publicKey, signedMessage(contentHash(e)), e.sig!.sig)).toBe(true);
    expect(await webVerifier()(key.publicKey, signedMessage(contentHash({ ...e, payload: { ...e.payload, visitorName: 'Orang Lain' } })), e.sig!.sig)).toBe(false);
    // The visit's devices get ids drawn from the command's id: a replay draws the same.
    expect((await db.visits.get(input.id))!.devices.map((d) => d.id)).toEqual([idsFrom(e.id)()]);
    // A command of two events: one command id, counted, the command on the first only.
    const setUp = (await db.events.toArray()).filter((x) => x.type === 'org.setUp' || (x.type === 'user.created' && x.recordId === ADMIN_ID)).sort((a, b) => a.deviceSeq - b.deviceSeq);
    expect(setUp.map((x) => [x.cmd, x.command?.type])).toEqual([
      [{ id: setUp[0]!.id, i: 0, n: 2 }, 'org.setUp'],
      [{ id: setUp[0]!.id, i: 1, n: 2 }, undefined],
    ]);
  });

  it("refuses a wipe without the verifier's own signature, writing nothing, and takes it countersigned", async () => {
    const db = freshDb();
    const c = clock();
    await must(db, admin, setUpCommand(), c.now);
    const tech = { userId: crypto.randomUUID(), roles: ['technician'] as Role[] };
    const verifier = { userId: crypto.randomUUID(), roles: ['technician'] as Role[] };
    for (const [who, username] of [[tech, 'teknisi'], [verifier, 'pemeriksa']] as const) {
      await must(db, admin, { type: 'user.create', input: { id: who.userId, username, displayName: `Pengguna ${username}`, roles: who.roles, password } }, c.now);
    }
    const assetId = crypto.randomUUID();
    const employeeId = crypto.randomUUID();
    const handoverId = crypto.randomUUID();
    const paper = { notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true };
    await must(db, tech, { type: 'asset.create', input: { id: assetId, tag: 'INV-1', serial: 'PF3ABC12', category: 'laptop', brand: 'Lenovo', model: 'T14', purchaseDate: '', warrantyEnd: '', condition: 'good', location: 'Gudang', notes: '', accessories: [] } }, c.now);
    await must(db, tech, { type: 'employee.create', input: { id: employeeId, nip: '198701012010011001', name: 'Siti', department: 'Keuangan', position: '', email: '', status: 'active' } }, c.now);
    await must(db, tech, { type: 'handover.issue', input: { id: handoverId, employeeId, items: [{ assetId, condition: 'good' }], emailPrepared: '', accessPrepared: '', ...paper } }, c.now);
    c.advance(60);
    await must(db, tech, { type: 'handover.return', input: { id: crypto.randomUUID(), handoverId, reason: 'resignation', items: [{ assetId, result: 'returned', condition: 'good', note: '' }], ...paper } }, c.now);
    c.advance(10);
    const wipe: TestCommand = { type: 'asset.wipe', input: { id: assetId, method: 'nist_purge', tool: 'nwipe', operatorId: tech.userId, verifierId: verifier.userId, notes: '' } };
    const before = await snapshot(db);
    expect(await commitAs(db, tech, wipe, c.now)).toEqual({ ok: false, error: { code: 'cosign-missing', message: 'auth.errors.countersignRequired', field: 'cosign' } });
    // Someone else present is not the verifier.
    expect(await commitAs(db, tech, wipe, c.now, { cosigners: [admin.userId] })).toMatchObject({ ok: false, error: { message: 'auth.errors.countersignRequired' } });
    expect(await snapshot(db)).toEqual(before);
    expect((await db.assets.get(assetId))?.status).toBe('awaiting_wipe');
    const [wiped] = (await must(db, tech, wipe, c.now, [verifier.userId])) as [DomainEvent];
    expect(wiped.sig?.by).toBe(tech.userId);
    expect(wiped.cosigs?.map((x) => x.by)).toEqual([verifier.userId]);
    const key = keyAt((await db.users.get(verifier.userId))!.keys, wiped.cosigs![0]!.key, wiped.at)!;
    expect(await webVerifier()(key.publicKey, signedMessage(contentHash(wiped)), wiped.cosigs![0]!.sig)).toBe(true);
    expect((await db.assets.get(assetId))?.status).toBe('in_stock');
  });
});

describe('ingest', () => {
  async function history() {
    const db = freshDb();
    const c = clock();
    const people = await office(db, c.now);
    const first = await visitInside(db, people, c, 'B-01');
    const second = await visitInside(db, people, c, 'B-02');
    await must(db, people.escort, { type: 'visit.noteActivity', input: { id: first, text: 'Kabel jaringan dirapikan' } }, c.now);
    c.advance(30);
    await must(db, people.officer, { type: 'visit.checkOut', input: checkOut(first) }, c.now);
    const refused = registration();
    await must(db, people.officer, { type: 'visit.register', input: refused }, c.now);
    await must(db, people.approver, { type: 'visit.decide', input: { id: refused.id, approved: false, reason: 'Tidak ada surat tugas' } }, c.now);
    return { db, first, second, events: await db.events.toArray() };
  }

  const projections = async (db: ConsoleDb) => ({ org: await db.org.toArray(), users: await db.users.toArray(), visits: await db.visits.toArray() });

  it('rebuilds identical projections in another database and is idempotent', async () => {
    const { db, events } = await history();
    const copy = freshDb();
    expect(await ingest(copy, events)).toBe(events.length);
    expect(await projections(copy)).toEqual(await projections(db));
    expect(await copy.outbox.count()).toBe(0);
    // Ingest advances the receiving device's clock past everything it has seen (HLC receive).
    const newest = (await db.events.orderBy('hlc').last())!.hlc;
    const head = (await copy.meta.get('device'))!;
    expect(head.seq).toBe(0);
    expect(formatHlc(head.hlc) > newest).toBe(true);
    expect(verifyChain(await copy.events.toArray())).toEqual([]);

    const snap = await snapshot(copy);
    expect(await ingest(copy, events)).toBe(0);
    expect(await snapshot(copy)).toEqual(snap);
  });

  it('gives the same projections for a shuffled batch', async () => {
    const { db, events } = await history();
    const copy = freshDb();
    const shuffled = events.map((e, i) => ({ e, k: (i * 7919) % events.length })).sort((a, b) => a.k - b.k).map(({ e }) => e);
    expect(shuffled.map((e) => e.id)).not.toEqual(events.map((e) => e.id));
    expect(await ingest(copy, shuffled)).toBe(events.length);
    expect(await projections(copy)).toEqual(await projections(db));
  });

  it('gives the same projections for overlapping batches in causal order', async () => {
    const { db, events } = await history();
    const copy = freshDb();
    const ordered = [...events].sort((a, b) => a.deviceSeq - b.deviceSeq);
    const mid = Math.floor(ordered.length / 2);
    expect(await ingest(copy, ordered.slice(0, mid))).toBe(mid);
    // Overlapping second batch: only the new events count.
    expect(await ingest(copy, ordered.slice(mid - 3))).toBe(ordered.length - mid);
    expect(await projections(copy)).toEqual(await projections(db));
  });

  it('gives the same projections when batches arrive out of causal order', async () => {
    const { db, events } = await history();
    const copy = freshDb();
    const ordered = [...events].sort((a, b) => a.deviceSeq - b.deviceSeq);
    const mid = Math.floor(ordered.length / 2);
    await ingest(copy, ordered.slice(mid));
    await ingest(copy, ordered.slice(0, mid));
    expect(await projections(copy)).toEqual(await projections(db));
  });

  it('queues ingested events for upload when asked', async () => {
    const { events } = await history();
    const copy = freshDb();
    await ingest(copy, events, { queueOutbox: true });
    expect(new Set((await copy.outbox.toArray()).map((o) => o.eventId))).toEqual(new Set(events.map((e) => e.id)));
  });

  it('keeps an event whose signature fails as refused and folds nothing of it', async () => {
    const { db, second, events } = await history();
    const copy = freshDb();
    await ingest(copy, events);
    const before = await projections(copy);
    const registered = events.find((e) => e.type === 'visit.registered')!;
    const approved = events.find((e) => e.type === 'visit.approved')!;
    // Another console makes an approval of the visit inside, naming the approver, signed with the officer's key…
    const forger = newChainHead(crypto.randomUUID());
    const drafts = [{ kind: 'visit' as const, recordId: second, type: 'visit.approved', payload: approved.payload }];
    const forged = await makeEvents(forger, { userId: approved.actorId, key: (await testKey(registered.actorId)).key }, { type: 'visit.decide', input: { id: second, approved: true } }, drafts, new Date('2026-03-02T03:00:00.000Z'));
    // …and one honestly signed by the approver, with one byte of the signature changed.
    const honest = await makeEvents(forged.head, { userId: approved.actorId, key: (await testKey(approved.actorId)).key }, { type: 'visit.decide', input: { id: second, approved: true } }, drafts, new Date('2026-03-02T03:00:01.000Z'));
    const [e] = honest.events as [DomainEvent];
    const flipped = { ...e, sig: { ...e.sig!, sig: `${e.sig!.sig[0] === '0' ? '1' : '0'}${e.sig!.sig.slice(1)}` } };
    expect(await ingest(copy, [...forged.events, flipped])).toBe(2);
    expect((await copy.events.bulkGet([forged.events[0]!.id, flipped.id])).map((x) => [x?.status, x?.reason])).toEqual([
      ['rejected', 'sync.errors.signatureKey'],
      ['rejected', 'sync.errors.signature'],
    ]);
    expect(await projections(copy)).toEqual(before);
    expect(before).toEqual(await projections(db));
  });

  it('refuses events whose content does not parse, even signed by their actor: stored, marked with the field, never folded nor queued', async () => {
    const { db, first, events } = await history();
    const copy = freshDb();
    const note = events.find((e) => e.type === 'visit.activityNoted')!;
    // A tampered console signs, with the actor's own key, content no decide() makes: each
    // signature holds, so only the content check can refuse them.
    const signer = { userId: note.actorId, key: (await testKey(note.actorId)).key };
    const drafts: EventDraft[] = [
      { kind: 'visit', recordId: first, type: 'visit.corrected', payload: { text: 42 } },
      { kind: 'visit', recordId: first, type: note.type, payload: { text: 'Kabel dirapikan', docNo: 'X/1' } },
      { kind: 'ticket', recordId: first, type: 'visit.approved', payload: { note: 'ok' } },
      { kind: 'visit', recordId: first, type: 'visit.teleported', payload: {} },
      { kind: 'visit', recordId: first, type: 'visit.checkedOut', payload: { exitedAt: '2026-03-02T03:00:00.000Z', outcome: 'Selesai', deviceOutcomes: [{ deviceId: 'd1' }], unknownSerials: [] } },
    ];
    let head = newChainHead(crypto.randomUUID());
    const bad: DomainEvent[] = [];
    for (const [i, d] of drafts.entries()) {
      const made = await makeEvents(head, signer, note.command!, [d], new Date(Date.parse('2026-03-02T03:00:00.000Z') + i * 1000));
      head = made.head;
      bad.push(...made.events);
    }
    expect(await ingest(copy, [...events, ...bad], { queueOutbox: true })).toBe(events.length + bad.length);
    // The forged events changed nothing: the projections are those of the honest history.
    expect(await projections(copy)).toEqual(await projections(db));
    const stored = await copy.events.bulkGet(bad.map((e) => e.id));
    expect(stored.map((e) => [e?.status, e?.reason, e?.reasonField])).toEqual([
      ['rejected', 'errors.invalidPayload', 'payload.text'],
      ['rejected', 'errors.invalidPayload', 'payload.docNo'],
      ['rejected', 'errors.invalidPayload', 'kind'],
      ['rejected', 'errors.invalidPayload', 'type'],
      ['rejected', 'errors.invalidPayload', 'payload.deviceOutcomes.0.result'],
    ]);
    // Only the honest events wait for upload.
    expect(new Set((await copy.outbox.toArray()).map((o) => o.eventId))).toEqual(new Set(events.map((e) => e.id)));
    // The conflict inbox lists them.
    expect(await copy.events.where('status').equals('rejected').count()).toBe(bad.length);
  });

  it('lets the receiving device keep its own chain after ingesting', async () => {
    const { events } = await history();
    const copy = freshDb();
    await ingest(copy, events);
    const c = clock('2026-03-02T05:00:00.000Z');
    const mine = await must(copy, admin, { type: 'org.update', input: { idleLockMinutes: 30 } }, c.now);
    expect(mine[0]?.deviceSeq).toBe(1);
    expect(mine[0]?.deviceId).not.toBe(events[0]?.deviceId);
    expect(verifyChain(await copy.events.toArray())).toEqual([]);
    expect((await copy.org.get(ORG_ID))?.idleLockMinutes).toBe(30);
  });
});

describe('the badgeOut index', () => {
  it('answers who holds a badge and is cleared at check-out', async () => {
    const db = freshDb();
    const c = clock();
    const people = await office(db, c.now);
    const first = await visitInside(db, people, c, 'B-01');
    const second = await visitInside(db, people, c, 'B-03');
    const lookups = dexieLookups(db);

    expect((await db.visits.where('badgeOut').equals('B-01').toArray()).map((v) => v.id)).toEqual([first]);
    expect(await lookups.badgeHolder('B-01')).toBe(first);
    expect(await lookups.badgeHolder('B-03')).toBe(second);
    expect(await lookups.badgeHolder('B-02')).toBeUndefined();
    expect((await db.visits.where('badgeOut').anyOf(['B-01', 'B-02', 'B-03']).primaryKeys()).sort()).toEqual([first, second].sort());

    c.advance(30);
    await must(db, people.officer, { type: 'visit.checkOut', input: checkOut(first) }, c.now);
    expect(await db.visits.where('badgeOut').equals('B-01').count()).toBe(0);
    expect(await lookups.badgeHolder('B-01')).toBeUndefined();
    expect(await lookups.badgeHolder('B-03')).toBe(second);
    const done = await db.visits.get(first);
    expect(done).toMatchObject({ status: 'checked_out', badge: 'B-01', idHeld: false });
    expect(done?.badgeOut).toBeUndefined();

    // The returned badge can go out again at once.
    const next = registration();
    await must(db, people.officer, { type: 'visit.register', input: next }, c.now);
    await must(db, people.approver, { type: 'visit.decide', input: { id: next.id, approved: true } }, c.now);
    await must(db, people.officer, { type: 'visit.issueBadge', input: { id: next.id, badge: 'B-01', escortId: people.escort.userId } }, c.now);
    expect(await lookups.badgeHolder('B-01')).toBe(next.id);
  });

  it('is cleared when an approved visit with a badge is cancelled', async () => {
    const db = freshDb();
    const c = clock();
    const people = await office(db, c.now);
    const input = registration();
    await must(db, people.officer, { type: 'visit.register', input }, c.now);
    await must(db, people.approver, { type: 'visit.decide', input: { id: input.id, approved: true } }, c.now);
    await must(db, people.officer, { type: 'visit.issueBadge', input: { id: input.id, badge: 'B-02', escortId: people.escort.userId } }, c.now);
    expect(await dexieLookups(db).badgeHolder('B-02')).toBe(input.id);
    await must(db, people.officer, { type: 'visit.cancel', input: { id: input.id, reason: 'Pengunjung batal masuk' } }, c.now);
    expect(await dexieLookups(db).badgeHolder('B-02')).toBeUndefined();
  });
});
