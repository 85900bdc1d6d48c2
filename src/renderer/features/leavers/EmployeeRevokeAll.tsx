/** On a resigned employee's page: revoke all of their access at once (the IT team). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { EmployeeState } from '../../../shared/domain/employee/state';
import { db } from '../../store';
import { leaverOf } from '../../store/queries/leavers';
import { RevokeAll } from './RevokeAll';

export function EmployeeRevokeAll({ employee }: { employee: EmployeeState }) {
  const leaver = useLiveQuery(() => leaverOf(db, employee), [employee]);
  if (!leaver || leaver.access.length + leaver.approvedOpen.length === 0) return null;
  return (
    <div className="leavers-employee-action">
      <RevokeAll leaver={leaver} />
    </div>
  );
}
