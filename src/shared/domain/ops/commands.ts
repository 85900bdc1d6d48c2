/**
 * Daily operations commands and their rules (DOMAIN.md §6, SOP 3-4). The desk (officers,
 * technicians, admins) records the morning network check, disruptions and backup results and
 * verifications; the server maintenance log is the IT team's (technicians, admins). Auditors
 * only read. Every command names the day by its office-local date, which is the record's id:
 * a day not yet begun in the office's zone is refused, and any event may be a day's first, so
 * two consoles recording the same day simply add to one record.
 */
import { z } from 'zod';
import type { EventDraft } from '../../events';
import { fail, ok, type Result } from '../../result';
import { hasRole, type Role } from '../../roles';
import { localDate } from '../../office-time';
import { draftMaker } from '../kind';
import type { CommandHandler, DecideContext } from '../types';
import { opsdayEvents } from './events';
import {
  backupJobs, backupRunSchema, disruptionOpenSchema, disruptionResolveSchema, maintenanceSchema, networkCheckSchema, opsDateSchema,
  verificationSchema, type OpsDayState,
} from './state';

type Ctx = DecideContext<OpsDayState>;
const DESK: Role[] = ['officer', 'technician', 'admin'];
const IT: Role[] = ['technician', 'admin'];
const draft = draftMaker('opsday', opsdayEvents);
/** A problem or a failure needs a note this long to say what was seen (the forms check it too). */
export const NOTE_MIN = 5;

/** The actor may record, the office is set up and the day has begun in the office's zone. */
function guard(ctx: Ctx, roles: Role[], date: string): Result<true> {
  if (!hasRole(ctx.actor, ...roles)) return fail('forbidden', 'errors.forbidden');
  if (!ctx.org) return fail('not-set-up', 'setup.errors.notSetUp');
  if (date > localDate(ctx.now, ctx.org.timeZone)) return fail('future-day', 'ops.errors.futureDay', { field: 'date' });
  return ok(true);
}

function knownJob(job: string, ctx: Ctx): string | undefined {
  return backupJobs(ctx.org).find((j) => j.toLowerCase() === job.trim().toLowerCase());
}

export const opsCheckNetworkInput = z.object({
  date: opsDateSchema,
  items: z
    .array(networkCheckSchema)
    .min(1, 'ops.errors.noChecks')
    .refine((l) => new Set(l.map((c) => c.item)).size === l.length, 'ops.errors.itemTwice'),
});

/** The morning check of some or all items; re-checking an item later replaces it (the events keep each one). */
export const opsCheckNetwork: CommandHandler<z.infer<typeof opsCheckNetworkInput>, OpsDayState> = {
  kind: 'opsday',
  roles: DESK,
  input: opsCheckNetworkInput,
  recordId: (i) => i.date,
  async decide(input, ctx) {
    const g = guard(ctx, DESK, input.date);
    if (!g.ok) return g;
    const bad = input.items.findIndex((c) => !c.ok && c.note.length < NOTE_MIN);
    if (bad >= 0) return fail('note', 'ops.errors.problemNote', { field: `items.${bad}.note` });
    return ok(input.items.map((c) => draft(input.date, 'opsday.networkChecked', { item: c.item, ok: c.ok, note: c.note })));
  },
};

export const opsOpenDisruptionInput = disruptionOpenSchema.extend({ date: opsDateSchema });

/** A disruption is recorded on the day it started, with its source and what was done so far. */
export const opsOpenDisruption: CommandHandler<z.infer<typeof opsOpenDisruptionInput>, OpsDayState> = {
  kind: 'opsday',
  roles: DESK,
  input: opsOpenDisruptionInput,
  recordId: (i) => i.date,
  async decide(input, ctx) {
    const g = guard(ctx, DESK, input.date);
    if (!g.ok) return g;
    const zone = ctx.org!.timeZone;
    if (Date.parse(input.startedAt) > Date.parse(ctx.now)) return fail('future', 'ops.errors.startedFuture', { field: 'startedAt' });
    if (localDate(input.startedAt, zone) !== input.date) return fail('other-day', 'ops.errors.startedOtherDay', { field: 'startedAt', params: { date: input.date } });
    if (ctx.state?.disruptions.some((d) => d.id === input.disruptionId)) return fail('exists', 'errors.exists');
    const { date, ...d } = input;
    return ok([draft(date, 'opsday.disruptionOpened', { ...d, startedAt: new Date(d.startedAt).toISOString() })]);
  },
};

