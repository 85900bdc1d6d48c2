/**
 * What the conflict inbox says about one refused event, as a pure function of the event, the
 * accepted events of its record and the record's current state: who acted first and when,
 * what became of the refused action, where the record stands now, and what (if anything) the
 * user should do. Every sentence is an i18n key with its values.
 */
import type { DomainEvent } from '@shared/events';
import type { VisitState } from '@shared/domain/visit/state';

export interface Line {
  key: string;
  params?: Record<string, string>;
}

export interface Explanation {
  /** The label of the refused action, phrased as an attempt where the kind has one. */
  attempt: Line;
  /** The accepted event that came first (same step on another device, else the latest other one). */
  first?: DomainEvent;
  fate: Line;
  now?: Line;
  advice: Line;
}

/** The step an event belongs to: its command's type when it carries it, else its own type. */
const stepOf = (e: Pick<DomainEvent, 'type' | 'command'>) => e.command?.type ?? STEP_OF_TYPE[e.type] ?? e.type;

/** Events made before commands were carried, by the step that makes them. */
const STEP_OF_TYPE: Record<string, string> = {
  'visit.approved': 'visit.decide',
  'visit.refused': 'visit.decide',
};

/** Visit events whose attempt has its own label (desk.attempt.<type>). */
const VISIT_ATTEMPTS = new Set([
  'visit.registered', 'visit.approved', 'visit.refused', 'visit.cancelled', 'visit.badgeIssued', 'visit.entered', 'visit.deviceAdded',
  'visit.activityNoted', 'visit.checkedOut', 'visit.archived', 'visit.corrected',
]);

export function explainConflict(
  e: DomainEvent,
  recordEvents: readonly DomainEvent[],
  state: unknown,
  names: { get(id: string): string | undefined },
  fmt: (iso: string) => string,
): Explanation {
  const accepted = recordEvents.filter((x) => x.status !== 'rejected' && x.id !== e.id).sort((a, b) => a.hlc.localeCompare(b.hlc));
  const others = accepted.filter((x) => x.deviceId !== e.deviceId || x.actorId !== e.actorId);
  const first = others.find((x) => stepOf(x) === stepOf(e)) ?? others[others.length - 1];
  const attempt: Line = VISIT_ATTEMPTS.has(e.type) ? { key: `desk.attempt.${e.type}` } : { key: `events.${e.type}` };
  const who = (id: string) => names.get(id) ?? '—';

  const fate: Line = first
    ? { key: 'desk.conflict.fateAfter', params: { who: who(first.actorId), at: fmt(first.at), what: `events.${first.type}` } }
    : { key: 'desk.conflict.fate' };

  let now: Line | undefined;
  if (e.kind === 'visit' && state) {
    const v = state as VisitState;
    now = { key: v.idHeld ? 'desk.conflict.visitNowHeld' : 'desk.conflict.visitNowReturned', params: { status: `visit.status.${v.status}` } };
  } else if (!state) now = { key: 'desk.conflict.recordMissing' };

  let advice: Line;
  if (e.reason === 'visit.errors.idHeld') advice = { key: 'desk.conflict.adviceIdHeld' };
  else if (e.reason === 'visit.errors.badgeOut') advice = { key: 'desk.conflict.adviceBadge' };
  else if (first && first.type === e.type && stepOf(first) === stepOf(e)) advice = { key: 'desk.conflict.adviceNone' };
  else if (first && stepOf(first) === 'visit.decide' && stepOf(e) === 'visit.decide') advice = { key: 'desk.conflict.adviceDecision', params: { who: who(first.actorId) } };
  else advice = { key: 'desk.conflict.adviceCheck' };
  return { attempt, first, fate, now, advice };
}
