import { idsFrom, newId } from '@shared/ids';
import { beforeEach, describe, expect, it } from 'vitest';
import { commands, folds, foldRecord, type CommandType } from '@shared/domain/registry';
import type { CommandHandler, Lookups } from '@shared/domain/types';
import { ORG_ID, type OrgState } from '@shared/domain/org/state';
import type { UserState } from '@shared/domain/user/state';
import { visitDocNo } from '@shared/domain/visit/commands';
import { holdsIdDocument, isOverstay, mayDecideVisit, minutesInside, visitRegistrationSchema, type VisitState } from '@shared/domain/visit/state';
import type { DomainEvent, EventDraft } from '@shared/events';
import { chainEvents, newChainHead, prepareEvents } from '@shared/sync/stamp';
import { groupByCommand, replayGroup } from '@shared/sync/replay';
import type { Failure, Result } from '@shared/result';
import { ROLES, type Actor, type Role } from '@shared/roles';
import { expectDraftsParse } from './world';

// ---------------------------------------------------------------------------------------------
// A tiny in-memory store: runs commands from the registry with a hand-made DecideContext (ids
// drawn from the command's id), makes the drafts into events (prepareEvents + chainEvents: they
// carry the command) and folds them with folds.visit, like commit() does against Dexie.
// ---------------------------------------------------------------------------------------------

const PW = { alg: 'PBKDF2-SHA256' as const, iterations: 1000, salt: '0'.repeat(32), hash: '0'.repeat(64) };

function user(id: string, roles: Role[], active = true): UserState {
  return { id, username: id, displayName: `User ${id}`, roles, password: PW, active, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', hlc: '' };
}

const USERS = {
  officer: user('officer', ['officer']),
  escort: user('escort', ['officer']),
  approver: user('approver', ['approver']),
  both: user('both', ['officer', 'approver']),
  admin: user('admin', ['admin']),
  technician: user('technician', ['technician']),
  retired: user('retired', ['officer'], false),
  everything: user('everything', [...ROLES]),
};
const by = (u: UserState): Actor => ({ userId: u.id, roles: u.roles });

const ORG: OrgState = {
  id: ORG_ID,
  name: 'Dinas Komunikasi dan Informatika',
  unit: 'Bidang TIK',
  address: 'Jl. Merdeka No. 1, Bandung',
  timeZone: 'WIB',
  badgePool: ['B-01', 'B-02', 'B-03'],
  docPrefix: 'TIK',
  idleLockMinutes: 15,
  updatedAt: '2026-01-01T00:00:00.000Z',
  hlc: '',
};

class World {
  visits = new Map<string, VisitState>();
  events: DomainEvent[] = [];
  users = new Map(Object.values(USERS).map((u) => [u.id, u]));
  now = '2026-03-02T01:00:00.000Z';
  private head = newChainHead('dev-test');

  lookups: Lookups = {
    badgeHolder: async (badge) => [...this.visits.values()].find((v) => v.badgeOut === badge)?.id,
    idDocumentHolder: async (idType, idNumber) => [...this.visits.values()].find((v) => holdsIdDocument(v, idType, idNumber))?.id,
    user: async (id) => this.users.get(id),
    userByUsername: async (username) => [...this.users.values()].find((u) => u.username === username),
    countUsers: async () => this.users.size,
    record: async (kind, id) => (kind === 'visit' ? this.visits.get(id) : kind === 'user' ? this.users.get(id) : undefined),
    idsByKey: async () => ({}),
  };

  /** Moves the clock on by some minutes. */
  advance(minutes: number): string {
    this.now = new Date(new Date(this.now).getTime() + minutes * 60_000).toISOString();
    return this.now;
  }

  /** Validates, decides and (when accepted) appends and folds. Schema failures come back as 'invalid-input'. */
  async run(type: CommandType, input: unknown, actor: Actor): Promise<Result<EventDraft[]>> {
    const handler = commands[type] as unknown as CommandHandler<unknown, VisitState>;
    const parsed = handler.input.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: { code: 'invalid-input', message: issue?.message ?? '', field: issue?.path.join('.') } };
    }
    const recordId = handler.recordId(parsed.data);
    const before = this.visits.get(recordId);
    const cmdId = newId();
    const r = await handler.decide(parsed.data, { actor, now: this.now, state: before, org: ORG, lookups: this.lookups, newId: idsFrom(cmdId) });
    if (!r.ok) {
      expect(this.visits.get(recordId)).toBe(before);
      return r;
    }
    if (r.data.length === 0) return r;
    expectDraftsParse(r.data);
    const prepared = prepareEvents(r.data, { cmdId, command: { type, input: parsed.data }, actorId: actor.userId, deviceId: 'dev-test', at: this.now });
    const { events, head } = chainEvents(this.head, prepared, new Date(this.now));
    this.head = head;
    for (const e of events) {
      this.events.push(e);
      this.visits.set(e.recordId, folds.visit(this.visits.get(e.recordId), e));
    }
    return r;
  }

  /** Runs a command that must succeed. */
  async ok(type: CommandType, input: unknown, actor: Actor): Promise<EventDraft[]> {
    const r = await this.run(type, input, actor);
    if (!r.ok) throw new Error(`${type} refused: ${JSON.stringify(r.error)}`);
    return r.data;
  }

  /** Runs a command that must be refused, and returns the refusal. */
  async refused(type: CommandType, input: unknown, actor: Actor): Promise<Failure> {
    const before = this.events.length;
    const r = await this.run(type, input, actor);
    if (r.ok) throw new Error(`${type} was accepted: ${JSON.stringify(r.data)}`);
    expect(this.events.length).toBe(before);
    return r.error;
  }

  visit(id: string): VisitState {
    const v = this.visits.get(id);
    if (!v) throw new Error(`no visit ${id}`);
    return v;
  }
}

