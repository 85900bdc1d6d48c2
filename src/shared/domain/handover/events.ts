/** The handover and return documents' events: each document is written once (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { CONDITIONS } from '../asset/state';
import { RETURN_REASONS } from './state';

/** A line of a handover document: a device, or one of its accessories (`accessoryId`). */
const line = z.strictObject({
  assetId: z.string(),
  accessoryId: z.string().optional(),
  tag: z.string(),
  serial: z.string(),
  description: z.string(),
  condition: z.enum(CONDITIONS),
});

/** Drawn signatures (PNG data URLs); none when signed on paper. */
const signatures = z.strictObject({ officer: z.string().optional(), employee: z.string().optional() });

const document = {
  docNo: z.string(),
  employeeId: z.string(),
  officerId: z.string(),
  witnessName: z.string(),
  witnessTitle: z.string(),
  notes: z.string(),
  signatures,
  signedOnPaper: z.boolean(),
  at: z.string(),
};

export const handoverEvents = {
  'handover.issued': z.strictObject({
    ...document,
    items: z.array(line),
    emailPrepared: z.string(),
    accessPrepared: z.string(),
    /** The record of who held what when an inventory was imported: no handover happened here, nobody signed. */
    imported: z.boolean().optional(),
  }),
  'handover.returned': z.strictObject({
    ...document,
    handoverId: z.string(),
    reason: z.enum(RETURN_REASONS),
    /** Every line still out, reconciled. */
    items: z.array(line.extend({ result: z.enum(['returned', 'missing', 'kept']), note: z.string().optional() })),
  }),
};
