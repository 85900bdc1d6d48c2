/** The daily operations routes and navigation entries, plugged into the shell. */
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/roles';
import { match } from '../../app/router';
import { OpsDayScreen } from './OpsDayScreen';

/** The screen for an operations route, or null when the route is not one of ours. */
export function opsScreen(route: string): ReactNode | null {
  const path = route.split('?')[0]!;
  let m: Record<string, string> | null;
  if (path === '/ops') return <OpsDayScreen />;
  if ((m = match('/ops/:date', path))) return <OpsDayScreen date={m.date!} key={m.date} />;
  return null;
}

/** Navigation entries of the operations section (labels are i18n keys). */
export const OPS_NAV: { path: string; label: string; roles?: Role[] }[] = [{ path: '/ops', label: 'nav.ops' }];
