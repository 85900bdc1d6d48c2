import { beforeEach, describe, expect, it } from 'vitest';
import { commands, folds, type CommandType } from '@shared/domain/registry';
import type { CommandHandler, Lookups } from '@shared/domain/types';
import { ORG_ID, officeCalendar, orgProfileSchema, type OrgState } from '@shared/domain/org/state';
import type { UserState } from '@shared/domain/user/state';
import { ticketDocNo } from '@shared/domain/ticket/commands';
import { AT_RISK_FRACTION, pauseClock, resumeClock, slaFor, slaView, startClock } from '@shared/domain/ticket/sla';
import { DEFAULT_SLA, type TicketState } from '@shared/domain/ticket/state';
import { groupByCommand, replayGroup } from '@shared/sync/replay';
import { newChainHead } from '@shared/sync/stamp';
import { DEFAULT_CALENDAR } from '@shared/calendar';
import type { DomainEvent, EventDraft } from '@shared/events';
import type { Failure, Result } from '@shared/result';
import type { Actor, Role } from '@shared/roles';
import { decideAndChain } from './world';

const H = 3_600_000;
const M = 60_000;
const PW = { alg: 'PBKDF2-SHA256' as const, iterations: 1000, salt: '0'.repeat(32), hash: '0'.repeat(64) };
const user = (id: string, roles: Role[], active = true): UserState => ({ id, username: id, displayName: `User ${id}`, roles, password: PW, active, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', hlc: '' });
const USERS = { officer: user('officer', ['officer']), tech: user('tech', ['technician']), tech2: user('tech2', ['technician']), admin: user('admin', ['admin']), auditor: user('auditor', ['auditor']), gone: user('gone', ['technician'], false) };
const by = (u: UserState): Actor => ({ userId: u.id, roles: u.roles });

/** The office choice "count in working time only" (the SOP's default is clock hours). */
const WORKING_SLA = {
  high: { amount: 4, unit: 'hours', basis: 'working' },
  medium: { amount: 1, unit: 'workdays', basis: 'working' },
  low: { amount: 2, unit: 'workdays', basis: 'working' },
} as const;
const baseOrg: OrgState = { id: ORG_ID, name: 'Diskominfo', unit: 'TIK', address: 'Jl. Merdeka 1', timeZone: 'WIB', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15, sla: WORKING_SLA, updatedAt: '', hlc: '' };

/** Commands from the registry run against an in-memory store, made into events and folded with folds.ticket, like commit(). */
class World {
  org: OrgState = { ...baseOrg };
  tickets = new Map<string, TicketState>();
  /** Incidents as other records ('incident:<id>' → state) for the escalation link. */
  incidents = new Map<string, { ticketId?: string }>();
  events: DomainEvent[] = [];
  now = '2026-03-18T08:00:00.000Z'; // Wednesday 15:00 WIB, the day before Nyepi and Idul Fitri
  private head = newChainHead('dev');
  lookups: Lookups = {
    badgeHolder: async () => undefined,
    idDocumentHolder: async () => undefined,
    user: async (id) => Object.values(USERS).find((u) => u.id === id),
    userByUsername: async () => undefined,
    countUsers: async () => Object.keys(USERS).length,
    record: async (kind, id) => (kind === 'ticket' ? this.tickets.get(id) : kind === 'incident' ? this.incidents.get(id) : undefined),
    idsByKey: async () => ({}),
  };
  at(iso: string) {
    this.now = iso;
  }
  async run(type: CommandType, input: unknown, actor: Actor): Promise<Result<EventDraft[]>> {
    const handler = commands[type] as unknown as CommandHandler<unknown, TicketState>;
    const parsed = handler.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: parsed.error.issues[0]?.message ?? '', field: parsed.error.issues[0]?.path.join('.') } };
    const id = handler.recordId(parsed.data);
    const state = this.tickets.get(id);
    const { r, events, head } = await decideAndChain({ type, handler: handler as CommandHandler<unknown, unknown>, input: parsed.data, actor, now: this.now, state, org: this.org, lookups: this.lookups, head: this.head });
    this.head = head;
    for (const e of events) {
      this.events.push(e);
      this.tickets.set(e.recordId, folds.ticket(this.tickets.get(e.recordId), e));
    }
    return r;
  }
  async ok(type: CommandType, input: unknown, actor: Actor) {
    const r = await this.run(type, input, actor);
    if (!r.ok) throw new Error(`${type} refused: ${JSON.stringify(r.error)}`);
    return r.data;
  }
  async refused(type: CommandType, input: unknown, actor: Actor): Promise<Failure> {
    const before = this.events.length;
    const r = await this.run(type, input, actor);
    if (r.ok) throw new Error(`${type} accepted`);
    expect(this.events.length).toBe(before);
    return r.error;
  }
  ticket(id: string): TicketState {
    return this.tickets.get(id)!;
  }
}

