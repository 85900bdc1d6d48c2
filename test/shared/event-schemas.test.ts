/**
 * Typed events (issue 10, item 1). The registry derives from one definition per record kind;
 * every command type, run through an office in memory (and every command re-checked as the
 * sync server does: its events parse, and a replay of the command makes exactly them), produces
 * drafts whose payloads parse with their event type's schema, and together they produce every
 * event type; and an event with a field of the wrong type, a required field removed or a field
 * added is refused, naming the field.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DEFAULT_CALENDAR } from '@shared/calendar';
import { checkContent, parseEvent } from '@shared/domain/event-schemas';
import { commands, EVENT_TYPES, eventSchemas, folds, kindOfEvent, kinds, type CommandType } from '@shared/domain/registry';
import type { CommandHandler, DecideContext } from '@shared/domain/types';
import type { AccessRequestState } from '@shared/domain/access/state';
import type { HandoverState } from '@shared/domain/handover/state';
import type { IncidentState } from '@shared/domain/incident/state';
import { stepOf, type StepOutcome } from '@shared/domain/incident/steps';
import { DEFAULT_SLA } from '@shared/domain/ticket/state';
import type { VisitState } from '@shared/domain/visit/state';
import type { UserState } from '@shared/domain/user/state';
import { RECORD_KINDS, type DomainEvent, type EventDraft } from '@shared/events';
import { newId } from '@shared/ids';
import type { Actor } from '@shared/roles';
import type { KeyMaterial } from '@shared/signing';
import { groupByCommand, parseCommand, replayGroup } from '@shared/sync/replay';
import { freshTestKey } from '../fixtures/signing';
import { actorOf, testUser, World } from './world';

describe('the registry, derived from one definition per record kind', () => {
  it('has a definition for every record kind, filed under its own name', () => {
    expect(Object.keys(kinds).sort()).toEqual([...RECORD_KINDS].sort());
    for (const kind of RECORD_KINDS) expect(kinds[kind].kind).toBe(kind);
    expect(Object.keys(folds).sort()).toEqual([...RECORD_KINDS].sort());
  });

  it("names every command and event type after its kind, and every command addresses its own kind's records", () => {
    for (const kind of RECORD_KINDS) {
      const d = kinds[kind];
      for (const [type, handler] of Object.entries(d.commands)) {
        expect(type.startsWith(`${kind}.`), type).toBe(true);
        expect((handler as CommandHandler<unknown, unknown>).kind, type).toBe(kind);
      }
      for (const type of Object.keys(d.events)) {
        expect(type.startsWith(`${kind}.`), type).toBe(true);
        expect(kindOfEvent.get(type)).toBe(kind);
      }
    }
  });

  it('lists every event type once, each with a strict schema, and every command once', () => {
    const fromDefinitions = RECORD_KINDS.flatMap((k) => Object.keys(kinds[k].events));
    expect([...EVENT_TYPES].sort()).toEqual([...fromDefinitions].sort());
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(EVENT_TYPES.length).toBeGreaterThan(60);
    for (const type of EVENT_TYPES) expect(eventSchemas[type], type).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(commands).sort()).toEqual(RECORD_KINDS.flatMap((k) => Object.keys(kinds[k].commands)).sort());
  });

  it('gives every kind its own projection table', () => {
    const tables = RECORD_KINDS.map((k) => kinds[k].table);
    expect(new Set(tables).size).toBe(tables.length);
  });
});

// ---------------------------------------------------------------------------------------------
// An office where every command type runs at least once, and the server replays every command.
// ---------------------------------------------------------------------------------------------

const OFFICER = testUser('officer', ['officer']);
const ESCORT = testUser('escort', ['officer']);
const APPROVER = testUser('approver', ['approver']);
const TECH = testUser('tech', ['technician']);
const TECH2 = testUser('tech2', ['technician']);
const ADMIN = testUser('admin', ['admin']);
const LEAD = testUser('lead', ['security_lead']);
const as = actorOf;
const PW = { alg: 'PBKDF2-SHA256' as const, iterations: 1000, salt: '0'.repeat(32), hash: '0'.repeat(64) };
const SIG = 'data:image/png;base64,iVBORw0KGgo=';
const minutesAgo = (w: World, m: number) => new Date(Date.parse(w.now) - m * 60_000).toISOString();

/** Every draft each command type's decide() returned, through the scenario and the server's re-check. */
const produced = new Map<CommandType, EventDraft[]>();
/** Every event made in the scenario's offices. */
const events: DomainEvent[] = [];
/** Key material as the commands that introduce a key carry it (org.setUp's admin, user.create, user.setPassword, user.enrolKey). */
let KEYS: KeyMaterial[] = [];

