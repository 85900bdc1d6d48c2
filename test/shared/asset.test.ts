/**
 * The asset workflow's rules (DOMAIN.md §2): unique tags and serials (devices and accessories),
 * all-or-nothing imports, handover → return → wipe, no reissue before the wipe, every handed-over
 * item reconciled at a return, maintenance due dates, roles — and the server's re-check of every
 * command (a replay of it, `replayGroup`) accepting exactly what the device made.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, maintenanceDue, type AssetState } from '@shared/domain/asset/state';
import { keyProblems } from '@shared/domain/asset/commands';
import { accessoriesCell, guessMapping, parseAccessories, rowToInput } from '@shared/domain/asset/import';
import { guessEmployeeMapping, planEmployeeImport, repeatedNips, rowToEmployee } from '@shared/domain/employee/import';
import type { HandoverState } from '@shared/domain/handover/state';
import type { EmployeeState } from '@shared/domain/employee/state';
import { groupByCommand } from '@shared/sync/replay';
import type { CommandType } from '@shared/domain/registry';
import type { EventDraft } from '@shared/events';
import { newId } from '@shared/ids';
import type { Failure } from '@shared/result';
import type { Actor } from '@shared/roles';
import { actorOf as by, testUser as user, World as Office } from './world';

const TECH = user('tech', ['technician']);
const TECH2 = user('tech2', ['technician']);
const ADMIN = user('admin', ['admin']);
const AUDITOR = user('auditor', ['auditor']);
const OFFICER = user('officer', ['officer']);

/** The shared in-memory office with these users; commands run as the technician unless told. */
class World extends Office {
  constructor() {
    super([TECH, TECH2, ADMIN, AUDITOR, OFFICER]);
  }
  advanceDays(days: number): void {
    this.advanceHours(days * 24);
  }
  override ok(type: CommandType, input: unknown, actor: Actor = by(TECH)): Promise<EventDraft[]> {
    return super.ok(type, input, actor);
  }
  override refused(type: CommandType, input: unknown, actor: Actor = by(TECH)): Promise<Failure> {
    return super.refused(type, input, actor);
  }
  asset(id: string): AssetState {
    return this.get<AssetState>('asset', id);
  }
  doc(id: string): HandoverState {
    return this.get<HandoverState>('handover', id);
  }
}

const laptop = (over: Record<string, unknown> = {}) => ({
  id: newId(), tag: 'INV-001', serial: 'PF3ABC12', category: 'laptop', brand: 'Lenovo', model: 'ThinkPad T14', purchaseDate: '2025-01-10', warrantyEnd: '2028-01-10',
  condition: 'good', location: 'Gudang TIK', notes: '', accessories: [{ kind: 'charger', serial: 'CHG-0001', description: '65W USB-C' }], ...over,
});
const employee = (over: Record<string, unknown> = {}) => ({ id: newId(), nip: '198701012010011001', name: 'Siti Rahmawati', department: 'Keuangan', position: 'Analis', email: 'siti@dinas.go.id', status: 'active', ...over });
const SIG = 'data:image/png;base64,iVBORw0KGgo=';
const issue = (employeeId: string, assetIds: string[], over: Record<string, unknown> = {}) => ({
  id: newId(), employeeId, items: assetIds.map((assetId) => ({ assetId, condition: 'good' })), emailPrepared: 'siti@dinas.go.id', accessPrepared: 'SIMDA, VPN',
  notes: '', witnessName: 'Budi Santoso', witnessTitle: 'Kepala Bidang TIK', signatures: { officer: SIG, employee: SIG }, signedOnPaper: false, ...over,
});

/** Return lines for every line of a handover, each returned in good condition unless overridden. */
function returnLines(doc: HandoverState, over: (line: { assetId: string; accessoryId?: string }) => Record<string, unknown> = () => ({})) {
  return doc.items.map((l) => ({ assetId: l.assetId, accessoryId: l.accessoryId, result: 'returned', condition: 'good', note: '', ...over(l) }));
}

