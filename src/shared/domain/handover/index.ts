/** Handover and return documents (DOMAIN.md §2). */
import { defineKind } from '../kind';
import { handoverIssue, handoverReturn } from './commands';
import { handoverEvents } from './events';
import { applyHandover } from './fold';

export const handoverKind = defineKind({
  kind: 'handover',
  events: handoverEvents,
  fold: applyHandover,
  commands: { 'handover.issue': handoverIssue, 'handover.return': handoverReturn },
  table: 'handovers',
  label: (s) => s.docNo,
  // The document itself is the record: its print preview is its page.
  route: (id) => `#/print/assets/doc/${id}`,
});
