/**
 * What the kit's forms share about errors and typed fields: a command's refusal shown at the
 * field it names (else as the form's banner), a form's own message as a banner, and a date-time
 * field's office-local text read as the instant a command takes.
 */
import { z } from 'zod';
import type { Failure } from '@shared/result';
import { fromOfficeInput, type OfficeZone } from '@shared/office-time';

/** The failure's message when it belongs to `field`. */
export const errorFor = (failure: Failure | null, field: string): string | undefined => (failure?.field === field ? failure.message : undefined);

/** A field's message for `Field`: the form's own (an i18n key), else the command's refusal naming the field, with its values. */
export const messageAt = (own: string | undefined, failure: Failure | null, field: string): { error?: string; errorParams?: Record<string, string | number> } =>
  own ? { error: own } : failure?.field === field ? { error: failure.message, errorParams: failure.params } : {};

/** The failure when it belongs to none of the form's fields (shown as the banner). */
export const formLevel = (failure: Failure | null, fields: readonly string[]): Failure | null =>
  failure && !fields.some((f) => failure.field === f || failure.field?.startsWith(`${f}.`)) ? failure : null;

/** A form's own message (an i18n key) shown as the form's banner, as a refusal is. */
export const asFailure = (message: string | undefined): Failure | null => (message ? { code: 'invalid', message } : null);

/** A date-time field's office-local value ("YYYY-MM-DDTHH:mm") as the instant (ISO) the command takes; `message` when it is none. */
export const officeInstant = (zone: OfficeZone, message: string) =>
  z.string().transform((v, ctx) => {
    const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? fromOfficeInput(v, zone) : null;
    if (!at) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return at;
  });
