// The 12-step incident procedure: every legal and illegal step completion for each role, the
// branches, the 9→7 rework loop, deadlines in the office calendar, evidence, violations and
// the server's re-check (a replay) of every incident command.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TicketState } from '@shared/domain/ticket/state';
import { commands, foldRecord, folds, type CommandType } from '@shared/domain/registry';
import type { CommandHandler, Lookups } from '@shared/domain/types';
import { ORG_ID, type OrgState } from '@shared/domain/org/state';
import type { UserState } from '@shared/domain/user/state';
import { incidentDocNo } from '@shared/domain/incident/commands';
import { MAX_ATTACHMENT_BYTES, isOverdue, type IncidentState } from '@shared/domain/incident/state';
import { INCIDENT_STEPS, nextStep, outcomesOf, standardLabel, stepOf, type StepOutcome } from '@shared/domain/incident/steps';
import type { DomainEvent } from '@shared/events';
import type { Failure } from '@shared/result';
import { ROLES, type Actor, type Role } from '@shared/roles';
import { groupByCommand, replayGroup } from '@shared/sync/replay';
import { newChainHead } from '@shared/sync/stamp';
import { DEFAULT_CALENDAR } from '@shared/calendar';
import { decideAndChain } from './world';

const PW = { alg: 'PBKDF2-SHA256' as const, iterations: 1000, salt: '0'.repeat(32), hash: '0'.repeat(64) };
const user = (id: string, roles: Role[]): UserState => ({
  id, username: id, displayName: `User ${id}`, roles, password: PW, active: true, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', hlc: '',
});
const U = {
  officer: user('officer', ['officer']),
  admin: user('admin', ['admin']),
  lead: user('lead', ['security_lead']),
  tech: user('tech', ['technician']),
  tech2: user('tech2', ['technician']),
  approver: user('approver', ['approver']),
  auditor: user('auditor', ['auditor']),
  leadTech: user('leadTech', ['security_lead', 'technician']),
};
const as = (u: UserState): Actor => ({ userId: u.id, roles: u.roles });
/** One user per role, for the role matrix. */
const byRole = (r: Role): Actor => ({ userId: `only-${r}`, roles: [r] });

const ORG: OrgState = {
  id: ORG_ID, name: 'Dinas Komunikasi dan Informatika', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1, Bandung', timeZone: 'WIB',
  badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15, calendar: DEFAULT_CALENDAR, updatedAt: '2026-01-01T00:00:00.000Z', hlc: '',
};

/** An in-memory store running the shared commands and folds, recording every event (like commit()). */
class World {
  incidents = new Map<string, IncidentState>();
  /** Tickets an incident may be escalated from (folded with the ticket fold). */
  tickets = new Map<string, TicketState>();
  events: DomainEvent[] = [];
  /** Monday 2 March 2026, 09:00 WIB. */
  now = '2026-03-02T02:00:00.000Z';
  private head = newChainHead('dev');
  lookups: Lookups = {
    badgeHolder: async () => undefined,
    idDocumentHolder: async () => undefined,
    user: async (id) => Object.values(U).find((u) => u.id === id),
    userByUsername: async () => undefined,
    countUsers: async () => Object.keys(U).length,
    record: async (kind, id) => (kind === 'incident' ? this.incidents.get(id) : kind === 'ticket' ? this.tickets.get(id) : undefined),
    idsByKey: async () => ({}),
  };

  advance(minutes: number): void {
    this.now = new Date(Date.parse(this.now) + minutes * 60_000).toISOString();
  }

  async run(type: CommandType, input: unknown, actor: Actor) {
    const handler = commands[type] as unknown as CommandHandler<unknown, IncidentState>;
    const parsed = handler.input.safeParse(input);
    if (!parsed.success) return { ok: false as const, error: { code: 'invalid-input', message: parsed.error.issues[0]?.message ?? '' } as Failure };
    const id = handler.recordId(parsed.data);
    const { r, events, head } = await decideAndChain({ type, handler: handler as CommandHandler<unknown, unknown>, input: parsed.data, actor, now: this.now, state: this.incidents.get(id), org: ORG, lookups: this.lookups, head: this.head });
    this.head = head;
    for (const e of events) {
      this.events.push(e);
      if (e.kind === 'ticket') this.tickets.set(e.recordId, folds.ticket(this.tickets.get(e.recordId), e));
      else this.incidents.set(e.recordId, folds.incident(this.incidents.get(e.recordId), e));
    }
    return r;
  }

