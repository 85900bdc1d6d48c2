// The client side of evidence files: storing content-addressed, uploading before the events
// that reference them are pushed, noting and downloading missing files after a pull (checked
// against their hash), and "not yet downloaded" while the server lacks them.
import 'fake-indexeddb/auto';
import { sha256 } from '@noble/hashes/sha2.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleDb } from '@renderer/store/db';
import { downloadPendingFiles, filesOfRecord, noteWantedFiles, storeFile, uploadFilesFor } from '@renderer/sync/blobs';
import { pushOutbox } from '@renderer/sync/sync-client';
import { loadSnapshot, storeHistory } from '@renderer/sync/snapshot';
import { MAX_ATTACHMENT_BYTES } from '@shared/domain/incident/state';
import type { DomainEvent } from '@shared/events';
import { toHex } from '@shared/hash';
import { webTransport } from '../fixtures/transport';

const opened: ConsoleDb[] = [];
function freshDb(): ConsoleDb {
  const db = new ConsoleDb('test-' + crypto.randomUUID());
  opened.push(db);
  return db;
}
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const db of opened.splice(0)) await db.delete();
});

const sha = (b: Uint8Array) => toHex(sha256(b));
const bytesOf = (s: string) => new TextEncoder().encode(s);

/** A sync server stand-in: a blob store keyed by hash that checks hashes like the real one, and a push that records order. */
function fakeServer() {
  const stored = new Map<string, Uint8Array>();
  const calls: string[] = [];
  let online = true;
  const fetchFn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    if (!online) throw new TypeError('Failed to fetch');
    const u = new URL(String(url));
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${u.pathname}`);
    const blob = /^\/api\/blobs\/([0-9a-f]+)$/.exec(u.pathname);
    if (blob && method === 'PUT') {
      const body = new Uint8Array(init!.body as Uint8Array);
      if (sha(body) !== blob[1]) return Response.json({ error: { code: 'blob-hash', message: 'sync.errors.blobHash' } }, { status: 400 });
      const fresh = !stored.has(blob[1]!);
      stored.set(blob[1]!, body);
      return Response.json({ stored: fresh });
    }
    if (blob) {
      const b = stored.get(blob[1]!);
      return b ? new Response(b as Uint8Array<ArrayBuffer>) : Response.json({ error: { code: 'blob-not-found', message: 'sync.errors.blobNotFound' } }, { status: 404 });
    }
    if (u.pathname === '/api/sync/push') {
      const body = JSON.parse(String(init!.body)) as { events: DomainEvent[] };
      return Response.json({ results: body.events.map((e, i) => ({ id: e.id, status: 'accepted', serverVersion: i + 1 })) });
    }
    return Response.json({ error: { code: 'not-found', message: 'x' } }, { status: 404 });
  });
  return { stored, calls, fetchFn, setOnline: (v: boolean) => void (online = v) };
}

/** The browser's transport to the stand-in server (the global fetch, stubbed per test). */
const session = { transport: webTransport('http://sync.test', { token: 'tok' }) };
/** The same, over one stand-in's fetch. */
const over = (fetchFn: typeof fetch) => ({ transport: webTransport('http://sync.test', { token: 'tok', fetch: fetchFn }) });
const attachEvent = (ref: { hash: string; name: string; type: string; size: number }, seq = 1): DomainEvent => ({
  id: crypto.randomUUID(), kind: 'incident', recordId: 'inc-1', type: 'incident.attached', payload: { file: ref }, actorId: 'u', deviceId: 'd', deviceSeq: seq,
  hlc: `h${seq}`, at: '2026-03-02T02:00:00.000Z', prevHash: '', hash: `x${seq}`,
});

describe('storing a file', () => {
  it('keys it by its SHA-256, once, and refuses an empty file or one over 10 MB by name', async () => {
    const db = freshDb();
    const bytes = bytesOf('bukti: tangkapan layar email phishing');
    const r = await storeFile(db, { name: 'bukti.png', type: 'image/png', bytes });
    expect(r).toEqual({ ok: true, data: { hash: sha(bytes), name: 'bukti.png', type: 'image/png', size: bytes.byteLength } });
    await storeFile(db, { name: 'salinan.png', type: 'image/png', bytes });
    expect(await db.blobs.count()).toBe(1);
    expect((await db.blobs.get(sha(bytes)))!.data).toEqual(bytes);
    const big = await storeFile(db, { name: 'rekaman.mp4', type: 'video/mp4', bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) });
    expect(big).toMatchObject({ ok: false, error: { message: 'incident.errors.attachmentTooBigNamed', params: { name: 'rekaman.mp4', max: 10 } } });
    expect((await storeFile(db, { name: 'kosong.txt', type: '', bytes: new Uint8Array() })).ok).toBe(false);
    expect(await db.blobs.count()).toBe(1);
  });
});

describe('upload before push', () => {
  it('uploads the referenced files first, once, then pushes; offline stops the push', async () => {
    const db = freshDb();
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetchFn);
    const bytes = bytesOf('log firewall');
    const ref = await storeFile(db, { name: 'fw.log', type: 'text/plain', bytes });
    if (!ref.ok) throw new Error('not stored');
    const e1 = attachEvent(ref.data, 1);
    await db.meta.put({ key: 'device', deviceId: 'd', seq: 1, lastHash: 'x1', hlc: { wall: 0, counter: 0, node: 'd' } as never });
    await db.events.add(e1);
    await db.outbox.add({ eventId: e1.id });

    server.setOnline(false);
    await expect(pushOutbox(db, { ...session, cursor: 0 })).rejects.toMatchObject({ code: 'offline' });
    expect(await db.outbox.count()).toBe(1);

    server.setOnline(true);
    await pushOutbox(db, { ...session, cursor: 0 });
    expect(server.calls).toEqual([`PUT /api/blobs/${ref.data.hash}`, 'POST /api/sync/push']);
    expect(server.stored.get(ref.data.hash)).toEqual(bytes);
    expect((await db.blobs.get(ref.data.hash))!.uploaded).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    // Already uploaded: not sent again.
    expect(await uploadFilesFor(db, over(server.fetchFn), [e1])).toBe(0);
  });
});

describe('download after pull', () => {
  it('notes missing files as pending ("not yet downloaded"), fetches them, checks the hash, keeps 404s pending', async () => {
    const db = freshDb();
    const server = fakeServer();
    const a = bytesOf('file A');
    const b = bytesOf('file B (not uploaded yet)');
    server.stored.set(sha(a), a);
    const events = [
      attachEvent({ hash: sha(a), name: 'a.txt', type: 'text/plain', size: a.byteLength }, 1),
      attachEvent({ hash: sha(b), name: 'b.txt', type: 'text/plain', size: b.byteLength }, 2),
      { ...attachEvent({ hash: 'c'.repeat(64), name: 'c.txt', type: 'text/plain', size: 3 }, 3), status: 'rejected' as const },
    ];
    expect(await noteWantedFiles(db, events)).toBe(2);
    expect(await noteWantedFiles(db, events)).toBe(0);
    expect((await db.blobs.get(sha(a)))).toMatchObject({ pending: 1 });
    expect((await db.blobs.get(sha(a)))!.data).toBeUndefined();

    expect(await downloadPendingFiles(db, over(server.fetchFn))).toEqual({ fetched: 1, missing: 1 });
    expect((await db.blobs.get(sha(a)))!.data).toEqual(a);
    expect((await db.blobs.get(sha(a)))!.pending).toBeUndefined();
    expect((await db.blobs.get(sha(b)))).toMatchObject({ pending: 1 });

    // A server answering with other bytes than the hash names: dropped, still pending.
    server.stored.set(sha(b), bytesOf('tampered'));
    expect(await downloadPendingFiles(db, over(server.fetchFn))).toEqual({ fetched: 0, missing: 1 });
    server.stored.set(sha(b), b);
    expect(await downloadPendingFiles(db, over(server.fetchFn))).toEqual({ fetched: 1, missing: 0 });
    expect(await db.blobs.where('pending').equals(1).count()).toBe(0);
  });
});

describe('history after a snapshot', () => {
  it('notes the evidence files of older events as wanted when the backfill stores them', async () => {
    const db = freshDb();
    const b = bytesOf('log VPN lama');
    const ref = { hash: sha(b), name: 'log-lama.txt', type: 'text/plain', size: b.byteLength };
    expect(await storeHistory(db, [attachEvent(ref)])).toBe(1);
    expect(await db.events.count()).toBe(1);
    expect((await db.blobs.get(ref.hash))?.pending).toBe(1);
    // Idempotent by event id: storing the same event again adds nothing.
    const again = attachEvent(ref);
    expect(await storeHistory(db, [again])).toBe(1);
    expect(await storeHistory(db, [again])).toBe(0);
    expect(await db.blobs.count()).toBe(1);
  });

  it('notes the files of incidents delivered as states by the snapshot at once, without waiting for the backfill', async () => {
    const db = freshDb();
    const server = fakeServer();
    const png = bytesOf('PNG tangkapan layar');
    const pdf = bytesOf('PDF log antivirus');
    for (const b of [png, pdf]) server.stored.set(sha(b), b);
    const at = '2026-03-02T02:00:00.000Z';
    const attachments = [
      { hash: sha(png), name: 'layar.png', type: 'image/png', size: png.byteLength, addedBy: 'u', addedAt: at },
      { hash: sha(pdf), name: 'log.pdf', type: 'application/pdf', size: pdf.byteLength, addedBy: 'u', addedAt: at },
    ];
    const incident = { id: 'inc-1', docNo: 'INS/1', title: 'Ransomware', status: 'open', step: 2, turnRole: 'admin', stepStartedAt: at, reportedAt: at, hlc: 'h1', attachments };
    const snapshotFetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (new URL(String(url)).pathname !== '/api/sync/snapshot') return server.fetchFn(url, init);
      return Response.json({ asOf: 7, records: [{ kind: 'incident', recordId: 'inc-1', state: incident }, { kind: 'user', recordId: 'u', state: { id: 'u', username: 'budi', attachments: 'no' } }], events: [], next: null });
    });
    vi.stubGlobal('fetch', snapshotFetch);
    await db.sync.put({ key: 'sync', serverUrl: 'http://sync.test', userId: 'u', cursor: 0 });

    expect(await loadSnapshot(db, session)).toBe(2);
    expect(await db.events.count()).toBe(0); // the history has not arrived
    expect(await db.blobs.where('pending').equals(1).primaryKeys()).toEqual([sha(png), sha(pdf)].sort());
    expect(await downloadPendingFiles(db, over(server.fetchFn))).toEqual({ fetched: 2, missing: 0 });
    expect((await db.blobs.get(sha(pdf)))!.data).toEqual(pdf);
    // Only incidents carry files; a malformed list is ignored.
    expect(filesOfRecord('user', { attachments })).toEqual([]);
    expect(filesOfRecord('incident', { attachments: [{ name: 'tanpa-hash' }] })).toEqual([]);
    expect(filesOfRecord('incident', { attachments })).toEqual(attachments.map(({ hash, name, type, size }) => ({ hash, name, type, size })));
  });
});
