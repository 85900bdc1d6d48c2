/** The console users' events (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { roleSchema } from '../../roles';

/** A password verifier as `passwordHashSchema` gives it. */
const passwordHash = z.strictObject({ alg: z.literal('PBKDF2-SHA256'), iterations: z.number(), salt: z.string(), hash: z.string() });

/** A new key pair as a command carries it: the public key, its id, the private key wrapped under the password. */
const keyMaterial = z.strictObject({
  publicKey: z.string(),
  keyId: z.string(),
  wrapped: z.strictObject({ alg: z.literal('PBKDF2-SHA256/AES-GCM'), iterations: z.number(), salt: z.string(), iv: z.string(), data: z.string() }),
});

export const userEvents = {
  /** `key` is absent on users created before signed events. */
  'user.created': z.strictObject({
    username: z.string(),
    displayName: z.string(),
    nip: z.string().optional(),
    roles: z.array(roleSchema),
    password: passwordHash,
    key: keyMaterial.optional(),
  }),
  'user.updated': z.strictObject({ displayName: z.string(), nip: z.string().optional(), roles: z.array(roleSchema) }),
  /** A new password and key: the user's own change ('rotated') or an admin's reset. Before signed events: the password only. */
  'user.passwordSet': z.strictObject({ password: passwordHash, key: keyMaterial.optional(), reason: z.enum(['rotated', 'reset']).optional() }),
  /** Upgrade: a user from before signed events enrols their first key. */
  'user.keyEnrolled': z.strictObject({ key: keyMaterial }),
  'user.activated': z.strictObject({}),
  'user.deactivated': z.strictObject({}),
};
