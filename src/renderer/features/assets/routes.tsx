/** The asset workflow's routes and navigation entries, plugged into the shell. */
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/roles';
import { match } from '../../app/router';
import { AssetDetailScreen } from './AssetDetailScreen';
import { AssetFormScreen } from './AssetFormScreen';
import { EmployeeDetailScreen, EmployeesScreen } from './EmployeesScreen';
import { HandoverScreen } from './HandoverScreen';
import { EmployeeImportScreen, ImportScreen } from './ImportScreen';
import { InventoryScreen } from './InventoryScreen';
import { MaintenanceScreen } from './MaintenanceScreen';
import { ReturnScreen } from './ReturnScreen';
import { AssetPrintScreen } from './print/AssetPrintScreen';

/** The screen for an asset route, or null when the route is not one of ours. */
export function assetScreen(route: string): ReactNode | null {
  const path = route.split('?')[0]!;
  let m: Record<string, string> | null;
  if (path.startsWith('/print/assets/')) return <AssetPrintScreen route={route} />;
  if (path === '/assets') return <InventoryScreen />;
  if (path === '/assets/new') return <AssetFormScreen />;
  if (path === '/assets/import') return <ImportScreen />;
  if (path === '/assets/maintenance') return <MaintenanceScreen />;
  if ((m = match('/assets/:id/edit', path))) return <AssetFormScreen id={m.id!} />;
  if ((m = match('/assets/:id', path))) return <AssetDetailScreen id={m.id!} />;
  if (path === '/employees') return <EmployeesScreen />;
  if (path === '/employees/import') return <EmployeeImportScreen />;
  if ((m = match('/employees/:id', path))) return <EmployeeDetailScreen id={m.id!} />;
  if (path === '/handovers/new') return <HandoverScreen />;
  if ((m = match('/handovers/:id/return', path))) return <ReturnScreen handoverId={m.id!} />;
  return null;
}

/** Navigation entries of the asset section (labels are i18n keys). */
export const ASSET_NAV: { path: string; label: string; roles?: Role[] }[] = [
  { path: '/assets', label: 'nav.assets' },
  { path: '/handovers/new', label: 'nav.handover', roles: ['technician', 'admin'] },
  { path: '/assets/maintenance', label: 'nav.maintenance' },
  { path: '/employees', label: 'nav.employees' },
];
