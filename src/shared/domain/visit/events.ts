/** The server-room visit's events (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { idTypeSchema } from '../../validators/id-document';
import { DEVICE_KINDS } from './state';

/** A device as the visit carries it: its id given, its serial normalised. */
const device = z.strictObject({ id: z.string(), kind: z.enum(DEVICE_KINDS), brandModel: z.string(), serial: z.string() });

export const visitEvents = {
  'visit.registered': z.strictObject({
    visitorName: z.string(),
    idType: idTypeSchema,
    idNumber: z.string(),
    organisation: z.string(),
    phone: z.string(),
    purpose: z.string(),
    workPlan: z.string(),
    plannedMinutes: z.number(),
    docNo: z.string(),
    devices: z.array(device),
  }),
  'visit.approved': z.strictObject({ note: z.string().optional() }),
  'visit.refused': z.strictObject({ reason: z.string() }),
  'visit.badgeIssued': z.strictObject({ badge: z.string(), escortId: z.string() }),
  'visit.entered': z.strictObject({ enteredAt: z.string() }),
  'visit.deviceAdded': z.strictObject({ device }),
  'visit.activityNoted': z.strictObject({ text: z.string() }),
  'visit.checkedOut': z.strictObject({
    exitedAt: z.string(),
    outcome: z.string(),
    deviceOutcomes: z.array(
      z.discriminatedUnion('result', [
        z.strictObject({ deviceId: z.string(), result: z.literal('matched') }),
        z.strictObject({ deviceId: z.string(), result: z.literal('left_inside'), reason: z.string() }),
      ]),
    ),
    unknownSerials: z.array(z.string()),
  }),
  'visit.cancelled': z.strictObject({ reason: z.string() }),
  'visit.archived': z.strictObject({}),
  'visit.corrected': z.strictObject({ text: z.string() }),
};
