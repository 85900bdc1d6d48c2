/** Helpdesk tickets with their SLA clocks: the queue, a new ticket and a ticket's page. */
import { countQueue } from '@renderer/store/queries/tickets';
import { db } from '@renderer/store';
import type { Feature } from '@renderer/app/features';
import { lazyScreen } from '@renderer/app/lazy-screen';
// The ticket styles serve the queue, the ticket page and the My-work sections alike.
import './tickets.css';
import { rolesFor } from '@shared/domain/can';

export const feature: Feature = {
  id: 'tickets',
  routes: [
    { path: '/tickets/new', screen: lazyScreen(() => import('./TicketNewScreen').then((m) => m.TicketNewScreen)) },
    { path: '/tickets', screen: lazyScreen(() => import('./TicketsScreen').then((m) => ({ route }) => <m.TicketsScreen route={route} />)) },
    { path: '/tickets/:id', screen: lazyScreen(() => import('./TicketDetailScreen').then((m) => ({ params }) => <m.TicketDetailScreen id={params.id!} />)) },
  ],
  nav: [
    { path: '/tickets', label: 'nav.tickets', group: 'helpdesk', order: 30, count: () => countQueue(db), activeFor: /^\/tickets\/(?!new)/ },
    { path: '/tickets/new', label: 'nav.newTicket', roles: rolesFor('ticket.receive'), group: 'helpdesk', order: 31 },
  ],
  myWork: [
    { id: 'tickets-assigned', title: 'ticket.mywork.assigned', roles: ['technician'], order: 30, component: lazyScreen(() => import('./MyWorkTickets').then((m) => ({ params }) => <m.AssignedToMe userId={params.userId!} />)) },
    { id: 'tickets-unclassified', title: 'ticket.mywork.unclassified', roles: ['technician', 'admin'], order: 31, component: lazyScreen(() => import('./MyWorkTickets').then((m) => m.Unclassified)) },
    { id: 'tickets-confirmation', title: 'ticket.mywork.awaitingConfirmation', roles: ['officer'], order: 90, component: lazyScreen(() => import('./MyWorkTickets').then((m) => m.AwaitingConfirmation)) },
  ],
};