/**
 * The server's re-check of one command's events, on `server`'s state: every event's content
 * parses with its type's schema (`parseEvent`), then the command the first event carries, run
 * as its actor — the office's first admin for org.setUp, who has no record yet — must make
 * exactly these events (`replayGroup`). Folds them into `server` once accepted.
 */
async function serverAccepts(server: World, group: readonly DomainEvent[]): Promise<void> {
  // What travels: the events as JSON.
  const sent = JSON.parse(JSON.stringify(group)) as DomainEvent[];
  for (const e of sent) expect(parseEvent(e), e.type).toEqual({ ok: true, data: e });
  const head = sent[0]!;
  const cmd = parseCommand(head.command!.type, head.command!.input);
  if (!cmd.ok) throw new Error(`${head.command!.type}: ${JSON.stringify(cmd.error)}`);
  const setUp = cmd.data.type === 'org.setUp';
  const actorUser = setUp ? ({ id: head.actorId, active: true } as UserState) : (server.users.get(head.actorId) ?? server.get<UserState | undefined>('user', head.actorId));
  const actor: Actor = { userId: head.actorId, roles: setUp ? ['admin'] : (actorUser?.roles ?? []) };
  const state = server.records.get(`${cmd.data.kind}:${cmd.data.recordId}`);
  expect(await replayGroup(sent, { actor, actorUser, state, org: server.org, lookups: server.lookups }, cmd.data), cmd.data.type).toEqual({ ok: true, data: true });
  for (const e of sent) server.fold(e);
}

async function officeSetUp(): Promise<void> {
  const w = new World([]);
  const adminId = newId();
  const admin: Actor = { userId: adminId, roles: ['admin'] };
  const profile = {
    name: 'Dinas Komunikasi dan Informatika', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1, Bandung', timeZone: 'WIB', badgePool: ['B-01', 'B-02'],
    docPrefix: 'TIK', idleLockMinutes: 15,
  };
  await w.ok('org.setUp', { profile, admin: { id: adminId, username: 'kepala.tik', displayName: 'Kepala Bidang TIK', nip: '198501012010011001', roles: ['admin'], password: PW, key: KEYS[0] } }, admin);
  await w.ok(
    'org.update',
    {
      idleLockMinutes: 30, calendar: DEFAULT_CALENDAR, sla: DEFAULT_SLA, maintenanceMonths: { laptop: 6 }, accessSystems: ['Email', 'VPN'],
      backupJobs: ['Server file harian'], logoDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    },
    admin,
  );
  await w.ok('org.update', { name: 'Dinas Komunikasi, Informatika dan Statistik' }, admin);
  // The server's re-check: a fresh office replays every command — the setup as its first admin,
  // the updates as that admin — and folds the same records.
  const server = new World([]);
  for (const group of groupByCommand(w.events)) await serverAccepts(server, group);
  expect(server.records).toEqual(w.records);
  events.push(...w.events);
}

/** A user from before signed events (no key yet) enrols their first key; the server replays it. */
async function preUpgradeUser(): Promise<void> {
  const legacy = testUser('legacy', ['officer']);
  const office = () => {
    const w = new World([legacy]);
    w.records.set(`user:${legacy.id}`, legacy);
    return w;
  };
  const w = office();
  await w.ok('user.enrolKey', { id: legacy.id, key: KEYS[3] }, as(legacy));
  const server = office();
  for (const group of groupByCommand(w.events)) await serverAccepts(server, group);
  expect(server.records).toEqual(w.records);
  events.push(...w.events);
}

/**
 * The commands that make one side of a document or an escalation on their own (asset.assign,
 * asset.receiveBack, ticket.linkIncident), for a history whose handover, return or report was
 * recorded without that side: built here from documents and a report made by their commands,
 * leaving those events out. Each side command makes the very event the document or the report
 * makes with it, and the server replays it.
 */
