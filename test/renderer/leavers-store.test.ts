/**
 * The leavers query (issue 12 item 19) over a real store (fake-indexeddb): resigned employees
 * only, since when (the fold's resignedAt, or the employee's events for a projection folded
 * before the field existed), their accesses in force, approved requests left to close, and the
 * assets they still hold; "open only" drops those with nothing left.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleDb } from '../../src/renderer/store/db';
import { commitAs, type TestCommand } from '../fixtures/signing';
import { leaverHasOpenItems, leavers, resignedSince } from '../../src/renderer/store/queries/leavers';
import { accessAwaitingProvisioning } from '../../src/renderer/store/queries/access';
import type { AccessRequestState } from '../../src/shared/domain/access/state';
import type { PasswordHash } from '../../src/shared/domain/user/state';
import { hashPassword } from '../../src/shared/password';
import type { Actor } from '../../src/shared/roles';

let password: PasswordHash;
beforeAll(async () => {
  password = await hashPassword('Rahasia123', 1000);
});
const opened: ConsoleDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const ADMIN = crypto.randomUUID();
const TECH = crypto.randomUUID();
const admin: Actor = { userId: ADMIN, roles: ['admin'] };
const tech: Actor = { userId: TECH, roles: ['technician'] };
let t = Date.parse('2026-03-09T01:00:00.000Z');
const now = () => new Date(t);

async function must(db: ConsoleDb, actor: Actor, command: TestCommand) {
  const r = await commitAs(db, actor, command, now);
  if (!r.ok) throw new Error(`${command.type} refused: ${r.error.message}`);
}

const paper = { notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true };
const form = (id: string, employeeId: string, system: string) => ({
  id, employeeId,
  requester: { name: 'Hendra Gunawan', position: 'Kepala Sub Bagian' },
  divisionHead: { name: 'Dra. Ratna Sari', position: 'Kepala Bidang' },
  need: 'Akses untuk tugas harian di bidang keuangan.',
  items: [{ system, level: 'read' as const, scope: '' }],
});

async function office() {
  const db = new ConsoleDb(`test-${crypto.randomUUID()}`);
  opened.push(db);
  t = Date.parse('2026-03-09T01:00:00.000Z');
  await must(db, admin, {
    type: 'org.setUp',
    input: {
      profile: { name: 'Dinas Kominfo', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1', timeZone: 'WIB', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15 },
      admin: { id: ADMIN, username: 'kepala.tik', displayName: 'Kepala Bidang TIK', roles: ['admin'], password },
    },
  });
  await must(db, admin, { type: 'user.create', input: { id: TECH, username: 'rahmat', displayName: 'Rahmat', roles: ['technician'], password } });
  return db;
}

describe('leavers', () => {
  it('lists resigned employees with access in force, approved remainders and assets held', async () => {
    const db = await office();
    const andi = crypto.randomUUID();
    const siti = crypto.randomUUID();
    const budi = crypto.randomUUID();
    await must(db, tech, { type: 'employee.create', input: { id: andi, nip: '199203032015031002', name: 'Andi Wijaya', department: 'Keuangan', position: '', email: '', status: 'active' } });
    await must(db, tech, { type: 'employee.create', input: { id: siti, nip: '198701012010011001', name: 'Siti Rahmawati', department: 'Sekretariat', position: '', email: '', status: 'active' } });
    await must(db, tech, { type: 'employee.create', input: { id: budi, nip: '198501012010011002', name: 'Budi Santoso', department: 'Umum', position: '', email: '', status: 'active' } });
    // Andi: Email given, HRIS approved only, a laptop handed over.
    const email = crypto.randomUUID();
    const hris = crypto.randomUUID();
    await must(db, tech, { type: 'access.submit', input: form(email, andi, 'Email') });
    await must(db, tech, { type: 'access.submit', input: form(hris, andi, 'HRIS') });
    await must(db, admin, { type: 'access.decide', input: { id: email, approved: true, note: '' } });
    await must(db, admin, { type: 'access.decide', input: { id: hris, approved: true, note: '' } });
    const item = (await db.accessRequests.get(email))!.items[0]!;
    await must(db, tech, { type: 'access.grant', input: { id: email, itemId: item.id, account: 'andi.w', note: '' } });
    const laptop = crypto.randomUUID();
    await must(db, tech, { type: 'asset.create', input: { id: laptop, tag: 'INV-1', serial: 'PF3ABC12', category: 'laptop', brand: 'Lenovo', model: 'T14', purchaseDate: '', warrantyEnd: '', condition: 'good', location: 'Gudang', notes: '', accessories: [] } });
    await must(db, tech, { type: 'handover.issue', input: { id: crypto.randomUUID(), employeeId: andi, items: [{ assetId: laptop, condition: 'good' }], emailPrepared: '', accessPrepared: '', ...paper } });
    t += 3_600_000;
    await must(db, tech, { type: 'employee.update', input: { id: andi, status: 'resigned' } });
    const andiSince = new Date(t).toISOString();
    // Approved for someone who has left: out of the IT team's provisioning queue (nothing may be
    // granted), left on the leavers list to close. Budi's approved request stays in the queue.
    const budiVpn = crypto.randomUUID();
    await must(db, tech, { type: 'access.submit', input: form(budiVpn, budi, 'VPN') });
    await must(db, admin, { type: 'access.decide', input: { id: budiVpn, approved: true, note: '' } });
    expect((await accessAwaitingProvisioning(db)).map((r) => r.id)).toEqual([budiVpn]);
    t += 3_600_000;
    // Siti resigned with nothing left; Budi is still in service.
    await must(db, tech, { type: 'employee.update', input: { id: siti, status: 'resigned' } });

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
