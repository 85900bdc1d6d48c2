/** The employee fold. */
import type { Fold } from '../kind';
import type { employeeEvents } from './events';
import { nipKey, type EmployeeState } from './state';

export const applyEmployee: Fold<EmployeeState, typeof employeeEvents> = (state, e) => {
  const stamp = { updatedAt: e.at, hlc: e.hlc };
  if (e.type === 'employee.created') {
    const f = e.payload;
    return { id: e.recordId, ...f, nameLower: f.name.toLowerCase(), keys: [nipKey(f.nip)], ...(f.status === 'resigned' ? { resignedAt: e.at } : {}), createdAt: e.at, updatedAt: e.at, hlc: e.hlc };
  }
  if (!state) return state as never;
  if (e.type === 'employee.updated') {
    const next: EmployeeState = { ...state, ...e.payload, updatedAt: e.at, hlc: e.hlc };
    // When the resignation was recorded (the leavers list's "since"); back in service clears it.
    if (next.status === 'resigned' && state.status !== 'resigned') next.resignedAt = e.at;
    if (next.status === 'active') delete next.resignedAt;
    return { ...next, nameLower: next.name.toLowerCase(), keys: [nipKey(next.nip)] };
  }
  return { ...state, ...stamp };
};
