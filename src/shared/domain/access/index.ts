/** System access requests (DOMAIN.md §5, SOP-IT-003). */
import { defineKind, labelOf } from '../kind';
import { accessCancel, accessDecide, accessGrant, accessRevise, accessRevoke, accessSubmit } from './commands';
import { accessEvents } from './events';
import { applyAccess } from './fold';

export const accessKind = defineKind({
  kind: 'access',
  events: accessEvents,
  fold: applyAccess,
  commands: {
    'access.submit': accessSubmit,
    'access.revise': accessRevise,
    'access.decide': accessDecide,
    'access.grant': accessGrant,
    'access.revoke': accessRevoke,
    'access.cancel': accessCancel,
  },
  table: 'accessRequests',
  label: (s) => labelOf(s.docNo, s.employee.name),
  route: (id) => `#/access/${id}`,
});
