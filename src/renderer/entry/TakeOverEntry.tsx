import { useLayoutEffect } from 'react';
import { dismissEntry, takeEntryValues, type EntryScreenName } from './handoff';

/**
 * For an entry screen: what was typed into its prerendered copy, handed to `apply` when the live
 * screen is committed — in the same task as the copy's removal (TakeOverEntry, rendered after it),
 * so nothing typed in between is lost. Not at render time: React may render a screen (a Suspense
 * retry) well before it commits it, while the user keeps typing into the copy.
 */
export function useEntryValues(screen: EntryScreenName, apply: (typed: Record<string, string>) => void): void {
  useLayoutEffect(() => {
    const typed = takeEntryValues(screen);
    if (Object.keys(typed).length > 0) apply(typed);
    // Once, at the screen's first commit: the copy is gone after it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/**
 * Rendered after the application's first real screen, in the same Suspense boundary: once that
 * screen is committed (not while its chunk is still loading), the prerendered copy goes and the
 * focus moves to the same field of the live screen, before the browser paints. `onLive` then
 * starts what the first screen does not need.
 */
export function TakeOverEntry({ onLive }: { onLive?: () => void }) {
  useLayoutEffect(() => {
    dismissEntry();
    onLive?.();
  }, [onLive]);
  return null;
}