async function setUp() {
  const w = new World();
  const a = laptop();
  const b = laptop({ tag: 'INV-002', serial: 'PF3ABC13', accessories: [] });
  await w.ok('asset.create', a);
  await w.ok('asset.create', b);
  const e1 = employee();
  const e2 = employee({ nip: '199002022015022002', name: 'Andi Wijaya' });
  await w.ok('employee.create', e1);
  await w.ok('employee.create', e2);
  return { w, a, b, e1, e2 };
}

describe('asset inventory', () => {
  it('keeps tags and serials unique across devices and accessories, case- and space-insensitively', async () => {
    const { w } = await setUp();
    expect((await w.refused('asset.create', laptop({ tag: 'INV-009', serial: 'pf3 abc12', accessories: [] }))).message).toBe('asset.errors.serialTaken');
    expect((await w.refused('asset.create', laptop({ tag: 'inv-001', serial: 'NEW-1', accessories: [] }))).message).toBe('asset.errors.tagTaken');
    // An accessory's serial is as unique as a device's.
    const f = await w.refused('asset.create', laptop({ tag: 'INV-010', serial: 'NEW-2', accessories: [{ kind: 'charger', serial: 'chg-0001', description: '' }] }));
    expect(f).toMatchObject({ message: 'asset.errors.serialTaken', field: 'accessories' });
    expect((await w.refused('asset.create', laptop({ tag: 'INV-011', serial: 'CHG-0001', accessories: [] }))).message).toBe('asset.errors.serialTaken');
    // Within one asset too.
    expect((await w.refused('asset.create', laptop({ tag: 'INV-012', serial: 'X-1', accessories: [{ kind: 'bag', serial: 'X-1', description: '' }] }))).message).toBe('asset.errors.serialDuplicate');
  });

  it('refuses malformed input with i18n keys and lets auditors and officers change nothing', async () => {
    const { w } = await setUp();
    expect((await w.refused('asset.create', laptop({ tag: 'INV-20', serial: '!' }))).message).toBe('asset.errors.serialFormat');
    expect((await w.refused('asset.create', laptop({ tag: 'INV-21', serial: 'S-21', purchaseDate: '2026-01-01', warrantyEnd: '2025-01-01', accessories: [] }))).message).toBe('asset.errors.warrantyBeforePurchase');
    expect((await w.refused('asset.create', laptop({ tag: 'INV-22', serial: 'S-22', accessories: [] }), by(AUDITOR))).message).toBe('errors.forbidden');
    expect((await w.refused('asset.create', laptop({ tag: 'INV-23', serial: 'S-23', accessories: [] }), by(OFFICER))).message).toBe('errors.forbidden');
    expect((await w.refused('employee.create', employee({ nip: '12' }))).message).toBe('employee.errors.nip');
    expect((await w.refused('employee.create', employee())).message).toBe('employee.errors.nipTaken');
  });

  it('an edit keeps keys unique but may keep its own', async () => {
    const { w, a, b } = await setUp();
    await w.ok('asset.update', { id: a.id, location: 'Ruang Keuangan', serial: 'PF3ABC12' });
    expect(w.asset(a.id).location).toBe('Ruang Keuangan');
    expect((await w.refused('asset.update', { id: b.id, serial: 'PF3ABC12' })).message).toBe('asset.errors.serialTaken');
    await w.ok('asset.update', { id: b.id, serial: 'pf3-new-13' });
    expect(w.asset(b.id).keys).toContain('S:PF3-NEW-13');
  });

  it('imports a batch in one command, all or nothing, naming every bad row', async () => {
    const { w } = await setUp();
    const rows = Array.from({ length: 50 }, (_, i) => laptop({ tag: `IMP-${i}`, serial: `IMPSN-${i}`, accessories: [] }));
    const bad = [...rows, laptop({ tag: 'IMP-X', serial: 'impsn-3', accessories: [] }), laptop({ tag: 'INV-001', serial: 'IMPSN-Y', accessories: [] })];
    const f = await w.refused('asset.import', { rows: bad });
    expect(f).toMatchObject({ message: 'asset.errors.serialRepeated', params: { row: 51, other: 4 } });
    const taken = await w.lookups.idsByKey('asset', ['T:INV-001']);
    expect(keyProblems(bad, taken).map((p) => [p.row + 1, p.message])).toEqual([
      [51, 'asset.errors.serialRepeated'],
      [52, 'asset.errors.tagTaken'],
    ]);
    expect(w.all('asset')).toHaveLength(2);
    const drafts = await w.ok('asset.import', { rows });
    expect(drafts).toHaveLength(50);
    expect(w.all('asset')).toHaveLength(52);
  });
});

