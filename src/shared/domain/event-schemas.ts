/**
 * The one check of an event's content against its type: the type is known, it belongs to the
 * event's record kind, and the payload parses with the type's schema (`<kind>/events.ts`: every
 * key with its type, no key missing, no key added). commit(), ingest(), the sync server and
 * bundle import call it before folding or storing; a refusal names the field.
 */
import type { z } from 'zod';
import type { DomainEvent, EventDraft } from '../events';
import { fail, ok, type Result } from '../result';
import { eventSchemas, kindOfEvent, type TypedEvent } from './registry';

const schemas: Readonly<Record<string, z.ZodType>> = eventSchemas;

/** The field a payload issue names, from the event's root: 'payload.devices.0.serial'. */
function issueField(issue: { path: readonly PropertyKey[]; code: string; keys?: readonly string[] }): string {
  const path = issue.path.map(String);
  // An unknown key is reported on its object: name the key itself.
  if (issue.code === 'unrecognized_keys' && issue.keys?.[0] !== undefined) path.push(issue.keys[0]);
  return ['payload', ...path].join('.');
}

const invalid = (field: string) => fail('invalid-payload', 'errors.invalidPayload', { field, params: { field } });

/** Checks a draft or an event: its type, its kind, its payload. */
export function checkContent(e: Pick<EventDraft, 'kind' | 'type' | 'payload'>): Result<true> {
  const kind = kindOfEvent.get(e.type);
  if (!kind) return invalid('type');
  if (kind !== e.kind) return invalid('kind');
  const parsed = schemas[e.type]?.safeParse(e.payload);
  if (!parsed?.success) return invalid(parsed ? issueField(parsed.error.issues[0]!) : 'type');
  return ok(true);
}

/**
 * Checks an event before it is folded or stored. On success it returns the event itself (not a
 * parsed copy, so its hash still holds), typed by its type.
 */
export function parseEvent(e: DomainEvent): Result<TypedEvent> {
  const checked = checkContent(e);
  return checked.ok ? ok(e as TypedEvent) : checked;
}
