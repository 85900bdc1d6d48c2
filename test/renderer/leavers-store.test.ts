/**
 * The leavers query (issue 12 item 19) over a real store (fake-indexeddb): resigned employees
 * only, since when (the fold's resignedAt, or the employee's events for a projection folded
 * before the field existed), their accesses in force, approved requests left to close, and the
 * assets they still hold; "open only" drops those with nothing left.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteTestDbs, openOffice } from '../fixtures/office';
import { leaverHasOpenItems, leavers, resignedSince } from '@renderer/store/queries/leavers';
import { accessAwaitingProvisioning } from '@renderer/store/queries/access';
import type { AccessRequestState } from '@shared/domain/access/state';

afterEach(deleteTestDbs);

const paper = { notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true };
const form = (id: string, employeeId: string, system: string) => ({
  id, employeeId,
  requester: { name: 'Hendra Gunawan', position: 'Kepala Sub Bagian' },
  divisionHead: { name: 'Dra. Ratna Sari', position: 'Kepala Bidang' },
  need: 'Akses untuk tugas harian di bidang keuangan.',
  items: [{ system, level: 'read' as const, scope: '' }],
});


describe('leavers', () => {
  it('lists resigned employees with access in force, approved remainders and assets held', async () => {
    const o = await openOffice({ people: ['technician'] });
    const { db, admin, technician: tech } = o;
    const andi = crypto.randomUUID();
    const siti = crypto.randomUUID();
    const budi = crypto.randomUUID();
    await o.must(tech, { type: 'employee.create', input: { id: andi, nip: '199203032015031002', name: 'Andi Wijaya', department: 'Keuangan', position: '', email: '', status: 'active' } });
    await o.must(tech, { type: 'employee.create', input: { id: siti, nip: '198701012010011001', name: 'Siti Rahmawati', department: 'Sekretariat', position: '', email: '', status: 'active' } });
    await o.must(tech, { type: 'employee.create', input: { id: budi, nip: '198501012010011002', name: 'Budi Santoso', department: 'Umum', position: '', email: '', status: 'active' } });
    // Andi: Email given, HRIS approved only, a laptop handed over.
    const email = crypto.randomUUID();
    const hris = crypto.randomUUID();
    await o.must(tech, { type: 'access.submit', input: form(email, andi, 'Email') });
    await o.must(tech, { type: 'access.submit', input: form(hris, andi, 'HRIS') });
    await o.must(admin, { type: 'access.decide', input: { id: email, approved: true, note: '' } });
    await o.must(admin, { type: 'access.decide', input: { id: hris, approved: true, note: '' } });
    const item = (await db.accessRequests.get(email))!.items[0]!;
    await o.must(tech, { type: 'access.grant', input: { id: email, itemId: item.id, account: 'andi.w', note: '' } });
    const laptop = crypto.randomUUID();
    await o.must(tech, { type: 'asset.create', input: { id: laptop, tag: 'INV-1', serial: 'PF3ABC12', category: 'laptop', brand: 'Lenovo', model: 'T14', purchaseDate: '', warrantyEnd: '', condition: 'good', location: 'Gudang', notes: '', accessories: [] } });
    await o.must(tech, { type: 'handover.issue', input: { id: crypto.randomUUID(), employeeId: andi, items: [{ assetId: laptop, condition: 'good' }], emailPrepared: '', accessPrepared: '', ...paper } });
    o.clock.advance(60);
    await o.must(tech, { type: 'employee.update', input: { id: andi, status: 'resigned' } });
    const andiSince = o.clock.iso;
    // Approved for someone who has left: out of the IT team's provisioning queue (nothing may be
    // granted), left on the leavers list to close. Budi's approved request stays in the queue.
    const budiVpn = crypto.randomUUID();
    await o.must(tech, { type: 'access.submit', input: form(budiVpn, budi, 'VPN') });
    await o.must(admin, { type: 'access.decide', input: { id: budiVpn, approved: true, note: '' } });
    expect((await accessAwaitingProvisioning(db)).map((r) => r.id)).toEqual([budiVpn]);
    o.clock.advance(60);
    // Siti resigned with nothing left; Budi is still in service.
    await o.must(tech, { type: 'employee.update', input: { id: siti, status: 'resigned' } });

    const all = await leavers(db);
    expect(all.map((l) => l.employee.name)).toEqual(['Siti Rahmawati', 'Andi Wijaya']);
    const a = all[1]!;
    expect(a.since).toBe(andiSince);
    expect(a.access.map((x) => [x.grant.system, x.grant.account])).toEqual([['Email', 'andi.w']]);
    expect(a.approvedOpen.map((r: AccessRequestState) => r.id)).toEqual([hris]);
    expect(a.assets.map((x) => x.tag)).toEqual(['INV-1']);
    expect(leaverHasOpenItems(all[0]!)).toBe(false);
    expect((await leavers(db, { openOnly: true })).map((l) => l.employee.name)).toEqual(['Andi Wijaya']);

    // A projection folded before resignedAt existed: the date comes from the employee's events.
    const row = (await db.employees.get(andi))!;
    delete row.resignedAt;
    expect(await resignedSince(db, row)).toBe(andiSince);
  });
});
