import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteTestDbs, openOffice, testDb } from '../fixtures/office';
import { exportBundle, importBundle } from '@renderer/sync/bundles';
import { readBundle } from '@shared/sync/bundle';
import { newId } from '@shared/ids';

afterEach(deleteTestDbs);

/** An office whose admin also works the desk, with one visit registered: three events. */
async function office() {
  const o = await openOffice({ adminRoles: ['admin', 'officer'] });
  const visitId = newId();
  await o.must(o.admin, {
    type: 'visit.register',
    input: { id: visitId, visitorName: 'Rina Marlina', idType: 'passport', idNumber: 'C1234567', organisation: 'PT Awan', phone: '081298765432', purpose: 'Audit rak server', workPlan: 'Memeriksa kabel', plannedMinutes: 60, devices: [] },
  });
  return { db: o.db, visitId };
}

describe('file bundles', () => {
  it('carry an office to a new device, and importing twice changes nothing', async () => {
    const { db, visitId } = await office();
    const made = await exportBundle(db, '');
    expect(made?.bundle.events).toHaveLength(3);
    const text = JSON.stringify(made!.bundle);
    const other = testDb();
    expect(await importBundle(other, text)).toEqual({ ok: true, data: { imported: 3, total: 3, refused: 0 } });
    expect((await other.visits.get(visitId))?.visitorName).toBe('Rina Marlina');
    expect(await importBundle(other, text)).toEqual({ ok: true, data: { imported: 0, total: 3, refused: 0 } });
    expect(await other.events.count()).toBe(3);
  });

  it('export only what is new since the last bundle', async () => {
    const { db } = await office();
    const first = await exportBundle(db, '');
    const second = await exportBundle(db, first!.upTo);
    expect(second?.bundle.events).toHaveLength(0);
  });

  it('refuse a damaged, a foreign and a non-bundle file, writing nothing', async () => {
    const { db } = await office();
    const made = await exportBundle(db, '');
    const damaged = JSON.parse(JSON.stringify(made!.bundle));
    damaged.events[2].payload.visitorName = 'Orang Lain';
    expect(readBundle(JSON.stringify(damaged), undefined)).toMatchObject({ ok: false, error: { code: 'damaged' } });
    const rehashed = { ...damaged, eventsSha256: made!.bundle.eventsSha256 };
    expect(readBundle(JSON.stringify(rehashed), undefined)).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(readBundle('{"hello":1}', undefined)).toMatchObject({ ok: false, error: { code: 'not-a-bundle' } });
    expect(readBundle('not json', undefined)).toMatchObject({ ok: false, error: { code: 'not-a-bundle' } });
    const { db: elsewhere } = await office();
    const before = await elsewhere.events.count();
    expect(await importBundle(elsewhere, JSON.stringify(made!.bundle))).toMatchObject({ ok: false, error: { code: 'foreign', message: 'sync.bundle.errors.foreign' } });
    expect(await elsewhere.events.count()).toBe(before);
  });
});
