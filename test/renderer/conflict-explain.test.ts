/**
 * The conflict inbox's explanation of a refused event: who acted first and when, what became
 * of the refused action, where the record stands now (true to its current state), what to do.
 */
import { describe, expect, it } from 'vitest';
import { explainConflict } from '@renderer/features/sync/explain';
import type { DomainEvent } from '@shared/events';
import type { VisitState } from '@shared/domain/visit/state';

let n = 0;
const ev = (over: Partial<DomainEvent>): DomainEvent => {
  n += 1;
  return {
    id: `e${n}`, kind: 'visit', recordId: 'v1', type: 'visit.registered', payload: {}, actorId: 'budi', deviceId: 'desk-1', deviceSeq: n,
    hlc: `2026-03-09T01:0${n}:00.000Z-0000`, at: `2026-03-09T01:0${n}:00.000Z`, prevHash: '', hash: `h${n}`, ...over,
  };
};
const names = new Map([['budi', 'Budi'], ['sari', 'Sari'], ['tono', 'Tono']]);
const fmt = (iso: string) => `@${iso.slice(11, 16)}`;

describe('explainConflict', () => {
  const registered = ev({ command: { type: 'visit.register', input: {} } });
  const approved = ev({ type: 'visit.approved', actorId: 'sari', deviceId: 'desk-2', command: { type: 'visit.decide', input: {} } });

  it('a refusal made offline after another approver approved: names the approver and time, says the card is still held', () => {
    const refused = ev({ type: 'visit.refused', actorId: 'tono', deviceId: 'desk-3', status: 'rejected', reason: 'visit.errors.wrongState', command: { type: 'visit.decide', input: {} } });
    const state = { status: 'approved', idHeld: true } as VisitState;
    const x = explainConflict(refused, [registered, approved, refused], state, names, fmt);
    expect(x.attempt).toEqual({ key: 'desk.attempt.visit.refused' });
    expect(x.first?.id).toBe(approved.id);
    expect(x.fate).toEqual({ key: 'desk.conflict.fateAfter', params: { who: 'Sari', at: '@01:02', what: 'events.visit.approved' } });
    expect(x.now).toEqual({ key: 'desk.conflict.visitNowHeld', params: { status: 'visit.status.approved' } });
    expect(x.advice).toEqual({ key: 'desk.conflict.adviceDecision', params: { who: 'Sari' } });
  });

  it('the same approval twice: nothing to do', () => {
    const again = ev({ type: 'visit.approved', actorId: 'tono', deviceId: 'desk-3', status: 'rejected', reason: 'visit.errors.wrongState', command: { type: 'visit.decide', input: {} } });
    const x = explainConflict(again, [registered, approved, again], { status: 'approved', idHeld: true } as VisitState, names, fmt);
    expect(x.advice.key).toBe('desk.conflict.adviceNone');
  });

  it('a registration of a card another desk holds: the record is not here, and the advice says what to finish first', () => {
    const dup = ev({ recordId: 'v2', deviceId: 'desk-3', status: 'rejected', reason: 'visit.errors.idHeld', command: { type: 'visit.register', input: {} } });
    const x = explainConflict(dup, [dup], undefined, names, fmt);
    expect(x.first).toBeUndefined();
    expect(x.fate.key).toBe('desk.conflict.fate');
    expect(x.now?.key).toBe('desk.conflict.recordMissing');
    expect(x.advice.key).toBe('desk.conflict.adviceIdHeld');
  });

  it('an entry refused because the visit was cancelled meanwhile: names the cancellation, the card went back', () => {
    const cancelled = ev({ type: 'visit.cancelled', actorId: 'sari', deviceId: 'desk-2', command: { type: 'visit.cancel', input: {} } });
    const entered = ev({ type: 'visit.entered', status: 'rejected', reason: 'visit.errors.wrongState', command: { type: 'visit.enter', input: {} } });
    const x = explainConflict(entered, [registered, approved, cancelled, entered], { status: 'cancelled', idHeld: false } as VisitState, names, fmt);
    expect(x.first?.id).toBe(cancelled.id);
    expect(x.now).toEqual({ key: 'desk.conflict.visitNowReturned', params: { status: 'visit.status.cancelled' } });
    expect(x.advice.key).toBe('desk.conflict.adviceCheck');
  });
});
