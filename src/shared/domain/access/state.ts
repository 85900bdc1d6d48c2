/**
 * System access requests (DOMAIN.md §5, SOP-IT-003 "Permintaan Akses Sistem Informasi"): the
 * requesting manager's form, signed by the division head, for one employee — which systems,
 * which access level (least privilege), why. The IT Manager (admin) analyses it: approved → the
 * IT team creates each access and records what it provisioned; not approved → the form goes
 * back for revision with the reason and can be resubmitted (every version kept). Every grant
 * is documented, and revoked when the employee leaves.
 */
import { z } from 'zod';

/** The systems an office grants access to when it has not set its own list (SOP-IT-003 §2.1). */
export const DEFAULT_ACCESS_SYSTEMS = ['Jaringan internal & internet', 'Email', 'VPN', 'CCTV', 'Data Center', 'Accurate', 'ERP', 'Tracy', 'CL', 'HRIS'] as const;

/** Least privilege first. */
export const ACCESS_LEVELS = ['read', 'write', 'admin'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** 'revoked': every access the request gave has been taken back (it was provisioned). */
export const ACCESS_STATUSES = ['submitted', 'returned', 'approved', 'provisioned', 'revoked', 'cancelled'] as const;
export type AccessStatus = (typeof ACCESS_STATUSES)[number];

export interface AccessItem {
  id: string;
  system: string;
  level: AccessLevel;
  /** What exactly (a module, a folder, a camera group…). */
  scope: string;
}

/** What the IT team provisioned for one item, and its revocation. */
export interface AccessGrant {
  itemId: string;
  system: string;
  level: AccessLevel;
  /** The account or access created (user name, group, VPN profile…). */
  account: string;
  note: string;
  grantedAt: string;
  grantedBy: string;
  revokedAt?: string;
  revokedBy?: string;
  revokeReason?: string;
}

export interface AccessPerson {
  name: string;
  position: string;
}

/** One version of the form as submitted. */
export interface AccessVersion {
  n: number;
  at: string;
  by: string;
  need: string;
  items: AccessItem[];
  /** Why the IT Manager sent this version back, when they did. */
  returnedReason?: string;
  returnedBy?: string;
  returnedAt?: string;
}

export interface AccessRequestState {
  id: string;
  /** PREFIX/PAS/YYYYMMDD/XXXXX. */
  docNo: string;
  employeeId: string;
  /** The employee as on the form (kept for the printout if the record changes later). */
  employee: { name: string; nip: string; department: string; position: string };
  requester: AccessPerson;
  divisionHead: AccessPerson;
  need: string;
  items: AccessItem[];
  status: AccessStatus;
  /** The current version number (1 = first submission). */
  version: number;
  /** Earlier versions, oldest first, each with the reason it was sent back. */
  versions: AccessVersion[];
  submittedAt: string;
  /** Who recorded the current version: they may not approve it. */
  submittedBy: string;
  returnedReason?: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionNote?: string;
  grants: AccessGrant[];
  cancelReason?: string;
  /** Whose move it is ('admin' to analyse, 'technician' to provision); indexed with submittedAt for "My work". */
  waitingRole?: 'admin' | 'technician';
  /** Systems granted and not revoked, for "what to revoke" when the employee leaves. */
  activeGrants: number;
  createdAt: string;
  updatedAt: string;
  hlc: string;
}

const person = (nameKey: string) =>
  z.object({
    name: z.string().trim().min(3, nameKey).max(100, 'access.errors.tooLong'),
    position: z.string().trim().max(100, 'access.errors.tooLong'),
  });

export const accessItemSchema = z.object({
  id: z.string().min(1).optional(),
  system: z.string().trim().min(1, 'access.errors.system').max(60, 'access.errors.tooLong'),
  level: z.enum(ACCESS_LEVELS, { error: 'access.errors.level' }),
  scope: z.string().trim().max(200, 'access.errors.tooLong'),
});

/** The form's contents, as submitted and as revised. */
export const accessFormSchema = z.object({
  requester: person('access.errors.requester'),
  divisionHead: person('access.errors.divisionHead'),
  need: z.string().trim().min(10, 'access.errors.need').max(1000, 'access.errors.tooLong'),
  items: z
    .array(accessItemSchema)
    .min(1, 'access.errors.noItems')
    .max(20, 'access.errors.tooManyItems')
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((it, i) => {
        const key = it.system.trim().toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'system'], message: 'access.errors.systemTwice', params: { system: it.system } });
        seen.add(key);
      });
    }),
});
export type AccessForm = z.infer<typeof accessFormSchema>;

/** The office's list of systems. */
export function accessSystems(org: { accessSystems?: readonly string[] } | undefined): readonly string[] {
  return org?.accessSystems && org.accessSystems.length > 0 ? org.accessSystems : DEFAULT_ACCESS_SYSTEMS;
}

/** The grants of a request still in force. */
export const activeGrantsOf = (r: Pick<AccessRequestState, 'grants'>): AccessGrant[] => r.grants.filter((g) => !g.revokedAt);

/**
 * The status to show: a provisioned request whose every access was revoked reads 'revoked'
 * (the fold says so too; a projection folded before that rule still says 'provisioned').
 */
export function shownAccessStatus(r: Pick<AccessRequestState, 'status' | 'grants'>): AccessStatus {
  return r.status === 'provisioned' && r.grants.length > 0 && r.grants.every((g) => g.revokedAt) ? 'revoked' : r.status;
}
