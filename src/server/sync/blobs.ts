/**
 * Evidence files over HTTP, beside the event feed (docs/sync.md "Evidence files"):
 *   PUT /api/blobs/:hash   Bearer; the raw bytes (application/octet-stream). The server hashes
 *                          them and refuses a mismatch; storing the same file twice is a no-op.
 *   GET /api/blobs/:hash   Bearer; the bytes, or 404 when no device has uploaded them yet.
 * Content addressing makes both idempotent and lets any device upload a file another device
 * referenced. Files are capped at MAX_ATTACHMENT_BYTES (10 MB) like the incident command.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/incident/state';
import type { Queryable } from '../db/db';
import { ApiError, apiErrors, type SyncService } from './service';

const HASH = /^[0-9a-f]{64}$/;

export const blobErrors = {
  badHash: () => new ApiError(400, 'blob-hash', 'sync.errors.blobHash'),
  tooLarge: () => new ApiError(413, 'too-large', 'incident.errors.attachmentTooBig'),
  notFound: () => new ApiError(404, 'blob-not-found', 'sync.errors.blobNotFound'),
};

/** Stores a file under its hash after checking the bytes match it. Idempotent. */
export async function putBlob(db: Queryable, hash: string, bytes: Uint8Array, deviceId: string): Promise<{ stored: boolean }> {
  if (!HASH.test(hash)) throw blobErrors.badHash();
  if (bytes.byteLength === 0) throw apiErrors.malformed();
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw blobErrors.tooLarge();
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== hash) throw blobErrors.badHash();
  const rows = await db.query<{ hash: string }>(
    `INSERT INTO blobs (hash, size, data, uploaded_by) VALUES ($1, $2, decode($3, 'base64'), $4) ON CONFLICT (hash) DO NOTHING RETURNING hash`,
    [hash, bytes.byteLength, Buffer.from(bytes).toString('base64'), deviceId],
  );
  return { stored: rows.length > 0 };
}

/** A stored file's bytes, or undefined. */
export async function getBlob(db: Queryable, hash: string): Promise<Buffer | undefined> {
  if (!HASH.test(hash)) throw blobErrors.badHash();
  const [row] = await db.query<{ b64: string }>(`SELECT encode(data, 'base64') AS b64 FROM blobs WHERE hash = $1`, [hash]);
  return row ? Buffer.from(row.b64.replace(/\s+/g, ''), 'base64') : undefined;
}

const bearer = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
};

/** Registers the blob routes (device-token auth, like push and pull). */
export async function blobRoutes(app: FastifyInstance, service: SyncService): Promise<void> {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 }, (_req, body, done) => done(null, body));

  app.put<{ Params: { hash: string } }>('/api/blobs/:hash', { bodyLimit: MAX_ATTACHMENT_BYTES + 1024 }, async (request) => {
    const device = await service.authenticate(bearer(request));
    const body = request.body;
    if (!Buffer.isBuffer(body)) throw apiErrors.malformed();
    await service.db.ready();
    return putBlob(service.db, request.params.hash.toLowerCase(), body, device.id);
  });

  app.get<{ Params: { hash: string } }>('/api/blobs/:hash', async (request, reply) => {
    await service.authenticate(bearer(request));
    const bytes = await getBlob(service.db, request.params.hash.toLowerCase());
    if (!bytes) throw blobErrors.notFound();
    return reply.type('application/octet-stream').header('cache-control', 'private, max-age=31536000, immutable').send(bytes);
  });
}
