/**
 * Inventory imports that name holders (Snipe-IT's "Full Name / Username / Email", GLPI's
 * "User"): the columns are recognised, each holder is matched to an employee (NIP, username,
 * email, then name; several matches are asked), and a matched row lands assigned with its
 * custody starting "from import" and a return that works like any other.
 */
import { describe, expect, it } from 'vitest';
import { guessMapping, holderIndex, holderProblems, KEEP_IN_STOCK, matchHolder, resolveHolders, rowToInput, costOf, type ImportRow } from '@shared/domain/asset/import';
import { assetName, type AssetState } from '@shared/domain/asset/state';
import type { HandoverState } from '@shared/domain/handover/state';
import type { EmployeeState } from '@shared/domain/employee/state';
import { newId } from '@shared/ids';
import { actorOf, testUser, World } from './world';

const TECH = testUser('tech', ['technician']);

/** Snipe-IT's asset importer columns, as its documentation lists them. */
const SNIPE = ['Full Name', 'Email', 'Username', 'Item Name', 'Category', 'Model Name', 'Manufacturer', 'Model Number', 'Serial Number', 'Asset Tag', 'Location', 'Notes', 'Purchase Date', 'Purchase Cost', 'Company', 'Status', 'Warranty Months', 'Supplier'];

const people = [
  { id: 'e1', nip: '198703122010012004', name: 'Siti Rahmawati', email: 'siti.rahmawati@makassarkota.go.id', department: 'Keuangan', status: 'active' as const },
  { id: 'e2', nip: '199105052019032011', name: 'Budi Santoso', email: 'budi.s@makassarkota.go.id', department: 'Umum', status: 'active' as const },
  { id: 'e3', nip: '199202022019031003', name: 'Budi Santoso', email: '', department: 'Perencanaan', status: 'active' as const },
];

