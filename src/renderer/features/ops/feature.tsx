/** Daily operations records: the day's checks, backups and disruptions; the settings' list of backup jobs. */
import type { Feature } from '@renderer/app/features';
import { lazyPart, lazyScreen } from '@renderer/app/lazy-screen';

export const feature: Feature = {
  id: 'ops',
  routes: [
    { path: '/ops', screen: lazyScreen(() => import('./OpsDayScreen').then((m) => () => <m.OpsDayScreen />)) },
    { path: '/ops/:date', screen: lazyScreen(() => import('./OpsDayScreen').then((m) => ({ params }) => <m.OpsDayScreen date={params.date!} key={params.date} />)) },
  ],
  nav: [{ path: '/ops', label: 'nav.ops', group: 'groupOps', order: 60, activeFor: /^\/ops\// }],
  slots: { settingsCards: [{ id: 'ops-backup-jobs', order: 20, component: lazyPart(() => import('./BackupJobsCard').then((m) => m.BackupJobsCard)) }] },
};
