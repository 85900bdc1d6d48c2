import { newId } from '@shared/ids';
/**
 * A console without a store, for the sync benchmark: runs commands with the shared rules
 * (zod input, decide()), stamps the events onto one device's chain (makeEvents, signed from the bench keyring) and folds
 * them in memory. The benchmark uses it to make the office's setup events in Node (the server
 * is bootstrapped with them) and, in the page, a device's ~10k outbox events quickly. Pure:
 * no IndexedDB, no DOM; runs in Node (tsx) and in the browser.
 */
import { commands, folds } from '@shared/domain/registry';
import type { CommandHandler, Lookups } from '@shared/domain/types';
import { ORG_ID, type OrgState } from '@shared/domain/org/state';
import type { UserState } from '@shared/domain/user/state';
import { holdsIdDocument, type VisitState } from '@shared/domain/visit/state';
import type { DomainEvent } from '@shared/events';
import type { Actor } from '@shared/roles';
import { keysIn } from '@shared/domain/keys';
import { makeEvents, newChainHead, type ChainHead } from '@shared/sync/stamp';
import { keyring } from './keys';
import { idsFrom } from '@shared/ids';

export class MemoryConsole {
  head: ChainHead;
  readonly states = new Map<string, unknown>();

  constructor(deviceId: string, head?: ChainHead) {
    this.head = head ?? newChainHead(deviceId);
  }

  /** Known state (org, users) from elsewhere, e.g. another console's store. */
  seed(kind: string, id: string, state: unknown): void {
    this.states.set(`${kind}:${id}`, state);
  }

  private get org(): OrgState | undefined {
    return this.states.get(`org:${ORG_ID}`) as OrgState | undefined;
  }

  lookups(): Lookups {
    const all = (prefix: string) => [...this.states].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
    return {
      badgeHolder: async (badge) => (all('visit:') as VisitState[]).find((v) => v.badgeOut === badge)?.id,
      idDocumentHolder: async (idType, idNumber) => (all('visit:') as VisitState[]).find((v) => holdsIdDocument(v, idType, idNumber))?.id,
      user: async (id) => this.states.get(`user:${id}`) as UserState | undefined,
      userByUsername: async (u) => (all('user:') as UserState[]).find((x) => x.username === u.toLowerCase()),
      countUsers: async () => all('user:').length,
      record: async (kind, id) => this.states.get(`${kind}:${id}`),
      idsByKey: async (kind, keys) => keysIn(all(`${kind}:`) as { id: string; keys: string[] }[], keys),
    };
  }

  /** Runs a command at `now`; returns its events (throws when refused). */
  async run(actor: Actor, loose: { type: string; input: unknown }, now: Date): Promise<DomainEvent[]> {
    const command = await keyring.withKeys(loose);
    const handler = commands[command.type] as unknown as CommandHandler<unknown, unknown>;
    const input = handler.input.parse(command.input);
    const cmdId = newId();
    const recordId = handler.recordId(input);
    const state = this.states.get(`${handler.kind}:${recordId}`);
    const r = await handler.decide(input, { actor, now: now.toISOString(), state, org: this.org, lookups: this.lookups(), newId: idsFrom(cmdId) });
    if (!r.ok) throw new Error(`${command.type} refused: ${r.error.code}`);
    const signer = { userId: actor.userId, key: (await keyring.of(actor.userId)).key };
    const { events, head } = await makeEvents(this.head, signer, { type: command.type, input }, r.data, now, { cmdId });
    this.head = head;
    for (const e of events) {
      const key = `${e.kind}:${e.recordId}`;
      this.states.set(key, (folds[e.kind] as (s: unknown, ev: DomainEvent) => unknown)(this.states.get(key), e));
    }
    return events;
  }

  /** Forgets a finished visit (keeps the lookups fast). */
  forget(kind: string, id: string): void {
    this.states.delete(`${kind}:${id}`);
  }
}
