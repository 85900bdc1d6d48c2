/** Office setup (first run, which also creates the first admin) and profile changes. */
import { z } from 'zod';
import { fail, ok } from '../../result';
import { hasRole } from '../../roles';
import type { CommandHandler } from '../types';
import { passwordHashSchema, userProfileSchema } from '../user/state';
import { keyMaterialSchema } from '../../signing';
import { ORG_ID, orgProfileSchema, type OrgState } from './state';

export const orgSetupInput = z.object({
  profile: orgProfileSchema,
  admin: userProfileSchema.extend({ id: z.string().uuid(), password: passwordHashSchema, key: keyMaterialSchema }),
});

/** First run: the office profile and its first admin, in one commit. Refused once set up. */
export const orgSetUp: CommandHandler<z.infer<typeof orgSetupInput>, OrgState> = {
  kind: 'org',
  roles: 'anyone',
  input: orgSetupInput,
  recordId: () => ORG_ID,
  async decide(input, { state, lookups, actor }) {
    if (state || (await lookups.countUsers()) > 0) return fail('already-set-up', 'setup.errors.alreadySetUp');
    if (actor.userId !== input.admin.id) return fail('forbidden', 'errors.forbidden');
    const { id, password, key, ...admin } = input.admin;
    return ok([
      { kind: 'org', recordId: ORG_ID, type: 'org.setUp', payload: { ...input.profile } },
      { kind: 'user', recordId: id, type: 'user.created', payload: { ...admin, roles: [...new Set([...admin.roles, 'admin'])], password, key } },
    ]);
  },
};

export const orgUpdateInput = orgProfileSchema.partial();

/** An admin changes the office profile or settings. */
export const orgUpdate: CommandHandler<z.infer<typeof orgUpdateInput>, OrgState> = {
  kind: 'org',
  roles: ['admin'],
  input: orgUpdateInput,
  recordId: () => ORG_ID,
  async decide(input, { state, actor }) {
    if (!hasRole(actor, 'admin')) return fail('forbidden', 'errors.forbidden');
    if (!state) return fail('not-set-up', 'setup.errors.notSetUp');
    return ok([{ kind: 'org', recordId: ORG_ID, type: 'org.updated', payload: { ...input } }]);
  },
};
