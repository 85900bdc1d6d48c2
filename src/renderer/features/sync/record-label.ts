/**
 * How the conflict inbox names a record of any kind and where it links: a pure function of
 * the record's kind, id and projection (absent when the record is no longer on this device,
 * e.g. because its creation was the refused event), plus the loader that reads every
 * projection the inbox needs with one bulkGet per kind.
 */
import type { RecordKind } from '../../../shared/events';
import type { StateOf } from '../../../shared/domain/registry';
import type { ConsoleDb } from '../../store/db';

/** A record as the inbox shows it: a readable label and, when the record exists, its screen. */
export interface RecordLink {
  label: string;
  /** A hash route ('#/…'); absent when the record is not stored here. */
  href?: string;
}

/** The states found, by kind and id. */
export type RecordStates = { [K in RecordKind]?: Map<string, StateOf[K]> };

const join = (...parts: (string | undefined)[]) => parts.filter((p) => p && p.trim()).join(' · ');

/** The label and route of a record; a record not stored here shows its id, unlinked. */
export function recordLink<K extends RecordKind>(kind: K, id: string, state: StateOf[K] | undefined): RecordLink {
  if (!state) return { label: id };
  const s = state as StateOf[RecordKind];
  const label = (text: string) => text || id;
  switch (kind) {
    case 'visit': {
      const v = s as StateOf['visit'];
      return { label: label(v.visitorName), href: `#/visits/${id}` };
    }
    case 'ticket': {
      const tk = s as StateOf['ticket'];
      return { label: label(join(tk.docNo, tk.subject)), href: `#/tickets/${id}` };
    }
    case 'incident':
      return { label: label((s as StateOf['incident']).docNo), href: `#/incidents/${id}` };
    case 'asset': {
      const a = s as StateOf['asset'];
      return { label: label(join(a.tag, a.serial)), href: `#/assets/${id}` };
    }
    case 'employee': {
      const e = s as StateOf['employee'];
      return { label: label(join(e.name, e.nip && `NIP ${e.nip}`)), href: `#/employees/${id}` };
    }
    case 'access': {
      const r = s as StateOf['access'];
      return { label: label(join(r.docNo, r.employee.name)), href: `#/access/${id}` };
    }
    case 'opsday':
      // The record is the office day: its id is the date.
      return { label: id, href: `#/ops/${id}` };
    case 'restore': {
      const r = s as StateOf['restore'];
      return { label: label(join(r.docNo, r.employee.name)), href: `#/restore/${id}` };
    }
    case 'handover':
      // The document itself is the record: its print preview is its page.
      return { label: label((s as StateOf['handover']).docNo), href: `#/print/assets/doc/${id}` };
    case 'user':
      return { label: label((s as StateOf['user']).displayName), href: '#/admin/users' };
    case 'org':
      return { label: label((s as StateOf['org']).name), href: '#/admin/settings' };
    default:
      return { label: id };
  }
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