  async ok(type: CommandType, input: unknown, actor: Actor): Promise<void> {
    const r = await this.run(type, input, actor);
    if (!r.ok) throw new Error(`${type} refused: ${JSON.stringify(r.error)}`);
  }

  async refused(type: CommandType, input: unknown, actor: Actor): Promise<Failure> {
    const before = this.events.length;
    const state = JSON.stringify([...this.incidents]);
    const r = await this.run(type, input, actor);
    if (r.ok) throw new Error(`${type} was accepted`);
    expect(this.events.length).toBe(before);
    expect(JSON.stringify([...this.incidents])).toBe(state);
    return r.error;
  }

  get(id: string): IncidentState {
    return this.incidents.get(id)!;
  }
}

const report = (over: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  title: 'Serangan brute force ke VPN',
  reporterName: 'Siti Rahma',
  reporterContact: '0812-1111-2222',
  detectedAt: '2026-03-02T01:30:00.000Z',
  affectedSystems: 'VPN kantor, AD',
  category: 'intrusion',
  severity: 'high',
  description: 'Ribuan percobaan login gagal dari IP luar negeri sejak pukul 08.00.',
  ...over,
});

/** The user who does each step in the happy path. */
const doer = (step: number): Actor => as(({ officer: U.officer, admin: U.admin, security_lead: U.lead, technician: U.tech } as const)[stepOf(step).role]);

let w: World;
let id: string;
beforeEach(async () => {
  w = new World();
  const r = report();
  id = r.id;
  await w.ok('incident.report', r, as(U.officer));
});

/** Completes steps until the incident stands at `target` (via the hard branch when target is 5..7). */
async function reach(target: number, via: 'simple' | 'hard' = target >= 5 && target <= 7 ? 'hard' : 'simple') {
  while (w.get(id).step !== target) {
    const s = w.get(id).step;
    const outcome: StepOutcome | undefined = s === 4 ? via : s === 9 ? 'done' : undefined;
    w.advance(10);
    await w.ok('incident.completeStep', { id, step: s, note: `Langkah ${s} selesai`, outcome }, doer(s));
  }
}

/** What closing asks besides the note: root cause and mitigation. */
const CLOSING = { rootCause: 'Port RDP terbuka ke internet', mitigation: 'Port ditutup, akses lewat VPN' };

