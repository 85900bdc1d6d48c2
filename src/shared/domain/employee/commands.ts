/** Employee commands: technicians and admins keep the list; NIPs are unique across the office. */
import { z } from 'zod';
import { fail, ok } from '../../result';
import { hasRole } from '../../roles';
import type { EventDraft } from '../../events';
import { draftMaker } from '../kind';
import { repeatsAnId, type CommandHandler } from '../types';
import { employeeEvents } from './events';
import { employeeChanges, repeatedNips } from './import';
import { employeeFieldsSchema, nipKey, type EmployeeFields, type EmployeeState } from './state';

const draft = draftMaker('employee', employeeEvents);

export const employeeCreateInput = employeeFieldsSchema.extend({ id: z.string().uuid() });

export const employeeCreate: CommandHandler<z.infer<typeof employeeCreateInput>, EmployeeState> = {
  kind: 'employee',
  roles: ['technician', 'admin'],
  input: employeeCreateInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, 'technician', 'admin')) return fail('forbidden', 'errors.forbidden');
    if (ctx.state) return fail('exists', 'errors.exists');
    const taken = await ctx.lookups.idsByKey('employee', [nipKey(input.nip)]);
    if (taken[nipKey(input.nip)]) return fail('nip-taken', 'employee.errors.nipTaken', { field: 'nip', params: { nip: input.nip } });
    const { id, ...fields } = input;
    return ok([draft(id, 'employee.created', { ...fields })]);
  },
};

export const employeeUpdateInput = employeeFieldsSchema.partial().extend({ id: z.string() });

export const employeeUpdate: CommandHandler<z.infer<typeof employeeUpdateInput>, EmployeeState> = {
  kind: 'employee',
  roles: ['technician', 'admin'],
  input: employeeUpdateInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, 'technician', 'admin')) return fail('forbidden', 'errors.forbidden');
    if (!ctx.state) return fail('not-found', 'errors.notFound');
    const { id, ...fields } = input;
    if (fields.nip && fields.nip !== ctx.state.nip) {
      const holder = (await ctx.lookups.idsByKey('employee', [nipKey(fields.nip)]))[nipKey(fields.nip)];
      if (holder && holder !== id) return fail('nip-taken', 'employee.errors.nipTaken', { field: 'nip', params: { nip: fields.nip } });
    }
    const changed: Partial<EmployeeFields> = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && v !== (ctx.state as unknown as Record<string, unknown>)[k]));
    if (Object.keys(changed).length === 0) return ok([]);
    return ok([draft(id, 'employee.updated', changed)]);
  },
};

export const employeeImportInput = z.object({ rows: z.array(employeeCreateInput).min(1, 'employee.import.errors.empty').max(20_000, 'employee.import.errors.tooMany') });

/**
 * A personnel list in ONE commit: a row whose NIP the office already holds updates that
 * employee (only the fields that differ), the others are added; all or nothing. The sync
 * server re-checks each event like a single employee.create / employee.update.
 */
export const employeeImport: CommandHandler<z.infer<typeof employeeImportInput>, EmployeeState> = {
  kind: 'employee',
  roles: ['technician', 'admin'],
  input: employeeImportInput,
  recordId: (i) => i.rows[0]!.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, 'technician', 'admin')) return fail('forbidden', 'errors.forbidden');
    if (repeatsAnId(input.rows)) return fail('exists', 'errors.exists');
    const repeated = repeatedNips(input.rows)[0];
    if (repeated) return fail('nip-repeated', repeated.message, { field: 'rows.nip', params: { ...repeated.params, row: repeated.row + 1 } });
    const taken = await ctx.lookups.idsByKey('employee', input.rows.map((r) => nipKey(r.nip)));
    const drafts: EventDraft[] = [];
    for (const [i, { id, ...fields }] of input.rows.entries()) {
      const holder = taken[nipKey(fields.nip)];
      if (holder && holder !== id) return fail('nip-taken', 'employee.errors.nipTaken', { field: 'rows.nip', params: { nip: fields.nip, row: i + 1 } });
      const current = (await ctx.lookups.record('employee', id)) as EmployeeState | undefined;
      if (!current) drafts.push(draft(id, 'employee.created', { ...fields }));
      else {
        const changes = employeeChanges(fields, current);
        if (Object.keys(changes).length > 0) drafts.push(draft(id, 'employee.updated', changes));
      }
    }
    return ok(drafts);
  },
};
