/** The office (one record, id 'org'): its profile and settings. */
import { defineKind } from '../kind';
import { orgSetUp, orgUpdate } from './commands';
import { orgEvents } from './events';
import { applyOrg } from './fold';

export const orgKind = defineKind({
  kind: 'org',
  events: orgEvents,
  fold: applyOrg,
  commands: { 'org.setUp': orgSetUp, 'org.update': orgUpdate },
  table: 'org',
  label: (s) => s.name,
  route: () => '#/admin/settings',
});