async function ownSides(): Promise<void> {
  const people = [OFFICER, TECH];
  const made = new World(people);
  const paper = { notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true };
  const employeeId = newId();
  await made.ok('employee.create', { id: employeeId, nip: '199203032016031003', name: 'Rina Lestari', department: 'Umum', position: 'Staf', email: '', status: 'active' }, as(TECH));
  const assetId = newId();
  await made.ok(
    'asset.create',
    { id: assetId, tag: 'INV-100', serial: 'PF9XYZ01', category: 'laptop', brand: 'Dell', model: 'Latitude 5440', purchaseDate: '', warrantyEnd: '', condition: 'good', location: 'Gudang TIK', notes: '', accessories: [] },
    as(TECH),
  );
  const handoverId = newId();
  await made.ok('handover.issue', { id: handoverId, employeeId, items: [{ assetId, condition: 'good' }], emailPrepared: '', accessPrepared: '', ...paper }, as(TECH));
  const returnId = newId();
  await made.ok('handover.return', { id: returnId, handoverId, reason: 'resignation', items: [{ assetId, result: 'returned', condition: 'good', note: '' }], ...paper }, as(TECH));
  const ticketId = newId();
  await made.ok(
    'ticket.receive',
    {
      id: ticketId, channel: 'phone', requesterName: 'Rina Lestari', requesterNip: '', requesterDepartment: 'Umum', requesterContact: '0812-3333-4444', category: 'email',
      priority: 'high', subject: 'Akun email dibajak', description: 'Email terkirim sendiri ke seluruh kontak.', assetSerial: '',
    },
    as(OFFICER),
  );
  const incidentId = newId();
  await made.ok(
    'incident.report',
    {
      id: incidentId, title: 'Akun email dibajak', reporterName: 'Rina Lestari', reporterContact: '0812-3333-4444', detectedAt: made.now, affectedSystems: 'Email kantor',
      category: 'phishing', severity: 'medium', description: 'Akun email pegawai mengirim email palsu ke seluruh kontak.', ticketId,
    },
    as(OFFICER),
  );
  const sides = new Set(['asset.assigned', 'asset.returned', 'ticket.escalated']);
  const history = made.events.filter((e) => !sides.has(e.type));
  const office = () => {
    const w = new World(people);
    for (const e of history) w.fold(e);
    return w;
  };
  const w = office();
  await w.ok('asset.assign', { id: assetId, handoverId }, as(TECH));
  await w.ok('asset.receiveBack', { id: assetId, returnId }, as(TECH));
  await w.ok('ticket.linkIncident', { id: ticketId, incidentId }, as(TECH));
  const content = (list: DomainEvent[]) => list.map((e) => [e.kind, e.recordId, e.type, e.payload]);
  expect(content(w.events)).toEqual(content(made.events.filter((e) => sides.has(e.type))));
  const server = office();
  for (const group of groupByCommand(w.events)) await serverAccepts(server, group);
  expect(server.records).toEqual(w.records);
  events.push(...made.events, ...w.events);
}

