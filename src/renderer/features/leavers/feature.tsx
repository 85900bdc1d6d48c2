/** Leavers: who resigned and what remains to revoke and collect; on the employee's page, the status and "revoke all". */
import type { Feature } from '@renderer/app/features';
import { lazyPart, lazyScreen } from '@renderer/app/lazy-screen';

export const feature: Feature = {
  id: 'leavers',
  routes: [{ path: '/leavers', screen: lazyScreen(() => import('./LeaversScreen').then((m) => m.LeaversScreen)) }],
  // Under "Aset TI", next to the employees.
  nav: [{ path: '/leavers', label: 'nav.leavers', group: 'assetsSection', order: 24 }],
  myWork: [{ id: 'leavers-open', title: 'leavers.mywork', roles: ['technician', 'admin'], order: 50, component: lazyScreen(() => import('./MyWorkLeavers').then((m) => m.MyWorkLeavers)) }],
  slots: {
    employeeBadges: [{ id: 'leavers-status', order: 10, component: lazyPart(() => import('./parts').then((m) => m.EmployeeStatusBadge)) }],
    employeeNotices: [{ id: 'leavers-revoke-all', order: 20, component: lazyPart(() => import('./EmployeeRevokeAll').then((m) => m.EmployeeRevokeAll)) }],
  },
};
