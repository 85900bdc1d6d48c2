/** Backup restore requests (DOMAIN.md §6, SOP 4 step 3-4). */
import { defineKind, labelOf } from '../kind';
import { restoreCancel, restoreManagerDecide, restorePerform, restoreRequest, restoreUserDecide } from './commands';
import { restoreEvents } from './events';
import { applyRestore } from './fold';

export const restoreKind = defineKind({
  kind: 'restore',
  events: restoreEvents,
  fold: applyRestore,
  commands: {
    'restore.request': restoreRequest,
    'restore.managerDecide': restoreManagerDecide,
    'restore.userDecide': restoreUserDecide,
    'restore.perform': restorePerform,
    'restore.cancel': restoreCancel,
  },
  table: 'restores',
  label: (s) => labelOf(s.docNo, s.employee.name),
  route: (id) => `#/restore/${id}`,
});
