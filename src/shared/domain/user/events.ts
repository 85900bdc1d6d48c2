/** The console users' events (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { roleSchema } from '../../roles';

/** A password verifier as `passwordHashSchema` gives it. */
const passwordHash = z.strictObject({ alg: z.literal('PBKDF2-SHA256'), iterations: z.number(), salt: z.string(), hash: z.string() });

export const userEvents = {
  'user.created': z.strictObject({
    username: z.string(),
    displayName: z.string(),
    nip: z.string().optional(),
    roles: z.array(roleSchema),
    password: passwordHash,
  }),
  'user.updated': z.strictObject({ displayName: z.string(), nip: z.string().optional(), roles: z.array(roleSchema) }),
  'user.passwordSet': z.strictObject({ password: passwordHash }),
  'user.activated': z.strictObject({}),
  'user.deactivated': z.strictObject({}),
};
