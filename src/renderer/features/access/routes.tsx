/** The access request workflow's routes and navigation entries, plugged into the shell. */
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/roles';
import { match } from '../../app/router';
import { AccessDetailScreen } from './AccessDetailScreen';
import { AccessFormScreen } from './AccessFormScreen';
import { AccessListScreen } from './AccessListScreen';
import { AccessPrintScreen } from './print/AccessPrintScreen';

/** The screen for an access route, or null when the route is not one of ours. */
export function accessScreen(route: string): ReactNode | null {
  const path = route.split('?')[0]!;
  let m: Record<string, string> | null;
  if (path.startsWith('/print/access/')) return <AccessPrintScreen route={route} />;
  if (path === '/access') return <AccessListScreen />;
  if (path === '/access/new') return <AccessFormScreen />;
  if ((m = match('/access/:id/revise', path))) return <AccessFormScreen id={m.id!} />;
  if ((m = match('/access/:id', path))) return <AccessDetailScreen id={m.id!} />;
  return null;
}

/** Navigation entries of the access section (labels are i18n keys). */
export const ACCESS_NAV: { path: string; label: string; roles?: Role[] }[] = [
  { path: '/access', label: 'nav.access' },
  { path: '/access/new', label: 'nav.accessNew', roles: ['officer', 'technician', 'admin'] },
];
