// The push's overlay (src/server/sync/batch.ts): the badge and ID-card lookups answer from the
// visits this push changed first — kept in an index as each visit changes, so a push of
// thousands of visits does not scan them all per lookup — and from the database for the rest.
import { describe, expect, it } from 'vitest';
import { Overlay } from '../../src/server/sync/batch';
import type { VisitState } from '@shared/domain/visit/state';
import type { Queryable } from '../../src/server/db/db';

/** A database holding visits `held` (their ID cards at the desk) and `badges` (badge → visit id), as the overlay queries them. */
function fakeDb(stored: { held?: Partial<VisitState>[]; badges?: Record<string, string> }): Queryable {
  return {
    async query<T>(sql: string): Promise<T[]> {
      if (sql.includes("'idHeld'")) return (stored.held ?? []).map((state) => ({ record_id: state.id, state })) as T[];
      if (sql.includes("'badgeOut' AS badge")) return Object.entries(stored.badges ?? {}).map(([badge, record_id]) => ({ record_id, badge })) as T[];
      return [];
    },
  };
}

const visit = (id: string, fields: Partial<VisitState>): VisitState =>
  ({ id, status: 'awaiting_approval', idHeld: true, idType: 'ktp', idNumber: '3201010101010001', ...fields }) as VisitState;

describe('Overlay lookups', () => {
  it('follows a badge as the push moves it: given back by one visit, taken by the next', async () => {
    const o = new Overlay(fakeDb({ badges: { 'B-01': 'stored-1' } }));
    await o.loadBadges();
    const ask = (badge: string) => o.lookups().badgeHolder(badge);
    expect(await ask('B-01')).toBe('stored-1');
    // The stored holder checks out in this push: the badge is free.
    o.set('visit', 'stored-1', visit('stored-1', { status: 'checked_out', badge: 'B-01', badgeOut: undefined, idHeld: false }));
    expect(await ask('B-01')).toBeUndefined();
    o.set('visit', 'v-2', visit('v-2', { status: 'approved', badge: 'B-01', badgeOut: 'B-01' }));
    expect(await ask('B-01')).toBe('v-2');
    // v-2 swaps to another badge; v-3 takes B-01.
    o.set('visit', 'v-2', visit('v-2', { status: 'inside', badge: 'B-02', badgeOut: 'B-02' }));
    expect(await ask('B-01')).toBeUndefined();
    expect(await ask('B-02')).toBe('v-2');
    o.set('visit', 'v-3', visit('v-3', { status: 'approved', badge: 'B-01', badgeOut: 'B-01' }));
    expect(await ask('B-01')).toBe('v-3');
    // A visit deleted from the overlay (undefined state) holds nothing.
    o.set('visit', 'v-3', undefined);
    expect(await ask('B-01')).toBeUndefined();
  });

  it('follows an ID card held at the desk: stored, released, held again by a new visit of this push', async () => {
    const card = { idType: 'ktp' as const, idNumber: '3201010101010001' };
    const o = new Overlay(fakeDb({ held: [visit('stored-1', card)] }));
    await o.loadHeldIds();
    const ask = () => o.lookups().idDocumentHolder(card.idType, card.idNumber);
    expect(await ask()).toBe('stored-1');
    // Refused in this push: the card goes back to the visitor.
    o.set('visit', 'stored-1', visit('stored-1', { ...card, status: 'refused', idHeld: false }));
    expect(await ask()).toBeUndefined();
    o.set('visit', 'v-2', visit('v-2', card));
    expect(await ask()).toBe('v-2');
    // Another card type with the same number is another document.
    expect(await o.lookups().idDocumentHolder('passport', card.idNumber)).toBeUndefined();
    // Checked out: released again.
    o.set('visit', 'v-2', visit('v-2', { ...card, status: 'checked_out', idHeld: false }));
    expect(await ask()).toBeUndefined();
    // A visit whose status no longer holds a card does not hold it even if idHeld is left set.
    o.set('visit', 'v-3', visit('v-3', { ...card, status: 'archived', idHeld: true }));
    expect(await ask()).toBeUndefined();
  });
});
