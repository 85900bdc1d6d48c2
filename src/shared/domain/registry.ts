/**
 * Every record kind's definition, and what derives from them: every command and every fold by
 * name, every event type and its payload schema, the state type of each kind. The renderer's
 * commit() and the sync server run commands and folds from here, so a rule holds the same on a
 * desk and on the server. A new record kind is one definition module (`<kind>/index.ts`, see
 * kind.ts), its name in RECORD_KINDS and one line in `kinds` below.
 */
import type { z } from 'zod';
import { RECORD_KINDS, type DomainEvent, type RecordKind } from '../events';
import { accessKind } from './access';
import { assetKind } from './asset';
import { employeeKind } from './employee';
import { handoverKind } from './handover';
import { incidentKind } from './incident';
import { opsdayKind } from './ops';
import { orgKind } from './org';
import { restoreKind } from './restore';
import { ticketKind } from './ticket';
import type { Apply, CommandHandler } from './types';
import { userKind } from './user';
import { visitKind } from './visit';

/**
 * The definition of each record kind. `satisfies` makes it the compile-time check that every
 * kind of RECORD_KINDS has exactly one definition, filed under its own name.
 */
export const kinds = {
  org: orgKind,
  user: userKind,
  visit: visitKind,
  employee: employeeKind,
  asset: assetKind,
  handover: handoverKind,
  ticket: ticketKind,
  incident: incidentKind,
  access: accessKind,
  opsday: opsdayKind,
  restore: restoreKind,
} satisfies { [K in RecordKind]: { kind: K } };

type Kinds = typeof kinds;
type Definition = Kinds[RecordKind];
type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (whole: infer I) => void ? I : never;

/** One object holding every part's entries; a name defined twice (two kinds claiming it) is refused. */
function byName<M>(parts: readonly object[]): M {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(out, name)) throw new Error(`${name} is defined twice`);
      out[name] = value;
    }
  }
  return out as M;
}

const definitions: readonly Definition[] = RECORD_KINDS.map((k) => kinds[k]);

/** Every command, by type ('visit.register', …), from every kind's definition. */
export const commands: UnionToIntersection<Definition['commands']> = byName(definitions.map((d) => d.commands));

type EventSchemaMap = UnionToIntersection<Definition['events']>;

/** Every event type's payload schema, from every kind's definition. */
export const eventSchemas: EventSchemaMap = byName(definitions.map((d) => d.events));

/** An event type: '<kind>.<name>', e.g. 'visit.registered'. */
export type EventType = keyof EventSchemaMap & string;

/**
 * Every event type the commands emit. The conflict inbox names a refused event with
 * `events.<type>` from the catalogs (test/i18n/event-labels.test.ts).
 */
export const EVENT_TYPES = Object.keys(eventSchemas) as readonly EventType[];

/** The record kind of each event type. */
export const kindOfEvent: ReadonlyMap<string, RecordKind> = new Map(definitions.flatMap((d) => Object.keys(d.events).map((type) => [type, d.kind] as const)));

/** The payload of an event type as its schema parses it, e.g. PayloadOf<'visit.registered'>. */
export type PayloadOf<T extends EventType> = z.output<EventSchemaMap[T]>;

/** A stored event whose payload has parsed (`parseEvent`): its type narrows its payload. */
export type TypedEvent<T extends EventType = EventType> = {
  [U in T]: Omit<DomainEvent, 'type' | 'payload'> & { type: U; payload: PayloadOf<U> };
}[T];

export type CommandType = keyof typeof commands;
/** The input a command takes, e.g. CommandInput<'visit.register'>. */
export type CommandInput<T extends CommandType> = (typeof commands)[T] extends CommandHandler<infer I, unknown> ? I : never;
/** A command as commit() receives it. */
export type Command = { [T in CommandType]: { type: T; input: CommandInput<T> } }[CommandType];

/** The state type of each record kind. */
export type StateOf = { [K in RecordKind]: ReturnType<Kinds[K]['fold']> };

/**
 * The fold step of each record kind, as the stores call it on stored events. A kind's fold reads
 * its events typed: events reach a store parsed (`parseEvent` in commit, ingest, the server and
 * bundle import), and an event type the kind does not know falls through the fold's `default`.
 */
export const folds = Object.fromEntries(definitions.map((d) => [d.kind, d.fold])) as unknown as { [K in RecordKind]: Apply<StateOf[K]> };

/** Folds a record's events (in HLC order) into its state, skipping events the server refused. */
export function foldRecord<K extends RecordKind>(kind: K, events: Parameters<Apply<StateOf[K]>>[1][]): StateOf[K] | undefined {
  let state: StateOf[K] | undefined;
  for (const e of events.filter((ev) => ev.status !== 'rejected').sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))) state = folds[kind](state, e);
  return state;
}
