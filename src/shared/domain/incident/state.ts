/** A network-security incident (DOMAIN.md §4): its state, details and input schemas. */
import { z } from 'zod';
import type { IncidentRole, StepOutcome } from './steps';

export const INCIDENT_CATEGORIES = ['malware', 'intrusion', 'ddos', 'phishing', 'unauthorised_access', 'data_leak', 'policy_violation', 'other'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** 10 MB per evidence file. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Evidence files per incident. */
export const MAX_ATTACHMENTS = 50;

/** An evidence file as events carry it: the bytes live content-addressed in `blobs` (key = hash). */
export interface AttachmentRef {
  /** SHA-256 of the bytes, lower-case hex. */
  hash: string;
  name: string;
  type: string;
  size: number;
}

export interface Attachment extends AttachmentRef {
  addedBy: string;
  addedAt: string;
}

/** One completed step: who, when, the note, the branch outcome, and its time against the standard. */
export interface StepRecord {
  step: number;
  role: IncidentRole;
  by: string;
  /** When the step started (the previous completion, or the report). */
  startedAt: string;
  /** When it was completed. */
  at: string;
  /** Its deadline (start + the standard's upper bound, working time). */
  dueAt: string;
  /** Working time used, ms (office calendar). */
  workingMs: number;
  note: string;
  outcome?: StepOutcome;
}

/** A policy violation (SOP 000 Tahap 4-5): the person, the rule broken, and management's sanction. */
export interface Violation {
  id: string;
  person: string;
  rule: string;
  description?: string;
  recordedBy: string;
  recordedAt: string;
  sanction?: { text: string; by: string; at: string };
}

/** The analysis fields, set while (and after) the incident is handled; newest HLC per field wins. */
export const INCIDENT_ANALYSIS_FIELDS = ['actions', 'rootCause', 'mitigation', 'lessonsLearned'] as const;
export type AnalysisField = (typeof INCIDENT_ANALYSIS_FIELDS)[number];

export interface IncidentState {
  id: string;
  docNo: string;
  title: string;
  status: 'open' | 'closed';
  /** The current step, 1..12 (12 stays after closing). */
  step: number;
  /** Whose turn it is (the current step's role). */
  turnRole: IncidentRole;
  stepStartedAt: string;
  stepDueAt: string;
  reportedAt: string;
  reportedBy: string;
  /** The helpdesk ticket this incident was escalated from, if any. */
  ticketId?: string;
  /** The source ticket's document number, as it was when the incident was reported. */
  ticketDocNo?: string;
  reporterName: string;
  reporterContact: string;
  detectedAt: string;
  affectedSystems: string;
  category: IncidentCategory;
  severity: IncidentSeverity;
  description: string;
  actions: string;
  rootCause: string;
  mitigation: string;
  lessonsLearned: string;
  /** HLC of the newest write per analysis field. */
  fieldHlc: Partial<Record<AnalysisField, string>>;
  attachments: Attachment[];
  /** Every completed step in order, every pass of the 7→8→9 loop included. */
  history: StepRecord[];
  /** How many times step 9 sent the work back to step 7. */
  reworkCount: number;
  violations: Violation[];
  closedAt?: string;
  /** Working days from the report to closing (office calendar). */
  workingDays?: number;
  updatedAt: string;
  hlc: string;
}

const text = (min: number, max: number, key: string) => z.string().trim().min(min, key).max(max, 'incident.errors.tooLong');

/** An evidence file reference: checked on the device and again on the server. */
export const attachmentRefSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'incident.errors.attachmentHash'),
  name: z.string().trim().min(1, 'incident.errors.attachmentName').max(200, 'incident.errors.attachmentName'),
  type: z.string().max(100, 'incident.errors.attachmentName'),
  size: z.number().int().min(1, 'incident.errors.attachmentEmpty').max(MAX_ATTACHMENT_BYTES, 'incident.errors.attachmentTooBig'),
});

/** The report form (Formulir Laporan Insiden IT, part A). */
export const incidentReportSchema = z.object({
  title: text(5, 160, 'incident.errors.title'),
  reporterName: text(3, 100, 'incident.errors.reporterName'),
  reporterContact: z.string().trim().max(120, 'incident.errors.tooLong'),
  detectedAt: z.string().datetime({ offset: true, error: 'incident.errors.detectedAt' }),
  affectedSystems: text(2, 500, 'incident.errors.affectedSystems'),
  category: z.enum(INCIDENT_CATEGORIES, { error: 'incident.errors.category' }),
  severity: z.enum(INCIDENT_SEVERITIES, { error: 'incident.errors.severity' }),
  description: text(10, 4000, 'incident.errors.description'),
  ticketId: z.string().trim().max(64, 'incident.errors.tooLong').optional(),
  attachments: z.array(attachmentRefSchema).max(MAX_ATTACHMENTS, 'incident.errors.tooManyAttachments').optional(),
});
export type IncidentReport = z.infer<typeof incidentReportSchema>;

/** True when an open incident has run past the current step's deadline. */
export function isOverdue(i: Pick<IncidentState, 'status' | 'stepDueAt'>, now: Date): boolean {
  return i.status === 'open' && now.getTime() > Date.parse(i.stepDueAt);
}
