/**
 * Re-check by replay. Every signed event belongs to a command (`cmd`), and the command's first
 * event carries the command itself (`command`: its type and input). Whoever receives events
 * from another machine — the sync server, a console importing a bundle — runs the same command
 * with the same decide() on its own state, as the event's actor, at the event's time, with
 * ids derived from the command's id, and accepts the events only if they equal the drafts it
 * produced, field for field. Nothing is mapped back from events to commands, and nothing the
 * receiver did not produce itself is stored.
 *
 * The signatures are checked here too: each event by its actor, with a key the receiver accepts
 * for that actor (`keyFor`: the actor's current key, for the server and bundle import), and by
 * every countersigner the command requires.
 */
import { commands, type CommandType } from '../domain/registry';
import type { CommandHandler, DecideContext } from '../domain/types';
import type { UserState } from '../domain/user/state';
import { canonicalJson } from '../hash';
import { contentHash, eventHashes, type DomainEvent, type EventDraft } from '../events';
import { idsFrom } from '../ids';
import { fail, ok, type Failure, type Result } from '../result';
import type { Actor } from '../roles';
import { keyFor, signedMessage, type KeyRule, type UserKey, type VerifySignature } from '../signing';

/** The most events one command may make (an import of 20,000 rows, the imports' own limit). */
export const MAX_COMMAND_EVENTS = 20_000;

/** A zod issue message is an i18n key when it looks like one ("visit.errors.name"). */
function zodFailure(issues: readonly { message: string; path: readonly PropertyKey[] }[]): Failure {
  const issue = issues[0];
  const isKey = !!issue && /^[a-zA-Z]+(\.[a-zA-Z0-9-]+)+$/.test(issue.message);
  return { code: 'invalid-input', message: isKey ? issue.message : 'errors.invalidInput', field: issue?.path.map(String).join('.') };
}

export interface ParsedCommand {
  type: CommandType;
  handler: CommandHandler<unknown, unknown>;
  input: unknown;
  kind: DomainEvent['kind'];
  recordId: string;
}

/** Looks a command up and parses its input. */
export function parseCommand(type: string, input: unknown): Result<ParsedCommand> {
  const handler = (commands as Record<string, CommandHandler<unknown, unknown>>)[type];
  if (!handler || !Object.hasOwn(commands, type)) return fail('unknown-command', 'errors.invalidInput');
  const parsed = handler.input.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error.issues) };
  return ok({ type: type as CommandType, handler, input: parsed.data, kind: handler.kind, recordId: handler.recordId(parsed.data) });
}

/**
 * Whether this user may act at all: active, and — after an admin's reset — nothing but choosing
 * their own password until they have. The same check on every console and on the server.
 */
export function mayAct(user: Pick<UserState, 'id' | 'active' | 'mustChangePassword'> | undefined, cmd: Pick<ParsedCommand, 'type' | 'recordId'>): Result<true> {
  if (!user || !user.active) return fail('forbidden', 'errors.forbidden');
  if (user.mustChangePassword && !(cmd.type === 'user.setPassword' && cmd.recordId === user.id)) return fail('must-change-password', 'auth.errors.mustChangePassword');
  return ok(true);
}

/** Runs a parsed command's decide(). */
export async function decideCommand(cmd: ParsedCommand, ctx: Omit<DecideContext<unknown>, 'state'> & { state: unknown }): Promise<Result<EventDraft[]>> {
  return cmd.handler.decide(cmd.input, ctx);
}

/**
 * Strict structural equality of JSON values: the same keys, the same values. It implies equal
 * canonical JSON, so it answers the common case (an honest event) without serialising; a pair it
 * calls different is compared again canonically (`{a: undefined}` and `{}` are the same JSON).
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.hasOwn(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** The first path at which two JSON values differ ('' when they are equal). */
export function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (sameJson(a, b) || canonicalJson(a) === canonicalJson(b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
  }
  return path || '(root)';
}

/**
 * The structure of one command's events, before anything is replayed: the first carries the
 * command, every one names it with its index and count, and all share actor, device and time.
 * `group` must hold the command's events in deviceSeq order.
 */
export function checkGroupShape(group: readonly DomainEvent[]): Result<true> {
  const head = group[0];
  if (!head?.cmd || !head.command) return fail('unsigned', 'sync.errors.unsigned');
  const n = head.cmd.n;
  if (head.cmd.id !== head.id || head.cmd.i !== 0 || n !== group.length || n < 1 || n > MAX_COMMAND_EVENTS) return fail('command-shape', 'sync.errors.commandShape', { field: 'cmd' });
  for (let i = 0; i < group.length; i++) {
    const e = group[i]!;
    if (!e.cmd || e.cmd.id !== head.id || e.cmd.i !== i || e.cmd.n !== n) return fail('command-shape', 'sync.errors.commandShape', { field: 'cmd' });
    if (i > 0 && e.command !== undefined) return fail('command-shape', 'sync.errors.commandShape', { field: 'command' });
    if (e.actorId !== head.actorId || e.deviceId !== head.deviceId || e.at !== head.at) return fail('command-shape', 'sync.errors.commandShape', { field: 'actorId' });
    if (i > 0 && e.deviceSeq !== head.deviceSeq + i) return fail('command-shape', 'sync.errors.commandShape', { field: 'deviceSeq' });
  }
  return ok(true);
}