/** Each registration its own card (the desk holds one card for one open visit). */
let cardSerial = 0;
const nextNik = () => `3171 0112 0385 ${String((cardSerial++ % 9999) + 1).padStart(4, '0')}`;

const registration = (over: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  visitorName: 'Budi Santoso',
  idType: 'ktp',
  idNumber: nextNik(),
  organisation: 'PT Maju Jaya',
  phone: '0812-3456-7890',
  purpose: 'Perbaikan server',
  workPlan: 'Mengganti disk yang rusak di rak 2',
  plannedMinutes: 60,
  devices: [
    { kind: 'laptop', brandModel: 'Lenovo ThinkPad T14', serial: 'pf-2abc 12' },
    { kind: 'disk', brandModel: 'Seagate Exos 8TB', serial: 'ZA1234XY' },
  ],
  ...over,
});

let w: World;
beforeEach(() => {
  w = new World();
});

/** Registers a visit and takes it to the given point. */
async function visitUpTo(stage: 'registered' | 'approved' | 'badge' | 'inside', over: Record<string, unknown> = {}, badge = 'B-01'): Promise<string> {
  const input = registration(over);
  await w.ok('visit.register', input, by(USERS.officer));
  if (stage === 'registered') return input.id;
  w.advance(5);
  await w.ok('visit.decide', { id: input.id, approved: true }, by(USERS.approver));
  if (stage === 'approved') return input.id;
  await w.ok('visit.issueBadge', { id: input.id, badge, escortId: USERS.escort.id }, by(USERS.officer));
  if (stage === 'badge') return input.id;
  w.advance(5);
  await w.ok('visit.enter', { id: input.id }, by(USERS.officer));
  return input.id;
}

const checkOut = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  outcome: 'Server telah diperbaiki dan berfungsi kembali',
  scannedSerials: ['PF-2ABC12', 'ZA1234XY'],
  leftInside: [],
  badgeReturned: true,
  idReturned: true,
  ...over,
});

