/**
 * The server-room desk's store questions: the approvals queue lists only the visits the
 * signed-in user may decide (separation of duties) and counts the same, and the store answers
 * "which open visit holds this card" from the open-visits row, so commit() refuses a second
 * registration of a held card and writes nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleDb } from '../../src/renderer/store/db';
import { dexieLookups } from '../../src/renderer/store/commit';
import { countAwaitingDecisionBy, countOwnAwaitingApproval, visitsAwaitingApproval, visitsAwaitingDecisionBy } from '../../src/renderer/store/queries/visits';
import { commitAs, type TestCommand } from '../fixtures/signing';
import { hashPassword } from '../../src/shared/password';
import type { PasswordHash } from '../../src/shared/domain/user/state';
import type { Actor, Role } from '../../src/shared/roles';

let password: PasswordHash;
beforeAll(async () => {
  password = await hashPassword('Rahasia123', 1000);
});

const opened: ConsoleDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const now = () => new Date('2026-03-02T01:00:00.000Z');
const ADMIN: Actor = { userId: crypto.randomUUID(), roles: ['admin'] };

async function must(db: ConsoleDb, actor: Actor, command: TestCommand) {
  const r = await commitAs(db, actor, command, now);
  if (!r.ok) throw new Error(`${command.type} refused: ${JSON.stringify(r.error)}`);
  return r.data;
}

async function office() {
  const db = new ConsoleDb('test-' + crypto.randomUUID());
  opened.push(db);
  await must(db, ADMIN, {
    type: 'org.setUp',
    input: {
      profile: { name: 'Diskominfo', unit: 'Bidang TIK', address: 'Jl. Merdeka 1', timeZone: 'WIB', badgePool: ['B-01', 'B-02'], docPrefix: 'TIK', idleLockMinutes: 15 },
      admin: { id: ADMIN.userId, username: 'kepala', displayName: 'Kepala', roles: ['admin'], password },
    },
  });
  const make = async (username: string, roles: Role[]): Promise<Actor> => {
    const id = crypto.randomUUID();
    await must(db, ADMIN, { type: 'user.create', input: { id, username, displayName: username, roles, password } });
    return { userId: id, roles };
  };
  return { db, both: await make('budi', ['officer', 'approver']), officer: await make('rina', ['officer']), approver: await make('sari', ['approver']) };
}

const visit = (idNumber: string, visitorName = 'Rudi Hermawan') =>
  ({
    type: 'visit.register',
    input: {
      id: crypto.randomUUID(), visitorName, idType: 'ktp', idNumber, organisation: 'PT Data Nusantara', phone: '081234567890',
      purpose: 'Penggantian disk', workPlan: 'Mengganti disk yang rusak', plannedMinutes: 60, devices: [],
    },
  }) as const satisfies TestCommand;

const asUser = (a: Actor) => ({ id: a.userId, roles: a.roles });

describe('the approvals queue', () => {
  it('lists and counts only the visits this user may decide, never their own registrations', async () => {
    const { db, both, officer, approver } = await office();
    const own = visit('3171011203850001', 'Registered by Budi');
    const other = visit('3171011203850002', 'Registered by Rina');
    await must(db, both, own);
    await must(db, officer, other);

    // Both registered at the same instant (the tests' clock): the index orders such ties by id.
    const names = async (p: Promise<{ visitorName: string }[]>) => (await p).map((v) => v.visitorName).sort();
    expect(await names(visitsAwaitingApproval(db))).toEqual(['Registered by Budi', 'Registered by Rina']);
    // Budi registered one: he may decide only Rina's.
    expect((await visitsAwaitingDecisionBy(db, asUser(both))).map((v) => v.visitorName)).toEqual(['Registered by Rina']);
    // Sari registered neither: both are hers to decide.
    expect(await names(visitsAwaitingDecisionBy(db, asUser(approver)))).toEqual(['Registered by Budi', 'Registered by Rina']);
    // An officer decides nothing.
    expect(await visitsAwaitingDecisionBy(db, asUser(officer))).toEqual([]);
    // The nav count and the "your own registrations" line count the same, from the index.
    expect(await countAwaitingDecisionBy(db, asUser(both))).toBe(1);
    expect(await countAwaitingDecisionBy(db, asUser(approver))).toBe(2);
    expect(await countAwaitingDecisionBy(db, asUser(officer))).toBe(0);
    expect(await countOwnAwaitingApproval(db, both.userId)).toBe(1);
    expect(await countOwnAwaitingApproval(db, approver.userId)).toBe(0);

    // And every visit listed is one the domain lets that user decide.
    for (const v of await visitsAwaitingDecisionBy(db, asUser(both))) {
      expect((await commitAs(db, both, { type: 'visit.decide', input: { id: v.id, approved: true } }, now)).ok).toBe(true);
    }
    expect(await visitsAwaitingDecisionBy(db, asUser(both))).toEqual([]);
    expect(await countAwaitingDecisionBy(db, asUser(both))).toBe(0);
    expect(await countOwnAwaitingApproval(db, both.userId)).toBe(1);
    const refused = await commitAs(db, both, { type: 'visit.decide', input: { id: own.input.id, approved: true } }, now);
    expect(refused).toMatchObject({ ok: false, error: { code: 'self-approval' } });
  });
});

describe('one held card, one open visit (the store)', () => {
  it('finds the open visit holding a card, and commit() refuses a second registration, writing nothing', async () => {
    const { db, officer, approver } = await office();
    const first = visit('3171011203850001');
    await must(db, officer, first);
    expect(await dexieLookups(db).idDocumentHolder('ktp', '3171011203850001')).toBe(first.input.id);
    expect(await dexieLookups(db).idDocumentHolder('sim', '3171011203850001')).toBeUndefined();

    const events = await db.events.count();
    const again = await commitAs(db, officer, visit('3171 0112 0385 0001', 'Rudi H.'), now);
    expect(again).toMatchObject({ ok: false, error: { code: 'id-held', field: 'idNumber', params: { visitId: first.input.id, name: 'Rudi Hermawan' } } });
    expect(await db.events.count()).toBe(events);

    // Refused: the card goes back, and the same card may come in again.
    await must(db, approver, { type: 'visit.decide', input: { id: first.input.id, approved: false, reason: 'Tidak ada surat tugas' } });
    expect(await dexieLookups(db).idDocumentHolder('ktp', '3171011203850001')).toBeUndefined();
    await must(db, officer, visit('3171011203850001'));
  });
});
