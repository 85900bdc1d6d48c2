/** Leavers: who resigned and what remains to revoke and collect. */
import type { Feature } from '../../app/features';
import { lazyScreen } from '../../app/lazy-screen';

export const feature: Feature = {
  id: 'leavers',
  routes: [{ path: '/leavers', screen: lazyScreen(() => import('./LeaversScreen').then((m) => m.LeaversScreen)) }],
  // Under "Aset TI", next to the employees.
  nav: [{ path: '/leavers', label: 'nav.leavers', group: 'assetsSection', order: 24 }],
  myWork: [{ id: 'leavers-open', title: 'leavers.mywork', roles: ['technician', 'admin'], order: 50, component: lazyScreen(() => import('./MyWorkLeavers').then((m) => m.MyWorkLeavers)) }],
};
