/** Employees (DOMAIN.md §2): the people assets are handed to. Records, not console users. */
import { z } from 'zod';

export const EMPLOYEE_STATUSES = ['active', 'resigned'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export interface EmployeeState {
  id: string;
  /** Nomor Induk Pegawai, digits only. */
  nip: string;
  name: string;
  /** Lower-case name, indexed for prefix search. */
  nameLower: string;
  department: string;
  position: string;
  email: string;
  status: EmployeeStatus;
  /** When the resignation was recorded (the event's time); absent while in service. Projections
   *  folded before this field existed lack it: readers fall back to the employee's events. */
  resignedAt?: string;
  /** Unique keys ('N:<nip>'), indexed (multiEntry) for the uniqueness check. */
  keys: string[];
  createdAt: string;
  updatedAt: string;
  hlc: string;
}

/** NIP: 18 digits for civil servants; offices also use shorter staff numbers (5-20 digits). */
export const nipSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{5,20}$/, 'employee.errors.nip'));

export const employeeFieldsSchema = z.object({
  nip: nipSchema,
  name: z.string().trim().min(3, 'employee.errors.name').max(100, 'employee.errors.tooLong'),
  department: z.string().trim().min(2, 'employee.errors.department').max(100, 'employee.errors.tooLong'),
  position: z.string().trim().max(100, 'employee.errors.tooLong'),
  email: z.union([z.literal(''), z.string().trim().email('employee.errors.email')]),
  status: z.enum(EMPLOYEE_STATUSES),
});
export type EmployeeFields = z.infer<typeof employeeFieldsSchema>;

/** The unique key of an employee number. */
export const nipKey = (nip: string): string => `N:${nip}`;