describe('visit: the happy path', () => {
  it('goes registered → approved → badge → inside → activity → checked out → archived', async () => {
    const input = registration();
    const id = input.id;

    await w.ok('visit.register', input, by(USERS.officer));
    let v = w.visit(id);
    expect(v).toMatchObject({
      id,
      status: 'awaiting_approval',
      visitorName: 'Budi Santoso',
      nameLower: 'budi santoso',
      orgLower: 'pt maju jaya',
      idType: 'ktp',
      idNumber: '3171011203850001',
      idHeld: true,
      registeredBy: 'officer',
      registeredAt: '2026-03-02T01:00:00.000Z',
      activities: [],
      corrections: [],
    });
    expect(v.docNo).toBe(visitDocNo('TIK', id, '2026-03-02T01:00:00.000Z', 'WIB'));
    expect(v.docNo).toMatch(/^TIK\/ARS\/20260302\/[0-9A-F]{5}$/);
    expect(v.devices.map((d) => d.serial)).toEqual(['PF-2ABC12', 'ZA1234XY']);
    expect(new Set(v.devices.map((d) => d.id)).size).toBe(2);
    expect(v.decision).toBeUndefined();
    expect(v.badgeOut).toBeUndefined();

    w.advance(10);
    await w.ok('visit.decide', { id, approved: true, reason: 'Sesuai jadwal pemeliharaan' }, by(USERS.approver));
    v = w.visit(id);
    expect(v.status).toBe('approved');
    expect(v.decision).toEqual({ by: 'approver', at: '2026-03-02T01:10:00.000Z', approved: true, reason: 'Sesuai jadwal pemeliharaan' });
    expect(v.idHeld).toBe(true);

    await w.ok('visit.issueBadge', { id, badge: 'B-02', escortId: 'escort' }, by(USERS.officer));
    v = w.visit(id);
    expect(v).toMatchObject({ status: 'approved', badge: 'B-02', badgeOut: 'B-02', escortId: 'escort' });
    expect(await w.lookups.badgeHolder('B-02')).toBe(id);

    w.advance(5);
    await w.ok('visit.enter', { id }, by(USERS.officer));
    v = w.visit(id);
    expect(v.status).toBe('inside');
    expect(v.enteredAt).toBe('2026-03-02T01:15:00.000Z');
    expect(isOverstay(v, new Date('2026-03-02T01:30:00.000Z'))).toBe(false);

    w.advance(20);
    await w.ok('visit.noteActivity', { id, text: 'Disk rak 2 slot 4 diganti' }, by(USERS.escort));
    v = w.visit(id);
    expect(v.activities).toEqual([{ at: '2026-03-02T01:35:00.000Z', by: 'escort', text: 'Disk rak 2 slot 4 diganti' }]);
    expect(v.status).toBe('inside');

    w.advance(25);
    await w.ok('visit.checkOut', checkOut(id), by(USERS.officer));
    v = w.visit(id);
    expect(v).toMatchObject({
      status: 'checked_out',
      exitedAt: '2026-03-02T02:00:00.000Z',
      outcome: 'Server telah diperbaiki dan berfungsi kembali',
      idHeld: false,
      unknownSerials: [],
      badge: 'B-02',
    });
    expect(v.badgeOut).toBeUndefined();
    expect(v.deviceOutcomes).toEqual(v.devices.map((d) => ({ deviceId: d.id, result: 'matched' })));
    expect(await w.lookups.badgeHolder('B-02')).toBeUndefined();
    expect(minutesInside(v, new Date('2026-03-02T09:00:00.000Z'))).toBe(45);

    await w.ok('visit.archive', { id }, by(USERS.officer));
    v = w.visit(id);
    expect(v).toMatchObject({ status: 'archived', archivedBy: 'officer', archivedAt: '2026-03-02T02:00:00.000Z' });

    // The fold over the whole log gives the same state as the step-by-step projection.
    const log = w.events.filter((e) => e.recordId === id);
    expect(log.map((e) => e.type)).toEqual([
      'visit.registered', 'visit.approved', 'visit.badgeIssued', 'visit.entered', 'visit.activityNoted', 'visit.checkedOut', 'visit.archived',
    ]);
    expect(foldRecord('visit', log)).toEqual(v);
    expect(foldRecord('visit', [...log].reverse())).toEqual(v);
  });

  it('names the document after the office’s local date', () => {
    const id = '0190aaaa-0000-7000-8000-0000000abcde';
    // 18:30 UTC on 1 March is already 2 March in WIB (UTC+7) and in WIT (UTC+9).
    expect(visitDocNo('TIK', id, '2026-03-01T18:30:00.000Z', 'WIB')).toBe('TIK/ARS/20260302/ABCDE');
    expect(visitDocNo('DKI', id, '2026-03-01T16:30:00.000Z', 'WIB')).toBe('DKI/ARS/20260301/ABCDE');
    expect(visitDocNo('DKI', id, '2026-03-01T16:30:00.000Z', 'WIT')).toBe('DKI/ARS/20260302/ABCDE');
  });

  it('needs an officer to register, an office set up, and a fresh id', async () => {
    const input = registration();
    expect(await w.refused('visit.register', input, by(USERS.approver))).toMatchObject({ code: 'forbidden' });
    const handler = commands['visit.register'];
    const parsed = handler.input.parse(input);
    const noOrg = await handler.decide(parsed, { actor: by(USERS.officer), now: w.now, state: undefined, org: undefined, lookups: w.lookups, newId });
    expect(noOrg).toMatchObject({ ok: false, error: { code: 'not-set-up' } });
    await w.ok('visit.register', input, by(USERS.officer));
    expect(await w.refused('visit.register', input, by(USERS.officer))).toMatchObject({ code: 'exists' });
  });
});

describe('visit: one held card, one open visit', () => {
  const NIK = '3171 0112 0385 0777';

  it('refuses a card the desk already holds, naming the open visit, in every open state', async () => {
    for (const stage of ['registered', 'approved', 'inside'] as const) {
      w = new World();
      const first = await visitUpTo(stage, { idNumber: NIK });
      const again = registration({ idNumber: '3171011203850777', visitorName: 'Budi S.' });
      const refusal = await w.refused('visit.register', again, by(USERS.officer));
      expect(refusal).toMatchObject({ code: 'id-held', message: 'visit.errors.idHeld', field: 'idNumber' });
      expect(refusal.params).toMatchObject({ visitId: first, docNo: w.visit(first).docNo, name: 'Budi Santoso', status: w.visit(first).status });
    }
  });

  it('accepts the card again once it went back (checked out, refused, cancelled), and another card at once', async () => {
    const inside = await visitUpTo('inside', { idNumber: NIK });
    await w.ok('visit.register', registration(), by(USERS.officer));
    await w.ok('visit.register', registration({ idType: 'sim', idNumber: '123456789012' }), by(USERS.officer));
    w.advance(30);
    await w.ok('visit.checkOut', checkOut(inside), by(USERS.officer));
    const second = registration({ idNumber: NIK });
    await w.ok('visit.register', second, by(USERS.officer));
    await w.ok('visit.decide', { id: second.id, approved: false, reason: 'Tidak ada surat tugas' }, by(USERS.approver));
    const third = registration({ idNumber: NIK });
    await w.ok('visit.register', third, by(USERS.officer));
    await w.ok('visit.cancel', { id: third.id, reason: 'Pengunjung pulang' }, by(USERS.officer));
    await w.ok('visit.register', registration({ idNumber: NIK }), by(USERS.officer));
  });

  it('tells the same number of another document type apart', async () => {
    await visitUpTo('registered', { idType: 'other', idNumber: 'X-3171011203850777' });
    await w.ok('visit.register', registration({ idType: 'other', idNumber: 'X-3171011203850778' }), by(USERS.officer));
    expect(await w.refused('visit.register', registration({ idType: 'other', idNumber: 'X-3171011203850777' }), by(USERS.officer))).toMatchObject({ code: 'id-held' });
  });

  it('is refused on replay too (a second desk registering the same card offline)', async () => {
    const first = registration({ idNumber: NIK });
    await w.ok('visit.register', first, by(USERS.officer));
    // The other desk's registration of the same card, replayed against this desk's state.
    const other = registration({ idNumber: NIK });
    const handler = commands['visit.register'];
    const r = await handler.decide(handler.input.parse(other), { actor: by(USERS.officer), now: w.now, state: undefined, org: ORG, lookups: w.lookups, newId });
    expect(r).toMatchObject({ ok: false, error: { code: 'id-held', params: { visitId: first.id } } });
  });
});

