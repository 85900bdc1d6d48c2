/**
 * Whether an actor may run a command, answered from the role rule each command declares
 * (`roles`, `self`; see types.ts) — the rule its decide() checks first. Screens ask this before
 * offering an action, so a button never promises what the command would refuse as forbidden.
 * It answers for the actor's roles only: the record's state (a step that is not the actor's
 * turn, an approver deciding their own registration) is still the command's to refuse.
 */
import { ROLES, type Role } from '@shared/roles';
import { commands, type CommandType } from './registry';
import type { CommandHandler } from './types';

/**
 * Who asks: an actor (`userId`) or the signed-in user's record (`id`) — its roles, and its id for a
 * command a user may run on their own record.
 */
export interface Asker {
  roles: readonly Role[];
  userId?: string;
  id?: string;
}

/** The role rule a command declares. */
export function commandRule(type: CommandType): Pick<CommandHandler<unknown, unknown>, 'roles' | 'self'> {
  const { roles, self } = commands[type] as CommandHandler<unknown, unknown>;
  return { roles, self };
}

/**
 * True when the actor may run the command: they hold one of its roles, or it lets a user act on
 * their own user record and `recordId` is theirs. No actor (nobody signed in): false.
 */
export function can(actor: Asker | null | undefined, type: CommandType, recordId?: string): boolean {
  if (!actor) return false;
  const { roles, self } = commandRule(type);
  if (roles === 'anyone') return true;
  if (roles.some((r) => actor.roles.includes(r))) return true;
  return !!self && recordId !== undefined && (actor.userId ?? actor.id) === recordId;
}

/** The roles that may run a command (a navigation entry's `roles`); none for a command users run only on their own record. */
export function rolesFor(type: CommandType): Role[] {
  const { roles } = commandRule(type);
  return roles === 'anyone' ? [...ROLES] : [...roles];
}
