/** Employee commands: technicians and admins keep the list; NIPs are unique across the office. */
import { z } from 'zod';
import { fail, ok } from '../../result';
import { hasRole } from '../../roles';
import type { CommandHandler } from '../types';
import { employeeFieldsSchema, nipKey, type EmployeeState } from './state';

export const employeeCreateInput = employeeFieldsSchema.extend({ id: z.string().uuid() });

export const employeeCreate: CommandHandler<z.infer<typeof employeeCreateInput>, EmployeeState> = {
  kind: 'employee',
  input: employeeCreateInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, 'technician', 'admin')) return fail('forbidden', 'errors.forbidden');
    if (ctx.state) return fail('exists', 'errors.exists');
    const taken = await ctx.lookups.idsByKey('employee', [nipKey(input.nip)]);
    if (taken[nipKey(input.nip)]) return fail('nip-taken', 'employee.errors.nipTaken', { field: 'nip', params: { nip: input.nip } });
    const { id, ...fields } = input;
    return ok([{ kind: 'employee', recordId: id, type: 'employee.created', payload: { ...fields } }]);
  },
};

export const employeeUpdateInput = employeeFieldsSchema.partial().extend({ id: z.string() });

export const employeeUpdate: CommandHandler<z.infer<typeof employeeUpdateInput>, EmployeeState> = {
  kind: 'employee',
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
    const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && v !== (ctx.state as unknown as Record<string, unknown>)[k]));
    if (Object.keys(changed).length === 0) return ok([]);
    return ok([{ kind: 'employee', recordId: id, type: 'employee.updated', payload: changed }]);
  },
};
