/** System access requests (SOP-IT-003): the list, the form, a request's page and its printout; the employee page's access card and the settings' list of systems. */
import type { Feature } from '@renderer/app/features';
import { lazyPart, lazyScreen } from '@renderer/app/lazy-screen';
import { rolesFor } from '@shared/domain/can';

export const feature: Feature = {
  id: 'access',
  routes: [
    { path: '/print/access/', prefix: true, print: true, screen: lazyScreen(() => import('./print/AccessPrintScreen').then((m) => ({ route }) => <m.AccessPrintScreen route={route} />)) },
    { path: '/access', screen: lazyScreen(() => import('./AccessListScreen').then((m) => m.AccessListScreen)) },
    { path: '/access/new', screen: lazyScreen(() => import('./AccessFormScreen').then((m) => () => <m.AccessFormScreen />)) },
    { path: '/access/:id/revise', screen: lazyScreen(() => import('./AccessFormScreen').then((m) => ({ params }) => <m.AccessFormScreen id={params.id!} />)) },
    { path: '/access/:id', screen: lazyScreen(() => import('./AccessDetailScreen').then((m) => ({ params }) => <m.AccessDetailScreen id={params.id!} />)) },
  ],
  nav: [
    { path: '/access', label: 'nav.access', group: 'groupAccess', order: 50, activeFor: /^\/access\/(?!new)/ },
    { path: '/access/new', label: 'nav.accessNew', roles: rolesFor('access.submit'), group: 'groupAccess', order: 51 },
  ],
  myWork: [
    { id: 'access-decide', title: 'access.mywork.toDecide', roles: ['admin'], order: 40, component: lazyScreen(() => import('./MyWorkAccess').then((m) => ({ params }) => <m.AccessToDecide userId={params.userId!} />)) },
    { id: 'access-provision', title: 'access.mywork.toProvision', roles: ['technician', 'admin'], order: 41, component: lazyScreen(() => import('./MyWorkAccess').then((m) => m.AccessToProvision)) },
  ],
  slots: {
    employeeNotices: [{ id: 'access-resigned', order: 10, component: lazyPart(() => import('./EmployeeAccessCard').then((m) => m.EmployeeAccessNotice)) }],
    employeeCards: [{ id: 'access-employee', order: 10, component: lazyPart(() => import('./EmployeeAccessCard').then((m) => m.EmployeeAccessSection)) }],
    settingsCards: [{ id: 'access-systems', order: 10, component: lazyPart(() => import('./AccessSystemsCard').then((m) => m.AccessSystemsCard)) }],
  },
};
