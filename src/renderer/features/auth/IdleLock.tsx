/** Mounted while the console runs (slot `background`): locks it after the office's idle time. */
import { useOrg } from '@renderer/app/hooks';
import { useIdleLock } from './use-idle-lock';

export function IdleLock() {
  const org = useOrg();
  useIdleLock(org?.idleLockMinutes);
  return null;
}
