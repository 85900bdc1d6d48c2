/** The ticket sections of "My work": assigned to me (most urgent first), unclassified and awaiting confirmation (oldest first). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TicketState } from '@shared/domain/ticket/state';
import { db } from '@renderer/store';
import { ticketsAssignedTo, ticketsAwaitingConfirmation, ticketsUnclassified } from '@renderer/store/queries/tickets';
import { TicketTable } from './TicketTable';

function List({ rows, empty, testId, showAssignee }: { rows: TicketState[] | undefined; empty: string; testId: string; showAssignee?: boolean }) {
  if (rows?.length === 0) return <p className="muted">{empty}</p>;
  return <TicketTable rows={rows} testId={testId} showAssignee={showAssignee} empty={empty} />;
}

export function AssignedToMe({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const rows = useLiveQuery(() => ticketsAssignedTo(db, userId), [userId]);
  return <List rows={rows} empty={t('ticket.mywork.noneAssigned')} testId="mywork-assigned" showAssignee={false} />;
}

export function Unclassified() {
  const { t } = useTranslation();
  const rows = useLiveQuery(() => ticketsUnclassified(db), []);
  return <List rows={rows} empty={t('ticket.mywork.noneUnclassified')} testId="mywork-unclassified" />;
}

export function AwaitingConfirmation() {
  const { t } = useTranslation();
  const rows = useLiveQuery(() => ticketsAwaitingConfirmation(db), []);
  return <List rows={rows} empty={t('ticket.mywork.noneAwaiting')} testId="mywork-awaiting" />;
}
