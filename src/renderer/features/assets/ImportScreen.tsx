/**
 * The two spreadsheet imports of the asset workflow, each an ImportSpec for SheetImport:
 * the inventory (Snipe-IT's export names recognised; tags and serials, accessories' included,
 * unique in the file and in the office) and the employee list (NIP unique; a NIP the office
 * already holds updates that employee).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { keyProblems, takenKeys } from '../../../shared/domain/asset/commands';
import { guessMapping, IMPORT_FIELDS, rowToInput } from '../../../shared/domain/asset/import';
import type { AssetInput } from '../../../shared/domain/asset/state';
import { EMPLOYEE_IMPORT_FIELDS, guessEmployeeMapping, planEmployeeImport, repeatedNips, rowToEmployee, type EmployeeImportInput } from '../../../shared/domain/employee/import';
import { nipKey, type EmployeeState } from '../../../shared/domain/employee/state';
import { db } from '../../store';
import { dexieLookups } from '../../store/commit';
import { SheetImport, type ImportSpec } from './SheetImport';

export function ImportScreen() {
  const { t } = useTranslation();
  const spec = useMemo<ImportSpec<(typeof IMPORT_FIELDS)[number], AssetInput, Record<string, string>>>(
    () => ({
      texts: {
        title: t('asset.import.title'),
        subtitle: t('asset.import.subtitle'),
        hint: t('asset.import.hint'),
        submit: (count) => t('asset.import.submit', { count }),
        done: (count) => t('asset.import.done', { count }),
      },
      listRoute: '/assets',
      listLabel: t('asset.import.toInventory'),
      fields: IMPORT_FIELDS,
      fieldLabel: (f) => t(`asset.import.fields.${f}`),
      guess: guessMapping,
      convert: rowToInput,
      lookup: (rows) => takenKeys(dexieLookups(db), rows),
      check: keyProblems,
      command: (rows) => ({ command: { type: 'asset.import', input: { rows } }, count: rows.length }),
    }),
    [t],
  );
  return <SheetImport spec={spec} />;
}

/** What the office holds of an employee list: the employee of each NIP it already knows. */
type KnownByNip = Map<string, EmployeeState>;

export function EmployeeImportScreen() {
  const { t } = useTranslation();
  const spec = useMemo<ImportSpec<(typeof EMPLOYEE_IMPORT_FIELDS)[number], EmployeeImportInput, KnownByNip>>(
    () => ({
      texts: {
        title: t('employee.import.title'),
        subtitle: t('employee.import.subtitle'),
        hint: t('employee.import.hint'),
        submit: (count) => t('employee.import.submit', { count }),
        done: (count) => t('employee.import.done', { count }),
      },
      listRoute: '/employees',
      listLabel: t('employee.import.toList'),
      fields: EMPLOYEE_IMPORT_FIELDS,
      fieldLabel: (f) => t(`employee.fields.${f}`),
      guess: guessEmployeeMapping,
      convert: rowToEmployee,
      lookup: async (rows) => {
        const holders = await dexieLookups(db).idsByKey('employee', rows.map((r) => nipKey(r.nip)));
        const states = await db.employees.bulkGet([...new Set(Object.values(holders))]);
        return new Map(states.filter((e): e is EmployeeState => !!e).map((e) => [e.nip, e]));
      },
      check: (rows) => repeatedNips(rows),
      command: (rows, known) => {
        const changing = planEmployeeImport(rows, known).filter((p) => p.action !== 'same');
        return changing.length === 0 ? null : { command: { type: 'employee.import', input: { rows: changing.map((p) => p.row) } }, count: changing.length };
      },
      plan: (rows, known) => {
        const plan = planEmployeeImport(rows, known);
        const n = (a: string) => plan.filter((p) => p.action === a).length;
        return t('employee.import.plan', { created: n('create'), updated: n('update'), same: n('same') });
      },
    }),
    [t],
  );
  return <SheetImport spec={spec} />;
}
