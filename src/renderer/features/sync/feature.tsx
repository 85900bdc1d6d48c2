/** Sync with the office server: the conflict inbox. */
import { lazyScreen, type Feature } from '../../app/features';

export const feature: Feature = {
  id: 'sync',
  routes: [{ path: '/sync/conflicts', screen: lazyScreen(() => import('./ConflictsScreen').then((m) => m.ConflictsScreen)) }],
};
