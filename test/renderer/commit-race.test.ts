/**
 * commit() decides on one consistent read, signs outside any transaction, and writes only if
 * nothing moved in between (the write stamp and the chain head): commits racing in one
 * console never write a decision made on state that has since changed.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleDb, type OpenVisitsRow, type WriteStampRow } from '@renderer/store/db';
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
  return {
    db: o.db,
    officer: o.officer,
    approver: o.approver,
    approver2: o.officerApprover,
    must: (actor: Actor, command: TestCommand, opts?: { on?: ConsoleDb }) => o.must(actor, command, opts),
    anotherConsole: () => o.anotherConsole(),
  };
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

/** Which transactions (by mode) commit() opens on `db`; `before` runs (awaited) before the first write transaction. */
function transactionsOf(db: ConsoleDb, before?: () => Promise<unknown>) {
  const modes: string[] = [];
  const real = db.transaction.bind(db) as (...args: unknown[]) => unknown;
  vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
    modes.push(String(args[0]));
    if (args[0] !== 'rw' || !before) return real(...args);
    const first = before;
    before = undefined;
    return first().then(() => real(...args));
  }) as never);
  return modes;
}

/** The whole database, row by row (the write stamp aside). */
async function everything(db: ConsoleDb) {
  const all: Record<string, unknown[]> = {};
  for (const t of db.tables) all[t.name] = await t.toArray();
  all['lists'] = (all['lists'] as { key: string }[]).filter((r) => r.key !== 'writeStamp');
  return all;
}

