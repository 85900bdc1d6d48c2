/** IT assets: inventory, an asset's page, imports, maintenance, employees, handover and return, prints. */
import type { Feature } from '@renderer/app/features';
import { lazyScreen } from '@renderer/app/lazy-screen';
import { rolesFor } from '@shared/domain/can';

export const feature: Feature = {
  id: 'assets',
  routes: [
    { path: '/print/assets/', prefix: true, print: true, screen: lazyScreen(() => import('./print/AssetPrintScreen').then((m) => ({ route }) => <m.AssetPrintScreen route={route} />)) },
    { path: '/assets', screen: lazyScreen(() => import('./InventoryScreen').then((m) => m.InventoryScreen)) },
    { path: '/assets/new', screen: lazyScreen(() => import('./AssetFormScreen').then((m) => () => <m.AssetFormScreen />)) },
    { path: '/assets/import', screen: lazyScreen(() => import('./ImportScreen').then((m) => m.ImportScreen)) },
    { path: '/assets/maintenance', screen: lazyScreen(() => import('./MaintenanceScreen').then((m) => m.MaintenanceScreen)) },
    { path: '/assets/:id/edit', screen: lazyScreen(() => import('./AssetFormScreen').then((m) => ({ params }) => <m.AssetFormScreen id={params.id!} />)) },
    { path: '/assets/:id', screen: lazyScreen(() => import('./AssetDetailScreen').then((m) => ({ params }) => <m.AssetDetailScreen id={params.id!} />)) },
    { path: '/employees', screen: lazyScreen(() => import('./EmployeesScreen').then((m) => m.EmployeesScreen)) },
    { path: '/employees/import', screen: lazyScreen(() => import('./ImportScreen').then((m) => m.EmployeeImportScreen)) },
    { path: '/employees/:id', screen: lazyScreen(() => import('./EmployeesScreen').then((m) => ({ params }) => <m.EmployeeDetailScreen id={params.id!} />)) },
    { path: '/handovers/new', screen: lazyScreen(() => import('./HandoverScreen').then((m) => m.HandoverScreen)) },
    { path: '/handovers/:id/return', screen: lazyScreen(() => import('./ReturnScreen').then((m) => ({ params }) => <m.ReturnScreen handoverId={params.id!} />)) },
  ],
  nav: [
    { path: '/assets', label: 'nav.assets', group: 'assetsSection', order: 20, activeFor: /^\/assets\/(?!maintenance)/ },
    { path: '/handovers/new', label: 'nav.handover', roles: rolesFor('handover.issue'), group: 'assetsSection', order: 21 },
    { path: '/assets/maintenance', label: 'nav.maintenance', group: 'assetsSection', order: 22 },
    { path: '/employees', label: 'nav.employees', group: 'assetsSection', order: 23, activeFor: /^\/employees\// },
  ],
};