async function office(): Promise<void> {
  const w = new World([OFFICER, ESCORT, APPROVER, TECH, TECH2, ADMIN, LEAD]);

  // Users.
  const userId = newId();
  await w.ok('user.create', { id: userId, username: 'siti.rahma', displayName: 'Siti Rahma', roles: ['officer'], password: PW, key: KEYS[1] }, as(ADMIN));
  await w.ok('user.update', { id: userId, displayName: 'Siti Rahmawati', nip: '198701012010012001', roles: ['officer', 'approver'] }, as(ADMIN));
  await w.ok('user.update', { id: userId, displayName: 'Siti Rahmawati', roles: ['officer', 'approver'] }, as(ADMIN));
  await w.ok('user.setPassword', { id: userId, password: { ...PW, salt: '1'.repeat(32) }, key: KEYS[2] }, as(ADMIN));
  await w.ok('user.setActive', { id: userId, active: false }, as(ADMIN));
  await w.ok('user.setActive', { id: userId, active: true }, as(ADMIN));

  // The office day.
  const date = '2026-03-02';
  await w.ok('opsday.checkNetwork', { date, items: [{ item: 'internet', ok: true, note: '' }, { item: 'wifi', ok: false, note: 'AP lantai 2 mati' }] }, as(OFFICER));
  const disruptionId = newId();
  await w.ok('opsday.openDisruption', { date, disruptionId, source: 'isp', system: 'Internet kantor', startedAt: '2026-03-02T00:30:00.000Z', actions: 'Lapor ke ISP' }, as(OFFICER));
  await w.ok('opsday.resolveDisruption', { date, disruptionId, resolvedAt: w.now, resolution: 'ISP memperbaiki kabel' }, as(TECH));
  await w.ok('opsday.recordBackup', { date, runs: [{ job: 'Server file harian', target: 'local', ok: true, note: '' }, { job: 'Email kantor', target: 'cloud', ok: false, note: 'Kuota penuh' }] }, as(OFFICER));
  await w.ok('opsday.verifyBackup', { date, verificationId: newId(), job: 'Database aplikasi', restoredTo: 'Server uji', ok: true, note: '' }, as(TECH));
  await w.ok('opsday.logMaintenance', { date, entryId: newId(), server: 'SRV-01', tasks: ['updates', 'diskSpace'], notes: '' }, as(TECH));

  // A visit through every step, one refused, one cancelled.
  const registration = (over: Record<string, unknown> = {}) => ({
    id: newId(), visitorName: 'Budi Santoso', idType: 'ktp', idNumber: '3171 0112 0385 0001', organisation: 'PT Maju Jaya', phone: '0812-3456-7890',
    purpose: 'Perbaikan server', workPlan: 'Mengganti disk yang rusak di rak 2', plannedMinutes: 60,
    devices: [{ kind: 'laptop', brandModel: 'Lenovo ThinkPad T14', serial: 'pf-2abc 12' }], ...over,
  });
  const v = registration();
  await w.ok('visit.register', v, as(OFFICER));
  await w.ok('visit.decide', { id: v.id, approved: true, reason: 'Sesuai jadwal' }, as(APPROVER));
  await w.ok('visit.issueBadge', { id: v.id, badge: 'B-01', escortId: ESCORT.id }, as(OFFICER));
  await w.ok('visit.enter', { id: v.id }, as(OFFICER));
  await w.ok('visit.addDevice', { id: v.id, device: { kind: 'disk', brandModel: 'Seagate Exos 8TB', serial: 'ZA1234XY' } }, as(OFFICER));
  await w.ok('visit.noteActivity', { id: v.id, text: 'Disk rak 2 diganti' }, as(OFFICER));
  w.advanceHours(1);
  const disk = w.get<VisitState>('visit', v.id).devices[1]!;
  await w.ok('visit.checkOut', { id: v.id, outcome: 'Selesai', scannedSerials: ['PF-2ABC12', 'XX-999'], leftInside: [{ deviceId: disk.id, reason: 'Dipasang di rak 2' }], badgeReturned: true, idReturned: true }, as(OFFICER));
  await w.ok('visit.archive', { id: v.id }, as(OFFICER));
  await w.ok('visit.correct', { id: v.id, text: 'Nama organisasi: PT Maju Jaya Abadi' }, as(OFFICER));
  const refused = registration({ devices: [] });
  await w.ok('visit.register', refused, as(OFFICER));
  await w.ok('visit.decide', { id: refused.id, approved: false, reason: 'Tanpa surat tugas' }, as(APPROVER));
  const cancelled = registration({ devices: [] });
  await w.ok('visit.register', cancelled, as(OFFICER));
  await w.ok('visit.decide', { id: cancelled.id, approved: true }, as(APPROVER));
  await w.ok('visit.cancel', { id: cancelled.id, reason: 'Tamu pulang' }, as(OFFICER));

  // Employees.
  const employee = (over: Record<string, unknown> = {}) => ({ id: newId(), nip: '198701012010011001', name: 'Siti Rahmawati', department: 'Keuangan', position: 'Analis', email: 'siti@dinas.go.id', status: 'active', ...over });
  const e1 = employee();
  await w.ok('employee.create', e1, as(TECH));
  await w.ok('employee.update', { id: e1.id, position: 'Analis Keuangan' }, as(TECH));
  await w.ok('employee.import', { rows: [employee({ nip: '199002022015022002', name: 'Andi Wijaya' }), { ...e1, position: 'Analis Keuangan', department: 'Bidang Keuangan' }] }, as(TECH));

  // Assets: created, imported, edited, status set, handed over, maintained, returned with a missing charger, wiped.
  const laptop = (over: Record<string, unknown> = {}) => ({
    id: newId(), tag: 'INV-001', serial: 'PF3ABC12', category: 'laptop', brand: 'Lenovo', model: 'ThinkPad T14', purchaseDate: '2025-01-10', warrantyEnd: '2028-01-10',
    condition: 'good', location: 'Gudang TIK', notes: '', accessories: [{ kind: 'charger', serial: 'CHG-0001', description: '65W USB-C' }], ...over,
  });
  const a1 = laptop();
  const a2 = laptop({ tag: 'INV-002', serial: 'PF3ABC13', accessories: [], purchaseDate: '', warrantyEnd: '', importedHolder: 'Budi' });
  await w.ok('asset.create', a1, as(TECH));
  await w.ok('asset.import', { rows: [a2] }, as(TECH));
  await w.ok('asset.update', { id: a1.id, location: 'Ruang Keuangan', purchaseDate: '' }, as(TECH));
  await w.ok('asset.update', { id: a2.id, notes: 'Layar baru', accessories: [{ kind: 'bag', serial: '', description: 'Tas' }] }, as(TECH));
  await w.ok('asset.setStatus', { id: a2.id, status: 'maintenance', reason: 'Layar berkedip' }, as(TECH));
  await w.ok('asset.setStatus', { id: a2.id, status: 'in_stock', reason: 'Layar diganti' }, as(TECH));
  const h = {
    id: newId(), employeeId: e1.id, items: [{ assetId: a1.id, condition: 'good' }], emailPrepared: 'siti@dinas.go.id', accessPrepared: 'VPN', notes: '',
    witnessName: 'Budi Santoso', witnessTitle: 'Kepala Bidang TIK', signatures: { officer: SIG, employee: SIG }, signedOnPaper: false,
  };
  await w.ok('handover.issue', h, as(TECH));
  w.advanceHours(1);
  await w.ok('asset.maintain', { id: a1.id, maintenanceId: newId(), checklist: { antivirus: true, osPatched: false, passwordSet: true, removableMedia: true }, condition: 'good', notes: 'Patch dijadwalkan' }, as(TECH));
  const doc = w.get<HandoverState>('handover', h.id);
  const lines = doc.items.map((l) => ({ assetId: l.assetId, accessoryId: l.accessoryId, result: l.accessoryId ? 'missing' : 'returned', condition: 'good', note: l.accessoryId ? 'Hilang di perjalanan' : '' }));
  await w.ok('handover.return', { id: newId(), handoverId: h.id, reason: 'resignation', items: lines, notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true }, as(TECH));
  w.advanceHours(1);
  await w.ok('asset.wipe', { id: a1.id, method: 'nist_purge', tool: 'DBAN 2.3', operatorId: TECH.id, verifierId: TECH2.id, notes: '' }, as(TECH));
  await w.ok('handover.issue', { ...h, id: newId(), items: [{ assetId: a2.id, condition: 'fair' }], signatures: {}, signedOnPaper: true }, as(TECH));

  // Tickets: one through reopen and close, one escalated into an incident.
  const reception = (over: Record<string, unknown> = {}) => ({
    id: newId(), channel: 'phone', requesterName: 'Siti Aminah', requesterNip: '198701012010012001', requesterDepartment: 'Bagian Keuangan', requesterContact: '0812-1111-2222',
    category: 'hardware', priority: 'high', subject: 'Laptop tidak menyala', description: 'Laptop kantor mati total sejak pagi.', assetSerial: 'pf 2abc12', ...over,
  });
  const t1 = reception();
  await w.ok('ticket.receive', t1, as(OFFICER));
  await w.ok('ticket.classify', { id: t1.id, category: 'software', priority: 'medium' }, as(TECH));
  await w.ok('ticket.assign', { id: t1.id, assigneeId: TECH2.id }, as(TECH));
  await w.ok('ticket.start', { id: t1.id }, as(TECH2));
  await w.ok('ticket.comment', { id: t1.id, text: 'Sedang dicek' }, as(OFFICER));
  await w.ok('ticket.resolve', { id: t1.id, resolution: 'Driver dipasang ulang' }, as(TECH2));
  await w.ok('ticket.confirm', { id: t1.id, confirmed: false, confirmedBy: 'Siti Aminah', method: 'phone', note: 'Masih mati' }, as(OFFICER));
  await w.ok('ticket.resolve', { id: t1.id, resolution: 'Baterai diganti' }, as(TECH2));
  await w.ok('ticket.confirm', { id: t1.id, confirmed: true, confirmedBy: 'Siti Aminah', method: 'in_person' }, as(OFFICER));
  const t2 = reception({ requesterNip: '', assetSerial: '', subject: 'Email mencurigakan' });
  await w.ok('ticket.receive', t2, as(OFFICER));

  // An incident escalated from the ticket, through every step, the rework loop once.
  const incidentId = newId();
  await w.ok(
    'incident.report',
    {
      id: incidentId, title: 'Phishing ke bagian keuangan', reporterName: 'Siti Aminah', reporterContact: '0812-1111-2222', detectedAt: minutesAgo(w, 30),
      affectedSystems: 'Email kantor', category: 'phishing', severity: 'high', description: 'Email palsu meminta kata sandi ke seluruh bagian keuangan.', ticketId: t2.id,
      attachments: [{ hash: 'a'.repeat(64), name: 'email.eml', type: 'message/rfc822', size: 2048 }],
    },
    as(OFFICER),
  );
  await w.ok('incident.attach', { id: incidentId, file: { hash: 'b'.repeat(64), name: 'header.txt', type: 'text/plain', size: 512 } }, as(TECH));
  const doer = (step: number): Actor => as(({ officer: OFFICER, admin: ADMIN, security_lead: LEAD, technician: TECH } as const)[stepOf(step).role]);
  let reworked = false;
  for (let guard = 0; w.get<IncidentState>('incident', incidentId).status === 'open' && guard < 30; guard++) {
    const step = w.get<IncidentState>('incident', incidentId).step;
    const outcome: StepOutcome | undefined = step === 4 ? 'simple' : step === 9 ? (reworked ? 'done' : 'not_done') : undefined;
    if (step === 9) reworked = true;
    w.advanceHours(0.25);
    await w.ok('incident.completeStep', { id: incidentId, step, note: `Langkah ${step} selesai dikerjakan`, outcome, ...(step === 12 ? { rootCause: 'Filter spam lemah', mitigation: 'Pelatihan phishing' } : {}) }, doer(step));
  }
  await w.ok('incident.setFields', { id: incidentId, actions: 'Email diblokir', rootCause: 'Filter spam lemah di gateway' }, as(TECH));
  await w.ok('incident.setFields', { id: incidentId, mitigation: 'Pelatihan phishing untuk semua pegawai', lessonsLearned: 'Cek pengirim' }, as(LEAD));
  const violationId = newId();
  await w.ok('incident.recordViolation', { id: incidentId, violationId, person: 'Pegawai X', rule: 'Kebijakan kata sandi', description: 'Memberikan kata sandi' }, as(LEAD));
  await w.ok('incident.recordViolation', { id: incidentId, violationId: newId(), person: 'Pegawai Y', rule: 'Kebijakan email' }, as(LEAD));
  await w.ok(
    'incident.report',
    {
      id: newId(), title: 'Port scan dari luar', reporterName: 'Petugas jaga', reporterContact: '', detectedAt: w.now, affectedSystems: 'Firewall', category: 'intrusion',
      severity: 'low', description: 'Log firewall menunjukkan pemindaian port dari satu alamat.',
    },
    as(OFFICER),
  );
  await w.ok('incident.decideSanction', { id: incidentId, violationId, sanction: 'Teguran tertulis' }, as(ADMIN));

  // Access requests: sent back, revised, approved, provisioned item by item, one revoked; another cancelled.
  const form = (over: Record<string, unknown> = {}) => ({
    id: newId(), employeeId: e1.id, requester: { name: 'Hendra Gunawan', position: 'Kasubag Keuangan' }, divisionHead: { name: 'Ratna Sari', position: 'Kabid Keuangan' },
    need: 'Pegawai baru perlu email dinas dan VPN untuk kerja dari rumah.', items: [{ system: 'Email', level: 'write', scope: 'Kotak surat' }, { system: 'VPN', level: 'read', scope: 'Profil staf' }], ...over,
  });
  const f = form();
  await w.ok('access.submit', f, as(OFFICER));
  await w.ok('access.decide', { id: f.id, approved: false, note: 'Lampirkan alasan kebutuhan VPN.' }, as(ADMIN));
  await w.ok('access.revise', { ...form(), id: f.id }, as(OFFICER));
  await w.ok('access.decide', { id: f.id, approved: true, note: '' }, as(ADMIN));
  for (const item of w.get<AccessRequestState>('access', f.id).items) await w.ok('access.grant', { id: f.id, itemId: item.id, account: `siti.${item.system.toLowerCase()}`, note: '' }, as(TECH));
  await w.ok('access.revoke', { id: f.id, itemId: w.get<AccessRequestState>('access', f.id).items[1]!.id, reason: 'Tidak perlu lagi' }, as(TECH));
  const f2 = form();
  await w.ok('access.submit', f2, as(OFFICER));
  await w.ok('access.cancel', { id: f2.id, reason: 'Salah pegawai' }, as(OFFICER));

  // Restore requests: performed with both approvals; refused by the manager; refused by the user; cancelled.
  const request = () => ({
    id: newId(), employeeId: e1.id, scope: 'folder', target: '\\\\fileserver\\keuangan', backupDate: '2026-03-01', source: 'local', reason: 'lost', reasonNote: '',
    requestedAt: minutesAgo(w, 30),
  });
  const answer = (id: string, approved: boolean) => ({ id, approved, name: 'Siti Rahmawati', method: 'phone', confirmedAt: w.now, note: approved ? '' : 'Data sudah ada salinannya' });
  const r1 = request();
  await w.ok('restore.request', r1, as(OFFICER));
  await w.ok('restore.managerDecide', { id: r1.id, approved: true, note: '' }, as(ADMIN));
  await w.ok('restore.userDecide', answer(r1.id, true), as(OFFICER));
  await w.ok('restore.perform', { id: r1.id, startedAt: minutesAgo(w, 10), completedAt: w.now, restored: 'Folder keuangan', verification: 'partial', verificationNote: 'Dua berkas rusak' }, as(TECH));
  const r2 = request();
  await w.ok('restore.request', r2, as(OFFICER));
  await w.ok('restore.managerDecide', { id: r2.id, approved: false, note: 'Backup terbaru belum diverifikasi.' }, as(ADMIN));
  const r3 = request();
  await w.ok('restore.request', r3, as(OFFICER));
  await w.ok('restore.userDecide', answer(r3.id, false), as(OFFICER));
  const r4 = request();
  await w.ok('restore.request', r4, as(OFFICER));
  await w.ok('restore.cancel', { id: r4.id, reason: 'Berkas ditemukan' }, as(OFFICER));

  // The server re-checks every command by replaying it with the commands' own rules and folds the
  // same records.
  const server = await w.replayOnServer();
  expect(server.records).toEqual(w.records);
  events.push(...w.events);
}