describe('commit: deciding on what this tab already knows', () => {
  it("a commit that follows this tab's own decides with no read transaction: one write transaction", async () => {
    const people = await office();
    const visit = registration();
    await people.must(people.officer, { type: 'visit.register', input: visit });
    await people.must(people.approver, { type: 'visit.decide', input: { id: visit.id, approved: true } });
    const modes = transactionsOf(people.db);
    await people.must(people.officer, { type: 'visit.issueBadge', input: { id: visit.id, badge: 'B-01', escortId: people.approver2.userId } });
    await people.must(people.officer, { type: 'visit.enter', input: { id: visit.id } });
    // A new visit: its id is not known, taken as absent and checked by the write.
    await people.must(people.officer, { type: 'visit.register', input: registration() });
    expect(modes).toEqual(['rw', 'rw', 'rw']);
    expect((await people.db.visits.get(visit.id))?.status).toBe('inside');
    expect(verifyChain(await people.db.events.toArray())).toEqual([]);
  });

  it('a write by another connection between two commits is seen: the decision is made again on what it wrote', async () => {
    const people = await office();
    const tab = people.db;
    const visit = registration();
    await people.must(people.officer, { type: 'visit.register', input: visit });
    await people.must(people.officer, { type: 'visit.register', input: registration() });
    // Another tab of the same console (its own Dexie connection) refuses the visit.
    const otherTab = new ConsoleDb(tab.name);
    await people.must(people.approver2, { type: 'visit.decide', input: { id: visit.id, approved: false, reason: 'Tidak ada jadwal' } }, { on: otherTab });
    // This tab last knew the visit awaiting approval: approving it now must be refused.
    const modes = transactionsOf(tab);
    const late = await commitAs(tab, people.approver, { type: 'visit.decide', input: { id: visit.id, approved: true } });
    expect(late.ok).toBe(false);
    expect(modes).toContain('r');
    const events = await tab.events.where('[kind+recordId]').equals(['visit', visit.id]).toArray();
    expect(events.map((e) => e.type).filter((t) => t === 'visit.approved' || t === 'visit.refused')).toEqual(['visit.refused']);
    expect((await tab.visits.get(visit.id))?.status).toBe('refused');
    expect(verifyChain(await tab.events.toArray())).toEqual([]);
    otherTab.close();
  });

  it('a write after the decision on the known state aborts the write, and the command is decided again', async () => {
    const people = await office();
    const tab = people.db;
    const visit = registration();
    await people.must(people.officer, { type: 'visit.register', input: visit });
    await people.must(people.approver, { type: 'visit.decide', input: { id: visit.id, approved: true } });
    const otherTab = new ConsoleDb(tab.name);
    // The other tab cancels the visit after this tab decided its badge issue on what it knows.
    const modes = transactionsOf(tab, () => people.must(people.officer, { type: 'visit.cancel', input: { id: visit.id, reason: 'Pengunjung batal datang' } }, { on: otherTab }));
    const issuing = commitAs(tab, people.officer, { type: 'visit.issueBadge', input: { id: visit.id, badge: 'B-01', escortId: people.approver2.userId } });
    const issued = await issuing;
    expect(issued.ok).toBe(false);
    expect(modes[0]).toBe('rw');
    expect(modes).toContain('r');
    const state = await tab.visits.get(visit.id);
    expect(state).toMatchObject({ status: 'cancelled' });
    expect(state?.badgeOut).toBeUndefined();
    expect(((await tab.lists.get('openVisits')) as OpenVisitsRow).badges).toEqual({});
    expect(verifyChain(await tab.events.toArray())).toEqual([]);
    otherTab.close();
  });

  it('a record taken as absent that another connection has made is found by the write: the command is refused', async () => {
    const people = await office();
    const tab = people.db;
    await people.must(people.officer, { type: 'visit.register', input: registration() });
    const visit = registration();
    const otherTab = new ConsoleDb(tab.name);
    await people.must(people.officer, { type: 'visit.register', input: visit }, { on: otherTab });
    const before = await everything(tab);
    const again = await commitAs(tab, people.officer, { type: 'visit.register', input: { ...visit, visitorName: 'Orang Lain' } });
    expect(again.ok).toBe(false);
    expect(await everything(tab)).toEqual(before);
    otherTab.close();
  });

  it('a record written before this tab knew anything (a reload, a form sent twice) is found by the write: the command is refused', async () => {
    const people = await office();
    const visit = registration();
    await people.must(people.officer, { type: 'visit.register', input: visit });
    // The page reloaded: a new connection knows nothing until its first commit.
    const reloaded = new ConsoleDb(people.db.name);
    await people.must(people.officer, { type: 'visit.register', input: registration() }, { on: reloaded });
    const before = await everything(reloaded);
    const modes = transactionsOf(reloaded);
    const again = await commitAs(reloaded, people.officer, { type: 'visit.register', input: visit });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('exists');
    expect(modes).toEqual(['rw', 'r']);
    expect(await everything(reloaded)).toEqual(before);
    reloaded.close();
  });

  it('a pull (ingest) into the tab between two commits is seen', async () => {
    const people = await office();
    const desk = people.db;
    const laptop = await people.anotherConsole();
    const visit = registration();
    await people.must(people.officer, { type: 'visit.register', input: visit });
    await ingest(laptop, await desk.events.where('[kind+recordId]').equals(['visit', visit.id]).toArray());
    await people.must(people.approver, { type: 'visit.decide', input: { id: visit.id, approved: false, reason: 'Tidak ada jadwal' } }, { on: laptop });
    await ingest(desk, await laptop.events.where('[kind+recordId]').equals(['visit', visit.id]).toArray());
    const late = await commitAs(desk, people.approver2, { type: 'visit.decide', input: { id: visit.id, approved: true } });
    expect(late.ok).toBe(false);
    expect((await desk.visits.get(visit.id))?.status).toBe('refused');
  });

  it('one card, one visit: the held ID documents are kept in the open-visits row', async () => {
    const people = await office();
    const db = people.db;
    const first = registration();
    await people.must(people.officer, { type: 'visit.register', input: first });
    const held = async () => ((await db.lists.get('openVisits')) as OpenVisitsRow).held;
    expect(await held()).toEqual({ [first.id]: `ktp:${first.idNumber}` });
    const second = { ...registration(), idNumber: first.idNumber };
    const refused = await commitAs(db, people.officer, { type: 'visit.register', input: second });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'id-held', field: 'idNumber' });
    await people.must(people.officer, { type: 'visit.cancel', input: { id: first.id, reason: 'Pengunjung batal datang' } });
    expect(await held()).toEqual({});
    await people.must(people.officer, { type: 'visit.register', input: second });
    expect(await held()).toEqual({ [second.id]: `ktp:${first.idNumber}` });
  });
});

