/**
 * What every spreadsheet import shares (inventory, employees): the column of each field guessed
 * from the header row, a cell read as text, dates as the office writes them, and the shape of a
 * converted row with its problems. Pure: the renderer reads and writes the files.
 */

/** Column index per field (-1: not imported). */
export type ColumnMapping<F extends string = string> = Record<F, number>;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Guesses the column of each field from the header row: the first header answering to one of the field's names, each column used once. */
export function guessColumns<F extends string>(headers: readonly string[], fields: readonly F[], names: Record<F, readonly string[]>): ColumnMapping<F> {
  const normalised = headers.map((h) => norm(String(h)));
  const used = new Set<number>();
  const out = {} as ColumnMapping<F>;
  for (const field of fields) {
    let found = -1;
    for (const candidate of names[field].map(norm)) {
      const i = normalised.findIndex((n, idx) => n === candidate && !used.has(idx));
      if (i >= 0) {
        found = i;
        break;
      }
    }
    if (found >= 0) used.add(found);
    out[field] = found;
  }
  return out;
}

/** A problem of one field of one row: an i18n key and its values. */
export interface CellProblem {
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

/** A problem found across rows (a key repeated in the file or taken in the office); `row` counts the rows checked from 0. */
export interface RowProblem extends CellProblem {
  row: number;
}

/** One data row converted: the command input, or the row's problems. */
export interface RowResult<I> {
  input?: I;
  problems: CellProblem[];
}

/** A cell as trimmed text (a Date from XLSX as YYYY-MM-DD). */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The cells of a row by field, through a mapping. */
export function rowReader<F extends string>(cells: readonly unknown[], m: ColumnMapping<F>): { cell: (f: F) => unknown; text: (f: F) => string } {
  const cell = (f: F) => (m[f] >= 0 ? cells[m[f]] : undefined);
  return { cell, text: (f: F) => cellText(cell(f)) };
}

/** A date cell as YYYY-MM-DD: ISO text, DD/MM/YYYY (Indonesian order), or a Date from XLSX; null when unreadable. */
export function dateOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const t = String(value).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return validDate(+m[3]!, +m[2]!, +m[1]!);
  return null;
}

function validDate(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
