/**
 * What the sync server makes of each pushed event besides its hashes, once per event object:
 * its content check (the event type's schema, `checkContent`) and the text of its envelope
 * column. The push workers (./push-worker.ts) make both for the chunks they check and the main
 * thread takes them in (`rememberEventTexts`); anything not made there is made here on demand,
 * by the same functions.
 */
import { checkContent } from '../../shared/domain/event-schemas';
import type { DomainEvent } from '../../shared/events';
import type { Result } from '../../shared/result';

/** The envelope column: the command, its position and the signatures (null for an event with none). */
export function envelopeOf(e: Pick<DomainEvent, 'cmd' | 'command' | 'sig' | 'cosigs'>): string | null {
  if (!e.cmd && !e.sig) return null;
  // One native serialisation (keys whose value is undefined are left out).
  return JSON.stringify({ cmd: e.cmd, command: e.command, sig: e.sig, cosigs: e.cosigs });
}

const envelopes = new WeakMap<object, string | null>();
const contentChecks = new WeakMap<object, Result<true>>();

/** Takes in what a worker made from an exact copy of `e` (only for events no one changes afterwards). */
export function rememberEventTexts(e: DomainEvent, envelope: string | null, content: Result<true>): void {
  envelopes.set(e, envelope);
  contentChecks.set(e, content);
}

/** The event's envelope text, as a worker made it or made now. */
export function envelopeTextOf(e: DomainEvent): string | null {
  const known = envelopes.get(e);
  return known !== undefined ? known : envelopeOf(e);
}

/** The event's content check, as a worker made it or made now. */
export function contentCheckOf(e: DomainEvent): Result<true> {
  return contentChecks.get(e) ?? checkContent(e);
}
