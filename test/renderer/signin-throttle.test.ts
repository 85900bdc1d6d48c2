/**
 * The sign-in throttle's rows in Dexie (fake-indexeddb): kept in `meta`, one per username,
 * surviving a reopened database (a page reload), never in the event log or the outbox.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleDb } from '@renderer/store/db';
import { clearSignInFailures, noteSignInFailure, signInAllowed } from '@renderer/store/signin-throttle';

const T0 = Date.parse('2026-03-09T01:00:00.000Z');
const opened: ConsoleDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
const open = (name: string) => {
  const db = new ConsoleDb(name);
  opened.push(db);
  return db;
};

describe('sign-in throttle store', () => {
  it('locks a username after five failures, across a reload, without writing events', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const db = open(name);
    for (let i = 0; i < 4; i++) expect(await noteSignInFailure(db, 'Admin', T0 + i)).toEqual({ allowed: true });
    expect(await noteSignInFailure(db, 'admin', T0 + 4)).toEqual({ allowed: false, waitMs: 30_000 });
    expect(await db.meta.get('signin-throttle:admin')).toMatchObject({ failures: 5 });
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    db.close();

    const reloaded = open(name);
    expect(await signInAllowed(reloaded, ' ADMIN ', T0 + 10_004)).toEqual({ allowed: false, waitMs: 20_000 });
    expect(await signInAllowed(reloaded, 'rahmat', T0 + 10_004)).toEqual({ allowed: true });
    expect(await signInAllowed(reloaded, 'admin', T0 + 30_004)).toEqual({ allowed: true });
    await clearSignInFailures(reloaded, 'admin');
    expect(await reloaded.meta.get('signin-throttle:admin')).toBeUndefined();
  });

  it('throttles a username nobody has exactly like a known one', async () => {
    const db = open(`test-${crypto.randomUUID()}`);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await noteSignInFailure(db, 'tidak.ada', T0));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, false]);
  });
});
