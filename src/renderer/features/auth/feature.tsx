/** The signed-in user's own account: changing the password. */
import type { Feature } from '../../app/features';
import { lazyScreen } from '../../app/lazy-screen';

export const feature: Feature = {
  id: 'auth',
  routes: [{ path: '/account/password', screen: lazyScreen(() => import('./ChangePasswordScreen').then((m) => () => <m.ChangePasswordScreen />)) }],
};
