/**
 * The same sync cases (./transport-suite.ts) through both transports, against a real server:
 * the browser's (same-origin fetch, EventSource) and the desktop's — the renderer's transport
 * through the real preload bridge to the real main process (electron mocked, the TLS handshake
 * stood in for, the certificate pinned on first use as the connect form does it).
 */
import { EventSource as NodeEventSource } from 'undici';
import { vi } from 'vitest';
import { SERVER_CERT_FINGERPRINT } from '../fixtures/certificates';
import { webTransport } from '../fixtures/transport';
import { startDesktop, type DesktopHarness } from './desktop-harness';
import { transportSuite } from './transport-suite';

vi.mock('electron', () => import('./electron-mock'));

transportSuite('browser (same-origin fetch and EventSource)', async (url) => {
  // Node has no EventSource of its own; undici's is the WHATWG one.
  const transport = webTransport(url, { EventSource: NodeEventSource as unknown as typeof EventSource });
  return {
    transport,
    serverUrl: '',
    connection: { serverUrl: url, fingerprint: null },
    prepare: async () => undefined,
    forget: () => transport.disconnect(),
    close: async () => undefined,
    pokesNeedTickets: true,
  };
});

transportSuite('desktop (preload bridge → main process, net.fetch, pinned certificate)', async (url) => {
  const desktop: DesktopHarness = await startDesktop(url);
  return {
    transport: desktop.transport,
    serverUrl: desktop.serverUrl,
    connection: { serverUrl: desktop.serverUrl, fingerprint: SERVER_CERT_FINGERPRINT },
    // What the connect form does: show the fingerprint, the admin confirms it, trust it.
    prepare: async () => {
      const probe = await desktop.transport.probe(desktop.serverUrl);
      if (probe.tls === 'new' || probe.tls === 'changed') await desktop.transport.trust(desktop.serverUrl, probe.fingerprint);
    },
    forget: () => desktop.transport.disconnect(),
    close: () => desktop.close(),
  };
});
