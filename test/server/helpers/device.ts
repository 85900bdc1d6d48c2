/**
 * An in-memory console for server tests: runs commands through the shared `commands` and
 * `folds` and makes signed events exactly like commit() does (`makeEvents`: ids drawn from the
 * command's id, the command on its first event, the actor's signature with their test key and
 * any countersignatures, then the device's chain), so what the server sees is what a real
 * device sends. Unlike commit(), it signs whatever it is told to (a missing countersigner is
 * the server's to refuse). Its clock can be skewed. Like a console it has its own Ed25519
 * device key (in memory), which proves its sign-ins and signs its pushes.
 */
import { commands, folds } from '@shared/domain/registry';
import { ORG_ID, type OrgState } from '@shared/domain/org/state';
import type { CommandHandler, Lookups } from '@shared/domain/types';
import type { UserState } from '@shared/domain/user/state';
import { holdsIdDocument, type VisitState } from '@shared/domain/visit/state';
import type { CommandCall, DomainEvent, EventDraft } from '@shared/events';
import { idsFrom, newId } from '@shared/ids';
import type { Actor } from '@shared/roles';
import type { SyncedEvent } from '@shared/sync/protocol';
import { keysIn } from '@shared/domain/keys';
import { chainEvents, makeEvents, newChainHead, prepareEvents, type ChainHead, type PreparedEvent } from '@shared/sync/stamp';
import { newDeviceSigner, proveDevice, signPush, type DeviceProof, type DeviceSigner } from '@shared/sync/device-auth';
import { forgetRotation, signerOf, withKeys, type TestCommand } from '../../fixtures/signing';

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
      idDocumentHolder: async (idType, idNumber) => this.all<VisitState>('visit').find((v) => holdsIdDocument(v, idType, idNumber))?.id,
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

  /** Decides a command on this device's state as commit() does (ids drawn from the command's id); throws on refusal. */
  private async decide(actor: Actor | string, loose: TestCommand) {
    const who = typeof actor === 'string' ? this.actor(actor) : actor;
    const signer = await signerOf(who.userId);
    const command = await withKeys(loose);
    const handler = commands[command.type] as unknown as CommandHandler<unknown, unknown>;
    const input = handler.input.parse(command.input);
    const now = new Date(Date.now() + this.skewMs);
    const cmdId = newId();
    const decided = await handler.decide(input, {
      actor: who,
      now: now.toISOString(),
      state: this.get(handler.kind, handler.recordId(input)),
      org: this.get<OrgState>('org', ORG_ID),
      lookups: this.lookups(),
      newId: idsFrom(cmdId),
    });
    if (!decided.ok) {
      await forgetRotation(loose, command);
      throw new Error(`refused: ${decided.error.message}`);
    }
    return { signer, call: { type: command.type, input } as CommandCall, drafts: decided.data, now, cmdId };
  }

  /**
   * Runs a command like commit(): throws on refusal; returns the signed events. Key material
   * the command lacks comes from the test keyring (withKeys); `cosigners` countersign with
   * their test keys.
   */
  async run(actor: Actor | string, loose: TestCommand, opts: { cosigners?: readonly string[] } = {}): Promise<DomainEvent[]> {
    const { signer, call, drafts, now, cmdId } = await this.decide(actor, loose);
    if (drafts.length === 0) return [];
    const cosigners = await Promise.all((opts.cosigners ?? []).map(signerOf));
    const { events, head } = await makeEvents(this.head, signer, call, drafts, now, { cmdId, cosigners });
    this.head = head;
    for (const e of events) this.fold(e);
    this.made.push(...events);
    return events;
  }

  /** A command's events as this device would make them, before signing and chaining: for tests that alter or forge them. */
  async prepare(actor: Actor | string, loose: TestCommand): Promise<PreparedEvent[]> {
    const { call, drafts, now, cmdId } = await this.decide(actor, loose);
    return prepareEvents(drafts, { cmdId, command: call, actorId: typeof actor === 'string' ? actor : actor.userId, deviceId: this.id, at: now.toISOString() });
  }

  /** Events made by hand, skipping this device's own rules (what a tampered console sends). */
  forge(actorId: string, command: CommandCall, drafts: EventDraft[]): PreparedEvent[] {
    return prepareEvents(drafts, { cmdId: newId(), command, actorId, deviceId: this.id, at: new Date(Date.now() + this.skewMs).toISOString() });
  }

  /**
   * Places events (signed or not) on this device's chain as the next ones, without folding them
   * here unless `fold` (a tampered console that goes on from what it forged).
   */
  append(prepared: readonly PreparedEvent[], fold = false): DomainEvent[] {
    const { events, head } = chainEvents(this.head, prepared, new Date(Date.now() + this.skewMs));
    this.head = head;
    this.made.push(...events);
    if (fold) for (const e of events) this.fold(e);
    return events;
  }

  /** Takes in pulled events made elsewhere (accepted ones are folded). */
  receive(synced: SyncedEvent[]): void {
    const mine = new Set(this.made.map((e) => e.id));
    for (const s of synced) if (s.status === 'accepted' && !mine.has(s.event.id)) this.fold(s.event as DomainEvent);
  }
}
