import { useEffect } from 'react';
import { useSessionStore } from '../../app/session-store';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Locks the console after `minutes` without keyboard, mouse or touch activity. */
export function useIdleLock(minutes: number | undefined): void {
  const lock = useSessionStore((s) => s.lock);
  const active = useSessionStore((s) => !!s.user && !s.locked);
  useEffect(() => {
    if (!active || !minutes) return;
    let timer = window.setTimeout(lock, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, minutes * 60_000);
    };
    for (const ev of ACTIVITY) window.addEventListener(ev, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const ev of ACTIVITY) window.removeEventListener(ev, reset);
    };
  }, [active, minutes, lock]);
}
