/** The employee fold. */
import type { DomainEvent } from '../../events';
import type { Apply } from '../types';
import { nipKey, type EmployeeFields, type EmployeeState } from './state';

export const applyEmployee: Apply<EmployeeState> = (state, e: DomainEvent) => {
  const p = e.payload as Partial<EmployeeFields>;
  if (e.type === 'employee.created') {
    const f = p as EmployeeFields;
    return { id: e.recordId, ...f, nameLower: f.name.toLowerCase(), keys: [nipKey(f.nip)], createdAt: e.at, updatedAt: e.at, hlc: e.hlc };
  }
  if (!state) return state as never;
  if (e.type === 'employee.updated') {
    const next = { ...state, ...p, updatedAt: e.at, hlc: e.hlc };
    return { ...next, nameLower: next.name.toLowerCase(), keys: [nipKey(next.nip)] };
  }
  return { ...state, updatedAt: e.at, hlc: e.hlc };
};
