/** Administration: users, the office's settings, the working calendar and SLA. */
import type { Feature } from '@renderer/app/features';
import { lazyScreen } from '@renderer/app/lazy-screen';

export const feature: Feature = {
  id: 'admin',
  routes: [
    { path: '/admin/users', screen: lazyScreen(() => import('./UsersScreen').then((m) => m.UsersScreen)) },
    { path: '/admin/settings', screen: lazyScreen(() => import('./SettingsScreen').then((m) => m.SettingsScreen)) },
    { path: '/admin/calendar', screen: lazyScreen(() => import('./CalendarScreen').then((m) => m.CalendarScreen)) },
  ],
  nav: [
    { path: '/admin/users', label: 'nav.users', roles: ['admin'], group: 'administration', order: 70 },
    { path: '/admin/settings', label: 'nav.settings', roles: ['admin'], group: 'administration', order: 71 },
    { path: '/admin/calendar', label: 'nav.calendar', roles: ['admin'], group: 'administration', order: 72 },
  ],
};
