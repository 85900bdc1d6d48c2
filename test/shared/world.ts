import { newId } from '../../src/shared/ids';
/**
 * An office in memory for domain tests: records by kind and id, users, the office, commands run
 * from the registry with their real decide(), every event stamped and hashed like commit()
 * does and folded with the registry's folds; `refused()` also checks nothing was written, and
 * `replayOnServer()` re-checks every event with checkEvent like the sync server does.
 */
import { expect } from 'vitest';
import { commands, folds, type CommandType } from '../../src/shared/domain/registry';
import type { CommandHandler, Lookups } from '../../src/shared/domain/types';
import { keysIn } from '../../src/shared/domain/keys';
import { ORG_ID, type OrgState } from '../../src/shared/domain/org/state';
import type { UserState } from '../../src/shared/domain/user/state';
import { checkEvent } from '../../src/shared/sync/event-commands';
import { checkContent } from '../../src/shared/domain/event-schemas';
import { CHAIN_START, eventHash, type DomainEvent, type EventDraft, type RecordKind } from '../../src/shared/events';
import { formatHlc, initialHlc, tickHlc, type HlcState } from '../../src/shared/hlc';
import type { Failure, Result } from '../../src/shared/result';
import type { Actor, Role } from '../../src/shared/roles';

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
export function expectDraftsParse(drafts: readonly EventDraft[]): void {
  for (const d of drafts) expect(checkContent(d), `${d.type} ${JSON.stringify(d.payload)}`).toEqual({ ok: true, data: true });
}

export class World {
  records = new Map<string, unknown>();
  events: DomainEvent[] = [];
  users: Map<string, UserState>;
  org: OrgState;
  now = '2026-03-02T01:00:00.000Z';
  private hlc: HlcState = initialHlc('dev');
  private seq = 0;
  private lastHash = CHAIN_START;

  constructor(users: UserState[], org: OrgState = TEST_ORG) {
    this.users = new Map(users.map((u) => [u.id, u]));
    this.org = org;
  }

  lookups: Lookups = {
    badgeHolder: async () => undefined,
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
    const r = await handler.decide(parsed.data, { actor, now: this.now, state, org: this.org, lookups: this.lookups, newId });
    if (!r.ok) return r;
    expectDraftsParse(r.data);
    for (const draft of r.data) {
      this.hlc = tickHlc(this.hlc, Date.parse(this.now));
      this.seq += 1;
      const unsigned = { ...draft, id: `e${this.seq}`, actorId: actor.userId, deviceId: 'dev', deviceSeq: this.seq, hlc: formatHlc(this.hlc), at: this.now, prevHash: this.lastHash };
      const e: DomainEvent = { ...unsigned, hash: eventHash(unsigned) };
      this.lastHash = e.hash;
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

  /** A fresh office with the same users re-checks and folds every event in order, as the sync server does; returns it. */
  async replayOnServer(): Promise<World> {
    const server = new World([...this.users.values()], this.org);
    for (const e of this.events) {
      const actor = { userId: e.actorId, roles: server.users.get(e.actorId)!.roles };
      const checked = await checkEvent(e, { actor, now: e.at, state: server.records.get(`${e.kind}:${e.recordId}`), org: server.org, lookups: server.lookups, newId });
      expect(checked, `${e.type} ${e.recordId}`).toEqual({ ok: true, data: true });
      server.fold(e);
    }
    return server;
  }
}
