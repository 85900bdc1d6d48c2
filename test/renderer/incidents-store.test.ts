// Incidents through the real store: commit() writes event, projection and outbox together (a
// refused step writes nothing), the Dexie v6 indexes answer "waiting for my role" (oldest step
// first, across several roles) and the paged list, and ingest() of the same events elsewhere
// folds the same incident.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleDb } from '../../src/renderer/store/db';
import { commitAs, type TestCommand } from '../fixtures/signing';
import { ingest } from '../../src/renderer/store/ingest';
import { countWaitingFor, incidentListPage, incidentsWaitingFor } from '../../src/renderer/store/queries/incidents';
import type { PasswordHash } from '../../src/shared/domain/user/state';
import type { DomainEvent } from '../../src/shared/events';
import { hashPassword } from '../../src/shared/password';
import type { Actor, Role } from '../../src/shared/roles';

let password: PasswordHash;
beforeAll(async () => {
  password = await hashPassword('Rahasia123', 1000);
});
const opened: ConsoleDb[] = [];
const freshDb = () => {
  const db = new ConsoleDb('test-' + crypto.randomUUID());
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

let t = Date.parse('2026-03-02T01:00:00.000Z');
const now = () => new Date(t);
const advance = (minutes: number) => void (t += minutes * 60_000);

async function must(db: ConsoleDb, actor: Actor, command: TestCommand): Promise<DomainEvent[]> {
  const r = await commitAs(db, actor, command, now);
  if (!r.ok) throw new Error(`${command.type} refused: ${JSON.stringify(r.error)}`);
  return r.data;
}

async function office(db: ConsoleDb) {
  const admin: Actor = { userId: crypto.randomUUID(), roles: ['admin'] };
  await must(db, admin, {
    type: 'org.setUp',
    input: {
      profile: { name: 'Dinas Kominfo', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1, Bandung', timeZone: 'WIB', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15 },
      admin: { id: admin.userId, username: 'admin', displayName: 'Admin', roles: ['admin'], password },
    },
  });
  const make = async (username: string, roles: Role[]): Promise<Actor> => {
    const id = crypto.randomUUID();
    await must(db, admin, { type: 'user.create', input: { id, username, displayName: username, roles, password } });
    return { userId: id, roles };
  };
  return { admin, officer: await make('petugas', ['officer']), lead: await make('kasi', ['security_lead']), tech: await make('teknisi', ['technician']) };
}

const report = (title: string) => ({
  id: crypto.randomUUID(), title, reporterName: 'Siti Rahma', reporterContact: '', detectedAt: new Date(t - 60_000).toISOString(),
  affectedSystems: 'VPN', category: 'intrusion' as const, severity: 'high' as const, description: 'Percobaan login gagal beruntun dari luar negeri.',
});

describe('incidents in the store', () => {
  it('commits steps atomically, refuses out-of-turn steps without writing, and answers the role queues', async () => {
    const db = freshDb();
    const p = await office(db);
    const a = report('Insiden A');
    const b = report('Insiden B');
    await must(db, p.officer, { type: 'incident.report', input: a });
    advance(30);
    await must(db, p.officer, { type: 'incident.report', input: b });
    advance(30);
    // B moves on to the admin first, then A: A's step 2 started later.
    await must(db, p.officer, { type: 'incident.completeStep', input: { id: b.id, step: 1, note: 'Diteruskan' } });
    advance(10);
    await must(db, p.officer, { type: 'incident.completeStep', input: { id: a.id, step: 1, note: 'Diteruskan' } });

    const before = { events: await db.events.count(), outbox: await db.outbox.count(), row: JSON.stringify(await db.incidents.get(a.id)) };
    const refused = await commitAs(db, p.tech, { type: 'incident.completeStep', input: { id: a.id, step: 2, note: 'Saya saja' } }, now);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-your-turn', message: 'incident.errors.notYourTurn', params: { role: 'admin', step: 2 } } });
    expect({ events: await db.events.count(), outbox: await db.outbox.count(), row: JSON.stringify(await db.incidents.get(a.id)) }).toEqual(before);

    expect((await incidentsWaitingFor(db, ['admin'])).map((i) => i.title)).toEqual(['Insiden B', 'Insiden A']);
    expect(await incidentsWaitingFor(db, ['officer', 'technician'])).toEqual([]);
    expect(await countWaitingFor(db, ['admin', 'officer'])).toBe(2);
    await must(db, p.admin, { type: 'incident.completeStep', input: { id: a.id, step: 2, note: 'Tangani' } });
    expect((await incidentsWaitingFor(db, ['security_lead', 'admin'])).map((i) => `${i.title}:${i.turnRole}`)).toEqual(['Insiden B:admin', 'Insiden A:security_lead']);

    const page = await incidentListPage(db, {}, 0, 1);
    expect(page.rows.map((i) => i.title)).toEqual(['Insiden B']);
    expect(page.hasMore).toBe(true);
    expect((await incidentListPage(db, { status: 'closed' })).rows).toEqual([]);
    expect((await incidentListPage(db, { status: 'open' })).rows).toHaveLength(2);

    // Another desk ingesting the same events folds the same incident.
    const other = freshDb();
    await ingest(other, await db.events.orderBy('hlc').toArray());
    expect(await other.incidents.get(a.id)).toEqual(await db.incidents.get(a.id));
    expect((await incidentsWaitingFor(other, ['admin'])).map((i) => i.title)).toEqual(['Insiden B']);
  });
});
