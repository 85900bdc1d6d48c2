/**
 * Plain HTTP on the HTTPS port. A browser given `192.168.1.10:4780` without a scheme tries
 * http:// first, and a TLS server would answer that with garbage ("sent an invalid response").
 * Instead each new connection's first byte is looked at: a TLS handshake (0x16) goes to the
 * HTTPS server as usual, anything else to a tiny HTTP server that redirects (308) to the same
 * address over https://, with a short bilingual page for clients that do not follow redirects.
 * Nothing but the redirect is ever served over plain HTTP.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';

/** The first byte of a TLS record carrying a handshake (ClientHello). */
const TLS_HANDSHAKE = 0x16;
/** A connection that sends nothing is dropped after this long. */
const FIRST_BYTE_TIMEOUT_MS = 10_000;
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function redirect(headers: Readonly<Record<string, string>>) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const host = request.headers.host ?? '';
    response.setHeader('connection', 'close');
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (!HOST.test(host)) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Use https:// / Gunakan https://\n');
      return;
    }
    const target = `https://${host}${(request.url ?? '/').startsWith('/') ? request.url : '/'}`;
    const link = `<a href="${escapeHtml(target)}">${escapeHtml(target)}</a>`;
    response.writeHead(308, { location: target, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(
      `<!doctype html><html lang="id"><meta charset="utf-8"><title>Meja IT</title>` +
        `<p>Meja IT hanya dapat dibuka lewat https://: ${link}</p>` +
        `<p lang="en">Meja IT only opens over https://: ${link}</p></html>\n`,
    );
  };
}

/**
 * Makes `server` (an HTTPS server, not yet listening) answer plain HTTP requests on its port
 * with a redirect to https://. `headers` are added to those answers (the security headers).
 */
export function redirectPlainHttp(server: HttpsServer, headers: Readonly<Record<string, string>> = {}): void {
  const plain = createHttpServer(redirect(headers));
  const tlsListeners = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    const onError = () => socket.destroy();
    socket.on('error', onError);
    socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy());
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      socket.setTimeout(0);
      socket.removeListener('error', onError);
      if (first === null) {
        socket.destroy();
        return;
      }
      socket.unshift(first);
      if (first[0] === TLS_HANDSHAKE) for (const listener of tlsListeners) listener.call(server, socket);
      else plain.emit('connection', socket);
    });
  });
  server.once('close', () => plain.close());
}
