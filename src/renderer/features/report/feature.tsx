/** The monthly management report, on screen and printed. */
import type { Feature } from '@renderer/app/features';
import { lazyScreen } from '@renderer/app/lazy-screen';

export const feature: Feature = {
  id: 'report',
  routes: [
    { path: '/print/report/', prefix: true, print: true, screen: lazyScreen(() => import('./ReportPrintScreen').then((m) => ({ route }) => <m.ReportPrintScreen route={route} />)) },
    { path: '/reports', screen: lazyScreen(() => import('./ReportScreen').then((m) => ({ route }) => <m.ReportScreen route={route} />)) },
  ],
  nav: [{ path: '/reports', label: 'nav.report', roles: ['admin', 'auditor'], group: 'administration', order: 73 }],
};
