/** Unique keys of records (tags, serials, NIPs), for Lookups.idsByKey over records in memory. */

/** key → id of the records holding any of the keys. */
export function keysIn(records: readonly { id: string; keys?: string[] }[], keys: readonly string[]): Record<string, string> {
  const wanted = new Set(keys);
  const out: Record<string, string> = {};
  for (const r of records) for (const k of r.keys ?? []) if (wanted.has(k)) out[k] = r.id;
  return out;
}
