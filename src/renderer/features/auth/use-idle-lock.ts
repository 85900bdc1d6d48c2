import { useEffect } from 'react';
import { useSessionStore } from '@renderer/app/session-store';
import { sessionVault, setVaultIdleMinutes, touchSession } from '@renderer/app/session-persist';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** How often activity moves the kept session's expiry on, at most (ms). */
const TOUCH_EVERY = 5_000;

/**
 * Locks the console after `minutes` without keyboard, mouse or touch activity. A session
 * restored after a reload locks when its kept expiry comes (the idle time counts from the
 * last activity before the reload, not from the reload); activity moves that expiry on.
 */
export function useIdleLock(minutes: number | undefined): void {
  const lock = useSessionStore((s) => s.lock);
  const active = useSessionStore((s) => !!s.user && !s.locked);
  setVaultIdleMinutes(minutes);
  useEffect(() => {
    if (!active || !minutes) return;
    const full = minutes * 60_000;
    const kept = sessionVault.expiresAt();
    let timer = window.setTimeout(lock, kept === undefined ? full : Math.max(0, Math.min(full, kept - Date.now())));
    let touched = 0;
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, full);
      const now = Date.now();
      if (now - touched >= TOUCH_EVERY) {
        touched = now;
        touchSession();
      }
    };
    for (const ev of ACTIVITY) window.addEventListener(ev, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const ev of ACTIVITY) window.removeEventListener(ev, reset);
    };
  }, [active, minutes, lock]);
}