describe('visit: who may decide (the approvals queue)', () => {
  it('lists a visit for an approver who did not register it, not for its registrar nor for non-approvers', async () => {
    const v = { status: 'awaiting_approval' as const, registeredBy: USERS.both.id };
    expect(mayDecideVisit(v, { id: USERS.both.id, roles: USERS.both.roles })).toBe(false);
    expect(mayDecideVisit(v, { id: USERS.approver.id, roles: USERS.approver.roles })).toBe(true);
    expect(mayDecideVisit(v, { id: USERS.officer.id, roles: USERS.officer.roles })).toBe(false);
    expect(mayDecideVisit({ ...v, status: 'approved' }, { id: USERS.approver.id, roles: USERS.approver.roles })).toBe(false);
  });
});

describe('visit: the decision', () => {
  it('refuses self-approval by the officer who registered the visit', async () => {
    const input = registration();
    await w.ok('visit.register', input, by(USERS.both));
    expect(await w.refused('visit.decide', { id: input.id, approved: true }, by(USERS.both))).toMatchObject({ code: 'self-approval', message: 'visit.errors.selfApproval' });
    expect(await w.refused('visit.decide', { id: input.id, approved: false, reason: 'Tidak ada jadwal' }, by(USERS.both))).toMatchObject({ code: 'self-approval' });
    expect(w.visit(input.id).status).toBe('awaiting_approval');
    await w.ok('visit.decide', { id: input.id, approved: true }, by(USERS.approver));
    expect(w.visit(input.id).status).toBe('approved');
  });

  it('requires the approver role', async () => {
    const id = await visitUpTo('registered');
    for (const u of [USERS.officer, USERS.escort, USERS.admin, USERS.technician]) {
      expect(await w.refused('visit.decide', { id, approved: true }, by(u))).toMatchObject({ code: 'forbidden', message: 'errors.forbidden' });
    }
  });

  it('needs a reason to refuse, and hands the ID back', async () => {
    const id = await visitUpTo('registered');
    expect(await w.refused('visit.decide', { id, approved: false }, by(USERS.approver))).toMatchObject({ code: 'reason-required', field: 'reason' });
    expect(await w.refused('visit.decide', { id, approved: false, reason: '  ab ' }, by(USERS.approver))).toMatchObject({ code: 'reason-required' });
    w.advance(3);
    await w.ok('visit.decide', { id, approved: false, reason: 'Tidak ada surat tugas' }, by(USERS.approver));
    const v = w.visit(id);
    expect(v.status).toBe('refused');
    expect(v.idHeld).toBe(false);
    expect(v.decision).toEqual({ by: 'approver', at: '2026-03-02T01:03:00.000Z', approved: false, reason: 'Tidak ada surat tugas' });
    // A refused visit cannot go on, and cannot be decided again.
    expect(await w.refused('visit.issueBadge', { id, badge: 'B-01', escortId: 'escort' }, by(USERS.officer))).toMatchObject({ code: 'wrong-state', params: { status: 'refused' } });
    expect(await w.refused('visit.enter', { id }, by(USERS.officer))).toMatchObject({ code: 'wrong-state' });
    expect(await w.refused('visit.decide', { id, approved: true }, by(USERS.approver))).toMatchObject({ code: 'wrong-state' });
    await w.ok('visit.archive', { id }, by(USERS.admin));
    expect(w.visit(id).status).toBe('archived');
  });

  it('refuses commands on a visit that does not exist', async () => {
    expect(await w.refused('visit.decide', { id: 'nope', approved: true }, by(USERS.approver))).toMatchObject({ code: 'not-found' });
  });
});

