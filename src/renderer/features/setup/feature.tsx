/** First run: the office, its first admin, or joining an office (from its server or a backup). */
import type { Feature } from '@renderer/app/features';
import { lazyPart } from '@renderer/app/lazy-screen';

export const feature: Feature = {
  id: 'setup',
  routes: [],
  // A new console's first screen: fetched at once beside the main bundle's work (it is small), so
  // the first run does not wait for a second request after the office query answers "none".
  entry: { setup: lazyPart(() => import('./SetupScreen').then((m) => m.SetupScreen), { now: true }) },
};
