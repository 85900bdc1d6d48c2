/**
 * The two spreadsheet imports of the asset workflow, each an ImportSpec for SheetImport:
 * the inventory (Snipe-IT's and GLPI's column names recognised; tags and serials, accessories'
 * included, unique in the file and in the office; holders matched to employees, ambiguous ones
 * asked) and the employee list (NIP unique; a NIP the office
 * already holds updates that employee).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { keyProblems, takenKeys } from '@shared/domain/asset/commands';
import { guessMapping, holderIndex, holderProblems, IMPORT_FIELDS, KEEP_IN_STOCK, resolveHolders, rowToInput, type HolderIndex, type ImportRow } from '@shared/domain/asset/import';
import { EMPLOYEE_IMPORT_FIELDS, guessEmployeeMapping, planEmployeeImport, repeatedNips, rowToEmployee, type EmployeeImportInput } from '@shared/domain/employee/import';
import { nipKey, type EmployeeState } from '@shared/domain/employee/state';
import { db } from '@renderer/store';
import { dexieLookups } from '@renderer/store/commit';
import { SheetImport, type ImportSpec } from './SheetImport';

/** What the preview looks up for an inventory: keys already taken, and the employees holders are matched against. */
interface InventoryFound {
  taken: Record<string, string>;
  holders: HolderIndex;
}

export function ImportScreen() {
  const { t } = useTranslation();
  const spec = useMemo<ImportSpec<(typeof IMPORT_FIELDS)[number], ImportRow, InventoryFound>>(
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
      rowId: (r) => r.input.id,
      lookup: async (rows) => {
        const taken = await takenKeys(dexieLookups(db), rows.map((r) => r.input));
        // Holders are matched only when some row names one; the employee list is read once per preview.
        const employees = rows.some((r) => r.holder) ? await db.employees.toArray() : [];
        return { taken, holders: holderIndex(employees) };
      },
      check: (rows, found, picks) => [
        ...keyProblems(rows.map((r) => r.input), found.taken),
        ...holderProblems(rows, found.holders, picks).map((p) => ({
          ...p,
          choices: p.choices.map((c) => ({
            value: c.value,
            label: c.value === KEEP_IN_STOCK ? t('asset.import.keepInStock') : `${c.candidate!.name} · NIP ${c.candidate!.nip} · ${c.candidate!.department}${c.candidate!.status === 'resigned' ? ` (${t('employee.status.resigned')})` : ''}`,
          })),
        })),
      ],
      command: (rows, found, picks) => {
        const inputs = resolveHolders(rows, found.holders, picks);
        return { command: { type: 'asset.import', input: { rows: inputs } }, count: inputs.length };
      },
      plan: (rows, found, picks) => {
        const inputs = resolveHolders(rows, found.holders, picks);
        const held = inputs.filter((r) => r.holderId);
        return t('asset.import.plan', { count: inputs.length, assigned: held.length, holders: new Set(held.map((r) => r.holderId)).size });
      },
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
