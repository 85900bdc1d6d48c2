/** The access request form's systems as rows (one per system of the office's list), and how a draft's rows come back. */
import { ACCESS_LEVELS, type AccessLevel } from '@shared/domain/access/state';

export interface Row {
  system: string;
  checked: boolean;
  level: AccessLevel;
  scope: string;
}

/**
 * The rows of a draft put back on the form's rows, by system name: ticks, levels and scopes. A
 * ticked system the office has since taken off its list comes back too, so that the refusal
 * names it rather than the tick vanishing unseen.
 */
export function restoreRows(rows: readonly Row[], saved: unknown): Row[] {
  if (!Array.isArray(saved)) return [...rows];
  const kept = (saved as Partial<Row>[]).filter((r): r is Row => !!r && typeof r.system === 'string' && typeof r.checked === 'boolean' && (ACCESS_LEVELS as readonly string[]).includes(String(r.level)));
  const out = rows.map((r) => {
    const s = kept.find((k) => k.system.toLowerCase() === r.system.toLowerCase());
    return s ? { ...r, checked: s.checked, level: s.level, scope: typeof s.scope === 'string' ? s.scope : '' } : r;
  });
  const extra = kept.filter((k) => k.checked && !rows.some((r) => r.system.toLowerCase() === k.system.toLowerCase()));
  return [...out, ...extra.map((k) => ({ system: k.system, checked: true, level: k.level, scope: typeof k.scope === 'string' ? k.scope : '' }))];
}
