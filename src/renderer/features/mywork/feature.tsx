/** "Pekerjaan Saya": what waits for the signed-in user, from every feature's sections. */
import { myWorkRoles, type Feature } from '@renderer/app/features';
import { lazyScreen } from '@renderer/app/lazy-screen';

export const feature: Feature = {
  id: 'mywork',
  routes: [{ path: '/my-work', screen: lazyScreen(() => import('./MyWorkScreen').then((m) => m.MyWorkScreen)) }],
  nav: [{ path: '/my-work', label: 'nav.myWork', roles: () => myWorkRoles(), order: 0 }],
};
