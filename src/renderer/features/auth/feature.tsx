/** The signed-in user's own account: changing the password. */
import { lazyScreen, type Feature } from '../../app/features';

export const feature: Feature = {
  id: 'auth',
  routes: [{ path: '/account/password', screen: lazyScreen(() => import('./ChangePasswordScreen').then((m) => () => <m.ChangePasswordScreen />)) }],
};
