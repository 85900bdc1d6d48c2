/**
 * An in-memory console for server tests: runs commands through the shared `commands` and
 * `folds` and stamps events exactly like commit() does (stampEvents), so what the server sees
 * is what a real device sends. Its clock can be skewed. Like a console it has its own Ed25519
 * device key (in memory), which proves its sign-ins and signs its pushes.
 */
import { commands, folds, type Command } from '../../../src/shared/domain/registry';
import { ORG_ID, type OrgState } from '../../../src/shared/domain/org/state';
import type { CommandHandler, Lookups } from '../../../src/shared/domain/types';
import type { UserState } from '../../../src/shared/domain/user/state';
import type { VisitState } from '../../../src/shared/domain/visit/state';
import type { DomainEvent } from '../../../src/shared/events';
import { newId } from '../../../src/shared/ids';
import type { Actor } from '../../../src/shared/roles';
import type { SyncedEvent } from '../../../src/shared/sync/protocol';
import { keysIn } from '../../../src/shared/domain/keys';
import { newChainHead, stampEvents, type ChainHead } from '../../../src/shared/sync/stamp';
import { newDeviceSigner, proveDevice, signPush, type DeviceProof, type DeviceSigner } from '../../../src/shared/sync/device-auth';

export class TestDevice {
  readonly id: string;
  head: ChainHead;
  /** Everything this device made, in order. */
  readonly made: DomainEvent[] = [];
  readonly state = new Map<string, unknown>();
  /** Milliseconds added to the real clock (skew). */
  skewMs = 0;
  token = '';

  private signerP: Promise<DeviceSigner> | undefined;

  /** `id`: another device's id, for an impostor. */
  constructor(
    readonly name: string,
    id: string = newId(),
  ) {
    this.id = id;
    this.head = newChainHead(id);
  }

  /** This device's key (made on first use). */
  signer(): Promise<DeviceSigner> {
    return (this.signerP ??= newDeviceSigner());
  }

  /** The proof of this device's key for a server challenge (sign-in, bootstrap). */
  async proof(challenge: string): Promise<DeviceProof> {
    return proveDevice(await this.signer(), this.id, challenge);
  }

  /** The device signature of a push of `events`. */
  async pushSignature(events: readonly DomainEvent[]): Promise<string> {
    return signPush(await this.signer(), this.id, events);
  }

  private get<T>(kind: string, id: string): T | undefined {
    return this.state.get(`${kind}:${id}`) as T | undefined;
  }

  private all<T>(kind: string): T[] {
    return [...this.state].filter(([k]) => k.startsWith(`${kind}:`)).map(([, v]) => v as T);
  }

  private lookups(): Lookups {
    return {
      badgeHolder: async (badge) => this.all<VisitState>('visit').find((v) => v.badgeOut === badge)?.id,
      user: async (id) => this.get<UserState>('user', id),
      userByUsername: async (username) => this.all<UserState>('user').find((u) => u.username === username.toLowerCase()),
      countUsers: async () => this.all<UserState>('user').length,
      record: async (kind, id) => this.get(kind, id),
      idsByKey: async (kind, keys) => keysIn(this.all<{ id: string; keys: string[] }>(kind), keys),
    };
  }

  /** The actor for a user this device knows. */
  actor(userId: string): Actor {
    const u = this.get<UserState>('user', userId);
    if (!u) throw new Error(`unknown user ${userId}`);
    return { userId, roles: u.roles };
  }

  private fold(e: DomainEvent): void {
    const key = `${e.kind}:${e.recordId}`;
    this.state.set(key, (folds[e.kind] as (s: unknown, ev: DomainEvent) => unknown)(this.state.get(key), e));
  }

  /** Runs a command like commit(): throws on refusal; returns the stamped events. */
  async run(actor: Actor | string, command: Command): Promise<DomainEvent[]> {
    const who = typeof actor === 'string' ? this.actor(actor) : actor;
    const handler = commands[command.type] as unknown as CommandHandler<unknown, unknown>;
    const input = handler.input.parse(command.input);
    const now = new Date(Date.now() + this.skewMs);
    const decided = await handler.decide(input, {
      actor: who,
      now: now.toISOString(),
      state: this.get(handler.kind, handler.recordId(input)),
      org: this.get<OrgState>('org', ORG_ID),
      lookups: this.lookups(),
      newId,
    });
    if (!decided.ok) throw new Error(`refused: ${decided.error.message}`);
    const { events, head } = stampEvents(this.head, who.userId, decided.data, now);
    this.head = head;
    for (const e of events) this.fold(e);
    this.made.push(...events);
    return events;
  }

  /** Takes in pulled events made elsewhere (accepted ones are folded). */
  receive(synced: SyncedEvent[]): void {
    const mine = new Set(this.made.map((e) => e.id));
    for (const s of synced) if (s.status === 'accepted' && !mine.has(s.event.id)) this.fold(s.event as DomainEvent);
  }
}