/**
 * Replays a command's events on the receiver's state: same command, same actor (with the roles
 * the receiver knows), same time, same ids. Refused when decide() refuses, or when any event
 * differs from what decide() produced — naming the first field that differs.
 */
export async function replayGroup(
  group: readonly DomainEvent[],
  ctx: { actor: Actor; actorUser: UserState | undefined; state: unknown; org: DecideContext<unknown>['org']; lookups: DecideContext<unknown>['lookups'] },
  cmd?: ParsedCommand,
): Promise<Result<true>> {
  const head = group[0]!;
  const parsed = cmd ? ok(cmd) : parseCommand(head.command!.type, head.command!.input);
  if (!parsed.ok) return { ok: false, error: { ...parsed.error, field: parsed.error.field ? `command.input.${parsed.error.field}` : 'command' } };
  const allowed = mayAct(ctx.actorUser, parsed.data);
  if (!allowed.ok) return allowed;
  const decided = await decideCommand(parsed.data, { actor: ctx.actor, now: head.at, state: ctx.state, org: ctx.org, lookups: ctx.lookups, newId: idsFrom(head.id) });
  if (!decided.ok) return decided;
  const drafts = decided.data;
  if (drafts.length !== group.length) return fail('replay-mismatch', 'sync.errors.replayMismatch', { field: 'cmd.n', params: { field: 'cmd.n' } });
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const e = group[i]!;
    const field = firstDifference({ kind: d.kind, recordId: d.recordId, type: d.type, payload: d.payload }, { kind: e.kind, recordId: e.recordId, type: e.type, payload: e.payload });
    if (field) return fail('replay-mismatch', 'sync.errors.replayMismatch', { field, params: { field } });
  }
  return ok(true);
}

/** Content hashes of events already hashed (the same event object is checked more than once). */
const contentHashes = new WeakMap<object, string>();

/** An event's content hash, computed once per event object. */
export function contentHashOf(e: DomainEvent): string {
  let h = contentHashes.get(e);
  if (h === undefined) {
    h = contentHash(e);
    contentHashes.set(e, h);
  }
  return h;
}

/** Chain hashes computed by `hashWhole` (the sync server's pushed events). */
const chainHashes = new WeakMap<object, string>();
/** The canonical JSON of payloads and commands serialised by `hashWhole`, by object. */
const jsonTexts = new WeakMap<object, string>();

/**
 * Hashes a complete event (chain fields and signatures present, as pushed or pulled) both
 * ways at once and remembers both for `contentHashOf` and `chainHashOf`. Only for events that
 * no one changes afterwards: a console's own draft gains its signature and chain fields after
 * its content hash is taken, so it goes through `contentHashOf` alone.
 */
export function hashWhole(e: DomainEvent): void {
  if (chainHashes.has(e)) return;
  const known = new Map<unknown, string>();
  const { content, chain } = eventHashes(e, known);
  contentHashes.set(e, content);
  chainHashes.set(e, chain);
  for (const [value, text] of known) jsonTexts.set(value as object, text);
}

/**
 * Remembers both hashes of a complete event computed elsewhere from an exact copy of it (the
 * sync server's worker threads, src/server/sync/push-checks.ts), for `contentHashOf` and
 * `chainHashOf`. Only for events no one changes afterwards, as `hashWhole`.
 */
export function rememberHashes(e: DomainEvent, content: string, chain: string, payloadJson?: string): void {
  contentHashes.set(e, content);
  chainHashes.set(e, chain);
  // The payload's canonical JSON, as hashed: what `jsonTextOf` answers for it.
  if (payloadJson !== undefined && e.payload !== null && typeof e.payload === 'object') jsonTexts.set(e.payload, payloadJson);
}

/** JSON text of a value: the canonical text `hashWhole` already made of it, or JSON.stringify. */
export function jsonTextOf(value: unknown): string | undefined {
  return (value !== null && typeof value === 'object' && jsonTexts.get(value)) || JSON.stringify(value);
}

/** A complete event's chain hash (see `hashWhole`), computed once per event object. */
export function chainHashOf(e: DomainEvent): string {
  hashWhole(e);
  return chainHashes.get(e)!;
}

