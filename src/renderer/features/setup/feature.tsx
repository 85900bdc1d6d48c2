/** First run: the office, its first admin, or joining an office (from its server or a backup). */
import type { Feature } from '../../app/features';
import { lazyPart } from '../../app/lazy-screen';

export const feature: Feature = {
  id: 'setup',
  routes: [],
  entry: { setup: lazyPart(() => import('./SetupScreen').then((m) => m.SetupScreen)) },
};
