// Incidents through the real store: commit() writes event, projection and outbox together (a
// refused step writes nothing), the Dexie v6 indexes answer "waiting for my role" (oldest step
// first, across several roles) and the paged list, and ingest() of the same events elsewhere
// folds the same incident.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteTestDbs, openOffice, type TestClock } from '../fixtures/office';
import { countWaitingFor, incidentListPage, incidentsWaitingFor } from '@renderer/store/queries/incidents';

afterEach(deleteTestDbs);

const report = (clock: TestClock, title: string) => ({
  id: crypto.randomUUID(), title, reporterName: 'Siti Rahma', reporterContact: '', detectedAt: new Date(clock.ms - 60_000).toISOString(),
  affectedSystems: 'VPN', category: 'intrusion' as const, severity: 'high' as const, description: 'Percobaan login gagal beruntun dari luar negeri.',
});

describe('incidents in the store', () => {
  it('commits steps atomically, refuses out-of-turn steps without writing, and answers the role queues', async () => {
    // Monday 2 March 2026, 08.00 WIB: an officer reports, the admin, security lead and technician take their steps.
    const o = await openOffice({ people: ['officer', 'lead', 'technician'], at: '2026-03-02T01:00:00.000Z' });
    const { db } = o;
    const p = { admin: o.admin, officer: o.officer, lead: o.lead, tech: o.technician };
    const advance = o.clock.advance;
    const a = report(o.clock, 'Insiden A');
    const b = report(o.clock, 'Insiden B');
    await o.must(p.officer, { type: 'incident.report', input: a });
    advance(30);
    await o.must(p.officer, { type: 'incident.report', input: b });
    advance(30);
    // B moves on to the admin first, then A: A's step 2 started later.
    await o.must(p.officer, { type: 'incident.completeStep', input: { id: b.id, step: 1, note: 'Diteruskan' } });
    advance(10);
    await o.must(p.officer, { type: 'incident.completeStep', input: { id: a.id, step: 1, note: 'Diteruskan' } });

    const before = { events: await db.events.count(), outbox: await db.outbox.count(), row: JSON.stringify(await db.incidents.get(a.id)) };
    const refused = await o.commit(p.tech, { type: 'incident.completeStep', input: { id: a.id, step: 2, note: 'Saya saja' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-your-turn', message: 'incident.errors.notYourTurn', params: { role: 'admin', step: 2 } } });
    expect({ events: await db.events.count(), outbox: await db.outbox.count(), row: JSON.stringify(await db.incidents.get(a.id)) }).toEqual(before);

    expect((await incidentsWaitingFor(db, ['admin'])).map((i) => i.title)).toEqual(['Insiden B', 'Insiden A']);
    expect(await incidentsWaitingFor(db, ['officer', 'technician'])).toEqual([]);
    expect(await countWaitingFor(db, ['admin', 'officer'])).toBe(2);
    await o.must(p.admin, { type: 'incident.completeStep', input: { id: a.id, step: 2, note: 'Tangani' } });
    expect((await incidentsWaitingFor(db, ['security_lead', 'admin'])).map((i) => `${i.title}:${i.turnRole}`)).toEqual(['Insiden B:admin', 'Insiden A:security_lead']);

    const page = await incidentListPage(db, {}, 0, 1);
    expect(page.rows.map((i) => i.title)).toEqual(['Insiden B']);
    expect(page.hasMore).toBe(true);
    expect((await incidentListPage(db, { status: 'closed' })).rows).toEqual([]);
    expect((await incidentListPage(db, { status: 'open' })).rows).toHaveLength(2);

    // Another desk ingesting the same events folds the same incident.
    const other = await o.anotherConsole();
    expect(await other.incidents.get(a.id)).toEqual(await db.incidents.get(a.id));
    expect((await incidentsWaitingFor(other, ['admin'])).map((i) => i.title)).toEqual(['Insiden B']);
  });
});