/** Who signs what: a user's keys (with their windows), by user id. */
export type KeysOf = (userId: string) => readonly UserKey[] | undefined;

/**
 * A signature check put off (the sync server's push, ./push-checks.ts): the signature `sig` of
 * event `e` by `publicKey`, to be verified before the push commits.
 */
export type DeferSignature = (publicKey: string, e: DomainEvent, sig: string) => void;

/**
 * Checks every signature of a command's events: the actor's on each, with a key the rule
 * accepts, and each required countersigner's. With `keysWithBatch`, the office's first admin
 * signs the setup with the key that setup introduces. With `defer`, every rule is applied here
 * but the arithmetic of each check is handed to `defer` and taken as passed: the caller verifies
 * them all before it keeps anything (a failed one sends it back here without `defer`).
 */
export async function verifyGroupSignatures(group: readonly DomainEvent[], keysOf: KeysOf, verify: VerifySignature, cosigners: readonly string[] = [], rule: KeyRule = 'current', defer?: DeferSignature): Promise<Result<true>> {
  for (const e of group) {
    const msg = defer ? undefined : signedMessage(contentHashOf(e));
    const verified = (publicKey: string, s: string) => (defer ? (defer(publicKey, e, s), true) : verify(publicKey, msg!, s));
    const sig = e.sig;
    if (!sig) return fail('unsigned', 'sync.errors.unsigned', { field: 'sig' });
    if (sig.by !== e.actorId) return fail('bad-signature', 'sync.errors.signature', { field: 'sig.by' });
    const key = keyFor(keysOf(e.actorId), sig.key, rule);
    if (!key) return fail('bad-key', 'sync.errors.signatureKey', { field: 'sig.key' });
    if (!(await verified(key.publicKey, sig.sig))) return fail('bad-signature', 'sync.errors.signature', { field: 'sig' });
    const cosigs = e.cosigs ?? [];
    if (cosigs.length !== cosigners.length) return fail('cosign-missing', 'sync.errors.countersignature', { field: 'cosigs' });
    for (const who of cosigners) {
      const c = cosigs.find((x) => x.by === who);
      const ck = c ? keyFor(keysOf(who), c.key, rule) : undefined;
      if (!c || !ck || !(await verified(ck.publicKey, c.sig))) return fail('cosign-missing', 'sync.errors.countersignature', { field: 'cosigs' });
    }
  }
  return ok(true);
}

/** The countersigners a command requires (from its first event's command). */
export function requiredCosigners(cmd: ParsedCommand, actorId: string): string[] {
  return cmd.handler.cosigners?.(cmd.input, { userId: actorId, roles: [] }) ?? [];
}

/** Splits events (in deviceSeq order) into their commands; an event without `cmd` stands alone. */
export function groupByCommand(events: readonly DomainEvent[]): DomainEvent[][] {
  const groups: DomainEvent[][] = [];
  for (const e of events) {
    const last = groups[groups.length - 1];
    if (last && e.cmd && last[0]!.cmd && e.cmd.id === last[0]!.cmd.id && e.cmd.i > 0) last.push(e);
    else groups.push([e]);
  }
  return groups;
}

/** The keys the events of a batch introduce (a user created, a password changed), added to those known. */
export function keysWithBatch(known: KeysOf, batch: readonly DomainEvent[]): KeysOf {
  const extra = new Map<string, UserKey[]>();
  applyKeyEvents(extra, known, batch);
  return (userId) => extra.get(userId) ?? known(userId);
}

/**
 * Applies the key events among `events` (user.created, user.passwordSet, user.keyEnrolled, in
 * time order) to `keys` (by user id; `known` fills a user's list the first time): a new key is
 * appended and the current one retired, as the user fold does.
 */
export function applyKeyEvents(keys: Map<string, UserKey[]>, known: KeysOf, events: readonly DomainEvent[]): void {
  const sorted = events.filter((e) => e.kind === 'user' && (e.type === 'user.created' || e.type === 'user.passwordSet' || e.type === 'user.keyEnrolled')).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const e of sorted) {
    const k = e.payload.key as { keyId?: string; publicKey?: string } | undefined;
    if (!k?.keyId || !k.publicKey) continue;
    const list = keys.get(e.recordId) ?? [...(known(e.recordId) ?? [])];
    const closed = e.type === 'user.created' ? [] : list.map((x) => (x.to === undefined ? { ...x, to: e.at } : x));
    closed.push({ keyId: k.keyId, publicKey: k.publicKey, from: e.at, certifiedBy: e.actorId, reason: e.type === 'user.created' ? 'created' : e.type === 'user.keyEnrolled' ? 'enrolled' : 'rotated' });
    keys.set(e.recordId, closed);
  }
}
