/** Users of the console, their roles and their password verifiers. */
import { z } from 'zod';
import { roleSchema, type Role } from '../../roles';
import type { UserKey, WrappedKey } from '../../signing';

export interface PasswordHash {
  alg: 'PBKDF2-SHA256';
  iterations: number;
  /** Hex. */
  salt: string;
  /** Hex, 256 bits. */
  hash: string;
}

export const passwordHashSchema = z.object({
  alg: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(1000),
  salt: z.string().regex(/^[0-9a-f]{32,}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export interface UserState {
  id: string;
  username: string;
  displayName: string;
  /** Employee number (NIP), printed under signatures. */
  nip?: string;
  roles: Role[];
  password: PasswordHash;
  /** The user's signing keys, oldest first; the current one has no `to`. Absent on a user made
   *  before signed events who has not enrolled a key yet. */
  keys?: UserKey[];
  /** The current private key, wrapped under the password (signing.ts). */
  wrappedKey?: WrappedKey;
  /** Set by an admin's reset: the one-time password must be changed at the next sign-in, and
   *  nothing else may be done until it is. */
  mustChangePassword?: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  /** The HLC of the last event folded in. */
  hlc: string;
}

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'users.errors.username');

export const userProfileSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(3, 'users.errors.displayName').max(80, 'users.errors.displayName'),
  nip: z
    .string()
    .trim()
    .regex(/^(\d{18})?$/, 'users.errors.nip')
    .optional(),
  roles: z.array(roleSchema).min(1, 'users.errors.roles'),
});

/** Password rules a person must meet when choosing one. */
export const newPasswordSchema = z
  .string()
  .min(8, 'users.errors.passwordShort')
  .max(128, 'users.errors.passwordLong')
  .regex(/[A-Za-z]/, 'users.errors.passwordWeak')
  .regex(/\d/, 'users.errors.passwordWeak');
