/** Network-security incidents and their 12 steps (DOMAIN.md §4). */
import { defineKind } from '../kind';
import {
  incidentAttach, incidentCompleteStep, incidentDecideSanction, incidentRecordViolation, incidentReport, incidentSetFields,
} from './commands';
import { incidentEvents } from './events';
import { applyIncident } from './fold';

export const incidentKind = defineKind({
  kind: 'incident',
  events: incidentEvents,
  fold: applyIncident,
  commands: {
    'incident.report': incidentReport,
    'incident.completeStep': incidentCompleteStep,
    'incident.setFields': incidentSetFields,
    'incident.attach': incidentAttach,
    'incident.recordViolation': incidentRecordViolation,
    'incident.decideSanction': incidentDecideSanction,
  },
  table: 'incidents',
  label: (s) => s.docNo,
  route: (id) => `#/incidents/${id}`,
});
