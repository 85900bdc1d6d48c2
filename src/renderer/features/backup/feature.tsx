/** Desk backups: the notices under the top bar, the settings card, and the backups run in the background. */
import type { Feature } from '@renderer/app/features';
import { lazyPart } from '@renderer/app/lazy-screen';

export const feature: Feature = {
  id: 'backup',
  routes: [],
  slots: {
    deskNotices: [{ id: 'backup-notices', order: 10, component: lazyPart(() => import('./DeskNotices').then((m) => m.DeskNotices)) }],
    settingsCards: [{ id: 'backup-panel', order: 40, component: lazyPart(() => import('./BackupPanel').then((m) => m.BackupPanel)) }],
    background: [{ id: 'desk-backups', order: 10, component: lazyPart(() => import('./StartDeskBackups').then((m) => m.StartDeskBackups)) }],
  },
};
