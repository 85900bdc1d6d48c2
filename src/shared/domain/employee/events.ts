/** The employee's events (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { EMPLOYEE_STATUSES } from './state';

const fields = z.strictObject({
  nip: z.string(),
  name: z.string(),
  department: z.string(),
  position: z.string(),
  email: z.string(),
  status: z.enum(EMPLOYEE_STATUSES),
});

/** The employee as another record's document keeps it (an access request's, a restore request's). */
export const employeeSnapshotPayload = z.strictObject({ name: z.string(), nip: z.string(), department: z.string(), position: z.string() });

export const employeeEvents = {
  'employee.created': fields,
  /** Only the fields that changed. */
  'employee.updated': fields.partial(),
};