describe('visit: badge and escort', () => {
  it('refuses a badge that is not in the pool', async () => {
    const id = await visitUpTo('approved');
    expect(await w.refused('visit.issueBadge', { id, badge: 'B-99', escortId: 'escort' }, by(USERS.officer))).toMatchObject({ code: 'badge-unknown', field: 'badge', params: { badge: 'B-99' } });
    expect(await w.refused('visit.issueBadge', { id, badge: 'b-01', escortId: 'escort' }, by(USERS.officer))).toMatchObject({ code: 'badge-unknown' });
  });

  it('refuses a badge that is out with another visit until it comes back', async () => {
    const first = await visitUpTo('inside', {}, 'B-01');
    const second = await visitUpTo('approved');
    expect(await w.refused('visit.issueBadge', { id: second, badge: 'B-01', escortId: 'escort' }, by(USERS.officer))).toMatchObject({ code: 'badge-out', field: 'badge', params: { badge: 'B-01' } });
    w.advance(30);
    await w.ok('visit.checkOut', checkOut(first), by(USERS.officer));
    await w.ok('visit.issueBadge', { id: second, badge: 'B-01', escortId: 'escort' }, by(USERS.officer));
    expect(w.visit(second).badgeOut).toBe('B-01');
  });

  it('refuses a second badge for the same visit', async () => {
    const id = await visitUpTo('badge');
    expect(await w.refused('visit.issueBadge', { id, badge: 'B-02', escortId: 'escort' }, by(USERS.officer))).toMatchObject({ code: 'badge-already-issued', params: { badge: 'B-01' } });
  });

  it('frees the badge when an approved visit is cancelled', async () => {
    const id = await visitUpTo('badge');
    await w.ok('visit.cancel', { id, reason: 'Pengunjung batal masuk' }, by(USERS.officer));
    expect(w.visit(id)).toMatchObject({ status: 'cancelled', idHeld: false, cancelReason: 'Pengunjung batal masuk' });
    expect(w.visit(id).badgeOut).toBeUndefined();
    expect(await w.lookups.badgeHolder('B-01')).toBeUndefined();
  });

  it('needs the escort to be an active officer', async () => {
    const id = await visitUpTo('approved');
    for (const escortId of ['retired', 'technician', 'approver', 'no-such-user']) {
      expect(await w.refused('visit.issueBadge', { id, badge: 'B-01', escortId }, by(USERS.officer))).toMatchObject({ code: 'escort-invalid', field: 'escortId' });
    }
    await w.ok('visit.issueBadge', { id, badge: 'B-01', escortId: 'both' }, by(USERS.officer));
    expect(w.visit(id).escortId).toBe('both');
  });

  it('refuses to issue a badge before approval', async () => {
    const id = await visitUpTo('registered');
    expect(await w.refused('visit.issueBadge', { id, badge: 'B-01', escortId: 'escort' }, by(USERS.officer))).toMatchObject({ code: 'wrong-state', params: { status: 'awaiting_approval' } });
  });
});

describe('visit: entry', () => {
  it('refuses entry without a badge', async () => {
    const id = await visitUpTo('approved');
    expect(await w.refused('visit.enter', { id }, by(USERS.officer))).toMatchObject({ code: 'no-badge', message: 'visit.errors.enterNeedsBadge' });
  });

  it('refuses entry without approval', async () => {
    const id = await visitUpTo('registered');
    expect(await w.refused('visit.enter', { id }, by(USERS.officer))).toMatchObject({ code: 'wrong-state' });
  });

  it('refuses an entry time before registration, and accepts a given one after it', async () => {
    const id = await visitUpTo('badge');
    expect(await w.refused('visit.enter', { id, enteredAt: '2026-03-02T00:59:00.000Z' }, by(USERS.officer))).toMatchObject({ code: 'time-order' });
    await w.ok('visit.enter', { id, enteredAt: '2026-03-02T01:02:00.000Z' }, by(USERS.officer));
    expect(w.visit(id).enteredAt).toBe('2026-03-02T01:02:00.000Z');
    expect(await w.refused('visit.enter', { id }, by(USERS.officer))).toMatchObject({ code: 'wrong-state', params: { status: 'inside' } });
  });

  it('notes activity only while inside', async () => {
    const id = await visitUpTo('approved');
    expect(await w.refused('visit.noteActivity', { id, text: 'Mulai bekerja' }, by(USERS.officer))).toMatchObject({ code: 'wrong-state' });
  });
});

