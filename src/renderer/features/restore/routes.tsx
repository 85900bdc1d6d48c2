/** The restore request workflow's routes and navigation entries, plugged into the shell. */
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/roles';
import { match } from '../../app/router';
import { RestoreDetailScreen } from './RestoreDetailScreen';
import { RestoreFormScreen } from './RestoreFormScreen';
import { RestoreListScreen } from './RestoreListScreen';

/** The screen for a restore route, or null when the route is not one of ours. */
export function restoreScreen(route: string): ReactNode | null {
  const path = route.split('?')[0]!;
  let m: Record<string, string> | null;
  if (path === '/restore') return <RestoreListScreen />;
  if (path === '/restore/new') return <RestoreFormScreen />;
  if ((m = match('/restore/:id', path))) return <RestoreDetailScreen id={m.id!} />;
  return null;
}

/**
 * Navigation entries of the restore section (labels are i18n keys), under "Operasional Harian".
 * One entry: a new request is recorded from the list's button, so an admin's sidebar still
 * fits a 768-px-high screen.
 */
export const RESTORE_NAV: { path: string; label: string; roles?: Role[] }[] = [{ path: '/restore', label: 'nav.restore' }];