describe('handover, return and wipe', () => {
  it('runs handover → maintenance → return with a missing charger → wipe → reissue to another employee', async () => {
    const { w, a, b, e1, e2 } = await setUp();
    const h = issue(e1.id, [a.id, b.id]);
    const drafts = await w.ok('handover.issue', h);
    expect(drafts.map((d) => d.type)).toEqual(['handover.issued', 'asset.assigned', 'asset.assigned']);
    const doc = w.doc(h.id);
    expect(doc.docNo).toMatch(/^TIK\/BAST\/20260302\/[0-9A-F]{5}$/);
    expect(doc.items.map((i) => i.serial)).toEqual(['PF3ABC12', 'CHG-0001', 'PF3ABC13']);
    expect(w.asset(a.id)).toMatchObject({ status: 'assigned', holderId: e1.id, handoverId: h.id });

    // Handing over an asset already out is refused.
    expect((await w.refused('handover.issue', issue(e2.id, [a.id]))).message).toBe('asset.errors.notInStock');

    w.advanceDays(80);
    await w.ok('asset.maintain', { id: a.id, maintenanceId: newId(), checklist: { antivirus: true, osPatched: true, passwordSet: true, removableMedia: true }, condition: 'good', notes: '' });
    expect(w.asset(a.id).maintenance).toHaveLength(1);

    w.advanceDays(10);
    // Every line must be reconciled: leaving out the charger is refused.
    const partial = returnLines(doc).filter((l) => !l.accessoryId);
    expect((await w.refused('handover.return', { id: newId(), handoverId: h.id, reason: 'resignation', items: partial, notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true })).message).toBe('handover.errors.unreconciled');
    // A missing item needs a note.
    const missingNoNote = returnLines(doc, (l) => (l.accessoryId ? { result: 'missing' } : {}));
    expect((await w.refused('handover.return', { id: newId(), handoverId: h.id, reason: 'resignation', items: missingNoNote, notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true })).message).toBe('handover.errors.missingNote');
    // Signatures: drawn by both, or on paper.
    const lines = returnLines(doc, (l) => (l.accessoryId ? { result: 'missing', note: 'Hilang di perjalanan dinas' } : {}));
    expect((await w.refused('handover.return', { id: newId(), handoverId: h.id, reason: 'resignation', items: lines, notes: '', witnessName: '', witnessTitle: '', signatures: { officer: SIG }, signedOnPaper: false })).message).toBe('handover.errors.employeeSignature');
    const r = { id: newId(), handoverId: h.id, reason: 'resignation', items: lines, notes: '', witnessName: 'Budi', witnessTitle: 'Kabid', signatures: { officer: SIG, employee: SIG }, signedOnPaper: false };
    await w.ok('handover.return', r);
    const ret = w.doc(r.id);
    expect(ret.docNo).toMatch(/^TIK\/BAPB\//);
    expect(ret.items.find((i) => i.accessoryId)).toMatchObject({ result: 'missing', serial: 'CHG-0001' });
    expect(w.asset(a.id)).toMatchObject({ status: 'awaiting_wipe', holderId: undefined });
    expect(w.asset(a.id).accessories[0]).toMatchObject({ missing: true });
    expect(w.asset(a.id).custody[0]).toMatchObject({ employeeId: e1.id, returnId: r.id, missing: [w.asset(a.id).accessories[0]!.id] });

    // No reissue before the wipe, with a clear message naming the asset.
    const refusal = await w.refused('handover.issue', issue(e2.id, [a.id]));
    expect(refusal).toMatchObject({ message: 'asset.errors.awaitingWipe', params: { tag: 'INV-001', serial: 'PF3ABC12' }, field: 'items.0' });

    // The wipe: verifier must differ from operator; the recorder is one of them.
    const wipe = { id: a.id, method: 'nist_purge', tool: 'DBAN 2.3', operatorId: TECH.id, verifierId: TECH.id, notes: '' };
    expect((await w.refused('asset.wipe', wipe)).message).toBe('asset.errors.verifierSameAsOperator');
    expect((await w.refused('asset.wipe', { ...wipe, verifierId: OFFICER.id })).message).toBe('asset.errors.wipeUserInvalid');
    expect((await w.refused('asset.wipe', { ...wipe, operatorId: TECH2.id, verifierId: ADMIN.id })).message).toBe('asset.errors.wipeNotParty');
    await w.ok('asset.wipe', { ...wipe, verifierId: TECH2.id });
    expect(w.asset(a.id)).toMatchObject({ status: 'in_stock' });
    expect(w.asset(a.id).wipes[0]).toMatchObject({ method: 'nist_purge', operatorId: TECH.id, verifierId: TECH2.id });
    expect((await w.refused('asset.wipe', { ...wipe, verifierId: TECH2.id })).message).toBe('asset.errors.notAwaitingWipe');

    // Reissue to another employee; the missing charger is not in the kit any more.
    const h2 = issue(e2.id, [a.id]);
    await w.ok('handover.issue', h2);
    expect(w.doc(h2.id).items).toHaveLength(1);
    expect(w.asset(a.id).custody.map((c) => c.employeeId)).toEqual([e1.id, e2.id]);

    // The server replays every command with the same rules and accepts each one in order.
    const server = new World();
    for (const group of groupByCommand(w.events)) expect(await server.accept(group), `${group[0]!.type}`).toEqual({ ok: true, data: true });
    expect(server.asset(a.id)).toEqual(w.asset(a.id));
    expect(server.records).toEqual(w.records);
  });

  it('the server refuses a duplicate serial made offline on another console', async () => {
    const one = (await setUp()).w;
    const other = new World();
    await other.ok('asset.create', laptop({ tag: 'INV-777', serial: 'PF3ABC12', accessories: [] }));
    const checked = await one.replay(other.events);
    expect(checked).toMatchObject({ ok: false, error: { message: 'asset.errors.serialTaken' } });
  });

  it('lets a replacement keep some devices but never on resignation, and never half a device', async () => {
    const { w, a, b, e1 } = await setUp();
    const h = issue(e1.id, [a.id, b.id]);
    await w.ok('handover.issue', h);
    const doc = w.doc(h.id);
    const base = { handoverId: h.id, notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true };
    const keepB = returnLines(doc, (l) => (l.assetId === b.id ? { result: 'kept' } : {}));
    expect((await w.refused('handover.return', { ...base, id: newId(), reason: 'resignation', items: keepB })).message).toBe('handover.errors.keptOnResignation');
    const keepChargerOnly = returnLines(doc, (l) => (l.accessoryId ? { result: 'kept' } : {}));
    expect((await w.refused('handover.return', { ...base, id: newId(), reason: 'replacement', items: keepChargerOnly })).message).toBe('handover.errors.keptPartial');
    await w.ok('handover.return', { ...base, id: newId(), reason: 'replacement', items: keepB });
    expect(w.asset(a.id).status).toBe('awaiting_wipe');
    expect(w.asset(b.id).status).toBe('assigned');
    // The next return of the same handover covers only what is still out.
    const rest = [{ assetId: b.id, result: 'returned', condition: 'fair', note: '' }];
    await w.ok('handover.return', { ...base, id: newId(), reason: 'resignation', items: rest });
    expect(w.asset(b.id)).toMatchObject({ status: 'awaiting_wipe', condition: 'fair' });
    expect((await w.refused('handover.return', { ...base, id: newId(), reason: 'resignation', items: rest })).message).toBe('handover.errors.nothingOut');
  });

  it('refuses a handover to a resigned employee or without signatures', async () => {
    const { w, a, e1 } = await setUp();
    expect((await w.refused('handover.issue', issue(e1.id, [a.id], { signatures: { officer: SIG } }))).message).toBe('handover.errors.employeeSignature');
    await w.ok('employee.update', { id: e1.id, status: 'resigned' });
    expect((await w.refused('handover.issue', issue(e1.id, [a.id]))).message).toBe('handover.errors.employeeResigned');
  });
});

describe('maintenance schedule', () => {
  it('falls due 3 months after the handover or the last maintenance, per category setting', async () => {
    const { w, a, e1 } = await setUp();
    await w.ok('handover.issue', issue(e1.id, [a.id]));
    const asset = w.asset(a.id);
    expect(asset.maintBase).toBe('2026-03-02T01:00:00.000Z');
    expect(maintenanceDue(asset, undefined, '2026-04-01T00:00:00.000Z')).toEqual({ dueAt: '2026-06-02T01:00:00.000Z', state: 'ok' });
    expect(maintenanceDue(asset, undefined, '2026-05-25T00:00:00.000Z')?.state).toBe('due');
    expect(maintenanceDue(asset, undefined, '2026-06-03T00:00:00.000Z')?.state).toBe('overdue');
    expect(maintenanceDue(asset, { laptop: 6 }, '2026-06-03T00:00:00.000Z')).toEqual({ dueAt: '2026-09-02T01:00:00.000Z', state: 'ok' });
    w.advanceDays(100);
    const checklist = { antivirus: true, osPatched: false, passwordSet: true, removableMedia: true };
    expect((await w.refused('asset.maintain', { id: a.id, maintenanceId: newId(), checklist, condition: 'good', notes: '' })).message).toBe('asset.errors.maintenanceNote');
    await w.ok('asset.maintain', { id: a.id, maintenanceId: newId(), checklist, condition: 'good', notes: 'Patch Windows dijadwalkan ulang' });
    expect(maintenanceDue(w.asset(a.id), undefined, w.now)?.dueAt).toBe(addMonths(w.now, 3));
    expect(maintenanceDue({ ...w.asset(a.id), status: 'in_stock' }, undefined, w.now)).toBeNull();
  });

  it('adds months clamped to the end of shorter months', () => {
    expect(addMonths('2026-11-30T03:00:00.000Z', 3)).toBe('2027-02-28T03:00:00.000Z');
    expect(addMonths('2026-01-31T00:00:00.000Z', 1)).toBe('2026-02-28T00:00:00.000Z');
  });

  it('keeps manual status changes to stock and repair', async () => {
    const { w, a, e1 } = await setUp();
    await w.ok('asset.setStatus', { id: a.id, status: 'maintenance', reason: 'Layar bergaris' });
    expect((await w.refused('handover.issue', issue(e1.id, [a.id]))).message).toBe('asset.errors.notInStock');
    await w.ok('asset.setStatus', { id: a.id, status: 'in_stock', reason: 'Layar diganti' });
    await w.ok('handover.issue', issue(e1.id, [a.id]));
    expect((await w.refused('asset.setStatus', { id: a.id, status: 'retired', reason: 'Rusak berat' })).message).toBe('asset.errors.statusMove');
    const emp = w.records.get(`employee:${e1.id}`) as EmployeeState;
    expect(emp.keys).toEqual(['N:198701012010011001']);
  });
});

describe('spreadsheet imports', () => {
  it('reads the accessories cell the export writes, in either language, and writes it back the same', () => {
    expect(parseAccessories('charger 5CD1234 – Adaptor 65W; Tas; mouse SN: M-123 (missing)\nKabel HDMI')).toEqual([
      { kind: 'charger', serial: '5CD1234', description: 'Adaptor 65W' },
      { kind: 'bag', serial: '', description: '' },
      { kind: 'mouse', serial: 'M-123', description: '' },
      { kind: 'cable', serial: '', description: 'HDMI' },
    ]);
    // An item naming no kind stays, as "other" with its text; a serial starting with SN keeps it.
    expect(parseAccessories('Pointer presentasi; charger SNX99')).toEqual([
      { kind: 'other', serial: '', description: 'Pointer presentasi' },
      { kind: 'charger', serial: 'SNX99', description: '' },
    ]);
    const list = [
      { id: 'x1', kind: 'charger' as const, serial: 'CHG-1', description: 'USB-C 65W' },
      { id: 'x2', kind: 'dock' as const, serial: '', description: '' },
    ];
    expect(parseAccessories(accessoriesCell(list))).toEqual(list.map(({ id: _id, ...rest }) => rest));
  });

  it('imports accessories from a Snipe-IT-style sheet; a bad or clashing accessory serial is a problem of its row', async () => {
    const headers = ['Asset Tag', 'Serial Number', 'Model name', 'Manufacturer', 'Category', 'Location', 'Purchase Date', 'Status', 'Checked Out To', 'Aksesoris'];
    const m = guessMapping(headers);
    expect(m).toMatchObject({ tag: 0, serial: 1, model: 2, brand: 3, category: 4, location: 5, purchaseDate: 6, status: 7, holderName: 8, accessories: 9 });
    const row = (tag: string, serial: string, acc: string) => [tag, serial, 'ThinkPad T14', 'Lenovo', 'Laptops', 'Gudang TIK', '10/01/2025', 'Ready to Deploy', '', acc];
    const goodRow = rowToInput(row('INV-100', 'PF9A0001', 'charger CHG-100; tas'), m, newId());
    const good = { problems: goodRow.problems, input: goodRow.input?.input };
    expect(good.problems).toEqual([]);
    expect(good.input!.accessories).toEqual([
      { kind: 'charger', serial: 'CHG-100', description: '' },
      { kind: 'bag', serial: '', description: '' },
    ]);
    expect(good.input!.purchaseDate).toBe('2025-01-10');
    expect(rowToInput(row('INV-101', 'PF9A0002', 'charger 12#45'), m, newId()).problems).toEqual([{ field: 'accessories', message: 'asset.errors.serialFormat' }]);
    // The accessory's serial is another row's device serial: the later row is named.
    const clash = { input: rowToInput(row('INV-102', 'PF9A0003', 'charger PF9A0001'), m, newId()).input?.input };
    const problems = keyProblems([good.input!, clash.input!], {});
    expect(problems).toEqual([{ row: 1, field: 'accessories', message: 'asset.errors.serialRepeated', params: { value: 'PF9A0001', other: 1 } }]);
    // Imported in one command, accessories included, and findable by their serials.
    const w = new World();
    await w.ok('asset.import', { rows: [good.input!] });
    expect(w.asset(good.input!.id).keys).toEqual(['T:INV-100', 'S:PF9A0001', 'S:CHG-100']);
  });

  it('reads personnel lists: NIP with spaces, NIPs Excel turned into numbers refused, statuses in Indonesian', () => {
    const m = guessEmployeeMapping(['No', 'NIP Baru', 'Nama Lengkap', 'Unit Kerja', 'Jabatan', 'E-mail', 'Status Pegawai']);
    expect(m).toEqual({ nip: 1, name: 2, department: 3, position: 4, email: 5, status: 6 });
    const row = (nip: unknown, status = 'PNS', email = 'siti@dinas.go.id') => [1, nip, 'Siti Rahmawati', 'Bidang Keuangan', 'Analis Keuangan', email, status];
    expect(rowToEmployee(row('19870101 201001 1 001'), m, 'id1')).toEqual({
      input: { id: 'id1', nip: '198701012010011001', name: 'Siti Rahmawati', department: 'Bidang Keuangan', position: 'Analis Keuangan', email: 'siti@dinas.go.id', status: 'active' },
      problems: [],
    });
    expect(rowToEmployee(row(Number('198701012010011001')), m, 'id2').problems).toEqual([{ field: 'nip', message: 'employee.import.errors.nipAsNumber' }]);
    expect(rowToEmployee(row('1.98701E+17'), m, 'id3').problems).toEqual([{ field: 'nip', message: 'employee.import.errors.nipAsNumber' }]);
    expect(rowToEmployee(row(12345678), m, 'id4').input?.nip).toBe('12345678');
    expect(rowToEmployee(row('198701012010011001', 'Non Aktif'), m, 'id5').input?.status).toBe('resigned');
    expect(rowToEmployee(row('198701012010011001', 'Pensiun'), m, 'id6').input?.status).toBe('resigned');
    expect(rowToEmployee(row('198701012010011001', 'Cuti panjang?'), m, 'id7').problems).toEqual([{ field: 'status', message: 'employee.import.errors.status', params: { value: 'Cuti panjang?' } }]);
    expect(rowToEmployee(row('198701012010011001', 'Aktif', 'bukan-email'), m, 'id8').problems).toEqual([{ field: 'email', message: 'employee.errors.email' }]);
    expect(repeatedNips([{ nip: '111111' }, { nip: '222222' }, { nip: '111111' }])).toEqual([{ row: 2, field: 'nip', message: 'employee.import.errors.nipRepeated', params: { value: '111111', other: 1 } }]);
  });

  it('plans each row of a personnel list: a new NIP is added, a known one keeps its id and is updated only when a field differs', async () => {
    const { w, e1, e2 } = await setUp();
    const known = new Map([e1, e2].map((e) => [e.nip, w.records.get(`employee:${e.id}`) as EmployeeState]));
    const fresh = employee({ nip: '199505052020121003' });
    const plan = planEmployeeImport([{ ...e1, id: 'new-id-1', position: 'Kepala Sub Bagian' } as never, { ...e2, id: 'new-id-2' } as never, fresh as never], known);
    expect(plan.map((p) => [p.action, p.row.id])).toEqual([['update', e1.id], ['same', e2.id], ['create', fresh.id]]);
  });

  it('imports a personnel list in one command: new NIPs added, known ones updated, all or nothing', async () => {
    const { w, e1, e2 } = await setUp();
    const moved = { ...e1, department: 'Bidang TIK', position: 'Pranata Komputer' };
    const newcomer = employee({ nip: '199505052020121003', name: 'Rina Kartika' });
    const same = { ...e2 };
    const drafts = await w.ok('employee.import', { rows: [moved, newcomer, same] });
    expect(drafts.map((d) => [d.type, d.recordId, d.payload])).toEqual([
      ['employee.updated', e1.id, { department: 'Bidang TIK', position: 'Pranata Komputer' }],
      ['employee.created', newcomer.id, expect.objectContaining({ nip: '199505052020121003', name: 'Rina Kartika' })],
    ]);
    expect(w.records.get(`employee:${e1.id}`)).toMatchObject({ department: 'Bidang TIK', position: 'Pranata Komputer', nip: e1.nip });
    // A NIP held by another employee, a NIP twice in the file, an auditor: refused, nothing written.
    expect(await w.refused('employee.import', { rows: [employee({ nip: e2.nip })] })).toMatchObject({ message: 'employee.errors.nipTaken', params: { nip: e2.nip, row: 1 } });
    const twice = employee({ nip: '199901012022011001' });
    expect(await w.refused('employee.import', { rows: [twice, { ...employee(), nip: twice.nip }] })).toMatchObject({ message: 'employee.import.errors.nipRepeated', params: { row: 2, other: 1 } });
    expect((await w.refused('employee.import', { rows: [employee({ nip: '199901012022011002' })] }, by(AUDITOR))).message).toBe('errors.forbidden');
    expect((await w.refused('employee.import', { rows: [] })).message).toBe('employee.import.errors.empty');
    // The server replays the whole import as one command and accepts exactly what the device made.
    const server = await w.replayOnServer();
    expect(server.records.get(`employee:${newcomer.id}`)).toEqual(w.records.get(`employee:${newcomer.id}`));
    expect(server.records).toEqual(w.records);
  });
});
