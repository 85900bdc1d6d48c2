// @vitest-environment jsdom
// The background sync loop reacts to the browser's network events: going offline shows
// "offline" at once (a round fails fast) instead of "synced" until the next 30 s poll, and
// coming back online syncs at once.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleDb } from '@renderer/store/db';
import { startSync } from '@renderer/sync/sync-client';
import { useSyncStore } from '@renderer/sync/sync-store';
import { webTransport } from '../fixtures/transport';

const opened: ConsoleDb[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const db of opened.splice(0)) await db.delete();
});

describe('the sync loop and the network', () => {
  it('says "offline" as soon as the browser loses the network, and syncs again when it is back', async () => {
    const db = new ConsoleDb('test-' + crypto.randomUUID());
    opened.push(db);
    // A console that has pulled before (no snapshot) and has nothing to push.
    await db.sync.put({ key: 'sync', serverUrl: 'http://sync.test', userId: 'u', cursor: 5 });
    let online = true;
    const fetchFn = vi.fn(async (url: string | URL | Request) => {
      if (!online) throw new TypeError('Failed to fetch');
      const path = new URL(String(url)).pathname;
      if (path === '/api/sync/pull') return Response.json({ events: [], cursor: 5, hasMore: false });
      return Response.json({ error: { code: 'not-found', message: 'x' } }, { status: 404 });
    });
    vi.stubGlobal('fetch', fetchFn);
    const stop = startSync(db, webTransport('http://sync.test', { token: 'tok' }));
    try {
      await vi.waitFor(() => expect(useSyncStore.getState().phase).toBe('idle'));

      online = false;
      window.dispatchEvent(new Event('offline'));
      await vi.waitFor(() => expect(useSyncStore.getState().phase).toBe('offline'));

      online = true;
      const calls = fetchFn.mock.calls.length;
      window.dispatchEvent(new Event('online'));
      await vi.waitFor(() => expect(useSyncStore.getState().phase).toBe('idle'));
      expect(fetchFn.mock.calls.length).toBeGreaterThan(calls);
    } finally {
      stop();
    }
  });
});

describe('the sync loop and the server', () => {
  it('shows the problem as soon as the server stream drops while the network is up, and syncs when it reopens', async () => {
    const db = new ConsoleDb('test-' + crypto.randomUUID());
    opened.push(db);
    await db.sync.put({ key: 'sync', serverUrl: 'http://sync.test', userId: 'u', cursor: 5 });
    let serverUp = true;
    const fetchFn = vi.fn(async (url: string | URL | Request) => {
      if (!serverUp) throw new TypeError('Failed to fetch');
      const path = new URL(String(url)).pathname;
      if (path === '/api/sync/pull') return Response.json({ events: [], cursor: 5, hasMore: false });
      if (path === '/api/sync/events-ticket') return Response.json({ ticket: `ticket-${++tickets}`, expiresIn: 60 });
      return Response.json({ error: { code: 'not-found', message: 'x' } }, { status: 404 });
    });
    let tickets = 0;
    vi.stubGlobal('fetch', fetchFn);
    // A stand-in for the browser's EventSource: the test opens and drops the stream.
    const streams: FakeEventSource[] = [];
    class FakeEventSource {
      onopen: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly url: string) {
        streams.push(this);
      }
      addEventListener() {}
      close() {}
    }
    vi.stubGlobal('EventSource', FakeEventSource);
    const stop = startSync(db, webTransport('http://sync.test', { token: 'tok' }));
    try {
      await vi.waitFor(() => expect(useSyncStore.getState().phase).toBe('idle'));
      await vi.waitFor(() => expect(streams).toHaveLength(1));
      // Opened with a single-use ticket, never with the token in the URL.
      expect(streams[0]!.url).toBe('http://sync.test/api/sync/events?ticket=ticket-1');

      serverUp = false;
      streams[0]!.onerror?.();
      await vi.waitFor(() => expect(['offline', 'error']).toContain(useSyncStore.getState().phase));

      // The stream is reopened with a fresh ticket (5 s later) once the server answers again.
      serverUp = true;
      await vi.waitFor(() => expect(streams).toHaveLength(2), { timeout: 12_000, interval: 200 });
      expect(streams[1]!.url).toMatch(/\?ticket=ticket-\d+$/);
      expect(streams[1]!.url).not.toBe(streams[0]!.url);
      streams[1]!.onopen?.();
      await vi.waitFor(() => expect(useSyncStore.getState().phase).toBe('idle'));
    } finally {
      stop();
    }
  });
});
