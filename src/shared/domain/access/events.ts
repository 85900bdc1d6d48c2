/** The access request's events (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { employeeSnapshotPayload } from '../employee/events';
import { ACCESS_LEVELS } from './state';

const person = z.strictObject({ name: z.string(), position: z.string() });

/** The form as submitted or revised: item ids given, systems as the office names them. */
const form = {
  requester: person,
  divisionHead: person,
  need: z.string(),
  items: z.array(z.strictObject({ id: z.string(), system: z.string(), level: z.enum(ACCESS_LEVELS), scope: z.string() })),
};

export const accessEvents = {
  'access.submitted': z.strictObject({ docNo: z.string(), employeeId: z.string(), employee: employeeSnapshotPayload, ...form }),
  'access.revised': z.strictObject(form),
  /** The IT Manager's note (may be empty). */
  'access.approved': z.strictObject({ note: z.string() }),
  /** Sent back: the IT Manager's reason. */
  'access.returned': z.strictObject({ note: z.string() }),
  'access.granted': z.strictObject({ itemId: z.string(), system: z.string(), level: z.enum(ACCESS_LEVELS), account: z.string(), note: z.string() }),
  'access.revoked': z.strictObject({ itemId: z.string(), reason: z.string() }),
  'access.cancelled': z.strictObject({ reason: z.string() }),
};