describe('visit: check-out', () => {
  it('refuses an unexplained missing device', async () => {
    const id = await visitUpTo('inside');
    w.advance(30);
    expect(await w.refused('visit.checkOut', checkOut(id, { scannedSerials: ['PF-2ABC12'] }), by(USERS.officer))).toMatchObject({
      code: 'device-unresolved',
      params: { serial: 'ZA1234XY' },
    });
    expect(w.visit(id).status).toBe('inside');
  });

  it('refuses a device left inside without a reason', async () => {
    const id = await visitUpTo('inside');
    const disk = w.visit(id).devices[1];
    w.advance(30);
    for (const reason of ['', '  ', 'ok']) {
      expect(await w.refused('visit.checkOut', checkOut(id, { scannedSerials: ['PF-2ABC12'], leftInside: [{ deviceId: disk?.id, reason }] }), by(USERS.officer))).toMatchObject({
        code: 'reason-required',
        params: { serial: 'ZA1234XY' },
        field: `leftInside.${disk?.id}`,
      });
    }
  });

  it('accepts a device left inside with a reason', async () => {
    const id = await visitUpTo('inside');
    const [laptop, disk] = w.visit(id).devices;
    w.advance(30);
    await w.ok('visit.checkOut', checkOut(id, { scannedSerials: ['PF-2ABC12'], leftInside: [{ deviceId: disk?.id, reason: 'Dipasang di server rak 2' }] }), by(USERS.officer));
    expect(w.visit(id).deviceOutcomes).toEqual([
      { deviceId: laptop?.id, result: 'matched' },
      { deviceId: disk?.id, result: 'left_inside', reason: 'Dipasang di server rak 2' },
    ]);
  });

  it('flags a serial that leaves but never came in', async () => {
    const id = await visitUpTo('inside');
    w.advance(30);
    await w.ok('visit.checkOut', checkOut(id, { scannedSerials: ['PF-2ABC12', 'ZA1234XY', ' sn 999-x ', 'SN999-X'] }), by(USERS.officer));
    const v = w.visit(id);
    expect(v.status).toBe('checked_out');
    expect(v.unknownSerials).toEqual(['SN999-X']);
  });

  it('matches serials regardless of case and spaces', async () => {
    const id = await visitUpTo('inside');
    w.advance(30);
    await w.ok('visit.checkOut', checkOut(id, { scannedSerials: ['  Pf-2Abc 12', 'za12 34xy '] }), by(USERS.officer));
    const v = w.visit(id);
    expect(v.deviceOutcomes?.map((o) => o.result)).toEqual(['matched', 'matched']);
    expect(v.unknownSerials).toEqual([]);
  });

  it('reconciles a device added while inside', async () => {
    const id = await visitUpTo('inside');
    await w.ok('visit.addDevice', { id, device: { kind: 'tool', brandModel: 'Fluke tester', serial: 'fl 77' } }, by(USERS.officer));
    expect(await w.refused('visit.addDevice', { id, device: { kind: 'tool', brandModel: 'Fluke tester', serial: 'FL77' } }, by(USERS.officer))).toMatchObject({ code: 'serial-duplicate' });
    w.advance(30);
    expect(await w.refused('visit.checkOut', checkOut(id), by(USERS.officer))).toMatchObject({ code: 'device-unresolved', params: { serial: 'FL77' } });
    await w.ok('visit.checkOut', checkOut(id, { scannedSerials: ['PF-2ABC12', 'ZA1234XY', 'fl77'] }), by(USERS.officer));
    expect(w.visit(id).deviceOutcomes).toHaveLength(3);
  });

  it('refuses an exit before or at the entry time', async () => {
    const id = await visitUpTo('inside');
    const enteredAt = w.visit(id).enteredAt ?? '';
    expect(await w.refused('visit.checkOut', checkOut(id, { exitedAt: '2026-03-02T01:00:00.000Z' }), by(USERS.officer))).toMatchObject({ code: 'time-order', field: 'exitedAt' });
    expect(await w.refused('visit.checkOut', checkOut(id, { exitedAt: enteredAt }), by(USERS.officer))).toMatchObject({ code: 'time-order' });
    // The device clock has not moved since entry: the default exit time equals the entry time.
    expect(await w.refused('visit.checkOut', checkOut(id), by(USERS.officer))).toMatchObject({ code: 'time-order' });
    await w.ok('visit.checkOut', checkOut(id, { exitedAt: '2026-03-02T03:00:00.000Z' }), by(USERS.officer));
    expect(w.visit(id).exitedAt).toBe('2026-03-02T03:00:00.000Z');
  });

  // Times with different fractional-second precision compare as instants, not strings.
  it('refuses an exit before entry written with a different precision', async () => {
    const id = await visitUpTo('badge');
    await w.ok('visit.enter', { id, enteredAt: '2026-03-02T01:10:00.500Z' }, by(USERS.officer));
    expect(await w.refused('visit.checkOut', checkOut(id, { exitedAt: '2026-03-02T01:10:00Z' }), by(USERS.officer))).toMatchObject({ code: 'time-order' });
  });

  it('refuses when the badge or the ID has not been exchanged', async () => {
    const id = await visitUpTo('inside');
    w.advance(30);
    expect(await w.refused('visit.checkOut', checkOut(id, { badgeReturned: false }), by(USERS.officer))).toMatchObject({ code: 'badge-not-returned', field: 'badgeReturned' });
    expect(await w.refused('visit.checkOut', checkOut(id, { idReturned: false }), by(USERS.officer))).toMatchObject({ code: 'id-not-returned', field: 'idReturned' });
    expect(w.visit(id)).toMatchObject({ status: 'inside', badgeOut: 'B-01', idHeld: true });
  });

  it('needs an officer', async () => {
    const id = await visitUpTo('inside');
    w.advance(30);
    expect(await w.refused('visit.checkOut', checkOut(id), by(USERS.approver))).toMatchObject({ code: 'forbidden' });
  });
});

