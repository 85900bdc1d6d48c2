/**
 * An office in memory for domain tests: records by kind and id, users, the office, commands run
 * from the registry with their real decide() (ids drawn from the command's id, as commit()
 * does), every command's events prepared and chained like commit() makes them (carrying `cmd`
 * and the command; not signed: the domain tests do not need signatures) and folded with the
 * registry's folds; every draft a command produces must parse with its event type's schema
 * (`expectDraftsParse`); `refused()` also checks nothing was written, and `replayOnServer()`
 * re-checks every command like the sync server does: its events parse (`parseEvent`) and a
 * replay of the command on a fresh office produces them exactly.
 */
import { idsFrom, newId } from '@shared/ids';
import { expect } from 'vitest';
import { commands, folds, type CommandType } from '@shared/domain/registry';
import type { CommandHandler, Lookups } from '@shared/domain/types';
import { keysIn } from '@shared/domain/keys';
import { ORG_ID, type OrgState } from '@shared/domain/org/state';
import type { UserState } from '@shared/domain/user/state';
import { holdsIdDocument, type VisitState } from '@shared/domain/visit/state';
import { groupByCommand, parseCommand, replayGroup } from '@shared/sync/replay';
import { chainEvents, newChainHead, prepareEvents, type ChainHead } from '@shared/sync/stamp';
import { checkContent, parseEvent } from '@shared/domain/event-schemas';
import type { DomainEvent, EventDraft, RecordKind } from '@shared/events';
import type { Failure, Result } from '@shared/result';
import type { Actor, Role } from '@shared/roles';

const PW = { alg: 'PBKDF2-SHA256' as const, iterations: 1000, salt: '0'.repeat(32), hash: '0'.repeat(64) };

