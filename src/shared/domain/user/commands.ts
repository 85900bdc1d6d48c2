/** Admins manage users and their roles; anyone may change their own password. */
import { z } from 'zod';
import { fail, ok } from '../../result';
import { hasRole } from '../../roles';
import type { CommandHandler } from '../types';
import { passwordHashSchema, userProfileSchema, type UserState } from './state';

export const userCreateInput = userProfileSchema.extend({ id: z.string().uuid(), password: passwordHashSchema });

export const userCreate: CommandHandler<z.infer<typeof userCreateInput>, UserState> = {
  kind: 'user',
  input: userCreateInput,
  recordId: (i) => i.id,
  async decide(input, { actor, state, lookups }) {
    if (!hasRole(actor, 'admin')) return fail('forbidden', 'errors.forbidden');
    if (state) return fail('exists', 'users.errors.exists');
    if (await lookups.userByUsername(input.username)) return fail('username-taken', 'users.errors.usernameTaken', { field: 'username' });
    const { id, ...payload } = input;
    return ok([{ kind: 'user', recordId: id, type: 'user.created', payload }]);
  },
};

export const userUpdateInput = userProfileSchema.omit({ username: true }).extend({ id: z.string() });

export const userUpdate: CommandHandler<z.infer<typeof userUpdateInput>, UserState> = {
  kind: 'user',
  input: userUpdateInput,
  recordId: (i) => i.id,
  async decide(input, { actor, state }) {
    if (!hasRole(actor, 'admin')) return fail('forbidden', 'errors.forbidden');
    if (!state) return fail('not-found', 'errors.notFound');
    if (actor.userId === state.id && !input.roles.includes('admin')) return fail('own-admin', 'users.errors.ownAdmin', { field: 'roles' });
    const { id: _id, ...payload } = input;
    return ok([{ kind: 'user', recordId: state.id, type: 'user.updated', payload }]);
  },
};

export const userSetPasswordInput = z.object({ id: z.string(), password: passwordHashSchema });

export const userSetPassword: CommandHandler<z.infer<typeof userSetPasswordInput>, UserState> = {
  kind: 'user',
  input: userSetPasswordInput,
  recordId: (i) => i.id,
  async decide(input, { actor, state }) {
    if (!state) return fail('not-found', 'errors.notFound');
    if (actor.userId !== state.id && !hasRole(actor, 'admin')) return fail('forbidden', 'errors.forbidden');
    return ok([{ kind: 'user', recordId: state.id, type: 'user.passwordSet', payload: { password: input.password } }]);
  },
};

export const userSetActiveInput = z.object({ id: z.string(), active: z.boolean() });

export const userSetActive: CommandHandler<z.infer<typeof userSetActiveInput>, UserState> = {
  kind: 'user',
  input: userSetActiveInput,
  recordId: (i) => i.id,
  async decide(input, { actor, state }) {
    if (!hasRole(actor, 'admin')) return fail('forbidden', 'errors.forbidden');
    if (!state) return fail('not-found', 'errors.notFound');
    if (actor.userId === state.id) return fail('self', 'users.errors.deactivateSelf');
    if (state.active === input.active) return ok([]);
    return ok([{ kind: 'user', recordId: state.id, type: input.active ? 'user.activated' : 'user.deactivated', payload: {} }]);
  },
};
