/**
 * `can(actor, command)` answers from the role rule each command declares, and that rule is the
 * one the command's decide() applies: for every command and every role (and no role at all),
 * `can` says yes exactly when decide() does not refuse the actor as forbidden.
 */
import { describe, expect, it } from 'vitest';
import { can, commandRule, rolesFor } from '@shared/domain/can';
import { commands, type CommandType } from '@shared/domain/registry';
import type { CommandHandler, Lookups } from '@shared/domain/types';
import { ROLES, type Role } from '@shared/roles';
import { TEST_ORG } from './world';

const RECORD = 'rec-1';

/**
 * A context in which decide() reaches its role check: a record exists (its state matches no
 * status, so a permitted actor is refused for the state, never as forbidden) and every lookup
 * finds something plausible (the incident a ticket is linked to names that ticket).
 */
const lookups: Lookups = {
  badgeHolder: async () => undefined,
  idDocumentHolder: async () => undefined,
  user: async () => undefined,
  userByUsername: async () => undefined,
  countUsers: async () => 0,
  record: async () => ({ id: 'other', ticketId: RECORD, status: 'active' }),
  idsByKey: async () => ({}),
};

async function forbidden(type: CommandType, actor: { userId: string; roles: Role[] }): Promise<boolean> {
  const handler = commands[type] as CommandHandler<unknown, unknown>;
  const input = { id: RECORD, date: '2026-01-05', admin: { id: actor.userId, roles: [] }, rows: [{ id: 'row-1' }] };
  const state = { id: RECORD, status: '—', keys: [{ keyId: 'k' }] };
  try {
    const r = await handler.decide(input, { actor, now: '2026-01-05T03:00:00.000Z', state: type === 'org.setUp' ? undefined : state, org: TEST_ORG, lookups, newId: () => 'new-id' });
    return !r.ok && r.error.code === 'forbidden';
  } catch {
    // Past the role check, on an input the stub does not fill.
    return false;
  }
}

const types = Object.keys(commands) as CommandType[];
const actors: { label: string; roles: Role[] }[] = [{ label: 'no role', roles: [] }, ...ROLES.map((r) => ({ label: r, roles: [r] }))];
const table = types.flatMap((type) => actors.map((a) => [type, a.label, a.roles] as const));

describe('can(actor, command)', () => {
  it('covers every command of the registry', () => {
    expect(types.length).toBeGreaterThan(50);
    for (const type of types) expect(commandRule(type).roles).toBeDefined();
  });

  it.each(table)('%s as %s: can() agrees with decide()', async (type, _label, roles) => {
    const actor = { userId: 'someone-else', roles };
    expect(can(actor, type, RECORD)).toBe(!(await forbidden(type, actor)));
  });

  it.each(types.filter((t) => commandRule(t).self))('%s: a user may run it on their own record, whatever their roles', async (type) => {
    const actor = { userId: RECORD, roles: [] as Role[] };
    expect(can(actor, type, RECORD)).toBe(true);
    expect(await forbidden(type, actor)).toBe(false);
    expect(can({ id: RECORD, roles: [] }, type, RECORD)).toBe(true);
    expect(can(actor, type, 'another-record')).toBe(false);
  });

  it('says no when nobody is signed in, and lists the roles for navigation', () => {
    expect(can(undefined, 'ticket.receive')).toBe(false);
    expect(can(null, 'org.update')).toBe(false);
    expect(rolesFor('access.decide')).toEqual(['admin']);
    expect(rolesFor('ticket.receive')).toEqual(['officer', 'technician', 'admin']);
  });
});
