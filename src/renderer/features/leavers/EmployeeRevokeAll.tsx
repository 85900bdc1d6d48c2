/** On a resigned employee's page (slot `employeeNotices`): revoke all of their access at once (the IT team). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { EmployeeState } from '@shared/domain/employee/state';
import { can } from '@shared/domain/can';
import { useSessionStore } from '@renderer/app/session-store';
import { db } from '@renderer/store';
import { leaverOf } from '@renderer/store/queries/leavers';
import { RevokeAll } from './RevokeAll';

export function EmployeeRevokeAll({ employee }: { employee: EmployeeState }) {
  const mayRevoke = useSessionStore((s) => can(s.user, 'access.revoke'));
  const leaver = useLiveQuery(() => (employee.status === 'resigned' ? leaverOf(db, employee) : Promise.resolve(undefined)), [employee]);
  if (!mayRevoke || !leaver || leaver.access.length + leaver.approvedOpen.length === 0) return null;
  return (
    <div className="leavers-employee-action">
      <RevokeAll leaver={leaver} />
    </div>
  );
}
