import type { FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, PERMISSIONS_POLICY, WEB_CONTENT_SECURITY_POLICY } from '../../src/server/app';

let dir: string;
let app: FastifyInstance;

const INDEX = '<!doctype html><html lang="id"><head><title>Meja IT</title></head><body><div id="root"></div></body></html>';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meja-it-server-'));
  const webRoot = join(dir, 'web');
  await mkdir(join(webRoot, 'assets'), { recursive: true });
  await writeFile(join(webRoot, 'index.html'), INDEX);
  await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log("meja")');
  await writeFile(join(dir, 'secret.txt'), 'do not serve');
  app = await buildServer({ webRoot, dataDir: join(dir, 'data'), version: '9.9.9' });
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

function expectSecurityHeaders(headers: Record<string, unknown>) {
  expect(headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
  for (const feature of ['camera', 'microphone', 'geolocation', 'usb', 'payment']) expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
}

describe('server', () => {
  it('GET /api/health answers ok with the version and time', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { status: string; version: string; time: string };
    expect(body).toMatchObject({ status: 'ok', version: '9.9.9', tls: null });
    expect(Number.isNaN(Date.parse(body.time))).toBe(false);
    expectSecurityHeaders(res.headers);
  });

  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/sync/unknown'],
    ['GET', '/api'],
    ['DELETE', '/api/health/x'],
  ] as const)('%s %s is a JSON 404', async (method, url) => {
    const res = await app.inject({ method, url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ error: { code: 'not-found', message: 'errors.api.not-found' } });
    expectSecurityHeaders(res.headers);
  });

  it('serves index.html at / with the security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(res.headers);
  });

  it('serves static assets', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log("meja")');
    expectSecurityHeaders(res.headers);
  });

  it('serves the app for client-side routes but 404s a missing asset', async () => {
    const route = await app.inject({ method: 'GET', url: '/tickets/T-2026-0001' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toBe(INDEX);
    const missing = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
    expectSecurityHeaders(missing.headers);
  });

  it('never serves files outside the web root', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body).not.toContain('do not serve');
    }
  });
});
