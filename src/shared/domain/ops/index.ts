/** Daily operations (DOMAIN.md §6, SOP 3-4): one record per office day, its id the office-local date. */
import { defineKind } from '../kind';
import { opsCheckNetwork, opsLogMaintenance, opsOpenDisruption, opsRecordBackup, opsResolveDisruption, opsVerifyBackup } from './commands';
import { opsdayEvents } from './events';
import { applyOpsDay } from './fold';

export const opsdayKind = defineKind({
  kind: 'opsday',
  events: opsdayEvents,
  fold: applyOpsDay,
  commands: {
    'opsday.checkNetwork': opsCheckNetwork,
    'opsday.openDisruption': opsOpenDisruption,
    'opsday.resolveDisruption': opsResolveDisruption,
    'opsday.recordBackup': opsRecordBackup,
    'opsday.verifyBackup': opsVerifyBackup,
    'opsday.logMaintenance': opsLogMaintenance,
  },
  table: 'opsDays',
  // The record is the office day: its id is the date.
  label: (s) => s.id,
  route: (id) => `#/ops/${id}`,
});
