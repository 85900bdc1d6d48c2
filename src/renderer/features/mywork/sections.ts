/**
 * The sections of "My work", in order. Each names its title (an i18n key), the roles that see
 * it, and the component that lists what waits for the signed-in user, oldest or most urgent
 * first, each with its live clock. Workflows add their sections here (e.g. incidents).
 */
import type { ComponentType } from 'react';
import type { Role } from '../../../shared/roles';
import { AssignedToMe, AwaitingConfirmation, Unclassified } from '../tickets/MyWorkTickets';
import { MyWorkIncidents } from '../incidents/MyIncidentsSection';
import { AccessToDecide, AccessToProvision } from '../access/extra/MyWorkAccess';
import { MyWorkRestore } from '../restore/extra/MyWorkRestore';
import { VisitsToDecide } from '../visits/ApprovalsScreen';
import { MyWorkLeavers } from '../leavers/MyWorkLeavers';

export interface MyWorkSection {
  id: string;
  /** i18n key of the section's heading. */
  title: string;
  roles: Role[];
  component: ComponentType<{ userId: string }>;
}

export const sections: MyWorkSection[] = [
  { id: 'visits-to-decide', title: 'desk.myWork.visitsToDecide', roles: ['approver'], component: VisitsToDecide },
  { id: 'incidents-my-role', title: 'incident.mine.myWork', roles: ['officer', 'admin', 'security_lead', 'technician'], component: MyWorkIncidents },
  { id: 'tickets-assigned', title: 'ticket.mywork.assigned', roles: ['technician'], component: AssignedToMe },
  { id: 'tickets-unclassified', title: 'ticket.mywork.unclassified', roles: ['technician', 'admin'], component: Unclassified },
  { id: 'access-decide', title: 'access.mywork.toDecide', roles: ['admin'], component: AccessToDecide },
  { id: 'access-provision', title: 'access.mywork.toProvision', roles: ['technician', 'admin'], component: AccessToProvision },
  { id: 'leavers-open', title: 'leavers.mywork', roles: ['technician', 'admin'], component: MyWorkLeavers },
  { id: 'restore-waiting', title: 'restore.mywork.title', roles: ['technician', 'admin'], component: MyWorkRestore },
  { id: 'tickets-confirmation', title: 'ticket.mywork.awaitingConfirmation', roles: ['officer'], component: AwaitingConfirmation },
];