export function testUser(id: string, roles: Role[], active = true): UserState {
  return { id, username: id, displayName: `User ${id}`, roles, password: PW, active, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', hlc: '' };
}
export const actorOf = (u: UserState): Actor => ({ userId: u.id, roles: u.roles });

export const TEST_ORG: OrgState = {
  id: ORG_ID, name: 'Dinas Komunikasi dan Informatika', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1, Bandung', timeZone: 'WIB',
  badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15, updatedAt: '2026-01-01T00:00:00.000Z', hlc: '',
};

/**
 * Every draft a command produced parses with its event type's schema (`<kind>/events.ts`): each
 * domain test that runs a command also keeps the schemas in step with what decide() produces.
 */
/**
 * What a test world does with a command whose input parsed: decide as a device would (the ids
 * of parts derived from the command's id), check the drafts against their schemas, and place
 * the events on the world's chain (no signatures: domain tests replay, they do not verify).
 */
export async function decideAndChain(o: {
  type: CommandType;
  handler: CommandHandler<unknown, unknown>;
  input: unknown;
  actor: Actor;
  now: string;
  state: unknown;
  org: OrgState | undefined;
  lookups: Lookups;
  head: ChainHead;
}): Promise<{ r: Result<EventDraft[]>; events: DomainEvent[]; head: ChainHead }> {
  const cmdId = newId();
  const r = await o.handler.decide(o.input, { actor: o.actor, now: o.now, state: o.state, org: o.org, lookups: o.lookups, newId: idsFrom(cmdId) });
  if (!r.ok || r.data.length === 0) return { r, events: [], head: o.head };
  expectDraftsParse(r.data);
  const prepared = prepareEvents(r.data, { cmdId, command: { type: o.type, input: o.input }, actorId: o.actor.userId, deviceId: 'dev', at: o.now });
  const { events, head } = chainEvents(o.head, prepared, new Date(o.now));
  return { r, events, head };
}

export function expectDraftsParse(drafts: readonly EventDraft[]): void {
  for (const d of drafts) expect(checkContent(d), `${d.type} ${JSON.stringify(d.payload)}`).toEqual({ ok: true, data: true });
}

export class World {
  records = new Map<string, unknown>();
  events: DomainEvent[] = [];
  users: Map<string, UserState>;
  org: OrgState;
  now = '2026-03-02T01:00:00.000Z';
  private head: ChainHead = newChainHead('dev');

  constructor(users: UserState[], org: OrgState = TEST_ORG) {
    this.users = new Map(users.map((u) => [u.id, u]));
    this.org = org;
  }

  lookups: Lookups = {
    badgeHolder: async () => undefined,
    idDocumentHolder: async (idType, idNumber) => (this.all('visit') as VisitState[]).find((v) => holdsIdDocument(v, idType, idNumber))?.id,
    user: async (id) => this.users.get(id),
    userByUsername: async (u) => this.users.get(u),
    countUsers: async () => this.users.size,
    record: async (kind, id) => (kind === 'user' ? this.users.get(id) : this.records.get(`${kind}:${id}`)),
    idsByKey: async (kind, keys) => keysIn(this.all(kind) as { id: string; keys: string[] }[], keys),
  };

  all(kind: RecordKind): unknown[] {
    return [...this.records].filter(([k]) => k.startsWith(`${kind}:`)).map(([, v]) => v);
  }

  get<T>(kind: RecordKind, id: string): T {
    return this.records.get(`${kind}:${id}`) as T;
  }

  advanceHours(hours: number): void {
    this.now = new Date(Date.parse(this.now) + hours * 3_600_000).toISOString();
  }

  async run(type: CommandType, input: unknown, actor: Actor): Promise<Result<EventDraft[]>> {
    const handler = commands[type] as unknown as CommandHandler<unknown, unknown>;
    const parsed = handler.input.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: { code: 'invalid-input', message: issue?.message ?? '', field: issue?.path.join('.') } };
    }
    const state = this.records.get(`${handler.kind}:${handler.recordId(parsed.data)}`);
    const { r, events, head } = await decideAndChain({ type, handler, input: parsed.data, actor, now: this.now, state, org: this.org, lookups: this.lookups, head: this.head });
    this.head = head;
    for (const e of events) {
      this.events.push(e);
      this.fold(e);
    }
    return r;
  }

  fold(e: DomainEvent): void {
    const key = `${e.kind}:${e.recordId}`;
    this.records.set(key, (folds[e.kind] as (s: unknown, ev: DomainEvent) => unknown)(this.records.get(key), e));
  }

  async ok(type: CommandType, input: unknown, actor: Actor): Promise<EventDraft[]> {
    const r = await this.run(type, input, actor);
    if (!r.ok) throw new Error(`${type} refused: ${JSON.stringify(r.error)}`);
    return r.data;
  }

  async refused(type: CommandType, input: unknown, actor: Actor): Promise<Failure> {
    const before = this.events.length;
    const snapshot = JSON.stringify([...this.records]);
    const r = await this.run(type, input, actor);
    if (r.ok) throw new Error(`${type} was accepted`);
    expect(this.events.length).toBe(before);
    expect(JSON.stringify([...this.records])).toBe(snapshot);
    return r.error;
  }

  /**
   * Replays one command's events on this office, as the sync server does: every event's content
   * parses with its type's schema (`parseEvent`), and the command the first event carries, run
   * as its actor with the roles this office knows, on this office's state, must produce exactly
   * these events (`replayGroup`). Folds nothing.
   */
  async replay(group: readonly DomainEvent[]): Promise<Result<true>> {
    const head = group[0]!;
    if (!head.command) return { ok: false, error: { code: 'unsigned', message: 'sync.errors.unsigned' } };
    for (const e of group) {
      const parsed = parseEvent(e);
      if (!parsed.ok) return parsed;
    }
    const cmd = parseCommand(head.command.type, head.command.input);
    if (!cmd.ok) return cmd;
    const user = this.users.get(head.actorId);
    const actor: Actor = { userId: head.actorId, roles: user?.roles ?? [] };
    return replayGroup(group, { actor, actorUser: user, state: this.records.get(`${cmd.data.kind}:${cmd.data.recordId}`), org: this.org, lookups: this.lookups }, cmd.data);
  }

  /** Replays a command's events and folds them when they are accepted; returns the verdict. */
  async accept(group: readonly DomainEvent[]): Promise<Result<true>> {
    const r = await this.replay(group);
    if (r.ok) for (const e of group) this.fold(e);
    return r;
  }

  /** A fresh office with the same users replays and folds every command in order, as the sync server does; returns it. */
  async replayOnServer(): Promise<World> {
    const server = new World([...this.users.values()], this.org);
    for (const group of groupByCommand(this.events)) {
      // What travels: the events as JSON.
      const sent = JSON.parse(JSON.stringify(group)) as DomainEvent[];
      expect(await server.accept(sent), `${group[0]!.command?.type} ${group[0]!.recordId}`).toEqual({ ok: true, data: true });
    }
    return server;
  }
}
