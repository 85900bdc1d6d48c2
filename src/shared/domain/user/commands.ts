/** Admins manage users and their roles; anyone may change their own password. */
import { z } from 'zod';
import { fail, ok } from '../../result';
import { hasRole } from '../../roles';
import { keyMaterialSchema } from '../../signing';
import type { CommandHandler } from '../types';
import { passwordHashSchema, userProfileSchema, type UserState } from './state';

/** A new user comes with their first key pair, made on the admin's console and certified by the admin's signature. */
export const userCreateInput = userProfileSchema.extend({ id: z.string().uuid(), password: passwordHashSchema, key: keyMaterialSchema });

export const userCreate: CommandHandler<z.infer<typeof userCreateInput>, UserState> = {
  kind: 'user',
  roles: ['admin'],
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
  roles: ['admin'],
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

export const userSetPasswordInput = z.object({ id: z.string(), password: passwordHashSchema, key: keyMaterialSchema });

/**
 * A new password always comes with a new key pair. The user changing their own password rotates
 * their key (the event is signed with the old one); an admin setting another user's password is
 * a reset: a one-time password and key, and the user must choose their own at the next sign-in.
 */
export const userSetPassword: CommandHandler<z.infer<typeof userSetPasswordInput>, UserState> = {
  kind: 'user',
  roles: ['admin'],
  self: true,
  input: userSetPasswordInput,
  recordId: (i) => i.id,
  async decide(input, { actor, state }) {
    if (!state) return fail('not-found', 'errors.notFound');
    const own = actor.userId === state.id;
    if (!own && !hasRole(actor, 'admin')) return fail('forbidden', 'errors.forbidden');
    return ok([{ kind: 'user', recordId: state.id, type: 'user.passwordSet', payload: { password: input.password, key: input.key, reason: own ? 'rotated' : 'reset' } }]);
  },
};

export const userEnrolKeyInput = z.object({ id: z.string(), key: keyMaterialSchema });

/**
 * Upgrade: a user made before signed events enrols their first key themself, signing with it.
 * Only while they have none; the sync server also requires that the user proved their password
 * to it for this key (POST /api/auth/key-proof), since anyone could make such an event.
 */
export const userEnrolKey: CommandHandler<z.infer<typeof userEnrolKeyInput>, UserState> = {
  kind: 'user',
  roles: [],
  self: true,
  input: userEnrolKeyInput,
  recordId: (i) => i.id,
  async decide(input, { actor, state }) {
    if (!state) return fail('not-found', 'errors.notFound');
    if (actor.userId !== state.id) return fail('forbidden', 'errors.forbidden');
    if ((state.keys ?? []).length > 0) return fail('has-key', 'users.errors.hasKey');
    return ok([{ kind: 'user', recordId: state.id, type: 'user.keyEnrolled', payload: { key: input.key } }]);
  },
};

export const userSetActiveInput = z.object({ id: z.string(), active: z.boolean() });

export const userSetActive: CommandHandler<z.infer<typeof userSetActiveInput>, UserState> = {
  kind: 'user',
  roles: ['admin'],
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
