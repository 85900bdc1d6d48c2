/**
 * The daily operations forms' schemas: what the desk must fill before the command is sent,
 * checked all at once with each message (an i18n key) at its field, from the commands' own
 * schemas (src/shared/domain/ops). The commands re-check everything; these only save the user a
 * refusal at a time. A result is chosen from a select ('' = not recorded); a problem or a failed
 * backup needs a note of NOTE_MIN characters, as the commands ask.
 */
import { z } from 'zod';
import { NOTE_MIN } from '@shared/domain/ops/commands';
import {
  backupRunSchema, DISRUPTION_SOURCES, disruptionOpenSchema, disruptionResolveSchema, maintenanceSchema, NETWORK_ITEMS, networkCheckSchema, verificationSchema,
  type Disruption, type NetworkItem,
} from '@shared/domain/ops/state';
import type { OfficeZone } from '@shared/office-time';
import { officeInstant } from '@renderer/components/kit/form-errors';

export const CHOICES = ['', 'ok', 'bad'] as const;
export type Choice = (typeof CHOICES)[number];
const choice = z.enum(CHOICES);

/** One line of a results table: its result and its note. */
export interface ResultRow {
  result: Choice;
  note: string;
}

/** Lines with a result; a problem without a note of NOTE_MIN characters is refused at its note. */
function checkRows(rows: [string | number, ResultRow][], path: string, none: string, noNote: string, ctx: z.RefinementCtx) {
  const chosen = rows.filter(([, r]) => r.result !== '');
  if (chosen.length === 0) ctx.addIssue({ code: 'custom', path: [path], message: none });
  for (const [key, r] of chosen) if (r.result === 'bad' && r.note.length < NOTE_MIN) ctx.addIssue({ code: 'custom', path: [path, key, 'note'], message: noNote });
}

const networkRow = z.object({ result: choice, note: networkCheckSchema.shape.note });

export type NetworkValues = { rows: Record<NetworkItem, ResultRow> };
export const networkForm = z
  .object({ rows: z.object(Object.fromEntries(NETWORK_ITEMS.map((i) => [i, networkRow])) as Record<NetworkItem, typeof networkRow>) })
  .superRefine((v, ctx) => checkRows(Object.entries(v.rows), 'rows', 'ops.errors.noChecks', 'ops.errors.problemNote', ctx));
export const emptyNetwork = (): NetworkValues => ({ rows: Object.fromEntries(NETWORK_ITEMS.map((i) => [i, { result: '', note: '' }])) as Record<NetworkItem, ResultRow> });

/** One line per recordable job and target, in the table's order. */
export type BackupValues = { runs: ResultRow[] };
export const backupsForm = z
  .object({ runs: z.array(z.object({ result: choice, note: backupRunSchema.shape.note })) })
  .superRefine((v, ctx) => checkRows([...v.runs.entries()], 'runs', 'ops.errors.noRuns', 'ops.errors.failureNote', ctx));

export const resolveForm = (zone: OfficeZone) =>
  z.object({ resolvedAt: officeInstant(zone, 'ops.errors.resolvedAt'), resolution: disruptionResolveSchema.shape.resolution });

export const disruptionForm = (zone: OfficeZone) =>
  z.object({
    source: z
      .string()
      .refine((s) => (DISRUPTION_SOURCES as readonly string[]).includes(s), 'ops.errors.source')
      .transform((s) => s as Disruption['source']),
    system: disruptionOpenSchema.shape.system,
    startedAt: officeInstant(zone, 'ops.errors.startedAt'),
    actions: disruptionOpenSchema.shape.actions,
  });

export const verifyForm = z
  .object({
    job: verificationSchema.shape.job,
    restoredTo: verificationSchema.shape.restoredTo,
    result: choice.refine((r) => r !== '', 'ops.errors.result'),
    note: verificationSchema.shape.note,
  })
  .superRefine((v, ctx) => {
    if (v.result === 'bad' && v.note.length < NOTE_MIN) ctx.addIssue({ code: 'custom', path: ['note'], message: 'ops.errors.failureNote' });
  });

export const maintenanceForm = maintenanceSchema.pick({ server: true, tasks: true, notes: true });
