/**
 * What a feature declares to take its place in the console — its routes (each screen loaded
 * lazily, on first visit; printouts too), its navigation entries (with their counts), its
 * "Pekerjaan Saya" sections, the pieces it shows on other features' screens (slots) and the
 * screens before the shell (entry) — and how the shell collects them: every
 * `features/<name>/feature.tsx` exports `feature`, found by one glob, so neither the shell nor a
 * host screen imports a feature by name, and a new feature touches no file of `app/`.
 */
import type { LazyPart, LazyScreen } from './lazy-screen';
import type { EmployeeState } from '@shared/domain/employee/state';
import type { OrgState } from '@shared/domain/org/state';
import type { UserState } from '@shared/domain/user/state';
import type { Role } from '@shared/roles';
import { match } from './router';

export type { LazyPart, LazyScreen, ScreenProps } from './lazy-screen';

export interface FeatureRoute {
  /** '/visits/:id' (matched on the route without its query), or a prefix with `prefix: true`. */
  path: string;
  prefix?: boolean;
  screen: LazyScreen;
  /** A printout: shown alone, without the sidebar and top bar. */
  print?: boolean;
}

/** The sidebar's groups, in their order (none: above the groups). */
export const NAV_GROUPS = ['serverRoom', 'assetsSection', 'helpdesk', 'security', 'groupAccess', 'groupOps', 'administration'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavEntry {
  path: string;
  /** An i18n key. */
  label: string;
  /** Who sees it (none: everyone); a function when it depends on other features' declarations. */
  roles?: Role[] | (() => Role[]);
  group?: NavGroup;
  /** Position in the sidebar (lower first). */
  order: number;
  /** The number shown beside the entry (a live query). */
  count?: (user: UserState) => Promise<number>;
  /** Further paths under which the entry is shown as current (a record's own page). */
  activeFor?: RegExp;
}

/** A section of "Pekerjaan Saya": what waits for the signed-in user (`params.userId`). */
export interface MyWorkSection {
  id: string;
  /** i18n key of the section's heading. */
  title: string;
  roles: Role[];
  order: number;
  component: LazyScreen;
}

/** One piece a feature contributes to a slot of another screen; the host shows them by `order`. */
export interface Contribution<P extends object> {
  id: string;
  order: number;
  component: LazyPart<P>;
}

/**
 * The places a screen offers to other features (the host renders `<Slot name=… />`, see
 * Slot.tsx, and imports none of them). Each slot says what its pieces receive.
 */
export interface Slots {
  /** The employee's page (assets): beside the name in the header. */
  employeeBadges: { employee: EmployeeState };
  /** The employee's page: banners and actions under the header. */
  employeeNotices: { employee: EmployeeState };
  /** The employee's page: cards after the page's own. */
  employeeCards: { employee: EmployeeState };
  /** The settings screen (admin): cards after the office profile. */
  settingsCards: { org: OrgState };
  /** Under the top bar, on every screen of the shell. */
  deskNotices: object;
  /** Mounted while the console runs, signed in or not: pieces with effects and no screen of their own (idle lock, desk backups). */
  background: object;
}
export type SlotName = keyof Slots;

/** The screens before the shell: first-run setup, sign-in (and the lock), a password change the user must make. One feature fills each. */
export interface EntryScreens {
  setup: LazyPart<object>;
  signIn: LazyPart<{ lockedUsername?: string }>;
  changePassword: LazyPart<{ forced?: boolean }>;
}

export interface Feature {
  id: string;
  routes: FeatureRoute[];
  nav?: NavEntry[];
  myWork?: MyWorkSection[];
  slots?: { [K in SlotName]?: Contribution<Slots[K]>[] };
  entry?: Partial<EntryScreens>;
}

/** Every feature's definition. */
const modules = import.meta.glob<{ feature: Feature }>('../features/*/feature.tsx', { eager: true });
export const features: readonly Feature[] = Object.values(modules).map((m) => m.feature);

/**
 * Routes with a parameter after the fixed ones ('/visits/new' before '/visits/:id'), prefixes
 * last and the longest first.
 */
const routes = features
  .flatMap((f) => f.routes)
  .map((r, i) => ({ r, i, rank: r.prefix ? 2 : r.path.includes(':') ? 1 : 0 }))
  .sort((a, b) => a.rank - b.rank || (a.rank === 2 ? b.r.path.length - a.r.path.length : 0) || a.i - b.i)
  .map((x) => x.r);

/** The screen for a route, with its params; undefined when no feature has the route. */
export function findRoute(route: string): { route: FeatureRoute; params: Record<string, string> } | undefined {
  const path = route.split('?')[0]!;
  for (const r of routes) {
    if (r.prefix) {
      if (path.startsWith(r.path)) return { route: r, params: {} };
      continue;
    }
    const params = match(r.path, path);
    if (params) return { route: r, params };
  }
  return undefined;
}

/** Every navigation entry, in sidebar order. */
export const navEntries: readonly NavEntry[] = features.flatMap((f) => f.nav ?? []).sort((a, b) => a.order - b.order);

/** Every feature's "Pekerjaan Saya" sections, in order. */
export function myWorkSections(): MyWorkSection[] {
  return features.flatMap((f) => f.myWork ?? []).sort((a, b) => a.order - b.order);
}

/** The roles that have at least one "Pekerjaan Saya" section. */
export function myWorkRoles(): Role[] {
  return [...new Set(myWorkSections().flatMap((s) => s.roles))];
}

/** Every feature's pieces for one slot, in order. */
export function contributions<K extends SlotName>(slot: K): Contribution<Slots[K]>[] {
  return features.flatMap((f) => (f.slots?.[slot] ?? []) as Contribution<Slots[K]>[]).sort((a, b) => a.order - b.order);
}

/** The feature's screen for one step before the shell (undefined when no feature declares it). */
export function entryScreen<K extends keyof EntryScreens>(name: K): EntryScreens[K] | undefined {
  return features.find((f) => f.entry?.[name])?.entry?.[name] as EntryScreens[K] | undefined;
}

/** Whether a user with these roles sees a navigation entry. */
export function canSee(entry: Pick<NavEntry, 'roles'>, roles: readonly Role[]): boolean {
  const allowed = typeof entry.roles === 'function' ? entry.roles() : entry.roles;
  return !allowed || allowed.some((r) => roles.includes(r));
}