const reception = (over: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  channel: 'phone',
  requesterName: 'Siti Aminah',
  requesterNip: '198701012010012001',
  requesterDepartment: 'Bagian Keuangan',
  requesterContact: '0812-1111-2222',
  category: 'hardware',
  priority: 'high',
  subject: 'Laptop tidak menyala',
  description: 'Laptop kantor mati total sejak pagi, lampu indikator tidak menyala.',
  assetSerial: 'pf 2abc12',
  ...over,
});

let w: World;
beforeEach(() => {
  w = new World();
});

describe('SLA settings and budgets', () => {
  const cal = officeCalendar(baseOrg);
  it('defaults to the SOP as written: High 4 jam, Medium 1×24 jam, Low 2×24 jam, in clock hours', () => {
    expect(slaFor(cal, undefined, 'high')).toMatchObject({ basis: 'calendar', budgetMs: 4 * H });
    expect(slaFor(cal, undefined, 'medium')).toMatchObject({ basis: 'calendar', budgetMs: 24 * H });
    expect(slaFor(cal, undefined, 'low')).toMatchObject({ basis: 'calendar', budgetMs: 48 * H });
  });
  it('counts in working time when the office chooses it: 4 working hours, 1 and 2 working days', () => {
    expect(slaFor(cal, WORKING_SLA, 'high').budgetMs).toBe(4 * H);
    expect(slaFor(cal, WORKING_SLA, 'medium').budgetMs).toBe(8.5 * H); // Monday 07:30–16:00
    expect(slaFor(cal, WORKING_SLA, 'low').budgetMs).toBe(17 * H);
  });
  it('on the calendar basis a day is 24 hours (1×24 h, 2×24 h)', () => {
    const settings = { ...WORKING_SLA, medium: { ...WORKING_SLA.medium, basis: 'calendar' as const }, low: { ...WORKING_SLA.low, basis: 'calendar' as const } };
    expect(slaFor(cal, settings, 'medium').budgetMs).toBe(24 * H);
    expect(slaFor(cal, settings, 'low').budgetMs).toBe(48 * H);
  });
  it('are part of the org profile that org.update accepts', () => {
    expect(orgProfileSchema.partial().safeParse({ sla: DEFAULT_SLA }).success).toBe(true);
    expect(orgProfileSchema.partial().safeParse({ sla: { ...DEFAULT_SLA, high: { amount: 0, unit: 'hours', basis: 'working' } } }).success).toBe(false);
  });
});

