/** Server-room visits (DOMAIN.md §1). */
import { defineKind } from '../kind';
import {
  visitAddDevice, visitArchive, visitCancel, visitCheckOut, visitCorrect, visitDecide, visitEnter, visitIssueBadge, visitNoteActivity, visitRegister,
} from './commands';
import { visitEvents } from './events';
import { applyVisit } from './fold';

export const visitKind = defineKind({
  kind: 'visit',
  events: visitEvents,
  fold: applyVisit,
  commands: {
    'visit.register': visitRegister,
    'visit.decide': visitDecide,
    'visit.issueBadge': visitIssueBadge,
    'visit.enter': visitEnter,
    'visit.addDevice': visitAddDevice,
    'visit.noteActivity': visitNoteActivity,
    'visit.checkOut': visitCheckOut,
    'visit.cancel': visitCancel,
    'visit.archive': visitArchive,
    'visit.correct': visitCorrect,
  },
  table: 'visits',
  label: (s) => s.visitorName,
  route: (id) => `#/visits/${id}`,
});