describe('inventory import with holders', () => {
  it("maps Snipe-IT's and GLPI's column names, the extra fields included", () => {
    const m = guessMapping(SNIPE);
    expect(m).toMatchObject({ holderName: 0, holderEmail: 1, holderUsername: 2, name: 3, category: 4, model: 5, brand: 6, modelNumber: 7, serial: 8, tag: 9, location: 10, notes: 11, purchaseDate: 12, purchaseCost: 13, company: 14, status: 15, warrantyMonths: 16, supplier: 17 });
    const glpi = guessMapping(['Name', 'Entity', 'Status', 'Manufacturer', 'Serial number', 'Type', 'Model', 'Location', 'Inventory number', 'User', 'Alternate username', 'Comments']);
    expect(glpi).toMatchObject({ name: 0, company: 1, status: 2, brand: 3, serial: 4, category: 5, model: 6, location: 7, tag: 8, holderName: 9, holderUsername: 10, notes: 11 });
  });

  it('keeps model number, cost, supplier, company and warranty; the warranty end follows from the months', () => {
    const m = guessMapping(SNIPE);
    const r = rowToInput(['Siti Rahmawati', '', 'siti.rahmawati', 'Laptop Keuangan 01', 'Laptops', 'Lenovo ThinkPad E14', 'Lenovo', '21JK0004ID', 'PF4E14A1', 'TIK-LT-0101', 'Gedung A lt. 2', '', '2024-03-15', '14.250.000', 'Pemkot Makassar', 'Deployed', '36', 'PT Datascrip'], m, newId());
    expect(r.problems).toEqual([]);
    expect(r.input!.input).toMatchObject({ name: 'Laptop Keuangan 01', modelNumber: '21JK0004ID', purchaseCost: 14_250_000, company: 'Pemkot Makassar', supplier: 'PT Datascrip', warrantyMonths: 36, warrantyEnd: '2027-03-15', status: 'in_stock' });
    expect(r.input!.holder).toEqual({ nip: '', username: 'siti.rahmawati', email: '', name: 'Siti Rahmawati' });
    expect(assetName(r.input!.input)).toBe('Lenovo ThinkPad E14');
    expect([costOf('2999.99'), costOf('12,500,000.00'), costOf('Rp 7.500.000,50'), costOf('abc')]).toEqual([2999.99, 12_500_000, 7_500_000.5, null]);
    const bad = rowToInput(['', '', '', 'x', 'Laptops', 'E14', 'Lenovo', '', 'PF4E14A2', 'TIK-LT-0102', '', '', '', 'mahal', '', '', 'lama', ''], m, newId());
    expect(bad.problems.map((p) => p.field)).toEqual(['purchaseCost', 'warrantyMonths']);
  });

  it('matches by NIP, username, email, then name; two employees of one name are asked', () => {
    const ix = holderIndex(people);
    const ref = (o: Partial<{ nip: string; username: string; email: string; name: string }>) => ({ nip: '', username: '', email: '', name: '', ...o });
    expect(matchHolder(ref({ nip: '1987 0312 2010 0120 04' }), ix)).toMatchObject({ kind: 'one', employee: { id: 'e1' }, by: 'nip' });
    expect(matchHolder(ref({ username: 'siti.rahmawati', name: 'Nama Lain' }), ix)).toMatchObject({ kind: 'one', employee: { id: 'e1' }, by: 'username' });
    expect(matchHolder(ref({ email: 'BUDI.S@makassarkota.go.id', name: 'Budi Santoso' }), ix)).toMatchObject({ kind: 'one', employee: { id: 'e2' }, by: 'email' });
    expect(matchHolder(ref({ name: 'rahmawati siti' }), ix)).toMatchObject({ kind: 'one', employee: { id: 'e1' }, by: 'name' });
    expect(matchHolder(ref({ name: 'Budi Santoso' }), ix)).toMatchObject({ kind: 'many', by: 'name' });
    expect(matchHolder(ref({ name: 'Orang Asing' }), ix)).toEqual({ kind: 'none' });
    const rows: ImportRow[] = [
      { input: { id: 'a1' } as ImportRow['input'], holder: ref({ name: 'Budi Santoso' }) },
      { input: { id: 'a2' } as ImportRow['input'], holder: ref({ name: 'Orang Asing' }) },
      { input: { id: 'a3' } as ImportRow['input'], holder: ref({ email: 'siti.rahmawati@makassarkota.go.id' }) },
    ];
    const problems = holderProblems(rows, ix, {});
    expect(problems.map((p) => [p.row, p.message, p.choices.map((c) => c.value)])).toEqual([
      [0, 'asset.import.errors.holderAmbiguous', ['e2', 'e3', KEEP_IN_STOCK]],
      [1, 'asset.import.errors.holderUnknown', [KEEP_IN_STOCK]],
    ]);
    const picks = { a1: 'e3', a2: KEEP_IN_STOCK };
    expect(holderProblems(rows, ix, picks)).toEqual([]);
    expect(resolveHolders(rows, ix, picks).map((r) => r.holderId)).toEqual(['e3', undefined, 'e1']);
  });

  it('lands a matched row assigned, custody "from import", and takes it back through the usual return', async () => {
    const w = new World([TECH]);
    const as = actorOf(TECH);
    const e1 = newId();
    await w.ok('employee.create', { id: e1, nip: people[0]!.nip, name: people[0]!.name, department: 'Keuangan', position: 'Analis', email: people[0]!.email, status: 'active' }, as);
    const m = guessMapping(SNIPE);
    const row = (tag: string, serial: string, name: string, username: string) =>
      rowToInput([name, '', username, '', 'Laptops', 'Lenovo ThinkPad E14', 'Lenovo', '', serial, tag, 'Gedung A', '', '2024-03-15', '', '', name ? 'Deployed' : 'Ready to Deploy', '', ''], m, newId()).input!;
    const rows = [row('TIK-1', 'PF1', 'Siti Rahmawati', 'siti.rahmawati'), row('TIK-2', 'PF2', '', '')];
    const inputs = resolveHolders(rows, holderIndex([{ id: e1, nip: people[0]!.nip, name: people[0]!.name, email: people[0]!.email, department: 'Keuangan', status: 'active' }]), {});
    const drafts = await w.ok('asset.import', { rows: inputs }, as);
    expect(drafts.map((d) => d.type)).toEqual(['asset.created', 'asset.created', 'handover.issued', 'asset.assigned']);
    const a = w.get<AssetState>('asset', inputs[0]!.id);
    expect(a).toMatchObject({ status: 'assigned', holderId: e1 });
    expect(a.custody).toEqual([expect.objectContaining({ employeeId: e1, source: 'import', conditionOut: 'good' })]);
    expect(w.get<AssetState>('asset', inputs[1]!.id)).toMatchObject({ status: 'in_stock' });
    const doc = w.get<HandoverState>('handover', a.handoverId!);
    expect(doc).toMatchObject({ docType: 'handover', imported: true, employeeId: e1 });
    expect(doc.docNo).toMatch(/\/IMP\//);
    const back = newId();
    await w.ok('handover.return', { id: back, handoverId: doc.id, reason: 'resignation', items: [{ assetId: a.id, result: 'returned', condition: 'good', note: '' }], notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true }, as);
    expect(w.get<AssetState>('asset', a.id)).toMatchObject({ status: 'awaiting_wipe' });
    // A holder the office does not know is refused, whole.
    const ghost = { ...row('TIK-3', 'PF3', 'Siti Rahmawati', '').input, holderId: 'nobody' };
    expect((await w.refused('asset.import', { rows: [ghost] }, as)).message).toBe('asset.import.errors.holderGone');
    expect(w.get<EmployeeState>('employee', e1).name).toBe('Siti Rahmawati');
  });
});

describe("the office's city on signed documents", () => {
  it('is the profile city, or else the end of the address without its postal code', async () => {
    const { officeCity } = await import('@shared/domain/org/state');
    expect(officeCity({ city: 'Makassar', address: 'Jl. Jend. Ahmad Yani No. 2, Sungguminasa 92111' })).toBe('Makassar');
    expect(officeCity({ city: '', address: 'Jl. Jend. Ahmad Yani No. 2, Makassar 90111' })).toBe('Makassar');
    expect(officeCity({ address: 'Jl. Merdeka 1\nKota Bandung 40111' })).toBe('Kota Bandung');
  });
});
