/** Sync with the office server: the conflict inbox, and its settings cards (connection, devices, sign-in audit, file bundles). */
import type { Feature } from '@renderer/app/features';
import { lazyPart, lazyScreen } from '@renderer/app/lazy-screen';

export const feature: Feature = {
  id: 'sync',
  routes: [{ path: '/sync/conflicts', screen: lazyScreen(() => import('./ConflictsScreen').then((m) => m.ConflictsScreen)) }],
  slots: {
    settingsCards: [
      { id: 'sync-connect', order: 30, component: lazyPart(() => import('./ConnectCard').then((m) => m.ConnectCard)) },
      { id: 'sync-devices', order: 50, component: lazyPart(() => import('./DevicesPanel').then((m) => m.DevicesPanel)) },
      { id: 'sync-auth-audit', order: 60, component: lazyPart(() => import('./AuthAuditPanel').then((m) => m.AuthAuditPanel)) },
      { id: 'sync-bundles', order: 70, component: lazyPart(() => import('./BundlePanel').then((m) => m.BundlePanel)) },
    ],
  },
};
