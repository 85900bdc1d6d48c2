/** A small hash router: the console runs from file:// in Electron, so routes live in the hash. */
import { useSyncExternalStore } from 'react';

function current(): string {
  return location.hash.replace(/^#/, '') || '/';
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

/** The current route path, e.g. "/visits/0193…". */
export function useRoute(): string {
  return useSyncExternalStore(subscribe, current);
}

/** Goes to a route. */
export function navigate(path: string): void {
  location.hash = path;
}

/** Matches "/visits/:id" against a path; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.split('?')[0]!.split('/');
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) params[p[i]!.slice(1)] = decodeURIComponent(a[i]!);
    else if (p[i] !== a[i]) return null;
  }
  return params;
}