describe('SLA clock', () => {
  const cal = officeCalendar(baseOrg);
  const sla = slaFor(cal, WORKING_SLA, 'high');

  it('a High ticket received Wednesday 15:00 WIB before Nyepi (Thursday) is due Friday 10:30 (Idul Fitri 1447 H is Saturday–Sunday 21–22 Mar)', () => {
    const clock = startClock(cal, sla, new Date('2026-03-18T08:00:00Z'));
    expect(clock.dueAt).toBe('2026-03-20T03:30:00.000Z');
  });

  it('cuti bersama added by the admin moves the due instant past the weekend', () => {
    const withCuti = officeCalendar({ timeZone: 'WIB', calendar: { ...DEFAULT_CALENDAR, extraDaysOff: [{ date: '2026-03-20', name: 'Cuti bersama Idul Fitri' }] } });
    expect(startClock(withCuti, sla, new Date('2026-03-18T08:00:00Z')).dueAt).toBe('2026-03-23T03:30:00.000Z');
  });

  it('is on track, at risk from 75 % used, then breached', () => {
    const t = { status: 'new' as const, sla, clock: startClock(cal, sla, new Date('2026-03-09T01:00:00Z')) }; // Monday 08:00 WIB
    expect(slaView(t, new Date('2026-03-09T03:00:00Z'), cal)).toMatchObject({ level: 'on_track', usedMs: 2 * H, leftMs: 2 * H });
    expect(slaView(t, new Date('2026-03-09T04:00:00Z'), cal)).toMatchObject({ level: 'at_risk', fraction: AT_RISK_FRACTION });
    expect(slaView(t, new Date('2026-03-09T04:59:00Z'), cal).level).toBe('at_risk');
    expect(slaView(t, new Date('2026-03-09T05:00:00Z'), cal)).toMatchObject({ level: 'breached', leftMs: 0, isBreached: true });
    expect(slaView(t, new Date('2026-03-09T06:15:00Z'), cal).leftMs).toBe(-75 * M);
  });

  it('does not count the night or the weekend on the working basis, but does on the calendar basis', () => {
    const received = new Date('2026-03-06T08:30:00Z'); // Friday 15:30 WIB; Friday closes 16:30
    const t = { status: 'new' as const, sla, clock: startClock(cal, sla, received) };
    expect(slaView(t, new Date('2026-03-08T08:30:00Z'), cal).usedMs).toBe(1 * H); // Sunday: still 1 h
    const calSla = slaFor(cal, { ...DEFAULT_SLA, high: { amount: 4, unit: 'hours', basis: 'calendar' } }, 'high');
    const c = { status: 'new' as const, sla: calSla, clock: startClock(cal, calSla, received) };
    expect(c.clock.dueAt).toBe('2026-03-06T12:30:00.000Z');
    expect(slaView(c, new Date('2026-03-08T08:30:00Z'), cal).level).toBe('breached');
  });

  it('pauses while awaiting confirmation and resumes with the time it had left', () => {
    const clock = startClock(cal, sla, new Date('2026-03-09T01:00:00Z')); // Mon 08:00
    const paused = pauseClock(cal, sla, clock, new Date('2026-03-09T02:30:00Z')); // 1.5 h used
    expect(paused).toEqual({ usedMs: 1.5 * H });
    // Three days later the user says it is not fixed: 2.5 h left from Thursday 09:00 WIB.
    const resumed = resumeClock(cal, sla, paused, new Date('2026-03-12T02:00:00Z'));
    expect(resumed.dueAt).toBe('2026-03-12T04:30:00.000Z');
    expect(slaView({ status: 'resolved', sla, clock: paused }, new Date('2026-03-12T00:00:00Z'), cal)).toMatchObject({ level: 'paused', usedMs: 1.5 * H });
    expect(slaView({ status: 'in_progress', sla, clock: resumed }, new Date('2026-03-12T04:00:00Z'), cal)).toMatchObject({ level: 'at_risk', usedMs: 3.5 * H });
  });

  it('resumes an already breached clock as breached (no time left)', () => {
    const paused = { usedMs: 5 * H };
    const resumed = resumeClock(cal, sla, paused, new Date('2026-03-12T02:00:00Z'));
    expect(resumed.dueAt).toBe('2026-03-12T02:00:00.000Z');
    expect(slaView({ status: 'in_progress', sla, clock: resumed }, new Date('2026-03-12T02:00:00Z'), cal)).toMatchObject({ level: 'breached', leftMs: -1 * H });
  });
});

