/** A server-room visit (DOMAIN.md §1): its states, fields and input schemas. */
import { z } from 'zod';
import { idNumberProblem, idTypeSchema, type IdType } from '../../validators/id-document';
import { isValidSerial } from '../../validators/serial';

export const VISIT_STATUSES = ['awaiting_approval', 'approved', 'refused', 'cancelled', 'inside', 'checked_out', 'archived'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const DEVICE_KINDS = ['laptop', 'server', 'disk', 'network', 'tool', 'phone', 'other'] as const;

export interface VisitDevice {
  id: string;
  kind: (typeof DEVICE_KINDS)[number];
  brandModel: string;
  /** Normalised (see normaliseSerial). */
  serial: string;
}

export interface DeviceOutcome {
  deviceId: string;
  result: 'matched' | 'left_inside';
  reason?: string;
}

export interface VisitNote {
  at: string;
  by: string;
  text: string;
}

export interface VisitState {
  id: string;
  docNo: string;
  status: VisitStatus;
  visitorName: string;
  /** Lower-case name, indexed for prefix search. */
  nameLower: string;
  idType: IdType;
  idNumber: string;
  organisation: string;
  orgLower: string;
  phone: string;
  purpose: string;
  workPlan: string;
  plannedMinutes: number;
  devices: VisitDevice[];
  registeredBy: string;
  registeredAt: string;
  /** The desk holds the visitor's ID document. */
  idHeld: boolean;
  decision?: { by: string; at: string; approved: boolean; reason?: string };
  badge?: string;
  /** The badge number while it is out with this visitor (indexed: who holds which badge). */
  badgeOut?: string;
  escortId?: string;
  enteredAt?: string;
  exitedAt?: string;
  outcome?: string;
  deviceOutcomes?: DeviceOutcome[];
  /** Serials seen leaving that never came in. */
  unknownSerials?: string[];
  cancelReason?: string;
  activities: VisitNote[];
  corrections: VisitNote[];
  archivedAt?: string;
  archivedBy?: string;
  updatedAt: string;
  /** The HLC of the last event folded in. */
  hlc: string;
}

export const deviceInputSchema = z.object({
  kind: z.enum(DEVICE_KINDS),
  brandModel: z.string().trim().min(2, 'visit.errors.brandModel').max(80, 'visit.errors.tooLong'),
  serial: z.string().trim().refine(isValidSerial, 'visit.errors.serialFormat'),
});

/** The registration form: everything the visitor writes on Formulir Akses Ruang Server. */
export const visitRegistrationSchema = z
  .object({
    visitorName: z.string().trim().min(3, 'visit.errors.name').max(100, 'visit.errors.tooLong'),
    idType: idTypeSchema,
    idNumber: z.string().trim(),
    organisation: z.string().trim().min(2, 'visit.errors.organisation').max(120, 'visit.errors.tooLong'),
    phone: z.string().trim().regex(/^(\+62|62|0)[0-9\- ]{7,15}$/, 'visit.errors.phone'),
    purpose: z.string().trim().min(5, 'visit.errors.purpose').max(500, 'visit.errors.tooLong'),
    workPlan: z.string().trim().min(5, 'visit.errors.workPlan').max(2000, 'visit.errors.tooLong'),
    plannedMinutes: z.number({ error: 'visit.errors.duration' }).int('visit.errors.duration').min(10, 'visit.errors.duration').max(720, 'visit.errors.duration'),
    devices: z.array(deviceInputSchema).max(50, 'visit.errors.tooManyDevices'),
  })
  .superRefine((v, ctx) => {
    const problem = idNumberProblem(v.idType, v.idNumber);
    if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem });
    const seen = new Map<string, number>();
    v.devices.forEach((d, i) => {
      const key = d.serial.trim().toUpperCase().replace(/\s+/g, '');
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['devices', i, 'serial'], message: 'visit.errors.serialDuplicate' });
      seen.set(key, i);
    });
  });
export type VisitRegistration = z.infer<typeof visitRegistrationSchema>;

/** Statuses in which the desk holds the visitor's ID document. */
export const ID_HELD_STATUSES: readonly VisitStatus[] = ['awaiting_approval', 'approved', 'inside'];

/** An ID document as one string (type and normalised number): the key of the store's list of documents held. */
export const idDocumentKey = (idType: string, idNumber: string) => `${idType}:${idNumber}`;

/** The ID document this visit holds at the desk now (`idDocumentKey`), if any. */
export function heldIdDocument(v: Pick<VisitState, 'status' | 'idHeld' | 'idType' | 'idNumber'> | undefined): string | undefined {
  return v && v.idHeld && ID_HELD_STATUSES.includes(v.status) ? idDocumentKey(v.idType, v.idNumber) : undefined;
}

/** Whether this visit holds this ID document (type and normalised number) at the desk now. */
export function holdsIdDocument(v: Pick<VisitState, 'status' | 'idHeld' | 'idType' | 'idNumber'>, idType: string, idNumber: string): boolean {
  return v.idHeld && ID_HELD_STATUSES.includes(v.status) && v.idType === idType && v.idNumber === idNumber;
}

/**
 * Whether this user may decide this visit: an approver, on a visit awaiting approval that they
 * did not register themselves (separation of duties). The approvals queue lists exactly these.
 */
export function mayDecideVisit(v: Pick<VisitState, 'status' | 'registeredBy'>, user: { id: string; roles: readonly string[] }): boolean {
  return v.status === 'awaiting_approval' && user.roles.includes('approver') && v.registeredBy !== user.id;
}

/** True when a visitor inside has stayed past the planned duration. */
export function isOverstay(v: Pick<VisitState, 'status' | 'enteredAt' | 'plannedMinutes'>, now: Date): boolean {
  if (v.status !== 'inside' || !v.enteredAt) return false;
  return now.getTime() > new Date(v.enteredAt).getTime() + v.plannedMinutes * 60_000;
}

/** Minutes a visitor inside has spent in the room. */
export function minutesInside(v: Pick<VisitState, 'enteredAt' | 'exitedAt'>, now: Date): number {
  if (!v.enteredAt) return 0;
  const end = v.exitedAt ? new Date(v.exitedAt) : now;
  return Math.max(0, Math.floor((end.getTime() - new Date(v.enteredAt).getTime()) / 60_000));
}
