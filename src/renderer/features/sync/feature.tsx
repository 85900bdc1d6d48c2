/** Sync with the office server: the conflict inbox. */
import type { Feature } from '../../app/features';
import { lazyScreen } from '../../app/lazy-screen';

export const feature: Feature = {
  id: 'sync',
  routes: [{ path: '/sync/conflicts', screen: lazyScreen(() => import('./ConflictsScreen').then((m) => m.ConflictsScreen)) }],
};
