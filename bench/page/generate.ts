/**
 * A realistic office history for the benchmark, as the DomainEvents the desks and the
 * approvers' laptops would have made: registered → approved → badgeIssued → entered →
 * (activityNoted) → checkedOut → archived, with refusals, cancellations and a few visits
 * left checked out. Each device keeps its own deviceSeq, HLC and hash chain (eventHash),
 * exactly as commit() stamps them, so ingest() takes the events as it would from a sync.
 *
 * Deterministic for a seed (ids are UUIDv7 built from the event time and a seeded PRNG).
 * Density is constant (about `perDay` visits per working day, arrivals 08:00-16:00 local, an
 * hour or two inside), which keeps about 20 visitors inside during office hours; 100,000
 * visits span about three years. The newest visits are today's: `tail.inside` visitors
 * inside now, `tail.approved` approved with a badge, `tail.awaiting` waiting for approval.
 */
import { folds } from '@shared/domain/registry';
import type { VisitState } from '@shared/domain/visit/state';
import { CHAIN_START, contentHash, eventHash, type DomainEvent } from '@shared/events';
import { signHash, type SigningKey } from '@shared/signing';
import { formatHlc, initialHlc, tickHlc, type HlcState } from '@shared/hlc';
import {
  ACTIVITIES, CANCEL_REASONS, DEVICES, FIRST_NAMES, LAST_NAMES, NIK_PROVINCES, ORGANISATIONS, OUTCOMES, PURPOSES, REFUSE_REASONS, WORK_PLANS,
} from './data';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface Rng {
  next(): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  weighted<T>(xs: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast, good enough for test data. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    weighted(xs) {
      const total = xs.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of xs) if ((x -= w) < 0) return v;
      return xs[xs.length - 1]![0];
    },
    chance: (p) => next() < p,
  };
}

const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');

