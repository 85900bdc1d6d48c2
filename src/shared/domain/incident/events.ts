/** The security incident's events; deadlines and working time arrive computed in them (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from './state';
import { STEP_OUTCOMES } from './steps';

/** An evidence file reference (AttachmentRef): the bytes travel on their own. */
const attachment = z.strictObject({ hash: z.string(), name: z.string(), type: z.string(), size: z.number() });

export const incidentEvents = {
  'incident.reported': z.strictObject({
    title: z.string(),
    reporterName: z.string(),
    reporterContact: z.string(),
    detectedAt: z.string(),
    affectedSystems: z.string(),
    category: z.enum(INCIDENT_CATEGORIES),
    severity: z.enum(INCIDENT_SEVERITIES),
    description: z.string(),
    /** Escalated from a ticket: its id and its document number at the time. */
    ticketId: z.string().optional(),
    ticketDocNo: z.string().optional(),
    attachments: z.array(attachment),
    docNo: z.string(),
    /** Step 1's deadline. */
    dueAt: z.string(),
  }),
  /** `workingDays` when the step closes the incident, else the next step's `dueAt`. */
  'incident.stepCompleted': z.strictObject({
    step: z.number(),
    note: z.string(),
    outcome: z.enum(STEP_OUTCOMES).optional(),
    workingMs: z.number(),
    at: z.string(),
    workingDays: z.number().optional(),
    dueAt: z.string().optional(),
  }),
  /** Only the analysis fields that changed. */
  'incident.fieldsSet': z.strictObject({
    actions: z.string().optional(),
    rootCause: z.string().optional(),
    mitigation: z.string().optional(),
    lessonsLearned: z.string().optional(),
  }),
  'incident.attached': z.strictObject({ file: attachment }),
  'incident.violationRecorded': z.strictObject({ violationId: z.string(), person: z.string(), rule: z.string(), description: z.string().optional() }),
  'incident.sanctionDecided': z.strictObject({ violationId: z.string(), sanction: z.string() }),
};
