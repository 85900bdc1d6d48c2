/**
 * commit() decides on one consistent read, signs outside any transaction, and writes only if
 * nothing moved in between (the write stamp and the chain head): commits racing in one
 * console never write a decision made on state that has since changed.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleDb, type WriteStampRow } from '../../src/renderer/store/db';
import { ingest } from '../../src/renderer/store/ingest';
import { commitAs, type TestCommand } from '../fixtures/signing';
import type { Command } from '../../src/shared/domain/registry';
import type { PasswordHash } from '../../src/shared/domain/user/state';
import { verifyChain } from '../../src/shared/events';
import { hashPassword } from '../../src/shared/password';
import type { Actor, Role } from '../../src/shared/roles';
import { nikFor } from '../fixtures/cards';

let password: PasswordHash;
beforeAll(async () => {
  password = await hashPassword('Rahasia123', 1000);
});

const opened: ConsoleDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
function freshDb(): ConsoleDb {
  const db = new ConsoleDb('race-' + crypto.randomUUID());
  opened.push(db);
  return db;
}

/** A clock that counts how often commit() starts an attempt (it reads the time once each). */
function countingClock(start = '2026-03-02T01:00:00.000Z') {
  const t = new Date(start).getTime();
  const clock = () => {
    clock.calls += 1;
    return new Date(t + clock.calls);
  };
  clock.calls = 0;
  return clock;
}

async function must(db: ConsoleDb, actor: Actor, command: TestCommand): Promise<void> {
  const r = await commitAs(db, actor, command);
  if (!r.ok) throw new Error(`${command.type} refused: ${JSON.stringify(r.error)}`);
}

async function office(db: ConsoleDb) {
  const admin: Actor = { userId: crypto.randomUUID(), roles: ['admin'] };
  await must(db, admin, {
    type: 'org.setUp',
    input: {
      profile: { name: 'Dinas Kominfo', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1', timeZone: 'WIB', badgePool: ['B-01', 'B-02'], docPrefix: 'TIK', idleLockMinutes: 15 },
      admin: { id: admin.userId, username: 'kepala.tik', displayName: 'Kepala Bidang TIK', roles: ['admin'], password },
    },
  });
  const make = async (username: string, roles: Role[]): Promise<Actor> => {
    const id = crypto.randomUUID();
    await must(db, admin, { type: 'user.create', input: { id, username, displayName: `Pengguna ${username}`, roles, password } });
    return { userId: id, roles };
  };
  return { officer: await make('petugas1', ['officer']), approver: await make('kasubag', ['approver']), approver2: await make('kabid', ['approver']) };
}

const registration = (id = crypto.randomUUID()) =>
  ({
    id,
    visitorName: 'Budi Santoso',
    idType: 'ktp',
    idNumber: nikFor(id),
    organisation: 'PT Maju Jaya',
    phone: '081234567890',
    purpose: 'Perbaikan server',
    workPlan: 'Mengganti disk yang rusak di rak 2',
    plannedMinutes: 60,
    devices: [],
  }) as Extract<Command, { type: 'visit.register' }>['input'];

describe('commit: racing commits in one console', () => {
  it('two decisions on one visit: one is written, the other is decided again on the new state and refused', async () => {
    const db = freshDb();
    const people = await office(db);
    const visit = registration();
    await must(db, people.officer, { type: 'visit.register', input: visit });
    const [c1, c2] = [countingClock(), countingClock()];
    const [yes, no] = await Promise.all([
      commitAs(db, people.approver, { type: 'visit.decide', input: { id: visit.id, approved: true } }, c1),
      commitAs(db, people.approver2, { type: 'visit.decide', input: { id: visit.id, approved: false, reason: 'Tidak ada jadwal pemeliharaan' } }, c2),
    ]);
    // Both decided on the same state (a visit awaiting a decision) before either wrote.
    expect([c1.calls, c2.calls].sort()).toEqual([1, 2]);
    expect([yes.ok, no.ok].filter(Boolean)).toHaveLength(1);
    const refused = yes.ok ? no : yes;
    expect(refused.ok).toBe(false);
    const events = await db.events.where('[kind+recordId]').equals(['visit', visit.id]).toArray();
    expect(events.map((e) => e.type).filter((t) => t === 'visit.approved' || t === 'visit.refused')).toHaveLength(1);
    const state = await db.visits.get(visit.id);
    expect(state?.status).toBe(yes.ok ? 'approved' : 'refused');
    expect(verifyChain(await db.events.toArray())).toEqual([]);
    expect(await db.outbox.count()).toBe(await db.events.count());
  });

  it('two registrations at once: both are written, the second chained after the first', async () => {
    const db = freshDb();
    const people = await office(db);
    const [c1, c2] = [countingClock(), countingClock()];
    const [a, b] = await Promise.all([
      commitAs(db, people.officer, { type: 'visit.register', input: registration() }, c1),
      commitAs(db, people.officer, { type: 'visit.register', input: registration() }, c2),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect([c1.calls, c2.calls].sort()).toEqual([1, 2]);
    const all = (await db.events.toArray()).sort((x, y) => x.deviceSeq - y.deviceSeq);
    expect(all.map((e) => e.deviceSeq)).toEqual(all.map((_, i) => i + 1));
    expect(verifyChain(all)).toEqual([]);
    const open = await db.lists.get('openVisits');
    expect((open as { ids: string[] }).ids).toHaveLength(2);
  });

  it('every projection write replaces the write stamp, a pull (ingest) too, so a decision made before it is decided again', async () => {
    const desk = freshDb();
    const people = await office(desk);
    const other = freshDb();
    const stamp = async (db: ConsoleDb) => ((await db.lists.get('writeStamp')) as WriteStampRow | undefined)?.stamp;
    expect(await stamp(other)).toBeUndefined();
    await ingest(other, await desk.events.toArray());
    const first = await stamp(other);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    const visit = registration();
    await must(desk, people.officer, { type: 'visit.register', input: visit });
    await ingest(other, await desk.events.where('[kind+recordId]').equals(['visit', visit.id]).toArray());
    expect(await stamp(other)).not.toBe(first);
    expect(await stamp(desk)).not.toBe(await stamp(other));
  });
});

