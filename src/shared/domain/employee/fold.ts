/** The employee fold. */
import type { Fold } from '../kind';
import type { employeeEvents } from './events';
import { nipKey, type EmployeeState } from './state';

export const applyEmployee: Fold<EmployeeState, typeof employeeEvents> = (state, e) => {
  const stamp = { updatedAt: e.at, hlc: e.hlc };
  if (e.type === 'employee.created') {
    const f = e.payload;
    return { id: e.recordId, ...f, nameLower: f.name.toLowerCase(), keys: [nipKey(f.nip)], createdAt: e.at, updatedAt: e.at, hlc: e.hlc };
  }
  if (!state) return state as never;
  if (e.type === 'employee.updated') {
    const next = { ...state, ...e.payload, updatedAt: e.at, hlc: e.hlc };
    return { ...next, nameLower: next.name.toLowerCase(), keys: [nipKey(next.nip)] };
  }
  return { ...state, ...stamp };
};
