/**
 * Handover and return documents (DOMAIN.md §2): the Berita Acara Serah Terima (a kit handed to
 * an employee) and the Berita Acara Pengembalian (the kit coming back, item by item). Each is
 * one record; the assets it names carry matching events (asset.assigned, asset.returned).
 */
import { z } from 'zod';
import { CONDITIONS, type Condition } from '../asset/state';

export const RETURN_REASONS = ['resignation', 'replacement', 'transfer', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** One line of a document: a device or one of its accessories. */
export interface DocItem {
  assetId: string;
  /** Set for an accessory line. */
  accessoryId?: string;
  tag: string;
  serial: string;
  description: string;
  condition: Condition;
  /** Return lines only. */
  result?: 'returned' | 'missing' | 'kept';
  note?: string;
}

export interface Signatures {
  /** PNG data URLs drawn on screen; absent when signed on paper. */
  officer?: string;
  employee?: string;
}

export interface HandoverState {
  id: string;
  docType: 'handover' | 'return';
  docNo: string;
  employeeId: string;
  /** The IT officer who hands over (or receives back). */
  officerId: string;
  /** Mengetahui: the superior who acknowledges (a name; may be blank on paper). */
  witnessName: string;
  witnessTitle: string;
  items: DocItem[];
  /** Handover: what IT prepared beside the devices (email account, system access). */
  emailPrepared?: string;
  accessPrepared?: string;
  notes: string;
  signatures: Signatures;
  signedOnPaper: boolean;
  /** Handover only: written by an inventory import (the holders a spreadsheet named), not signed here. */
  imported?: boolean;
  /** Return only: the handover document the items came from, and why they came back. */
  handoverId?: string;
  reason?: ReturnReason;
  at: string;
  createdAt: string;
  updatedAt: string;
  hlc: string;
}

/** A signature image: a small PNG data URL. */
export const signatureSchema = z
  .string()
  .max(150_000, 'handover.errors.signatureTooBig')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'handover.errors.signatureType')
  .optional();

export const signaturesSchema = z.object({ officer: signatureSchema, employee: signatureSchema });

export const handoverIssueSchema = z.object({
  id: z.string().uuid(),
  employeeId: z.string().min(1, 'handover.errors.employeeRequired'),
  items: z
    .array(z.object({ assetId: z.string().min(1), condition: z.enum(CONDITIONS), accessoryIds: z.array(z.string()).max(20).optional() }))
    .min(1, 'handover.errors.noItems')
    .max(50, 'handover.errors.tooManyItems'),
  emailPrepared: z.string().trim().max(200, 'handover.errors.tooLong'),
  accessPrepared: z.string().trim().max(500, 'handover.errors.tooLong'),
  notes: z.string().trim().max(1000, 'handover.errors.tooLong'),
  witnessName: z.string().trim().max(100, 'handover.errors.tooLong'),
  witnessTitle: z.string().trim().max(100, 'handover.errors.tooLong'),
  signatures: signaturesSchema,
  signedOnPaper: z.boolean(),
});

export const handoverReturnSchema = z.object({
  id: z.string().uuid(),
  handoverId: z.string().min(1),
  reason: z.enum(RETURN_REASONS),
  items: z
    .array(
      z.object({
        assetId: z.string().min(1),
        accessoryId: z.string().optional(),
        result: z.enum(['returned', 'missing', 'kept']),
        condition: z.enum(CONDITIONS),
        note: z.string().trim().max(300, 'handover.errors.tooLong'),
      }),
    )
    .min(1, 'handover.errors.noItems')
    .max(500),
  notes: z.string().trim().max(1000, 'handover.errors.tooLong'),
  witnessName: z.string().trim().max(100, 'handover.errors.tooLong'),
  witnessTitle: z.string().trim().max(100, 'handover.errors.tooLong'),
  signatures: signaturesSchema,
  signedOnPaper: z.boolean(),
});
