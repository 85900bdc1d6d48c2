/**
 * The check-out form's rules (the same as visit.checkOut, checked before it is sent): the outcome
 * as the command takes it, every device brought in either scanned or declared left inside with a
 * reason, the badge and the held ID returned. Every message is an i18n key at its field; a
 * device's messages name its serial, which the panel passes as the field's values (the
 * resolver keeps the key only).
 */
import { z } from 'zod';
import { visitCheckOutInput } from '@shared/domain/visit/commands';

/** One device brought in: its row in the reconciliation list. */
const deviceRow = z.object({ deviceId: z.string(), serial: z.string(), left: z.boolean(), reason: z.string() });

export const checkOutForm = z
  .object({
    outcome: visitCheckOutInput.shape.outcome,
    /** Serials seen leaving (scanned or typed, normalised), in order. */
    scanned: z.array(z.string()),
    devices: z.array(deviceRow),
    badgeReturned: z.boolean().refine((v) => v, 'visit.errors.badgeNotReturned'),
    idReturned: z.boolean().refine((v) => v, 'visit.errors.idNotReturned'),
  })
  .superRefine((v, ctx) => {
    v.devices.forEach((d, i) => {
      if (v.scanned.includes(d.serial)) return;
      if (!d.left) ctx.addIssue({ code: 'custom', path: ['devices', i, 'left'], message: 'visit.errors.deviceUnresolved' });
      else if (d.reason.trim().length < 3) ctx.addIssue({ code: 'custom', path: ['devices', i, 'reason'], message: 'visit.errors.leftInsideReason' });
    });
  });

export type CheckOutValues = z.input<typeof checkOutForm>;

/** The form's values for a visit's devices, keeping what was already set for a device still there. */
export const deviceRows = (devices: readonly { id: string; serial: string }[], before: CheckOutValues['devices'] = []): CheckOutValues['devices'] =>
  devices.map((d) => before.find((r) => r.deviceId === d.id) ?? { deviceId: d.id, serial: d.serial, left: false, reason: '' });

/** The command's input from valid values: the devices left inside with their reasons (a scanned one is not). */
export const checkOutInput = (id: string, v: z.output<typeof checkOutForm>) => ({
  id,
  outcome: v.outcome,
  scannedSerials: v.scanned,
  leftInside: v.devices.filter((d) => d.left && !v.scanned.includes(d.serial)).map((d) => ({ deviceId: d.deviceId, reason: d.reason })),
  badgeReturned: v.badgeReturned,
  idReturned: v.idReturned,
});
