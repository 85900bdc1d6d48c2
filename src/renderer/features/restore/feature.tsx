/** Backup restore requests (SOP 4). */
import type { Feature } from '@renderer/app/features';
import { lazyScreen } from '@renderer/app/lazy-screen';

export const feature: Feature = {
  id: 'restore',
  routes: [
    { path: '/restore', screen: lazyScreen(() => import('./RestoreListScreen').then((m) => m.RestoreListScreen)) },
    { path: '/restore/new', screen: lazyScreen(() => import('./RestoreFormScreen').then((m) => m.RestoreFormScreen)) },
    { path: '/restore/:id', screen: lazyScreen(() => import('./RestoreDetailScreen').then((m) => ({ params }) => <m.RestoreDetailScreen id={params.id!} />)) },
  ],
  // One entry: a new request is recorded from the list's button, so an admin's sidebar still fits a 768-px-high screen.
  nav: [{ path: '/restore', label: 'nav.restore', group: 'groupOps', order: 61, activeFor: /^\/restore\// }],
  myWork: [{ id: 'restore-waiting', title: 'restore.mywork.title', roles: ['technician', 'admin'], order: 60, component: lazyScreen(() => import('./MyWorkRestore').then((m) => ({ params }) => <m.MyWorkRestore userId={params.userId!} />)) }],
};
