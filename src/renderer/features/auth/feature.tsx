/** Signing in (and the lock), the user's own password, and the idle lock. */
import type { Feature } from '@renderer/app/features';
import { lazyPart, lazyScreen } from '@renderer/app/lazy-screen';

export const feature: Feature = {
  id: 'auth',
  routes: [{ path: '/account/password', screen: lazyScreen(() => import('./ChangePasswordScreen').then((m) => () => <m.ChangePasswordScreen />)) }],
  entry: {
    // The first screen of nearly every start: fetched at once, beside the main bundle's work.
    signIn: lazyPart(() => import('./SignInScreen').then((m) => m.SignInScreen), { now: true }),
    changePassword: lazyPart(() => import('./ChangePasswordScreen').then((m) => m.ChangePasswordScreen)),
  },
  slots: {
    background: [{ id: 'idle-lock', order: 0, component: lazyPart(() => import('./IdleLock').then((m) => m.IdleLock)) }],
  },
};
