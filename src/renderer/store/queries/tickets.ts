/**
 * Read queries over the tickets projection, each one an index range that stops when its page
 * is full: the open queue by due instant (`queueDue` exists only while a clock runs), a
 * technician's own queue ([assigneeId+queueDue]), unclassified tickets and the fixes awaiting
 * the user's confirmation ([status+…] oldest first), and the log newest first.
 */
import type { TicketState, TicketStatus } from '@shared/domain/ticket/state';
import type { ConsoleDb } from '../db';

export const TICKET_PAGE = 50;
const MIN = '0000';
const MAX = '9999';

/** Open tickets whose clock runs, most urgent (earliest due) first. */
export function ticketQueue(db: ConsoleDb, limit = TICKET_PAGE, offset = 0): Promise<TicketState[]> {
  return db.tickets.orderBy('queueDue').offset(offset).limit(limit).toArray();
}

/** How many tickets wait for IT (clock running). */
export function countQueue(db: ConsoleDb): Promise<number> {
  return db.tickets.where('queueDue').above('').count();
}

/** Tickets assigned to a technician whose clock runs, most urgent first. */
export function ticketsAssignedTo(db: ConsoleDb, userId: string, limit = TICKET_PAGE): Promise<TicketState[]> {
  return db.tickets.where('[assigneeId+queueDue]').between([userId, MIN], [userId, MAX]).limit(limit).toArray();
}

/** Tickets not yet classified, oldest first. */
export function ticketsUnclassified(db: ConsoleDb, limit = TICKET_PAGE): Promise<TicketState[]> {
  return db.tickets.where('[status+receivedAt]').between(['new', MIN], ['new', MAX]).limit(limit).toArray();
}

/** Resolved tickets waiting for the user's confirmation, oldest fix first. */
export function ticketsAwaitingConfirmation(db: ConsoleDb, limit = TICKET_PAGE): Promise<TicketState[]> {
  return db.tickets.where('[status+resolvedAt]').between(['resolved', MIN], ['resolved', MAX]).limit(limit).toArray();
}

/** One page of the ticket log, newest first, optionally one status; `hasMore` tells whether another page exists. */
export async function ticketLogPage(db: ConsoleDb, status: TicketStatus | '', page = 0, size = TICKET_PAGE): Promise<{ rows: TicketState[]; hasMore: boolean }> {
  const collection = status
    ? db.tickets.where('[status+receivedAt]').between([status, MIN], [status, MAX]).reverse()
    : db.tickets.orderBy('receivedAt').reverse();
  const rows = await collection.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}

/** Tickets naming an asset serial (normalised), newest first. */
export function ticketsBySerial(db: ConsoleDb, serial: string, limit = TICKET_PAGE): Promise<TicketState[]> {
  return db.tickets.where('assetSerial').equals(serial).reverse().limit(limit).toArray();
}