describe('ticket workflow', () => {
  it('records a ticket with its document number, normalised serial and running clock', async () => {
    const input = reception();
    await w.ok('ticket.receive', input, by(USERS.officer));
    const t = w.ticket(input.id);
    expect(t).toMatchObject({ status: 'new', priority: 'high', assetSerial: 'PF2ABC12', requester: { name: 'Siti Aminah', nip: '198701012010012001' }, recordedBy: 'officer', receivedAt: w.now });
    expect(t.docNo).toBe(ticketDocNo('TIK', input.id, w.now, 'WIB'));
    expect(t.docNo).toMatch(/^TIK\/TKT\/20260318\/[0-9A-F]{5}$/);
    expect(t.queueDue).toBe('2026-03-20T03:30:00.000Z');
    expect(t.clock).toEqual({ usedMs: 0, runningSince: w.now, dueAt: '2026-03-20T03:30:00.000Z' });
  });

  it('refuses bad input with i18n keys and writes nothing', async () => {
    expect((await w.refused('ticket.receive', reception({ requesterNip: '1234' }), by(USERS.officer))).message).toBe('ticket.errors.nip');
    expect((await w.refused('ticket.receive', reception({ assetSerial: '!' }), by(USERS.officer))).message).toBe('ticket.errors.serialFormat');
    expect((await w.refused('ticket.receive', reception({ description: 'rusak' }), by(USERS.officer))).message).toBe('ticket.errors.description');
    expect((await w.refused('ticket.receive', reception({ receivedAt: '2026-03-18T09:00:00.000Z' }), by(USERS.officer))).message).toBe('ticket.errors.receivedFuture');
    expect((await w.refused('ticket.receive', reception({ receivedAt: '2026-01-01T09:00:00.000Z' }), by(USERS.officer))).message).toBe('ticket.errors.receivedTooOld');
    expect((await w.refused('ticket.receive', reception(), by(USERS.auditor))).message).toBe('errors.forbidden');
    expect(w.tickets.size).toBe(0);
  });

  it('a reception time in the past starts the clock then (a High ticket noted 5 hours late is breached)', async () => {
    w.at('2026-03-09T07:00:00.000Z'); // Monday 14:00 WIB
    const input = reception({ receivedAt: '2026-03-09T01:00:00.000Z' }); // 08:00 WIB
    await w.ok('ticket.receive', input, by(USERS.tech));
    const t = w.ticket(input.id);
    expect(slaView(t, new Date(w.now), officeCalendar(w.org))).toMatchObject({ level: 'breached', leftMs: -2 * H });
  });

  it('goes new → classified → in progress → resolved → closed, the clock paused at resolution', async () => {
    w.at('2026-03-09T01:00:00.000Z'); // Monday 08:00 WIB
    const input = reception({ priority: 'low' });
    await w.ok('ticket.receive', input, by(USERS.officer));
    expect(w.ticket(input.id).queueDue).toBe('2026-03-11T01:00:00.000Z'); // 17 working hours: 8 Mon + 8.5 Tue + 0.5 Wed
    expect((await w.refused('ticket.start', { id: input.id }, by(USERS.tech))).message).toBe('ticket.errors.classifyFirst');
    expect((await w.refused('ticket.classify', { id: input.id, category: 'network', priority: 'high' }, by(USERS.officer))).message).toBe('errors.forbidden');
    w.at('2026-03-09T01:30:00.000Z');
    await w.ok('ticket.classify', { id: input.id, category: 'network', priority: 'high' }, by(USERS.tech));
    expect(w.ticket(input.id)).toMatchObject({ status: 'classified', category: 'network', priority: 'high', queueDue: '2026-03-09T05:00:00.000Z', classifiedBy: 'tech' });
    expect((await w.refused('ticket.assign', { id: input.id, assigneeId: 'gone' }, by(USERS.tech))).message).toBe('ticket.errors.assigneeInvalid');
    expect((await w.refused('ticket.assign', { id: input.id, assigneeId: 'officer' }, by(USERS.tech))).message).toBe('ticket.errors.assigneeInvalid');
    await w.ok('ticket.assign', { id: input.id, assigneeId: 'tech2' }, by(USERS.admin));
    await w.ok('ticket.start', { id: input.id }, by(USERS.tech2));
    expect(w.ticket(input.id)).toMatchObject({ status: 'in_progress', assigneeId: 'tech2' });
    await w.ok('ticket.comment', { id: input.id, text: 'Adaptor diganti' }, by(USERS.tech2));
    w.at('2026-03-09T03:00:00.000Z'); // 2 h used
    expect((await w.refused('ticket.resolve', { id: input.id, resolution: 'ok' }, by(USERS.tech2))).message).toBe('ticket.errors.resolution');
    await w.ok('ticket.resolve', { id: input.id, resolution: 'Adaptor daya diganti, laptop menyala.' }, by(USERS.tech2));
    expect(w.ticket(input.id)).toMatchObject({ status: 'resolved', slaMet: true, clock: { usedMs: 2 * H }, queueDue: undefined });
    expect((await w.refused('ticket.confirm', { id: input.id, confirmed: true, confirmedBy: 'Siti Aminah', method: 'phone' }, by(USERS.auditor))).message).toBe('errors.forbidden');
    await w.ok('ticket.confirm', { id: input.id, confirmed: true, confirmedBy: 'Siti Aminah', method: 'phone' }, by(USERS.officer));
    const t = w.ticket(input.id);
    expect(t).toMatchObject({ status: 'closed', confirmation: { by: 'officer', confirmedBy: 'Siti Aminah', method: 'phone' }, queueDue: undefined });
    expect(slaView(t, new Date('2026-04-01T00:00:00Z'), officeCalendar(w.org)).level).toBe('met');
    expect((await w.refused('ticket.comment', { id: input.id, text: 'lagi' }, by(USERS.officer))).message).toBe('ticket.errors.closed');
  });

  it('"not confirmed" needs a reason and sends the ticket back to in progress with the time it had left', async () => {
    w.at('2026-03-09T01:00:00.000Z');
    const input = reception();
    await w.ok('ticket.receive', input, by(USERS.officer));
    await w.ok('ticket.classify', { id: input.id, category: 'hardware', priority: 'high' }, by(USERS.tech));
    await w.ok('ticket.start', { id: input.id }, by(USERS.tech));
    w.at('2026-03-09T02:00:00.000Z'); // 1 h used
    await w.ok('ticket.resolve', { id: input.id, resolution: 'Driver dipasang ulang.' }, by(USERS.tech));
    w.at('2026-03-10T01:00:00.000Z'); // next day 08:00 WIB
    expect((await w.refused('ticket.confirm', { id: input.id, confirmed: false, confirmedBy: 'Siti Aminah', method: 'phone' }, by(USERS.officer))).message).toBe('ticket.errors.reopenReason');
    await w.ok('ticket.confirm', { id: input.id, confirmed: false, confirmedBy: 'Siti Aminah', method: 'phone', note: 'Masih mati setelah dicabut' }, by(USERS.officer));
    const t = w.ticket(input.id);
    expect(t).toMatchObject({ status: 'in_progress', reopenCount: 1, queueDue: '2026-03-10T04:00:00.000Z', resolution: undefined });
    expect(t.comments.at(-1)).toMatchObject({ text: 'Masih mati setelah dicabut', reopened: true });
  });

  it('links an escalated ticket to its incident, once', async () => {
    const input = reception();
    await w.ok('ticket.receive', input, by(USERS.officer));
    const incidentId = crypto.randomUUID();
    expect((await w.refused('ticket.linkIncident', { id: input.id, incidentId: 'x' }, by(USERS.tech))).message).toBe('ticket.errors.incidentId');
    // The incident must exist and name this ticket as its source.
    expect((await w.refused('ticket.linkIncident', { id: input.id, incidentId }, by(USERS.tech))).message).toBe('ticket.errors.incidentNotLinked');
    w.incidents.set(incidentId, { ticketId: crypto.randomUUID() });
    expect((await w.refused('ticket.linkIncident', { id: input.id, incidentId }, by(USERS.tech))).message).toBe('ticket.errors.incidentNotLinked');
    w.incidents.set(incidentId, { ticketId: input.id });
    await w.ok('ticket.linkIncident', { id: input.id, incidentId }, by(USERS.tech));
    expect(w.ticket(input.id).incidentId).toBe(incidentId);
    const other = crypto.randomUUID();
    w.incidents.set(other, { ticketId: input.id });
    expect((await w.refused('ticket.linkIncident', { id: input.id, incidentId: other }, by(USERS.tech))).message).toBe('ticket.errors.alreadyEscalated');
  });
});