describe('visit: archive and corrections', () => {
  it('refuses every command except visit.correct once archived', async () => {
    const id = await visitUpTo('inside');
    w.advance(30);
    await w.ok('visit.checkOut', checkOut(id), by(USERS.officer));
    await w.ok('visit.archive', { id }, by(USERS.officer));
    const archived = w.visit(id);
    const all = by(USERS.everything);
    const attempts: [CommandType, Record<string, unknown>][] = [
      ['visit.decide', { id, approved: true }],
      ['visit.decide', { id, approved: false, reason: 'Tidak ada surat' }],
      ['visit.issueBadge', { id, badge: 'B-03', escortId: 'escort' }],
      ['visit.enter', { id }],
      ['visit.addDevice', { id, device: { kind: 'laptop', brandModel: 'Dell Latitude', serial: 'NEW-1' } }],
      ['visit.noteActivity', { id, text: 'Catatan terlambat' }],
      ['visit.checkOut', checkOut(id, { exitedAt: '2026-03-02T05:00:00.000Z' })],
      ['visit.cancel', { id, reason: 'Salah input' }],
      ['visit.archive', { id }],
    ];
    for (const [type, input] of attempts) {
      expect(await w.refused(type, input, all), type).toMatchObject({ code: 'archived', message: 'visit.errors.archived' });
    }
    // Registering the same id again is refused too (the record exists).
    expect(await w.refused('visit.register', registration({ id }), all)).toMatchObject({ code: 'exists' });
    // Every visit.* command was tried.
    const tried = new Set([...attempts.map(([t]) => t), 'visit.register', 'visit.correct']);
    expect(Object.keys(commands).filter((k) => k.startsWith('visit.') && !tried.has(k as CommandType))).toEqual([]);

    w.advance(60);
    await w.ok('visit.correct', { id, text: 'Nama organisasi yang benar: PT Maju Jaya Abadi' }, by(USERS.admin));
    const corrected = w.visit(id);
    expect(corrected.corrections).toEqual([{ at: '2026-03-02T02:40:00.000Z', by: 'admin', text: 'Nama organisasi yang benar: PT Maju Jaya Abadi' }]);
    expect(corrected.status).toBe('archived');
    expect({ ...corrected, corrections: [], updatedAt: '', hlc: '' }).toEqual({ ...archived, updatedAt: '', hlc: '' });
    expect(await w.refused('visit.correct', { id, text: 'Koreksi oleh pihak lain' }, by(USERS.approver))).toMatchObject({ code: 'forbidden' });
    expect(await w.refused('visit.correct', { id, text: 'abc' }, by(USERS.admin))).toMatchObject({ code: 'invalid-input', message: 'visit.errors.correctionShort' });
  });

  it('refuses to archive a visit that is still open', async () => {
    const id = await visitUpTo('inside');
    expect(await w.refused('visit.archive', { id }, by(USERS.officer))).toMatchObject({ code: 'wrong-state', params: { status: 'inside' } });
  });
});

describe('visit: registration schema', () => {
  const issues = (over: Record<string, unknown>) => {
    const r = visitRegistrationSchema.safeParse(registration(over));
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
  };

  it('accepts a complete form', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ idType: 'passport', idNumber: 'C1234567' })).toEqual([]);
    expect(issues({ devices: [] })).toEqual([]);
  });

  it.each([
    ['317101120385000', 'visit.errors.nik.length'],
    ['31710112038500011', 'visit.errors.nik.length'],
    ['317101120385000A', 'visit.errors.nik.not-digits'],
    ['3171013203850001', 'visit.errors.nik.birth-date'],
    ['3171012902850001', 'visit.errors.nik.birth-date'],
    ['0071011203850001', 'visit.errors.nik.region'],
    ['3171011203850000', 'visit.errors.nik.serial'],
    ['', 'visit.errors.idNumberRequired'],
  ])('refuses the KTP number %s with %s on idNumber', (idNumber, message) => {
    expect(issues({ idNumber })).toEqual([{ path: ['idNumber'], message }]);
  });

  it('checks the number against the chosen ID type', () => {
    expect(issues({ idType: 'passport', idNumber: '3171011203850001' })).toEqual([{ path: ['idNumber'], message: 'visit.errors.passportFormat' }]);
    expect(issues({ idType: 'sim', idNumber: '123' })).toEqual([{ path: ['idNumber'], message: 'visit.errors.simFormat' }]);
  });

  it('refuses duplicate serials, also when they differ only in case and spaces', () => {
    const devices = [
      { kind: 'laptop', brandModel: 'Lenovo ThinkPad', serial: 'SN-100' },
      { kind: 'disk', brandModel: 'Seagate Exos', serial: 'SN-200' },
      { kind: 'laptop', brandModel: 'Lenovo ThinkPad', serial: ' sn-1 00 ' },
    ];
    expect(issues({ devices })).toEqual([{ path: ['devices', 2, 'serial'], message: 'visit.errors.serialDuplicate' }]);
  });

  it('refuses other malformed fields with their keys', () => {
    expect(issues({ visitorName: 'Al' })).toEqual([{ path: ['visitorName'], message: 'visit.errors.name' }]);
    expect(issues({ phone: '12345' })).toEqual([{ path: ['phone'], message: 'visit.errors.phone' }]);
    expect(issues({ plannedMinutes: 5 })).toEqual([{ path: ['plannedMinutes'], message: 'visit.errors.duration' }]);
    expect(issues({ plannedMinutes: 721 })).toEqual([{ path: ['plannedMinutes'], message: 'visit.errors.duration' }]);
    expect(issues({ devices: [{ kind: 'laptop', brandModel: 'Dell', serial: '#!' }] })).toEqual([{ path: ['devices', 0, 'serial'], message: 'visit.errors.serialFormat' }]);
  });

  it('refuses through the register command with the key and the field', async () => {
    expect(await w.refused('visit.register', registration({ idNumber: '12345' }), by(USERS.officer))).toEqual({ code: 'invalid-input', message: 'visit.errors.nik.length', field: 'idNumber' });
    expect(await w.refused('visit.register', registration({ id: 'not-a-uuid' }), by(USERS.officer))).toMatchObject({ code: 'invalid-input', field: 'id' });
  });
});