describe('the 12 steps as data', () => {
  it('follows the SOP table: roles, standard times, outputs and branches', () => {
    expect(INCIDENT_STEPS.map((s) => s.role)).toEqual([
      'officer', 'admin', 'security_lead', 'technician', 'security_lead', 'admin', 'technician', 'technician', 'security_lead', 'admin', 'security_lead', 'officer',
    ]);
    expect(INCIDENT_STEPS.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const unit = (u: string) => ({ minutes: 'menit', hours: 'jam', workdays: 'hari' })[u]!;
    expect(INCIDENT_STEPS.map((s) => standardLabel(s, unit))).toEqual([
      '1 hari', '20 menit', '1-2 jam', '1 hari', '1 jam', '1-2 jam', '1-2 hari', '20 menit', '1 jam', '20 menit', '1-2 jam', '1-3 jam',
    ]);
    expect(stepOf(1).output).toBe('Dokumen informasi gangguan');
    expect(stepOf(12).output).toBe('Laporan penyelesaian gangguan');
    expect(nextStep(4, 'simple')).toBe(8);
    expect(nextStep(4, 'hard')).toBe(5);
    expect(nextStep(9, 'not_done')).toBe(7);
    expect(nextStep(9, 'done')).toBe(10);
    expect(nextStep(12)).toBe('closed');
    expect(nextStep(4)).toBeUndefined();
    expect(nextStep(3, 'done')).toBeUndefined();
    expect(outcomesOf(4)).toEqual(['simple', 'hard']);
    expect(outcomesOf(9)).toEqual(['done', 'not_done']);
    expect(() => stepOf(13)).toThrow();
  });
});

describe('reporting', () => {
  it('opens the incident at step 1, the officer\'s turn, due one working day later', () => {
    const i = w.get(id);
    expect(i).toMatchObject({ status: 'open', step: 1, turnRole: 'officer', reportedBy: 'officer', reworkCount: 0, history: [] });
    expect(i.docNo).toBe(incidentDocNo('TIK', id, w.now, 'WIB'));
    expect(i.docNo).toMatch(/^TIK\/INS\/20260302\/[0-9A-F]{5}$/);
    // Monday 09:00 WIB + one working day (07:30–16:00 = 8.5 h) → Tuesday 09:00 WIB.
    expect(i.stepDueAt).toBe('2026-03-03T02:00:00.000Z');
  });

  it('keeps the source ticket and links the ticket back in the same commit, once', async () => {
    const ticketId = crypto.randomUUID();
    expect((await w.refused('incident.report', report({ ticketId }), as(U.tech))).message).toBe('incident.errors.ticketNotFound');
    w.tickets.set(ticketId, { id: ticketId, status: 'in_progress' } as TicketState);
    const r = report({ ticketId });
    const before = w.events.length;
    await w.ok('incident.report', r, as(U.tech));
    expect(w.get(r.id).ticketId).toBe(ticketId);
    expect(w.events.slice(before).map((e) => [e.kind, e.type, e.recordId])).toEqual([
      ['incident', 'incident.reported', r.id],
      ['ticket', 'ticket.escalated', ticketId],
    ]);
    expect(w.tickets.get(ticketId)?.incidentId).toBe(r.id);
    // A ticket escalates into one incident.
    expect((await w.refused('incident.report', report({ ticketId }), as(U.tech))).message).toBe('ticket.errors.alreadyEscalated');
    // A closed ticket cannot be escalated.
    const closedId = crypto.randomUUID();
    w.tickets.set(closedId, { id: closedId, status: 'closed' } as TicketState);
    expect((await w.refused('incident.report', report({ ticketId: closedId }), as(U.tech))).message).toBe('ticket.errors.closed');
  });

  it('refuses roles outside officer/technician/admin, bad input and a detection time in the future', async () => {
    for (const u of [U.lead, U.approver, U.auditor]) expect((await w.refused('incident.report', report(), as(u))).message).toBe('errors.forbidden');
    expect((await w.refused('incident.report', report({ title: 'abc' }), as(U.officer))).message).toBe('incident.errors.title');
    expect((await w.refused('incident.report', report({ description: 'pendek' }), as(U.officer))).message).toBe('incident.errors.description');
    expect((await w.refused('incident.report', report({ category: 'gossip' }), as(U.officer))).message).toBe('incident.errors.category');
    expect((await w.refused('incident.report', report({ detectedAt: 'kemarin' }), as(U.officer))).message).toBe('incident.errors.detectedAt');
    expect((await w.refused('incident.report', report({ detectedAt: '2026-03-03T02:00:00.000Z' }), as(U.officer))).message).toBe('incident.errors.detectedFuture');
    expect((await w.refused('incident.report', report({ id }), as(U.officer))).message).toBe('errors.exists');
  });
});

describe('who may complete each step', () => {
  for (const step of INCIDENT_STEPS) {
    it(`step ${step.no}: only ${step.role} completes it; every other role is refused`, async () => {
      await reach(step.no);
      const outcome = step.no === 4 ? 'hard' : step.no === 9 ? 'done' : undefined;
      for (const r of ROLES.filter((x) => x !== step.role)) {
        const f = await w.refused('incident.completeStep', { id, step: step.no, note: 'Saya kerjakan', outcome }, byRole(r));
        expect(f.code).toBe(['officer', 'admin', 'security_lead', 'technician'].includes(r) ? 'not-your-turn' : 'forbidden');
      }
      w.advance(5);
      await w.ok('incident.completeStep', { id, step: step.no, note: 'Dikerjakan sesuai SOP', outcome, ...(step.no === 12 ? CLOSING : {}) }, byRole(step.role));
      const i = w.get(id);
      const last = i.history.at(-1)!;
      expect(last).toMatchObject({ step: step.no, role: step.role, by: `only-${step.role}`, note: 'Dikerjakan sesuai SOP', at: w.now });
      if (step.no === 12) expect(i.status).toBe('closed');
      else expect(i).toMatchObject({ status: 'open', step: nextStep(step.no, outcome), turnRole: stepOf(nextStep(step.no, outcome) as number).role, stepStartedAt: w.now });
    });
  }

  it('a person with several roles acts in each of them', async () => {
    await reach(3);
    await w.ok('incident.completeStep', { id, step: 3, note: 'Tim teknis diarahkan' }, as(U.leadTech));
    await w.ok('incident.completeStep', { id, step: 4, note: 'Masalah sederhana, diblokir di firewall', outcome: 'simple' }, as(U.leadTech));
    expect(w.get(id).step).toBe(8);
  });

  it('refuses a stale step number (done already on another desk), an empty note and a closed incident', async () => {
    expect((await w.refused('incident.completeStep', { id, step: 2, note: 'Disposisi' }, as(U.admin))).code).toBe('wrong-step');
    expect((await w.refused('incident.completeStep', { id, step: 1, note: '  ' }, as(U.officer))).message).toBe('incident.errors.note');
    await reach(12);
    await w.ok('incident.completeStep', { id, step: 12, ...CLOSING, note: 'Pelapor sudah diberi tahu' }, as(U.officer));
    expect((await w.refused('incident.completeStep', { id, step: 12, note: 'Lagi' }, as(U.officer))).code).toBe('closed');
    expect((await w.refused('incident.completeStep', { id: 'nope', step: 1, note: 'Lagi' }, as(U.officer))).code).toBe('not-found');
  });
});

describe('closing asks for root cause and mitigation', () => {
  it('refuses to close without them, at their fields; takes them at closing, or as recorded before', async () => {
    await reach(12);
    const none = await w.refused('incident.completeStep', { id, step: 12, note: 'Pelapor sudah diberi tahu' }, as(U.officer));
    expect(none).toMatchObject({ code: 'analysis-required', message: 'incident.errors.rootCauseRequired', field: 'rootCause' });
    const half = await w.refused('incident.completeStep', { id, step: 12, note: 'Pelapor sudah diberi tahu', rootCause: 'Port RDP terbuka', mitigation: ' ' }, as(U.officer));
    expect(half).toMatchObject({ message: 'incident.errors.mitigationRequired', field: 'mitigation' });
    expect(w.get(id).status).toBe('open');
    await w.ok('incident.setFields', { id, rootCause: 'Port RDP terbuka ke internet' }, as(U.tech));
    await w.ok('incident.completeStep', { id, step: 12, note: 'Pelapor sudah diberi tahu', mitigation: 'Port ditutup, akses lewat VPN' }, as(U.officer));
    expect(w.get(id)).toMatchObject({ status: 'closed', rootCause: 'Port RDP terbuka ke internet', mitigation: 'Port ditutup, akses lewat VPN' });
  });
});

describe('branches and the rework loop', () => {
  it('step 4 needs simple or hard; other outcomes and outcomes on straight steps are refused', async () => {
    expect((await w.refused('incident.completeStep', { id, step: 1, note: 'Diteruskan', outcome: 'done' }, as(U.officer))).message).toBe('incident.errors.outcomeNotAllowed');
    await reach(4);
    expect((await w.refused('incident.completeStep', { id, step: 4, note: 'Diperiksa' }, as(U.tech))).message).toBe('incident.errors.outcomeRequired');
    expect((await w.refused('incident.completeStep', { id, step: 4, note: 'Diperiksa', outcome: 'done' }, as(U.tech))).message).toBe('incident.errors.outcomeRequired');
    expect((await w.refused('incident.completeStep', { id, step: 4, note: 'Diperiksa', outcome: 'maybe' }, as(U.tech))).code).toBe('invalid-input');
  });

  it('simple goes 4 → 8; hard goes 4 → 5 → 6 → 7 → 8', async () => {
    await reach(4);
    await w.ok('incident.completeStep', { id, step: 4, note: 'Sederhana', outcome: 'simple' }, as(U.tech));
    expect(w.get(id)).toMatchObject({ step: 8, turnRole: 'technician' });
    const r = report();
    await w.ok('incident.report', r, as(U.officer));
    id = r.id;
    await reach(4);
    await w.ok('incident.completeStep', { id, step: 4, note: 'Sulit, perlu konsultasi', outcome: 'hard' }, as(U.tech));
    expect(w.get(id)).toMatchObject({ step: 5, turnRole: 'security_lead' });
    await reach(8);
    expect(w.get(id).history.map((h) => h.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('step 9 not done sends the work back to step 7 (with a reason), counts the loop and keeps every pass', async () => {
    await reach(9, 'hard');
    expect((await w.refused('incident.completeStep', { id, step: 9, note: 'Belum', outcome: 'not_done' }, as(U.lead))).message).toBe('incident.errors.reworkReason');
    await w.ok('incident.completeStep', { id, step: 9, note: 'Masih ada akses dari IP yang sama', outcome: 'not_done' }, as(U.lead));
    expect(w.get(id)).toMatchObject({ step: 7, turnRole: 'technician', reworkCount: 1 });
    await w.ok('incident.completeStep', { id, step: 7, note: 'Aturan firewall diperketat' }, as(U.tech));
    await w.ok('incident.completeStep', { id, step: 8, note: 'Dilaporkan ke Kasi' }, as(U.tech));
    await w.ok('incident.completeStep', { id, step: 9, note: 'Masih bocor lewat port lain', outcome: 'not_done' }, as(U.lead));
    await reach(12);
    await w.ok('incident.completeStep', { id, step: 12, ...CLOSING, note: 'Pelapor diberi tahu' }, as(U.officer));
    const i = w.get(id);
    expect(i.reworkCount).toBe(2);
    expect(i.history.map((h) => h.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 7, 8, 9, 7, 8, 9, 10, 11, 12]);
    expect(i.history.filter((h) => h.step === 9).map((h) => h.outcome)).toEqual(['not_done', 'not_done', 'done']);
    expect(i.status).toBe('closed');
    expect(i.closedAt).toBe(w.now);
    // The same history folds again from the events alone.
    expect(foldRecord('incident', w.events.filter((e) => e.recordId === id))).toEqual(i);
  });

  it('the result check (step 9) is not done by whoever reported the result (step 8)', async () => {
    await reach(8);
    await w.ok('incident.completeStep', { id, step: 8, note: 'Selesai, dilaporkan' }, as(U.leadTech));
    expect((await w.refused('incident.completeStep', { id, step: 9, note: 'Saya cek sendiri', outcome: 'done' }, as(U.leadTech))).code).toBe('self-check');
    await w.ok('incident.completeStep', { id, step: 9, note: 'Diperiksa, tuntas', outcome: 'done' }, as(U.lead));
  });
});

describe('concurrent completions', () => {
  it('a completion of a step the incident has already left does not move the fold (it awaits the server\'s refusal)', async () => {
    await w.ok('incident.completeStep', { id, step: 1, note: 'Diteruskan' }, as(U.officer));
    const done = w.events.at(-1)!;
    const before = w.get(id);
    // The same step completed on another desk, arriving late.
    const late = { ...done, id: 'late', hlc: `${done.hlc}~`, payload: { ...done.payload, note: 'Diteruskan juga' } };
    const after = folds.incident(before, late);
    expect(after.history).toEqual(before.history);
    expect(after).toMatchObject({ step: 2, turnRole: 'admin', stepStartedAt: before.stepStartedAt });
  });
});

describe('step clocks in the office calendar', () => {
  it('records working time used per step, deadlines skip nights and weekends, and total working days', async () => {
    // Step 1 done Monday 15:00 WIB (6 working hours after 09:00).
    w.now = '2026-03-02T08:00:00.000Z';
    await w.ok('incident.completeStep', { id, step: 1, note: 'Diteruskan ke Kabid' }, as(U.officer));
    let i = w.get(id);
    expect(i.history[0]!.workingMs).toBe(6 * 3_600_000);
    // Step 2: 20 minutes from Monday 15:00 → 15:20.
    expect(i.stepDueAt).toBe('2026-03-02T08:20:00.000Z');
    expect(isOverdue(i, new Date('2026-03-02T08:19:00.000Z'))).toBe(false);
    expect(isOverdue(i, new Date('2026-03-02T08:21:00.000Z'))).toBe(true);
    // Disposition on Friday 15:30 WIB (Friday runs to 16:30); step 3's 2 hours end Monday 08:30.
    w.now = '2026-03-06T08:30:00.000Z';
    await w.ok('incident.completeStep', { id, step: 2, note: 'Segera tangani' }, as(U.admin));
    i = w.get(id);
    expect(i.stepDueAt).toBe('2026-03-09T01:30:00.000Z');
    await reach(12);
    w.now = '2026-03-10T02:00:00.000Z';
    await w.ok('incident.completeStep', { id, step: 12, ...CLOSING, note: 'Selesai' }, as(U.officer));
    i = w.get(id);
    expect(i.status).toBe('closed');
    // Mon 09:00 → Tue next week 09:00: 6 standard days, plus Friday's extra half hour (07:30–16:30).
    expect(i.workingDays).toBe(6.06);
  });
});

describe('evidence, analysis, violations and sanctions', () => {
  const file = (over: Record<string, unknown> = {}) => ({ hash: 'a'.repeat(64), name: 'log-firewall.txt', type: 'text/plain', size: 2048, ...over });

  it('attaches a file reference once, refuses a file over 10 MB with a clear message, and not after closing', async () => {
    await w.ok('incident.attach', { id, file: file() }, as(U.tech));
    expect(w.get(id).attachments).toMatchObject([{ hash: 'a'.repeat(64), name: 'log-firewall.txt', size: 2048, addedBy: 'tech' }]);
    expect((await w.refused('incident.attach', { id, file: file() }, as(U.officer))).message).toBe('incident.errors.attachmentDuplicate');
    expect((await w.refused('incident.attach', { id, file: file({ hash: 'b'.repeat(64), size: MAX_ATTACHMENT_BYTES + 1 }) }, as(U.tech))).message).toBe('incident.errors.attachmentTooBig');
    expect((await w.refused('incident.attach', { id, file: file({ hash: 'XYZ' }) }, as(U.tech))).message).toBe('incident.errors.attachmentHash');
    expect((await w.refused('incident.attach', { id, file: file({ hash: 'c'.repeat(64) }) }, as(U.auditor))).message).toBe('errors.forbidden');
    await reach(12);
    await w.ok('incident.completeStep', { id, step: 12, ...CLOSING, note: 'Selesai' }, as(U.officer));
    expect((await w.refused('incident.attach', { id, file: file({ hash: 'd'.repeat(64) }) }, as(U.tech))).code).toBe('closed');
  });

  it('analysis fields: the newest write per field wins, also after closing; officers and auditors cannot edit', async () => {
    await w.ok('incident.setFields', { id, rootCause: 'Kata sandi lemah', mitigation: 'MFA untuk VPN' }, as(U.tech));
    await w.ok('incident.setFields', { id, rootCause: 'Kata sandi lemah dan bocor' }, as(U.lead));
    expect(w.get(id)).toMatchObject({ rootCause: 'Kata sandi lemah dan bocor', mitigation: 'MFA untuk VPN', actions: '' });
    expect((await w.refused('incident.setFields', { id, actions: 'x' }, as(U.officer))).message).toBe('errors.forbidden');
    expect((await w.refused('incident.setFields', { id, actions: 'x' }, as(U.auditor))).message).toBe('errors.forbidden');
    // A stale edit (older HLC) arriving late does not overwrite the newer value.
    const stale = { ...w.events.at(-1)!, id: 'old', hlc: '0000', payload: { rootCause: 'lama' } };
    expect(folds.incident(w.get(id), stale).rootCause).toBe('Kata sandi lemah dan bocor');
  });

  it('a violation names the person and the rule; only the admin decides the sanction, once', async () => {
    const violationId = crypto.randomUUID();
    expect((await w.refused('incident.recordViolation', { id, violationId, person: 'Andi', rule: 'Berbagi akun' }, as(U.officer))).message).toBe('errors.forbidden');
    expect((await w.refused('incident.recordViolation', { id, violationId, person: 'An', rule: 'Berbagi akun' }, as(U.lead))).message).toBe('incident.errors.violationPerson');
    await w.ok('incident.recordViolation', { id, violationId, person: 'Andi Wijaya', rule: 'SOP 000 Tahap 2.3: berbagi akun VPN' }, as(U.lead));
    for (const u of [U.lead, U.tech, U.officer]) expect((await w.refused('incident.decideSanction', { id, violationId, sanction: 'Teguran tertulis' }, as(u))).message).toBe('errors.forbidden');
    expect((await w.refused('incident.decideSanction', { id, violationId, sanction: 'ok' }, as(U.admin))).message).toBe('incident.errors.sanction');
    await w.ok('incident.decideSanction', { id, violationId, sanction: 'Teguran tertulis pertama' }, as(U.admin));
    expect(w.get(id).violations).toMatchObject([{ person: 'Andi Wijaya', rule: 'SOP 000 Tahap 2.3: berbagi akun VPN', recordedBy: 'lead', sanction: { text: 'Teguran tertulis pertama', by: 'admin' } }]);
    expect((await w.refused('incident.decideSanction', { id, violationId, sanction: 'Skorsing' }, as(U.admin))).message).toBe('incident.errors.sanctionDecided');
  });
});

describe('the server re-checks every incident command (a replay)', () => {
  it('accepts each command a device made, replayed on the state before it, and refuses it from the wrong actor or altered', async () => {
    await w.ok('incident.attach', { id, file: { hash: 'e'.repeat(64), name: 'a.png', type: 'image/png', size: 10 } }, as(U.tech));
    await w.ok('incident.setFields', { id, actions: 'Blokir IP' }, as(U.tech));
    const violationId = crypto.randomUUID();
    await w.ok('incident.recordViolation', { id, violationId, person: 'Andi Wijaya', rule: 'Berbagi akun' }, as(U.lead));
    await w.ok('incident.decideSanction', { id, violationId, sanction: 'Teguran lisan' }, as(U.admin));
    await reach(9, 'hard');
    await w.ok('incident.completeStep', { id, step: 9, note: 'Belum tuntas, ulangi', outcome: 'not_done' }, as(U.lead));
    await reach(12);
    await w.ok('incident.completeStep', { id, step: 12, ...CLOSING, note: 'Selesai' }, as(U.officer));
    const mine = groupByCommand(w.events).filter((g) => g[0]!.recordId === id);
    expect(new Set(mine.flat().map((e) => e.type))).toEqual(
      new Set(['incident.reported', 'incident.attached', 'incident.fieldsSet', 'incident.violationRecorded', 'incident.sanctionDecided', 'incident.stepCompleted']),
    );
    const users = Object.values(U);
    let state: IncidentState | undefined;
    const replay = (group: DomainEvent[], actorId = group[0]!.actorId) => {
      const u = users.find((x) => x.id === actorId)!;
      return replayGroup(group, { actor: as(u), actorUser: u, state, org: ORG, lookups: w.lookups });
    };
    for (const group of mine) {
      const e = group[0]!;
      expect(await replay(group), e.type).toEqual({ ok: true, data: true });
      if (e.type === 'incident.stepCompleted') {
        const wrong = e.actorId === 'officer' ? U.admin : U.officer;
        const refused = await replay(group.map((x) => ({ ...x, actorId: wrong.id })));
        expect(refused.ok, `${e.type} step ${String(e.payload.step)} by ${wrong.id}`).toBe(false);
        // The note a step carries is what the command said, not what a later hand wrote.
        const altered = await replay([{ ...e, payload: { ...e.payload, note: 'Ditulis ulang' } }, ...group.slice(1)]);
        expect(altered).toMatchObject({ ok: false, error: { message: 'sync.errors.replayMismatch', field: 'payload.note' } });
      }
      for (const x of group) state = folds.incident(state, x);
    }
    expect(state).toEqual(w.get(id));
  });
});
