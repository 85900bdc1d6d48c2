/** The leavers list's route and navigation entry, plugged into the shell. */
import type { ReactNode } from 'react';
import { LeaversScreen } from './LeaversScreen';

export function leaversScreen(route: string): ReactNode | null {
  return route.split('?')[0] === '/leavers' ? <LeaversScreen /> : null;
}

/** Under "Aset TI", next to the employees (labels are i18n keys). */
export const LEAVERS_NAV = { path: '/leavers', label: 'nav.leavers' };
