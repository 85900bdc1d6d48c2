/** The contract between commands, folds and the stores that run them (Dexie now, the server later). */
import type { z } from 'zod';
import type { Actor, Role } from '../roles';
import type { DomainEvent, EventDraft, RecordKind } from '../events';
import type { Result } from '../result';
import type { OrgState } from './org/state';
import type { UserState } from './user/state';

/** Cross-record questions a command may ask. Each store answers them from its projections. */
export interface Lookups {
  /** The id of the visit that has this badge out right now, if any. */
  badgeHolder(badge: string): Promise<string | undefined>;
  /**
   * The id of the open visit whose visitor's ID document (this type and normalised number) the
   * desk holds right now (awaiting approval, approved or inside), if any: one card, one visit.
   */
  idDocumentHolder(idType: string, idNumber: string): Promise<string | undefined>;
  user(id: string): Promise<UserState | undefined>;
  userByUsername(username: string): Promise<UserState | undefined>;
  countUsers(): Promise<number>;
  /** Any record's current state by kind and id (e.g. the ticket an incident escalates). */
  record(kind: RecordKind, id: string): Promise<unknown>;
  /**
   * Which records of a kind hold any of these unique keys (an asset's 'T:<tag>' and
   * 'S:<serial>', an employee's 'N:<nip>'): key → record id, only for keys taken.
   */
  idsByKey(kind: 'asset' | 'employee', keys: readonly string[]): Promise<Record<string, string>>;
}

/** Everything a command's checks may read. */
export interface DecideContext<S> {
  actor: Actor;
  /** The device's wall time, ISO 8601. */
  now: string;
  /** The addressed record's current state; undefined when it does not exist yet. */
  state: S | undefined;
  org: OrgState | undefined;
  lookups: Lookups;
  /**
   * Ids for the parts a command creates (a visit's devices, an asset's accessories), derived
   * from the command's own id (`idsFrom`): a replay on the server draws the same ones. Nothing
   * inside decide() draws randomness or reads the clock; `now` and this come in.
   */
  newId: () => string;
}

/** One command: its input schema, the record it addresses, and its checks. */
export interface CommandHandler<I, S> {
  kind: RecordKind;
  /**
   * Who may run it: an actor holding one of these roles ('anyone': the first-run setup). The
   * rule decide() checks first, declared here so that `can()` (domain/can.ts) answers from it
   * and screens offer only what the actor may do; test/shared/can.test.ts checks the two agree.
   */
  roles: readonly Role[] | 'anyone';
  /** With `self`, also (or, with no roles, only) the user acting on their own user record. */
  self?: boolean;
  input: z.ZodType<I>;
  recordId(input: I): string;
  /** Checks the command against the actor, the record and the office; returns the events to append.
   *  Deterministic: the same input and context give the same drafts (the server replays it). */
  decide(input: I, ctx: DecideContext<S>): Promise<Result<EventDraft[]>>;
  /** The other people who must countersign the events with their own keys (two people at one
   *  desk: the wipe's operator and verifier). The actor signs anyway. */
  cosigners?(input: I, actor: Actor): string[];
}

/** A record kind's fold step: state + event → state. Pure, deterministic, the same everywhere. */
export type Apply<S> = (state: S | undefined, event: DomainEvent) => S;

/** Whether two rows of a one-commit batch (an import) name the same record. */
export function repeatsAnId(rows: readonly { id: string }[]): boolean {
  return new Set(rows.map((r) => r.id)).size !== rows.length;
}