describe('sync re-check', () => {
  it('replays every ticket command on the state before it and accepts exactly what the device made', async () => {
    w.at('2026-03-09T01:00:00.000Z');
    const a = reception();
    const b = reception({ priority: 'medium', assetSerial: undefined, requesterNip: undefined });
    await w.ok('ticket.receive', a, by(USERS.officer));
    await w.ok('ticket.receive', b, by(USERS.officer));
    await w.ok('ticket.classify', { id: a.id, category: 'software', priority: 'medium' }, by(USERS.tech));
    await w.ok('ticket.assign', { id: a.id, assigneeId: 'tech' }, by(USERS.tech));
    await w.ok('ticket.start', { id: a.id }, by(USERS.tech));
    await w.ok('ticket.comment', { id: a.id, text: 'Sedang dicek' }, by(USERS.tech));
    await w.ok('ticket.resolve', { id: a.id, resolution: 'Aplikasi dipasang ulang' }, by(USERS.tech));
    await w.ok('ticket.confirm', { id: a.id, confirmed: false, confirmedBy: 'Siti', method: 'chat', note: 'Masih galat saat login' }, by(USERS.officer));
    await w.ok('ticket.resolve', { id: a.id, resolution: 'Profil pengguna diperbaiki' }, by(USERS.tech));
    await w.ok('ticket.confirm', { id: a.id, confirmed: true, confirmedBy: 'Siti', method: 'in_person' }, by(USERS.officer));
    const escalatedTo = crypto.randomUUID();
    w.incidents.set(escalatedTo, { ticketId: b.id });
    await w.ok('ticket.linkIncident', { id: b.id, incidentId: escalatedTo }, by(USERS.tech));
    expect(w.events.map((e) => e.type)).toEqual([
      'ticket.received', 'ticket.received', 'ticket.classified', 'ticket.assigned', 'ticket.started', 'ticket.commented', 'ticket.resolved', 'ticket.reopened', 'ticket.resolved', 'ticket.confirmed', 'ticket.escalated',
    ]);
    const states = new Map<string, TicketState | undefined>();
    const replay = (group: DomainEvent[], actor = Object.values(USERS).find((u) => u.id === group[0]!.actorId)!) =>
      replayGroup(group, { actor: by(actor), actorUser: actor, state: states.get(group[0]!.recordId), org: w.org, lookups: w.lookups });
    for (const group of groupByCommand(w.events)) {
      // What travels: the events as JSON.
      const sent = JSON.parse(JSON.stringify(group)) as DomainEvent[];
      expect(await replay(sent), sent[0]!.type).toEqual({ ok: true, data: true });
      for (const e of sent) states.set(e.recordId, folds.ticket(states.get(e.recordId), e));
    }
    expect(states.get(a.id)).toEqual(w.ticket(a.id));
    expect(states.get(b.id)).toEqual(w.ticket(b.id));
    states.clear();
    const first = w.events[0]!;
    // The same events from an auditor are refused.
    expect(await replay([{ ...first, actorId: 'auditor' }], USERS.auditor)).toMatchObject({ ok: false, error: { message: 'errors.forbidden' } });
    // A field decide() did not produce — changed, added or removed — is refused, and named.
    const altered = (payload: Record<string, unknown>) => replay([{ ...first, payload }]);
    const mismatch = (field: string) => ({ ok: false, error: { code: 'replay-mismatch', message: 'sync.errors.replayMismatch', field } });
    expect(await altered({ ...first.payload, subject: 'Printer macet' })).toMatchObject(mismatch('payload.subject'));
    expect(await altered({ ...first.payload, docNo: 'TIK/TKT/20260309/00001' })).toMatchObject(mismatch('payload.docNo'));
    expect(await altered({ ...first.payload, sla: 'none' })).toMatchObject(mismatch('payload.sla'));
    const { description: _dropped, ...without } = first.payload;
    expect(await altered(without)).toMatchObject(mismatch('payload.description'));
    expect(await replay([{ ...first, recordId: crypto.randomUUID() }])).toMatchObject(mismatch('recordId'));
    expect(await replay([{ ...first, type: 'ticket.started' }])).toMatchObject(mismatch('type'));
  });
});
