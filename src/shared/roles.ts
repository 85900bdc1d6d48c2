/** Roles of DOMAIN.md, and who may do what. A person may hold several roles. */
import { z } from 'zod';

export const ROLES = ['officer', 'approver', 'technician', 'security_lead', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Who is acting: the signed-in user and their roles. */
export interface Actor {
  userId: string;
  roles: readonly Role[];
}

/** True when the actor holds at least one of the roles. */
export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
