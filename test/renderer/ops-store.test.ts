/**
 * The office day in the store (fake-indexeddb): two consoles record the same day offline, then
 * exchange their events in either order; both end with the same projection, the fold of every
 * event in HLC order. Days with an open disruption are found by the `openDisruptions` index.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleDb } from '@renderer/store/db';
import { deleteTestDbs, openOffice } from '../fixtures/office';
import type { TestCommand } from '../fixtures/signing';
import { ingest } from '@renderer/store/ingest';
import { daysWithOpenDisruptions, opsDays } from '@renderer/store/queries/ops';
import { foldRecord } from '@shared/domain/registry';
import type { Actor } from '@shared/roles';

afterEach(deleteTestDbs);

// 08.00 WIB on Monday 9 March 2026.
const DAY = '2026-03-09';

/** Two consoles of one office: the first set it up, the second took in its events. */
async function twoConsoles() {
  const o = await openOffice({ people: ['officer'] });
  const b = await o.anotherConsole();
  const must = (db: ConsoleDb, actor: Actor, command: TestCommand) => o.must(actor, command, { on: db });
  return { o, a: o.db, b, must, admin: o.admin, officer: o.officer, ADMIN: o.admin.userId, OFFICER: o.officer.userId };
}

const dayEvents = (db: ConsoleDb) => db.events.where('[kind+recordId]').equals(['opsday', DAY]).toArray();

describe('the office day in the store', () => {
  it("merges two consoles' records of one day, whichever order the events arrive in", async () => {
    const { o, a, b, must, admin, officer, ADMIN, OFFICER } = await twoConsoles();
    o.clock.advance(1);
    await must(a, officer, { type: 'opsday.checkNetwork', input: { date: DAY, items: [{ item: 'internet', ok: true, note: '' }, { item: 'wifi', ok: false, note: 'AP lantai 2 mati' }] } });
    await must(b, admin, { type: 'opsday.recordBackup', input: { date: DAY, runs: [{ job: 'Database aplikasi', target: 'local', ok: true, note: '' }] } });
    o.clock.advance(1);
    await must(b, admin, { type: 'opsday.checkNetwork', input: { date: DAY, items: [{ item: 'wifi', ok: true, note: 'AP diganti' }] } });
    await must(a, officer, { type: 'opsday.openDisruption', input: { date: DAY, disruptionId: crypto.randomUUID(), source: 'isp', system: 'Internet kantor', startedAt: '2026-03-09T07:30:00+07:00', actions: '' } });
    const fromA = await dayEvents(a);
    const fromB = await dayEvents(b);
    // b receives a's events newest first, a receives b's in order.
    await ingest(b, [...fromA].reverse());
    await ingest(a, fromB);
    const [onA] = await opsDays(a, [DAY]);
    const [onB] = await opsDays(b, [DAY]);
    expect(onA).toEqual(onB);
    expect(onA).toEqual(foldRecord('opsday', [...fromA, ...fromB]));
    expect(onA!.checks.wifi).toMatchObject({ ok: true, note: 'AP diganti', by: ADMIN });
    expect(onA!.checks.internet).toMatchObject({ ok: true, by: OFFICER });
    expect(onA!.backups).toHaveLength(1);
    expect((await daysWithOpenDisruptions(b)).map((d) => d.id)).toEqual([DAY]);
  });

  it('leaves the open-disruption list when the disruption is resolved the next day, on its start day', async () => {
    const { o, a, must, officer, OFFICER } = await twoConsoles();
    const disruptionId = crypto.randomUUID();
    await must(a, officer, { type: 'opsday.openDisruption', input: { date: DAY, disruptionId, source: 'power', system: 'Ruang server', startedAt: '2026-03-09T07:50:00+07:00', actions: 'UPS aktif' } });
    o.clock.advance(24 * 60);
    await must(a, officer, { type: 'opsday.resolveDisruption', input: { date: DAY, disruptionId, resolvedAt: '2026-03-10T07:50:00+07:00', resolution: 'Listrik PLN normal kembali' } });
    expect(await daysWithOpenDisruptions(a)).toEqual([]);
    const [day, next] = await opsDays(a, [DAY, '2026-03-10']);
    expect(day!.disruptions[0]).toMatchObject({ minutes: 24 * 60, resolvedBy: OFFICER });
    expect(next).toBeUndefined();
  });
});
