/**
 * Lazily loaded screens. Kept apart from `features.ts`: the feature definitions call
 * `lazyScreen()` while `features.ts` is still collecting them, so the loaders' list must live in
 * a module they can import without that cycle.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** What a routed screen receives: the whole route (with its query) and the pattern's params. */
export interface ScreenProps {
  route: string;
  params: Record<string, string>;
}

export type LazyScreen = LazyExoticComponent<ComponentType<ScreenProps>>;

/** Every lazy screen's loader, for `prefetchScreens()`. */
const loaders: (() => Promise<unknown>)[] = [];

/** A screen loaded on first use, in its own chunk: `lazyScreen(() => import('./X').then((m) => m.X))`. */
export function lazyScreen(load: () => Promise<ComponentType<ScreenProps>>): LazyScreen {
  loaders.push(load);
  return lazy(() => load().then((component) => ({ default: component })));
}

/** A piece a feature contributes to another screen (a slot, see features.ts), or an entry screen. */
export type LazyPart<P extends object> = LazyExoticComponent<ComponentType<P>>;

/**
 * A contributed piece loaded on first use, in its own chunk, like a screen (and prefetched with
 * them). `now`: start loading at once — for what the first screen shows (sign-in), so it does
 * not wait for a second request after the main bundle.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, options: { now?: boolean } = {}): LazyPart<P> {
  loaders.push(load);
  const started = options.now ? load() : undefined;
  return lazy(() => (started ?? load()).then((component) => ({ default: component })));
}

/**
 * Fetches every screen's chunk in the background once the first screen is up. The console must
 * keep working when the office network drops: in a browser the chunks come from the office
 * server, so a screen first opened while offline could not load. (In Electron they are local
 * files.) The first screen does not wait for any of this.
 */
export function prefetchScreens(extra: readonly (() => Promise<unknown>)[] = []): Promise<unknown> {
  return Promise.allSettled([...loaders, ...extra].map((load) => load()));
}

