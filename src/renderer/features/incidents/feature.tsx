/** The network-security incident procedure: the list, a new report, an incident's steps and its printouts. */
import { countWaitingFor } from '@renderer/store/queries/incidents';
import { db } from '@renderer/store';
import type { Feature } from '@renderer/app/features';
import { lazyScreen } from '@renderer/app/lazy-screen';
import { rolesFor } from '@shared/domain/can';

export const feature: Feature = {
  id: 'incidents',
  routes: [
    { path: '/incidents/new', screen: lazyScreen(() => import('./IncidentNewScreen').then((m) => m.IncidentNewScreen)) },
    { path: '/incidents', screen: lazyScreen(() => import('./IncidentListScreen').then((m) => m.IncidentListScreen)) },
    { path: '/incidents/:id', screen: lazyScreen(() => import('./IncidentDetailScreen').then((m) => ({ params }) => <m.IncidentDetailScreen id={params.id!} />)) },
    { path: '/print/incident/:id', print: true, screen: lazyScreen(() => import('./print/IncidentPrintScreen').then((m) => ({ params }) => <m.IncidentPrintScreen id={params.id!} completion={false} />)) },
    { path: '/print/incident-completion/:id', print: true, screen: lazyScreen(() => import('./print/IncidentPrintScreen').then((m) => ({ params }) => <m.IncidentPrintScreen id={params.id!} completion />)) },
  ],
  nav: [
    { path: '/incidents', label: 'nav.incidents', group: 'security', order: 40, count: (user) => countWaitingFor(db, user.roles), activeFor: /^\/incidents\/(?!new)/ },
    { path: '/incidents/new', label: 'nav.reportIncident', roles: rolesFor('incident.report'), group: 'security', order: 41 },
  ],
  myWork: [{ id: 'incidents-my-role', title: 'incident.mine.myWork', roles: ['officer', 'admin', 'security_lead', 'technician'], order: 20, component: lazyScreen(() => import('./MyIncidentsSection').then((m) => m.MyWorkIncidents)) }],
};
