/** Employees (DOMAIN.md §2): the people assets are handed to. */
import { defineKind, labelOf } from '../kind';
import { employeeCreate, employeeImport, employeeUpdate } from './commands';
import { employeeEvents } from './events';
import { applyEmployee } from './fold';

export const employeeKind = defineKind({
  kind: 'employee',
  events: employeeEvents,
  fold: applyEmployee,
  commands: { 'employee.create': employeeCreate, 'employee.update': employeeUpdate, 'employee.import': employeeImport },
  table: 'employees',
  label: (s) => labelOf(s.name, s.nip && `NIP ${s.nip}`),
  route: (id) => `#/employees/${id}`,
});