/** A UUIDv7 for a wall time, its random bits from the PRNG. */
export function uuid7(ms: number, r: Rng): string {
  const t = hex(ms, 12);
  const rand = () => hex(r.int(0, 0xffff), 4);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${rand().slice(1)}-${hex(8 + r.int(0, 3), 1)}${rand().slice(1)}-${rand()}${rand()}${rand()}`;
}

export interface Staff {
  admin: string;
  officers: string[];
  approvers: string[];
}

export interface HistoryOptions {
  visits: number;
  /** The end of the history (normally Date.now()). */
  now: number;
  seed: number;
  staff: Staff;
  badges: string[];
  docPrefix: string;
  /** The office's UTC offset in hours (WITA: 8). */
  utcOffsetHours: number;
  perDay?: number;
  tail?: { inside: number; approved: number; awaiting: number };
}

interface SimDevice {
  deviceId: string;
  seq: number;
  lastHash: string;
  hlc: HlcState;
}

interface Step {
  t: number;
  recordId: string;
  type: string;
  payload: Record<string, unknown>;
  actorId: string;
  device: SimDevice;
}

type Outcome = 'normal' | 'open' | 'refused' | 'cancelled' | 'cancelledEarly';

interface Plan {
  id: string;
  outcome: Outcome;
  officer: string;
  desk: SimDevice;
  approverIdx: number;
  reg: number;
  dec: number;
  badge?: number;
  /** When the badge comes back (check-out or cancellation). */
  badgeBack?: number;
  badgeNo?: string;
  enter?: number;
  exit?: number;
  end?: number;
  archive?: number;
  activity?: number;
  plannedMinutes: number;
}

/** One batch of events and, for the raw baseline, the state after the batch of every visit it touched. */
export interface Batch {
  events: DomainEvent[];
  rows: VisitState[];
}

export class History {
  private readonly r: Rng;
  private readonly desks: SimDevice[];
  private readonly laptops: SimDevice[];
  private readonly perDay: number;
  private readonly tail: { inside: number; approved: number; awaiting: number };
  private readonly offset: number;
  /** Start (UTC ms) of each working day of the history, oldest first, with its number of visits. */
  readonly days: { start: number; visits: number }[] = [];
  /** Final statuses, for the report. */
  readonly statusCounts: Record<string, number> = {};
  eventCount = 0;
  visitCount = 0;

  constructor(private readonly o: HistoryOptions) {
    this.r = makeRng(o.seed);
    this.perDay = o.perDay ?? 128;
    this.tail = o.tail ?? { inside: 20, approved: 3, awaiting: 4 };
    this.offset = o.utcOffsetHours * HOUR;
    const device = (): SimDevice => {
      const deviceId = uuid7(o.now - 4 * 365 * DAY, this.r);
      return { deviceId, seq: 0, lastHash: CHAIN_START, hlc: initialHlc(deviceId) };
    };
    this.desks = [device(), device()];
    this.laptops = o.staff.approvers.map(() => device());
    const tailVisits = this.tail.inside + this.tail.approved + this.tail.awaiting;
    let remaining = Math.max(0, o.visits - tailVisits);
    const todayStart = Math.floor((o.now + this.offset) / DAY) * DAY - this.offset;
    const counts: { start: number; visits: number }[] = [];
    for (let d = todayStart - DAY; remaining > 0; d -= DAY) {
      const weekday = new Date(d + this.offset).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const n = Math.min(remaining, Math.max(1, Math.round(this.perDay * (0.65 + 0.7 * this.r.next()))));
      counts.push({ start: d, visits: n });
      remaining -= n;
    }
    this.days = counts.reverse();
  }

  /** When the history starts (the first working day, 00:00 local). */
  get firstDay(): number {
    return this.days[0]?.start ?? this.o.now - DAY;
  }

  /** About how many events the history will have (for progress reports). */
  get expectedEvents(): number {
    return Math.round(this.o.visits * 6.1);
  }

  /** Every event, in time order. */
  *events(): Generator<DomainEvent> {
    let last = 0;
    for (const day of this.days) {
      for (const s of this.planDay(day.start, day.visits)) {
        last = s.t;
        yield this.stamp(s);
      }
    }
    for (const s of this.planTail(last)) yield this.stamp(s);
  }

  /** The events in batches, each with the touched visits' state after it (folded here with the pure fold). */
  *batches(size: number): Generator<Batch> {
    const live = new Map<string, VisitState>();
    let events: DomainEvent[] = [];
    const flush = (): Batch => {
      const touched = new Set<string>();
      for (const e of events) {
        live.set(e.recordId, folds.visit(live.get(e.recordId), e));
        touched.add(e.recordId);
      }
      const rows = [...touched].map((id) => live.get(id)!);
      for (const id of touched) if (live.get(id)!.status === 'archived') live.delete(id);
      const batch = { events, rows };
      events = [];
      return batch;
    };
    for (const e of this.events()) {
      events.push(e);
      if (events.length >= size) yield flush();
    }
    if (events.length > 0) yield flush();
    for (const v of live.values()) this.statusCounts[v.status] = (this.statusCounts[v.status] ?? 0) + 1;
  }

  private stamp(s: Step): DomainEvent {
    const dev = s.device;
    dev.hlc = tickHlc(dev.hlc, s.t);
    dev.seq += 1;
    const unsigned = {
      kind: 'visit' as const, recordId: s.recordId, type: s.type, payload: s.payload,
      id: uuid7(s.t, this.r), actorId: s.actorId, deviceId: dev.deviceId, deviceSeq: dev.seq, hlc: formatHlc(dev.hlc), at: new Date(s.t).toISOString(), prevHash: dev.lastHash,
    };
    const e: DomainEvent = { ...unsigned, hash: eventHash(unsigned) };
    dev.lastHash = e.hash;
    this.eventCount += 1;
    if (s.type === 'visit.archived') this.statusCounts.archived = (this.statusCounts.archived ?? 0) + 1;
    return e;
  }

  private newPlan(reg: number, outcome: Outcome): Plan {
    const r = this.r;
    return {
      id: uuid7(reg, r),
      outcome,
      officer: r.pick(this.o.staff.officers),
      desk: r.pick(this.desks),
      approverIdx: r.int(0, this.o.staff.approvers.length - 1),
      reg,
      dec: reg + r.int(3, 40) * MIN + r.int(0, 59_999),
      plannedMinutes: r.weighted([[30, 3], [60, 5], [90, 3], [120, 3], [180, 1], [240, 1]] as const),
    };
  }

  /** One working day: arrivals 08:00-16:00 local, each visit's steps, badges from the pool. */
  private planDay(dayStart: number, count: number): Step[] {
    const r = this.r;
    const open = dayStart + 8 * HOUR;
    const dayEnd = dayStart + DAY - MIN;
    const plans: Plan[] = [];
    for (let k = 0; k < count; k++) {
      const roll = r.next();
      const outcome: Outcome = roll < 0.03 ? 'refused' : roll < 0.06 ? 'cancelled' : roll < 0.08 ? 'cancelledEarly' : roll < 0.09 ? 'open' : 'normal';
      const p = this.newPlan(open + Math.floor(r.next() * 8 * HOUR), outcome);
      if (outcome === 'refused' || outcome === 'cancelledEarly') {
        p.end = p.dec;
      } else {
        const withBadge = outcome !== 'cancelled' || r.chance(0.5);
        if (withBadge) p.badge = p.dec + r.int(1, 15) * MIN + r.int(0, 59_999);
        if (outcome === 'cancelled') {
          p.end = (p.badge ?? p.dec) + r.int(5, 60) * MIN;
          if (p.badge) p.badgeBack = p.end;
        } else {
          p.enter = p.badge! + r.int(1, 8) * MIN + r.int(0, 59_999);
          p.exit = p.enter + Math.round(p.plannedMinutes * (0.5 + 0.8 * r.next()) * MIN);
          p.badgeBack = p.exit;
          p.end = p.exit;
          if (r.chance(0.2)) p.activity = p.enter + Math.floor((p.exit - p.enter) * r.next());
        }
      }
      if (outcome !== 'open') p.archive = Math.min(p.end + r.int(10, 180) * MIN, dayEnd);
      plans.push(p);
    }
    // Badges: the first free one in the pool; with none free the approver refuses.
    const free = new Map(this.o.badges.map((b) => [b, 0]));
    for (const p of plans.filter((x) => x.badge !== undefined).sort((a, b) => a.badge! - b.badge!)) {
      const badge = [...free].find(([, until]) => until <= p.badge!)?.[0];
      if (badge === undefined) {
        Object.assign(p, { outcome: 'refused', badge: undefined, enter: undefined, exit: undefined, activity: undefined, end: p.dec, archive: p.dec + 30 * MIN });
        continue;
      }
      p.badgeNo = badge;
      free.set(badge, p.badgeBack!);
    }
    const steps = plans.flatMap((p) => this.steps(p));
    return steps.sort((a, b) => a.t - b.t);
  }

  /** Today's visits, all before `now`: inside, approved with a badge, awaiting approval. */
  private planTail(lastHistoryEvent: number): Step[] {
    const r = this.r;
    const end = this.o.now - MIN;
    const start = Math.max(this.o.now - 4 * HOUR, lastHistoryEvent + MIN);
    const w = Math.max(end - start, 10 * MIN);
    const plans: Plan[] = [];
    let badge = 0;
    const frac = (lo: number, hi: number) => Math.floor(w * (lo + (hi - lo) * r.next()));
    for (let k = 0; k < this.tail.inside; k++) {
      const p = this.newPlan(start + frac(0, 0.45), 'open');
      p.dec = p.reg + frac(0.02, 0.08);
      p.badge = p.dec + frac(0.01, 0.04);
      p.enter = p.badge + frac(0.01, 0.04);
      p.badgeNo = this.o.badges[badge++];
      plans.push(p);
    }
    for (let k = 0; k < this.tail.approved; k++) {
      const p = this.newPlan(start + frac(0.5, 0.7), 'open');
      p.dec = p.reg + frac(0.02, 0.05);
      p.badge = p.dec + frac(0.01, 0.03);
      p.badgeNo = this.o.badges[badge++];
      plans.push(p);
    }
    for (let k = 0; k < this.tail.awaiting; k++) plans.push({ ...this.newPlan(start + frac(0.8, 0.99), 'open'), dec: Infinity });
    return plans.flatMap((p) => this.steps(p)).sort((a, b) => a.t - b.t);
  }

  private registration(p: Plan): Record<string, unknown> {
    const r = this.r;
    const first = r.pick(FIRST_NAMES);
    const visitorName = r.chance(0.15) ? `${first} ${r.pick(LAST_NAMES)} ${r.pick(LAST_NAMES)}` : r.chance(0.1) ? first + ' ' + r.pick(FIRST_NAMES) : `${first} ${r.pick(LAST_NAMES)}`;
    const idType = r.weighted([['ktp', 80], ['sim', 10], ['employee_card', 7], ['passport', 3]] as const);
    let idNumber: string;
    if (idType === 'ktp') {
      const female = r.chance(0.35);
      const dd = r.int(1, 28) + (female ? 40 : 0);
      const pad = (n: number) => String(n).padStart(2, '0');
      idNumber = `${r.weighted(NIK_PROVINCES)}${pad(r.int(1, 24))}${pad(r.int(1, 20))}${pad(dd)}${pad(r.int(1, 12))}${pad(r.int(1960, 2004) % 100)}${String(r.int(1, 999)).padStart(4, '0')}`;
    } else if (idType === 'sim') idNumber = String(r.int(1000, 9999)) + String(r.int(10000000, 99999999));
    else if (idType === 'passport') idNumber = `${r.pick(['B', 'C', 'E', 'X'])}${r.int(1000000, 9999999)}`;
    else idNumber = `PEG-${r.int(10000, 99999)}`;
    const serialChars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    const devices = Array.from({ length: r.weighted([[0, 2], [1, 4], [2, 3], [3, 1]] as const) }, () => {
      const [kind, brandModel, prefix] = r.pick(DEVICES);
      let serial = prefix;
      for (let i = 0; i < 8; i++) serial += serialChars[r.int(0, serialChars.length - 1)];
      return { id: uuid7(p.reg, r), kind, brandModel, serial };
    });
    const local = new Date(p.reg + this.offset).toISOString().slice(0, 10).replaceAll('-', '');
    return {
      visitorName,
      idType,
      idNumber,
      organisation: r.weighted(ORGANISATIONS),
      phone: `08${r.pick(['11', '12', '13', '21', '22', '52', '53', '77', '78', '95', '96'])}${r.int(10000000, 99999999)}`,
      purpose: r.pick(PURPOSES),
      workPlan: r.pick(WORK_PLANS),
      plannedMinutes: p.plannedMinutes,
      docNo: `${this.o.docPrefix}/ARS/${local}/${p.id.replaceAll('-', '').slice(-5).toUpperCase()}`,
      devices,
    };
  }

  private steps(p: Plan): Step[] {
    const r = this.r;
    const at = (t: number, type: string, payload: Record<string, unknown> = {}, approver = false): Step => ({
      t, recordId: p.id, type, payload,
      actorId: approver ? this.o.staff.approvers[p.approverIdx]! : p.officer,
      device: approver ? this.laptops[p.approverIdx]! : p.desk,
    });
    const reg = this.registration(p);
    const steps: Step[] = [at(p.reg, 'visit.registered', reg)];
    this.visitCount += 1;
    if (p.outcome === 'refused') steps.push(at(p.dec, 'visit.refused', { reason: r.pick(REFUSE_REASONS) }, true));
    else if (p.outcome === 'cancelledEarly') steps.push(at(p.dec, 'visit.cancelled', { reason: r.pick(CANCEL_REASONS) }));
    else if (p.dec !== Infinity) steps.push(at(p.dec, 'visit.approved', r.chance(0.1) ? { note: 'Sesuai jadwal pemeliharaan.' } : {}, true));
    if (p.badge !== undefined && p.badgeNo) {
      const escort = this.o.staff.officers.find((o) => o !== p.officer) ?? p.officer;
      steps.push(at(p.badge, 'visit.badgeIssued', { badge: p.badgeNo, escortId: r.chance(0.7) ? escort : p.officer }));
    }
    if (p.outcome === 'cancelled') steps.push(at(p.end!, 'visit.cancelled', { reason: r.pick(CANCEL_REASONS) }));
    if (p.enter !== undefined) steps.push(at(p.enter, 'visit.entered', { enteredAt: new Date(p.enter).toISOString() }));
    if (p.activity !== undefined) steps.push(at(p.activity, 'visit.activityNoted', { text: r.pick(ACTIVITIES) }));
    if (p.exit !== undefined) {
      const devices = reg.devices as { id: string; serial: string }[];
      const leave = devices.length > 0 && r.chance(0.03) ? devices[0]!.id : undefined;
      steps.push(at(p.exit, 'visit.checkedOut', {
        exitedAt: new Date(p.exit).toISOString(),
        outcome: r.pick(OUTCOMES),
        deviceOutcomes: devices.map((d) => (d.id === leave ? { deviceId: d.id, result: 'left_inside', reason: 'Dipasang permanen di rak B3.' } : { deviceId: d.id, result: 'matched' })),
        unknownSerials: [],
      }));
    }
    if (p.archive !== undefined) steps.push(at(p.archive, 'visit.archived'));
    return steps;
  }
}

/**
 * Signs a generated history as consoles make it now (issue 10): each event a one-event command
 * (`cmd`), signed by its actor's key from the bench keyring, and the device chains re-hashed
 * over the signatures. Asynchronous (WebCrypto), so it runs outside the timed ingest; the
 * signatures are what ingest() then verifies. One signer per history: it keeps each device's
 * last hash.
 */
export class HistorySigner {
  private readonly last = new Map<string, string>();

  constructor(private readonly keyOf: (userId: string) => Promise<SigningKey>) {}

  async sign(events: readonly DomainEvent[]): Promise<DomainEvent[]> {
    const sigs = await Promise.all(
      events.map(async (e) => {
        const content = { ...e, cmd: { id: e.id, i: 0, n: 1 } };
        return { by: e.actorId, key: (await this.keyOf(e.actorId)).keyId, sig: await signHash(await this.keyOf(e.actorId), contentHash(content)) };
      }),
    );
    return events.map((e, i) => {
      const { hash: _old, ...rest } = e;
      const unhashed = { ...rest, cmd: { id: e.id, i: 0, n: 1 }, sig: sigs[i]!, prevHash: this.last.get(e.deviceId) ?? CHAIN_START };
      const signed: DomainEvent = { ...unhashed, hash: eventHash(unhashed) };
      this.last.set(e.deviceId, signed.hash);
      return signed;
    });
  }
}
