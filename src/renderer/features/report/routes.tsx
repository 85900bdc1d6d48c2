/** The monthly report's routes and navigation entry, plugged into the shell. */
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/roles';
import { ReportPrintScreen } from './ReportPrintScreen';
import { ReportScreen } from './ReportScreen';

/** The screen for a report route, or null when the route is not one of ours. */
export function reportScreen(route: string): ReactNode | null {
  const path = route.split('?')[0]!;
  if (path.startsWith('/print/report/')) return <ReportPrintScreen route={route} />;
  if (path === '/reports') return <ReportScreen route={route} />;
  return null;
}

/** The navigation entry (label is an i18n key), in the administration group. */
export const REPORT_NAV: { path: string; label: string; roles: Role[] } = { path: '/reports', label: 'nav.report', roles: ['admin', 'auditor'] };
