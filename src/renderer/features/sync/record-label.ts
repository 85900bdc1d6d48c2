/**
 * How the conflict inbox names a record of any kind and where it links: a pure function of
 * the record's kind, id and projection (absent when the record is no longer on this device,
 * e.g. because its creation was the refused event), plus the loader that reads every
 * projection the inbox needs with one bulkGet per kind.
 */
import type { RecordKind } from '@shared/events';
import { kinds, type StateOf } from '@shared/domain/registry';
import type { ConsoleDb } from '@renderer/store/db';

/** A record as the inbox shows it: a readable label and, when the record exists, its screen. */
export interface RecordLink {
  label: string;
  /** A hash route ('#/…'); absent when the record is not stored here. */
  href?: string;
}

/** The states found, by kind and id. */
export type RecordStates = { [K in RecordKind]?: Map<string, StateOf[K]> };

/** The label and route of a record, as its kind's definition gives them; a record not stored here shows its id, unlinked. */
export function recordLink<K extends RecordKind>(kind: K, id: string, state: StateOf[K] | undefined): RecordLink {
  if (!state) return { label: id };
  const definition = kinds[kind] as unknown as { label(s: StateOf[K]): string; route(id: string): string };
  return { label: definition.label(state) || id, href: definition.route(id) };
}

/** The record ids named by some events, grouped by kind, each id once. */
export function idsByKind(events: readonly { kind: RecordKind; recordId: string }[]): Map<RecordKind, string[]> {
  const out = new Map<RecordKind, Set<string>>();
  for (const e of events) {
    const ids = out.get(e.kind) ?? new Set<string>();
    ids.add(e.recordId);
    out.set(e.kind, ids);
  }
  return new Map([...out].map(([k, ids]) => [k, [...ids]]));
}

/** Reads the projections of the records some events name: one bulkGet per kind, not one get per row. */
export async function loadRecordStates(db: ConsoleDb, events: readonly { kind: RecordKind; recordId: string }[]): Promise<RecordStates> {
  const out: RecordStates = {};
  await Promise.all(
    [...idsByKind(events)].map(async ([kind, ids]) => {
      const rows = (await db.projection(kind).bulkGet(ids)) as ({ id: string } | undefined)[];
      const found = new Map<string, unknown>();
      rows.forEach((row, i) => row && found.set(ids[i]!, row));
      (out as Record<string, Map<string, unknown>>)[kind] = found;
    }),
  );
  return out;
}

/** The link of one event's record, from the states loaded. */
export function linkOf(states: RecordStates, e: { kind: RecordKind; recordId: string }): RecordLink {
  return recordLink(e.kind, e.recordId, states[e.kind]?.get(e.recordId) as StateOf[RecordKind] | undefined);
}
