/**
 * What a feature declares to take its place in the console — its routes (each screen loaded
 * lazily, on first visit), its navigation entries (with their counts) — and how the shell
 * collects them: every `features/<name>/feature.tsx` exports `feature`, found by one glob, so
 * the shell imports no feature by name and a new feature touches no file of `app/`.
 */
import type { LazyScreen } from './lazy-screen';
import type { UserState } from '../../shared/domain/user/state';
import type { Role } from '../../shared/roles';
import { match } from './router';

export type { LazyScreen, ScreenProps } from './lazy-screen';

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

export interface Feature {
  id: string;
  routes: FeatureRoute[];
  nav?: NavEntry[];
  myWork?: MyWorkSection[];
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

/** Whether a user with these roles sees a navigation entry. */
export function canSee(entry: Pick<NavEntry, 'roles'>, roles: readonly Role[]): boolean {
  const allowed = typeof entry.roles === 'function' ? entry.roles() : entry.roles;
  return !allowed || allowed.some((r) => roles.includes(r));
}