describe('isOverstay', () => {
  const entered = '2026-03-02T01:00:00.000Z';
  it('flags a visitor inside past the planned duration', () => {
    const v = { status: 'inside' as const, enteredAt: entered, plannedMinutes: 60 };
    expect(isOverstay(v, new Date('2026-03-02T01:59:00.000Z'))).toBe(false);
    expect(isOverstay(v, new Date('2026-03-02T02:00:00.000Z'))).toBe(false);
    expect(isOverstay(v, new Date('2026-03-02T02:00:01.000Z'))).toBe(true);
  });

  it('never flags a visitor who is not inside', () => {
    const late = new Date('2026-03-03T00:00:00.000Z');
    expect(isOverstay({ status: 'checked_out', enteredAt: entered, plannedMinutes: 60 }, late)).toBe(false);
    expect(isOverstay({ status: 'approved', enteredAt: undefined, plannedMinutes: 60 }, late)).toBe(false);
    expect(isOverstay({ status: 'inside', enteredAt: undefined, plannedMinutes: 60 }, late)).toBe(false);
  });

  it('flags an overstay found through the commands', async () => {
    const id = await visitUpTo('inside', { plannedMinutes: 30 });
    const v = w.visit(id);
    const enteredAt = new Date(v.enteredAt ?? '').getTime();
    expect(isOverstay(v, new Date(enteredAt + 29 * 60_000))).toBe(false);
    expect(isOverstay(v, new Date(enteredAt + 31 * 60_000))).toBe(true);
  });
});

describe('visit: the server re-checks by replay', () => {
  /** Replays one command's events on a fresh office's state (the visit's events before it folded in). */
  async function replayAll(events: DomainEvent[]) {
    const server = new World();
    const verdicts = [];
    for (const group of groupByCommand(events)) {
      const head = group[0]!;
      const actorUser = server.users.get(head.actorId);
      const verdict = await replayGroup(group, { actor: { userId: head.actorId, roles: actorUser?.roles ?? [] }, actorUser, state: server.visits.get(head.recordId), org: ORG, lookups: server.lookups });
      verdicts.push(verdict);
      if (verdict.ok) for (const e of group) server.visits.set(e.recordId, folds.visit(server.visits.get(e.recordId), e));
    }
    return { server, verdicts };
  }

  it('draws the same device ids and document number on the server and accepts the whole visit', async () => {
    const id = await visitUpTo('inside');
    await w.ok('visit.addDevice', { id, device: { kind: 'disk', brandModel: 'WD Red 4TB', serial: 'WD-777' } }, by(USERS.officer));
    w.advance(30);
    await w.ok('visit.checkOut', checkOut(id, { scannedSerials: ['PF-2ABC12', 'ZA1234XY', 'WD-777'] }), by(USERS.officer));
    // Every event names its command; the first event of each carries the command itself.
    expect(w.events.every((e) => e.cmd?.id === e.id && e.cmd.i === 0 && e.cmd.n === 1 && e.command !== undefined)).toBe(true);
    const sent = JSON.parse(JSON.stringify(w.events)) as DomainEvent[];
    const { server, verdicts } = await replayAll(sent);
    expect(verdicts.every((v) => v.ok)).toBe(true);
    expect(server.visit(id)).toEqual(w.visit(id));
    // The ids of the devices come from the command's id: the same on every machine, another for another command.
    const registeredIds = idsFrom(w.events[0]!.id);
    const addedIds = idsFrom(w.events.find((e) => e.type === 'visit.deviceAdded')!.id);
    expect(w.visit(id).devices.map((d) => d.id)).toEqual([registeredIds(), registeredIds(), addedIds()]);
  });

  it('refuses an event whose actor, payload or drawn id differs from what the command produces, naming the field', async () => {
    const id = await visitUpTo('approved');
    const [registered, approved] = w.events as [DomainEvent, DomainEvent];
    const mismatch = (field: string) => ({ ok: false, error: { code: 'replay-mismatch', message: 'sync.errors.replayMismatch', field, params: { field } } });
    const devices = registered.payload.devices as { id: string }[];
    const cases: [DomainEvent[], unknown][] = [
      // The device says the visitor is someone else: the command it carries says otherwise.
      [[{ ...registered, payload: { ...registered.payload, visitorName: 'Orang Lain' } }], mismatch('payload.visitorName')],
      // A document number of the device's choosing.
      [[{ ...registered, payload: { ...registered.payload, docNo: 'TIK/ARS/20260302/00000' } }], mismatch('payload.docNo')],
      // A device id not drawn from the command's id.
      [[{ ...registered, payload: { ...registered.payload, devices: [{ ...devices[0]!, id: newId() }, devices[1]] } }], mismatch('payload.devices.0.id')],
      // A key decide() never writes.
      [[{ ...registered, payload: { ...registered.payload, approvedBy: 'approver' } }], mismatch('payload.approvedBy')],
      // The command changed after the fact: replayed, it produces another visitor than the event says.
      [[{ ...registered, command: { type: 'visit.register', input: { ...(registered.command!.input as object), visitorName: 'Orang Lain' } } }], mismatch('payload.visitorName')],
    ];
    for (const [events, expected] of cases) expect((await replayAll(events)).verdicts[0]).toEqual(expected);
    // The approval with the officer named as actor: refused by the rules, whoever's device made it.
    const forged = await replayAll([registered, { ...approved, actorId: USERS.officer.id }]);
    expect(forged.verdicts[1]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The approval by the person who registered it (both roles): refused as self-approval.
    const self = await replayAll([{ ...registered, actorId: USERS.both.id }, { ...approved, actorId: USERS.both.id }]);
    expect(self.verdicts[0]!.ok).toBe(true);
    expect(self.verdicts[1]).toMatchObject({ ok: false });
    expect(w.visit(id).status).toBe('approved');
  });
});
