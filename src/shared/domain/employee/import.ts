/**
 * Employee lists (CSV/XLSX from the personnel office, SIMPEG or HR) → employee inputs: columns
 * guessed from the header, each row converted with its problems, NIPs unique in the file. A
 * row whose NIP is already in the office updates that employee (a move to another unit, a
 * new position, a resignation); the rest are added. Pure.
 */
import { guessColumns, rowReader, type CellProblem, type ColumnMapping, type RowProblem, type RowResult } from '../../sheet';
import { employeeFieldsSchema, nipKey, type EmployeeFields, type EmployeeState, type EmployeeStatus } from './state';

export const EMPLOYEE_IMPORT_FIELDS = ['nip', 'name', 'department', 'position', 'email', 'status'] as const;
export type EmployeeImportField = (typeof EMPLOYEE_IMPORT_FIELDS)[number];

const HEADER_NAMES: Record<EmployeeImportField, string[]> = {
  nip: ['nip', 'nip baru', 'nomor induk pegawai', 'no induk pegawai', 'nomor pegawai', 'no pegawai', 'id pegawai', 'employee number', 'employee no', 'employee id', 'staff id'],
  name: ['nama', 'nama lengkap', 'nama pegawai', 'name', 'full name', 'employee name'],
  department: ['unit kerja', 'bidang', 'bagian', 'satuan kerja', 'satker', 'divisi', 'departemen', 'department', 'unit', 'division'],
  position: ['jabatan', 'nama jabatan', 'position', 'job title', 'title'],
  email: ['email', 'e-mail', 'surel', 'alamat email', 'email address'],
  status: ['status', 'status pegawai', 'status kepegawaian', 'employment status'],
};

export function guessEmployeeMapping(headers: readonly string[]): ColumnMapping<EmployeeImportField> {
  return guessColumns(headers, EMPLOYEE_IMPORT_FIELDS, HEADER_NAMES);
}

/** Status words of personnel lists → active or resigned (checked "no longer" first: "nonaktif" holds "aktif"). */
export function employeeStatusOf(text: string): EmployeeStatus | undefined {
  const t = text.trim().toLowerCase();
  if (/non.?aktif|tidak aktif|inactive|pensiun|purna|keluar|berhenti|resign|mutasi keluar|meninggal|retired|terminated|left/.test(t)) return 'resigned';
  if (!t || /aktif|active|pns|asn|pppk|cpns|honorer|kontrak|tetap|ptt|permanent|contract/.test(t)) return 'active';
  return undefined;
}

/**
 * The NIP cell as digits. An 18-digit NIP typed into Excel as a number has lost its last digits
 * (1.98E+17): refused with the fix (format the column as Text) rather than imported wrong.
 */
function nipText(value: unknown): string | { problem: string } {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : { problem: 'employee.import.errors.nipAsNumber' };
  const t = value === undefined || value === null ? '' : String(value).trim();
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(t)) return { problem: 'employee.import.errors.nipAsNumber' };
  return t.replace(/^'/, '');
}

export type EmployeeImportInput = EmployeeFields & { id: string };

/** One data row → an employee input (with a new id), or its problems. */
export function rowToEmployee(cells: readonly unknown[], m: ColumnMapping<EmployeeImportField>, id: string): RowResult<EmployeeImportInput> {
  const { cell, text } = rowReader(cells, m);
  const problems: CellProblem[] = [];
  const nip = nipText(cell('nip'));
  if (typeof nip !== 'string') problems.push({ field: 'nip', message: nip.problem });
  const status = employeeStatusOf(text('status'));
  if (!status) problems.push({ field: 'status', message: 'employee.import.errors.status', params: { value: text('status') } });
  const parsed = employeeFieldsSchema.safeParse({
    nip: typeof nip === 'string' ? nip : '',
    name: text('name'),
    department: text('department'),
    position: text('position'),
    email: text('email'),
    status: status ?? 'active',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (field === 'nip' && typeof nip !== 'string') continue;
      problems.push({ field, message: issue.message.includes('.') ? issue.message : 'errors.invalidInput' });
    }
  }
  if (problems.length > 0 || !parsed.success) return { problems };
  return { input: { ...parsed.data, id }, problems };
}


/** The fields of a row that differ from the stored employee. */
export function employeeChanges(row: EmployeeFields, current: EmployeeState): Partial<EmployeeFields> {
  const out: Partial<EmployeeFields> = {};
  for (const k of ['nip', 'name', 'department', 'position', 'email', 'status'] as const) {
    if (row[k] !== current[k]) (out as Record<string, string>)[k] = row[k];
  }
  return out;
}

/**
 * What each row does to the office, given the employees it already holds by NIP: a new NIP is
 * added; a known one keeps its employee's id and is an update when a field differs, else unchanged.
 */
export function planEmployeeImport(rows: readonly EmployeeImportInput[], known: ReadonlyMap<string, EmployeeState>): { row: EmployeeImportInput; action: 'create' | 'update' | 'same' }[] {
  return rows.map((r) => {
    const current = known.get(r.nip);
    if (!current) return { row: r, action: 'create' };
    return { row: { ...r, id: current.id }, action: Object.keys(employeeChanges(r, current)).length > 0 ? 'update' : 'same' };
  });
}

/** NIPs repeated within the file (the office's own NIPs are updates, not problems). */
export function repeatedNips(rows: readonly { nip: string }[]): RowProblem[] {
  const first = new Map<string, number>();
  const problems: RowProblem[] = [];
  rows.forEach((r, row) => {
    const key = nipKey(r.nip);
    const seen = first.get(key);
    if (seen !== undefined) problems.push({ row, field: 'nip', message: 'employee.import.errors.nipRepeated', params: { value: r.nip, other: seen + 1 } });
    else first.set(key, row);
  });
  return problems;
}
