/** The benchmarks act as many users: their keys come from one keyring (src/shared/sync/keyring.ts). */
import type { DomainEvent } from '@shared/events';
import type { Result } from '@shared/result';
import type { Actor } from '@shared/roles';
import { Keyring } from '@shared/sync/keyring';
import { commit } from '@renderer/store/commit';
import type { ConsoleDb } from '@renderer/store/db';

export const keyring = new Keyring();

/** commit() as `actor`, signed with the actor's key from the ring. */
export async function commitAs(db: ConsoleDb, actor: Actor, command: { type: string; input: unknown }, clock?: () => Date): Promise<Result<DomainEvent[]>> {
  return commit(db, { actor, key: (await keyring.of(actor.userId)).key }, await keyring.withKeys(command), clock);
}
