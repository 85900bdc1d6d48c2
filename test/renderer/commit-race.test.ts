/**
 * commit() decides on one consistent read, signs outside any transaction, and writes only if
 * nothing moved in between (the write stamp and the chain head): commits racing in one
 * console never write a decision made on state that has since changed.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleDb, type WriteStampRow } from '@renderer/store/db';
import { ingest } from '@renderer/store/ingest';
import { commitAs, type TestCommand } from '../fixtures/signing';
import { verifyChain } from '@shared/events';
import type { Actor } from '@shared/roles';
import { deleteTestDbs, openOffice, registrationInput, testDb } from '../fixtures/office';

afterEach(deleteTestDbs);

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

/** The office, with two people who may decide a visit the officer registered. */
async function office() {
  const o = await openOffice({ people: ['officer', 'approver', 'officerApprover'] });
  return { db: o.db, officer: o.officer, approver: o.approver, approver2: o.officerApprover, must: (actor: Actor, command: TestCommand) => o.must(actor, command) };
}

const registration = () => registrationInput({ devices: [] });

describe('commit: racing commits in one console', () => {
  it('two decisions on one visit: one is written, the other is decided again on the new state and refused', async () => {
    const people = await office();
    const db = people.db;
    const visit = registration();
    await people.must(people.officer, { type: 'visit.register', input: visit });
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
    const people = await office();
    const db = people.db;
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
    const people = await office();
    const desk = people.db;
    const other = testDb();
    const stamp = async (db: ConsoleDb) => ((await db.lists.get('writeStamp')) as WriteStampRow | undefined)?.stamp;
    expect(await stamp(other)).toBeUndefined();
    await ingest(other, await desk.events.toArray());
    const first = await stamp(other);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    const visit = registration();
    await people.must(people.officer, { type: 'visit.register', input: visit });
    await ingest(other, await desk.events.where('[kind+recordId]').equals(['visit', visit.id]).toArray());
    expect(await stamp(other)).not.toBe(first);
    expect(await stamp(desk)).not.toBe(await stamp(other));
  });
});

