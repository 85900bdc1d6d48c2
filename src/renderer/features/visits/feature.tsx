/** The server-room desk: who is inside, registration, approvals, the visit log, a visit's page and their printouts. */
import { countAwaitingDecisionBy } from '@renderer/store/queries/visits';
import { db } from '@renderer/store';
import type { Feature } from '@renderer/app/features';
import { lazyScreen } from '@renderer/app/lazy-screen';
import { rolesFor } from '@shared/domain/can';

export const feature: Feature = {
  id: 'visits',
  routes: [
    { path: '/', screen: lazyScreen(() => import('./InsideBoard').then((m) => m.InsideBoard)) },
    { path: '/inside', screen: lazyScreen(() => import('./InsideBoard').then((m) => m.InsideBoard)) },
    { path: '/visits/new', screen: lazyScreen(() => import('./VisitRegisterScreen').then((m) => m.VisitRegisterScreen)) },
    { path: '/visits', screen: lazyScreen(() => import('./VisitLogScreen').then((m) => m.VisitLogScreen)) },
    { path: '/visits/:id', screen: lazyScreen(() => import('./VisitDetailScreen').then((m) => ({ params }) => <m.VisitDetailScreen id={params.id!} />)) },
    { path: '/approvals', screen: lazyScreen(() => import('./ApprovalsScreen').then((m) => m.ApprovalsScreen)) },
    { path: '/print/visit/:id', print: true, screen: lazyScreen(() => import('./print/VisitPrintScreen').then((m) => ({ params }) => <m.VisitPrintScreen id={params.id!} />)) },
    { path: '/print/evacuation', print: true, screen: lazyScreen(() => import('./print/VisitPrintScreen').then((m) => m.EvacuationPrintScreen)) },
  ],
  nav: [
    { path: '/', label: 'nav.inside', group: 'serverRoom', order: 10, count: () => db.visits.where('status').equals('inside').count(), activeFor: /^\/inside$/ },
    { path: '/visits/new', label: 'nav.register', roles: rolesFor('visit.register'), group: 'serverRoom', order: 11 },
    // The approvals queue's own list: only visits this user may decide (never their own).
    { path: '/approvals', label: 'nav.approvals', roles: rolesFor('visit.decide'), group: 'serverRoom', order: 12, count: (user) => countAwaitingDecisionBy(db, user) },
    { path: '/visits', label: 'nav.log', group: 'serverRoom', order: 13, activeFor: /^\/visits\/(?!new)/ },
  ],
  myWork: [{ id: 'visits-to-decide', title: 'desk.myWork.visitsToDecide', roles: ['approver'], order: 10, component: lazyScreen(() => import('./ApprovalsScreen').then((m) => m.VisitsToDecide)) }],
};
