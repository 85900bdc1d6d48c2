/**
 * The handover and return forms' schemas: what the desk must fill before the command is sent,
 * checked all at once with each message (an i18n key) at its field. The command re-checks
 * everything (src/shared/domain/handover); these only save the user a refusal at a time.
 */
import { z } from 'zod';
import { CONDITIONS } from '@shared/domain/asset/state';
import { RETURN_REASONS } from '@shared/domain/handover/state';

const text = (max: number) => z.string().trim().max(max, 'handover.errors.tooLong');

/** The signing block: witness, note, and the two signatures unless signed on paper. */
const signing = {
  notes: text(1000),
  witnessName: text(100),
  witnessTitle: text(100),
  signedOnPaper: z.boolean(),
  signatures: z.object({ officer: z.string().optional(), employee: z.string().optional() }),
};

function requireSignatures(v: { signedOnPaper: boolean; signatures: { officer?: string; employee?: string } }, ctx: z.RefinementCtx) {
  if (v.signedOnPaper) return;
  if (!v.signatures.officer) ctx.addIssue({ code: 'custom', path: ['signatures', 'officer'], message: 'handover.errors.officerSignature' });
  if (!v.signatures.employee) ctx.addIssue({ code: 'custom', path: ['signatures', 'employee'], message: 'handover.errors.employeeSignature' });
}

export const handoverFormSchema = z
  .object({
    employeeId: z.string().min(1, 'handover.errors.employeeRequired'),
    kit: z.array(z.object({ assetId: z.string().min(1), condition: z.enum(CONDITIONS), accessoryIds: z.array(z.string()) })).min(1, 'handover.errors.noItems'),
    emailPrepared: text(200),
    accessPrepared: text(500),
    ...signing,
  })
  .superRefine(requireSignatures);

export type HandoverFormIn = z.input<typeof handoverFormSchema>;
export type HandoverFormOut = z.output<typeof handoverFormSchema>;

export const emptyHandover = (employeeId = ''): HandoverFormIn => ({
  employeeId,
  kit: [],
  emailPrepared: '',
  accessPrepared: '',
  notes: '',
  witnessName: '',
  witnessTitle: '',
  signedOnPaper: false,
  signatures: {},
});

/** A return line: each item still out is checked back (returned, missing or kept). */
export const returnFormSchema = z
  .object({
    reason: z.enum(RETURN_REASONS),
    lines: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        check: z.enum(['', 'returned', 'missing', 'kept']).refine((c) => c !== '', 'handover.errors.unreconciled'),
        // Not asked for a missing item (its select is disabled, and a disabled input has no value).
        cond: z.enum(CONDITIONS).optional(),
        note: text(300),
      }),
    ),
    ...signing,
  })
  .superRefine(requireSignatures);

export type ReturnFormIn = z.input<typeof returnFormSchema>;
export type ReturnFormOut = z.output<typeof returnFormSchema>;
