/**
 * A record kind, defined once: the schemas of its events' payloads, its fold, its commands, the
 * projection table that holds its state and how the console names one of its records. Each
 * kind's `<kind>/index.ts` exports its definition; `registry.ts` derives `commands`, `folds`,
 * `EVENT_TYPES` and `StateOf` from the list of definitions, so nothing is kept in step by hand.
 *
 * Event payload schemas pin the shape `decide()` produces: every key, its type, the enums, which
 * keys are optional, and no other key (strict objects, nested ones too). They check no input
 * rule (lengths, formats, business rules): those are the commands', and an event written under
 * an older rule must still parse. Schemas never transform: a payload parses to itself.
 */
import type { z } from 'zod';
import type { DomainEvent, EventDraft, RecordKind } from '../events';
import type { CommandHandler } from './types';

/** A kind's event payload schemas, by event type; every type is named '<kind>.<name>'. */
export type EventSchemas<K extends RecordKind = RecordKind> = Readonly<Record<`${K}.${string}`, z.ZodType>>;

/** A kind's commands, by command type; every type is named '<kind>.<name>'. */
export type Commands<K extends RecordKind = RecordKind> = Readonly<Record<`${K}.${string}`, CommandHandler<unknown, unknown>>>;

/** An event of one of a kind's types, with the payload its schema parses (the stored event otherwise). */
export type EventOf<E> = {
  [T in keyof E & string]: Omit<DomainEvent, 'type' | 'payload'> & { type: T; payload: E[T] extends z.ZodType ? z.output<E[T]> : never };
}[keyof E & string];

/** A kind's fold step over its typed events: state + event → state. Pure, deterministic, the same everywhere. */
export type Fold<S, E> = (state: S | undefined, event: EventOf<E>) => S;

export interface KindDefinition<K extends RecordKind, S, E extends EventSchemas<K>, C extends Commands<K>, T extends string> {
  kind: K;
  /** The payload schema of every event type this kind's records receive. */
  events: E;
  fold: Fold<S, E>;
  commands: C;
  /** The store's projection table of this kind (the Dexie table name; see db.ts `projection`). */
  table: T;
  /** How lists and the conflict inbox name a record ('' when it has nothing readable: its id is shown). */
  label(state: S): string;
  /** The screen of a record (a hash route). */
  route(id: string): string;
}

/** Defines a record kind; the types check that its events, fold, commands and label agree. */
export function defineKind<K extends RecordKind, S, E extends EventSchemas<K>, C extends Commands<K>, const T extends string>(
  definition: KindDefinition<K, S, E, C, T>,
): KindDefinition<K, S, E, C, T> {
  return definition;
}

/**
 * A kind's draft maker for its commands: the compiler checks each payload against its event
 * type's schema, as the tests check every draft at run time.
 */
export function draftMaker<K extends RecordKind, E extends EventSchemas<K>>(kind: K, _events: E) {
  return <T extends keyof E & string>(recordId: string, type: T, payload: z.input<E[T]>): EventDraft => ({ kind, recordId, type, payload: payload as Record<string, unknown> });
}

/** A label made of several fields, the empty ones left out: 'TIK/TKT/… · Printer macet'. */
export const labelOf = (...parts: (string | undefined)[]): string => parts.filter((p) => p && p.trim()).join(' · ');
