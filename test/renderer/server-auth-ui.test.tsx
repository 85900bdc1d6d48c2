// @vitest-environment jsdom
/**
 * The server's sign-in defences as the console shows them (jsdom, fake-indexeddb, a stubbed
 * server): a throttled sign-in names the wait in both languages; an admin reads the server's
 * auth audit log under Settings (time in the office's zone, event, user, device, address) and
 * pages back; anyone else does not see it.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '@renderer/i18n';
import { db } from '@renderer/store';
import { TOKEN_KEY } from '@renderer/platform/web-sync';
import { ConnectServerForm } from '@renderer/features/sync/ConnectServerForm';
import { AuthAuditPanel } from '@renderer/features/sync/AuthAuditPanel';
import { useSessionStore } from '@renderer/app/session-store';
import type { AuthAuditEntry } from '@shared/sync/protocol';
import type { UserState } from '@shared/domain/user/state';

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  useSessionStore.getState().signOut();
  await i18n.changeLanguage('id');
  await Promise.all(db.tables.map((t) => t.clear()));
  localStorage.clear();
});

/** A server that answers sign-ins with 429 and a wait of `seconds`. */
function throttlingServer(seconds: number) {
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url, 'http://localhost').pathname;
    if (path === '/api/auth/challenge') return Response.json({ challenge: 'ab'.repeat(32) });
    return Response.json(
      { error: { code: 'throttled', message: 'sync.errors.throttled', retryAfter: seconds } },
      { status: 429, headers: { 'retry-after': String(seconds) } },
    );
  });
}

async function submitJoin() {
  render(<ConnectServerForm mode="join" />);
  fireEvent.change(screen.getByLabelText(/Nama pengguna|Username/), { target: { value: 'petugas' } });
  fireEvent.change(screen.getByLabelText(/Kata sandi|Password/), { target: { value: 'salah12345' } });
  fireEvent.submit(screen.getByRole('form'));
  return (await screen.findByRole('alert')).textContent;
}

describe('a throttled sign-in on the server', () => {
  it('says how long to wait, in seconds or minutes, in both languages', async () => {
    throttlingServer(30);
    expect(await submitJoin()).toBe('Terlalu banyak percobaan masuk ke server. Coba lagi dalam 30 detik.');
    cleanup();
    throttlingServer(900);
    expect(await submitJoin()).toBe('Terlalu banyak percobaan masuk ke server. Coba lagi dalam 15 menit.');
    cleanup();
    await i18n.changeLanguage('en');
    throttlingServer(1);
    expect(await submitJoin()).toBe('Too many sign-in attempts on the server. Try again in 1 second.');
  });
});

describe('the server sign-in log', () => {
  const entry = (id: number, event: AuthAuditEntry['event'], more: Partial<AuthAuditEntry> = {}): AuthAuditEntry => ({
    id, at: '2026-03-09T01:02:00.000Z', event, username: null, userId: null, deviceId: null, deviceName: null, address: null, detail: null, ...more,
  });
  const admin = { id: 'u-admin', username: 'admin', displayName: 'Admin Kantor', roles: ['admin'], active: true } as unknown as UserState;

  async function connected(pages: Record<string, { entries: AuthAuditEntry[]; next: number | null }>) {
    await db.sync.put({ key: 'sync', serverUrl: 'http://sync.test', userId: admin.id, cursor: 0 });
    await db.users.put(admin);
    await db.org.put({ id: 'org', name: 'Dinas Kominfo', timeZone: 'WITA' } as never);
    // Signed in: the browser transport holds the token (the console itself never reads it).
    localStorage.setItem(TOKEN_KEY, 'tok');
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const u = new URL(url);
      asked.push(`${u.pathname}${u.search} ${(init.headers as Record<string, string>)['authorization']}`);
      return Response.json(pages[u.searchParams.get('before') ?? ''] ?? { entries: [], next: null });
    });
    return asked;
  }

  it('an admin sees time (office zone), event, user, device and address, newest first, and pages back', async () => {
    const asked = await connected({
      '': {
        entries: [
          entry(9, 'device-key-mismatch', { username: 'penyetuju1', deviceId: 'd-1', deviceName: 'Meja palsu', address: '10.0.0.7', detail: 'device-key-mismatch' }),
          entry(8, 'sign-in', { username: 'admin', userId: admin.id, deviceId: 'd-2', deviceName: 'Laptop kabid', address: '10.0.0.8' }),
        ],
        next: 8,
      },
      '8': { entries: [entry(1, 'bootstrap', { username: 'admin', userId: admin.id, deviceName: 'Meja admin', address: '127.0.0.1' })], next: null },
    });
    useSessionStore.getState().signIn(admin);
    render(<AuthAuditPanel />);
    const table = await screen.findByTestId('auth-audit');
    expect(screen.getByRole('heading', { name: 'Log autentikasi server' })).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows[0]!.slice(1)).toEqual(['Kunci perangkat tidak cocok', 'penyetuju1', 'Meja palsu', '10.0.0.7']);
    expect(rows[1]!.slice(1)).toEqual(['Masuk berhasil', 'Admin Kantor', 'Laptop kabid', '10.0.0.8']);
    // 01:02 UTC is 09:02 in WITA, the office's zone.
    expect(rows[0]![0]).toMatch(/09[.:]02/);
    expect(asked[0]).toBe('/api/audit?limit=50 Bearer tok');
    fireEvent.click(screen.getByRole('button', { name: 'Muat yang lebih lama' }));
    expect(await within(table).findByText('Server diatur pertama kali')).toBeTruthy();
    expect(asked[1]).toBe('/api/audit?before=8&limit=50 Bearer tok');
    expect(screen.queryByRole('button', { name: 'Muat yang lebih lama' })).toBeNull();
  });

  it('in English too; not shown to anyone but an admin', async () => {
    await connected({ '': { entries: [entry(3, 'sign-in-throttled', { username: 'petugas', address: '10.0.0.9' })], next: null } });
    await i18n.changeLanguage('en');
    useSessionStore.getState().signIn(admin);
    const { unmount } = render(<AuthAuditPanel />);
    expect(await screen.findByRole('heading', { name: 'Server sign-in log' })).toBeTruthy();
    expect(screen.getByText('Held back: too many attempts')).toBeTruthy();
    unmount();
    useSessionStore.getState().signIn({ ...admin, roles: ['officer'] } as UserState);
    render(<AuthAuditPanel />);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: 'Server sign-in log' })).toBeNull();
  });
});