export const opsResolveDisruptionInput = disruptionResolveSchema.extend({ date: opsDateSchema });

/** An open disruption is resolved, that day or later: it stays on its start day's record. */
export const opsResolveDisruption: CommandHandler<z.infer<typeof opsResolveDisruptionInput>, OpsDayState> = {
  kind: 'opsday',
  roles: DESK,
  input: opsResolveDisruptionInput,
  recordId: (i) => i.date,
  async decide(input, ctx) {
    const g = guard(ctx, DESK, input.date);
    if (!g.ok) return g;
    const d = ctx.state?.disruptions.find((x) => x.id === input.disruptionId);
    if (!d) return fail('not-found', 'errors.notFound');
    if (d.resolvedAt) return fail('resolved', 'ops.errors.alreadyResolved');
    const at = Date.parse(input.resolvedAt);
    if (at < Date.parse(d.startedAt)) return fail('before-start', 'ops.errors.resolvedBeforeStart', { field: 'resolvedAt' });
    if (at > Date.parse(ctx.now)) return fail('future', 'ops.errors.resolvedFuture', { field: 'resolvedAt' });
    return ok([draft(input.date, 'opsday.disruptionResolved', { disruptionId: d.id, resolvedAt: new Date(at).toISOString(), resolution: input.resolution })]);
  },
};

export const opsRecordBackupInput = z.object({
  date: opsDateSchema,
  runs: z
    .array(backupRunSchema)
    .min(1, 'ops.errors.noRuns')
    .refine((l) => new Set(l.map((r) => `${r.job.toLowerCase()}|${r.target}`)).size === l.length, 'ops.errors.runTwice'),
});

/** The day's backup results, per job and target (local or cloud); recording one again replaces it. */
export const opsRecordBackup: CommandHandler<z.infer<typeof opsRecordBackupInput>, OpsDayState> = {
  kind: 'opsday',
  roles: DESK,
  input: opsRecordBackupInput,
  recordId: (i) => i.date,
  async decide(input, ctx) {
    const g = guard(ctx, DESK, input.date);
    if (!g.ok) return g;
    const events: EventDraft[] = [];
    for (const [i, r] of input.runs.entries()) {
      const job = knownJob(r.job, ctx);
      if (!job) return fail('unknown-job', 'ops.errors.unknownJob', { field: `runs.${i}.job`, params: { job: r.job } });
      if (!r.ok && r.note.length < NOTE_MIN) return fail('note', 'ops.errors.failureNote', { field: `runs.${i}.note` });
      events.push(draft(input.date, 'opsday.backupRecorded', { job, target: r.target, ok: r.ok, note: r.note }));
    }
    return ok(events);
  },
};

export const opsVerifyBackupInput = verificationSchema.extend({ date: opsDateSchema });

/** The weekly verification: a job's backup restored somewhere and checked. */
export const opsVerifyBackup: CommandHandler<z.infer<typeof opsVerifyBackupInput>, OpsDayState> = {
  kind: 'opsday',
  roles: DESK,
  input: opsVerifyBackupInput,
  recordId: (i) => i.date,
  async decide(input, ctx) {
    const g = guard(ctx, DESK, input.date);
    if (!g.ok) return g;
    const job = knownJob(input.job, ctx);
    if (!job) return fail('unknown-job', 'ops.errors.unknownJob', { field: 'job', params: { job: input.job } });
    if (!input.ok && input.note.length < NOTE_MIN) return fail('note', 'ops.errors.failureNote', { field: 'note' });
    if (ctx.state?.verifications.some((v) => v.id === input.verificationId)) return fail('exists', 'errors.exists');
    const { date, ...v } = input;
    return ok([draft(date, 'opsday.backupVerified', { ...v, job })]);
  },
};

export const opsLogMaintenanceInput = maintenanceSchema.extend({ date: opsDateSchema });

/** The weekly maintenance of one server: which tasks were done, and notes. */
export const opsLogMaintenance: CommandHandler<z.infer<typeof opsLogMaintenanceInput>, OpsDayState> = {
  kind: 'opsday',
  roles: IT,
  input: opsLogMaintenanceInput,
  recordId: (i) => i.date,
  async decide(input, ctx) {
    const g = guard(ctx, IT, input.date);
    if (!g.ok) return g;
    if (ctx.state?.maintenance.some((m) => m.id === input.entryId)) return fail('exists', 'errors.exists');
    const { date, ...m } = input;
    return ok([draft(date, 'opsday.maintenanceLogged', m)]);
  },
};