beforeAll(async () => {
  KEYS = await Promise.all([0, 1, 2, 3].map(async () => (await freshTestKey()).material));
  for (const [type, handler] of Object.entries(commands) as [CommandType, CommandHandler<unknown, unknown>][]) {
    const decide = handler.decide.bind(handler);
    vi.spyOn(handler, 'decide').mockImplementation(async (input: unknown, ctx: DecideContext<unknown>) => {
      const r = await decide(input, ctx);
      if (r.ok) produced.set(type, [...(produced.get(type) ?? []), ...r.data]);
      return r;
    });
  }
  await officeSetUp();
  await preUpgradeUser();
  await ownSides();
  await office();
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe("every command's drafts parse with their event type's schema", () => {
  it('runs every command type, each producing events', () => {
    expect(Object.keys(commands).filter((type) => !produced.get(type as CommandType)?.length)).toEqual([]);
  });

  it('produces every event type, each of its own kind', () => {
    const types = new Set([...produced.values()].flat().map((d) => d.type));
    expect(EVENT_TYPES.filter((t) => !types.has(t))).toEqual([]);
    expect([...types].filter((t) => !kindOfEvent.has(t))).toEqual([]);
  });

  it('every draft and every event made of them parses', () => {
    const drafts = [...produced.values()].flat();
    expect(drafts.length).toBeGreaterThan(100);
    expect(drafts.map((d) => [d.type, checkContent(d)]).filter(([, r]) => !(r as { ok: boolean }).ok)).toEqual([]);
    for (const e of events) expect(parseEvent(e), e.type).toEqual({ ok: true, data: e });
  });

  it('no schema is looser than decide(): every optional field is left out by some draft', () => {
    const drafts = [...produced.values()].flat();
    const alwaysThere: string[] = [];
    const walk = (schema: z.ZodType, values: unknown[], path: string) => {
      const s = bare(schema);
      if (s instanceof z.ZodObject) {
        for (const [k, child] of Object.entries(s.shape as Record<string, z.ZodType>)) {
          const present = values.filter((v) => isObject(v) && v[k] !== undefined).map((v) => (v as Record<string, unknown>)[k]);
          if (values.length > 0 && present.length === values.length && child.safeParse(undefined).success) alwaysThere.push(`${path}.${k}`);
          walk(child, present, `${path}.${k}`);
        }
      } else if (s instanceof z.ZodArray) walk(s.element as z.ZodType, values.flat(), `${path}[]`);
      else if (s instanceof z.ZodDiscriminatedUnion) for (const o of s.options as z.ZodType[]) walk(o, values.filter((v) => o.safeParse(v).success), path);
    };
    for (const type of EVENT_TYPES) walk(eventSchemas[type] as z.ZodType, drafts.filter((d) => d.type === type).map((d) => d.payload), type);
    // Optional for the history from before signed events: users created and passwords set then
    // carry no key (nor the reason of the change). Optional by decide()'s types: classifying
    // retargets the ticket's clock, which the types let be paused; the commands classify only
    // open tickets, whose clock runs.
    expect(alwaysThere).toEqual(['user.created.key', 'user.passwordSet.key', 'user.passwordSet.reason', 'ticket.classified.clock.runningSince', 'ticket.classified.clock.dueAt']);
  });

  it('returns the event itself, so its hash still holds', () => {
    const e = events.find((x) => x.type === 'visit.approved')!;
    const r = parseEvent(e);
    expect(r.ok && r.data).toBe(e);
  });
});

// ---------------------------------------------------------------------------------------------
// Refusals, property-style: any field of any event changed to the wrong type, any required field
// removed, any unknown field added is refused naming the field.
// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const isObject = (v: unknown): v is Record<string, unknown> => jsonType(v) === 'object';

/** Every path into a payload (object keys and array indexes), depth first. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}
const objectPaths = (payload: unknown) => [[], ...pathsOf(payload)].filter((p) => isObject(valueAt(payload, p)));

function valueAt(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
}

/** A deep copy of the payload with `change` applied to the object holding the path's last step. */
function mutate(payload: unknown, path: (string | number)[], change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(payload);
  change(valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>, path.at(-1)!);
  return copy;
}

/** The schema of the value at a path, following the original value through unions. */
function schemaAt(schema: z.ZodType, value: unknown, path: (string | number)[]): z.ZodType {
  let s = schema;
  let v = value;
  for (const step of path) {
    for (;;) {
      if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
      else if (s instanceof z.ZodUnion) s = (s.options as z.ZodType[]).find((o) => o.safeParse(v).success)!;
      else break;
    }
    if (s instanceof z.ZodObject) s = s.shape[step as string] as z.ZodType;
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else throw new Error(`no schema at ${path.join('.')}`);
    v = (v as Record<string | number, unknown>)[step];
  }
  return s;
}

/** Whether a schema is a map of free keys (z.record), optional or not. */
const isRecord = (s: z.ZodType) => bare(s) instanceof z.ZodRecord;
/** A schema without its optional and nullable wrappers. */
function bare(s: z.ZodType): z.ZodType {
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

const withPayload = (e: DomainEvent, payload: unknown): DomainEvent => ({ ...e, payload: payload as Record<string, unknown> });
const field = (path: (string | number)[]) => ['payload', ...path].join('.');
const refusal = (f: string) => ({ ok: false, error: { code: 'invalid-payload', message: 'errors.invalidPayload', field: f, params: { field: f } } });

describe('a changed, missing or added field is refused, naming it', () => {
  /** One event of each type (the first the scenario made), with every path into its payload. */
  const samples = () => EVENT_TYPES.map((type) => events.find((e) => e.type === type)!).map((e) => ({ e, paths: pathsOf(e.payload) }));
  const schemaOf = (e: DomainEvent) => eventSchemas[e.type as keyof typeof eventSchemas] as z.ZodType;

  it('a field of the wrong type', () => {
    const withPaths = () => samples().filter((s) => s.paths.length > 0);
    const wrong = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }));
    fc.assert(
      fc.property(fc.nat(), fc.nat(), wrong, (i, j, w) => {
        const list = withPaths();
        const { e, paths } = list[i % list.length]!;
        const path = paths[j % paths.length]!;
        const original = valueAt(e.payload, path);
        // Another JSON type, and one the field's schema does not take (null where an object may be null is not wrong).
        fc.pre(jsonType(w) !== jsonType(original) && !(original === null && isObject(w)) && !schemaAt(schemaOf(e), e.payload, path).safeParse(w).success);
        const changed = mutate(e.payload, path, (parent, key) => void (parent[key] = w));
        expect(parseEvent(withPayload(e, changed))).toEqual(refusal(field(path)));
      }),
      { numRuns: 1000 },
    );
  });

  it('a wrong value of the right type where the schema names the values (an enum, a literal)', () => {
    for (const { e, paths } of samples()) {
      for (const path of paths) {
        const s = schemaAt(schemaOf(e), e.payload, path);
        const inner = bare(s);
        if (!(inner instanceof z.ZodEnum || inner instanceof z.ZodLiteral)) continue;
        const changed = mutate(e.payload, path, (parent, key) => void (parent[key] = 'not-a-value'));
        expect(parseEvent(withPayload(e, changed)), `${e.type} ${field(path)}`).toEqual(refusal(field(path)));
      }
    }
  });

  it('a required field removed (an optional one may be)', () => {
    let required = 0;
    for (const { e, paths } of samples()) {
      for (const path of paths.filter((p) => typeof p.at(-1) === 'string')) {
        const removed = mutate(e.payload, path, (parent, key) => void delete parent[key]);
        // A record's entries (maintenanceMonths) are free keys: any of them may go.
        const optional = isRecord(schemaAt(schemaOf(e), e.payload, path.slice(0, -1))) || schemaAt(schemaOf(e), e.payload, path).safeParse(undefined).success;
        const r = parseEvent(withPayload(e, removed));
        if (optional) expect(r.ok, `${e.type} ${field(path)}`).toBe(true);
        else {
          required += 1;
          expect(r, `${e.type} ${field(path)}`).toEqual(refusal(field(path)));
        }
      }
    }
    expect(required).toBeGreaterThan(200);
  });

  it('an unknown field added, at any depth', () => {
    const key = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== '__proto__');
    fc.assert(
      fc.property(fc.nat(), fc.nat(), key, fc.jsonValue(), (i, j, k, value) => {
        const list = samples();
        const { e } = list[i % list.length]!;
        const objects = objectPaths(e.payload);
        const path = objects[j % objects.length]!;
        const target = valueAt(e.payload, path) as Record<string, unknown>;
        // A record (a map of free keys, like maintenanceMonths) takes any key: not an unknown field.
        fc.pre(!Object.hasOwn(target, k) && !isRecord(schemaAt(schemaOf(e), e.payload, path)));
        const added = structuredClone(e.payload) as Json;
        Object.defineProperty(valueAt(added, path), k, { value: value as Json, enumerable: true, writable: true, configurable: true });
        expect(parseEvent(withPayload(e, added))).toEqual(refusal(field([...path, k])));
      }),
      { numRuns: 1000 },
    );
  });

  it('an unknown type, a type of another kind, a payload that is not an object', () => {
    const e = events.find((x) => x.type === 'visit.approved')!;
    expect(parseEvent({ ...e, type: 'visit.teleported' })).toEqual(refusal('type'));
    expect(parseEvent({ ...e, type: 'toString' })).toEqual(refusal('type'));
    expect(parseEvent({ ...e, kind: 'ticket' })).toEqual(refusal('kind'));
    expect(parseEvent(withPayload(e, null))).toEqual(refusal('payload'));
    expect(parseEvent(withPayload(e, ['note']))).toEqual(refusal('payload'));
  });
});

