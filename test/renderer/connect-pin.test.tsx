// @vitest-environment jsdom
/**
 * The connect form and the server's certificate (jsdom, fake-indexeddb, a stand-in desktop
 * transport): first contact shows the fingerprint and connects only once the admin ticks that
 * it matches the server's printout; a changed certificate shows both fingerprints and only an
 * admin may re-pin it; in a browser there is no address to type.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '@renderer/i18n';
import { db } from '@renderer/store';
import { ConnectServerForm } from '@renderer/features/sync/ConnectServerForm';
import { useSessionStore } from '@renderer/app/session-store';
import type { ServerProbe, SyncTransport } from '@shared/sync/transport';
import type { UserState } from '@shared/domain/user/state';

const URL_ = 'https://192.168.1.10:4780';
const NEW_FP = 'DC:1C:06:A1:46:68:56:EC:86:EE:BA:4A:B4:0C:2C:8B:6E:75:84:21:1F:56:6F:71:40:E1:B6:B0:A4:87:66:53';
const OLD_FP = '4B:CC:23:DA:1D:12:7F:E6:A8:78:A9:5C:99:31:2F:B8:63:E1:30:77:DA:DF:30:A0:57:C9:0B:D0:C4:58:57:2A';

afterEach(async () => {
  cleanup();
  useSessionStore.getState().signOut();
  await i18n.changeLanguage('id');
  await Promise.all(db.tables.map((t) => t.clear()));
});

/** A desktop transport answering `probe` with `answers` in turn (the last one repeats). */
function desktopTransport(answers: ServerProbe[]) {
  let n = 0;
  const transport = {
    choosesServer: true,
    connection: vi.fn(async () => null),
    probe: vi.fn(async () => answers[Math.min(n++, answers.length - 1)]!),
    trust: vi.fn(async () => undefined),
    challenge: vi.fn(async () => ({ challenge: 'ab'.repeat(32) })),
    signIn: vi.fn(async () => ({ userId: 'u-budi' })),
    bootstrap: vi.fn(),
  };
  return transport as typeof transport & SyncTransport;
}

function fill(url = URL_) {
  fireEvent.change(screen.getByLabelText(/Alamat server|Server address/), { target: { value: url } });
  fireEvent.change(screen.getByLabelText(/Nama pengguna|Username/), { target: { value: 'budi' } });
  fireEvent.change(screen.getByLabelText(/Kata sandi|Password/), { target: { value: 'Rahasia123' } });
  fireEvent.submit(screen.getByRole('form'));
}

describe('connecting a desktop to a server over https', () => {
  it('first contact: shows the fingerprint, and trusts and connects only once the admin ticks that it matches', async () => {
    const t = desktopTransport([{ tls: 'new', fingerprint: NEW_FP }]);
    render(<ConnectServerForm mode="join" transport={t} />);
    fill();
    const panel = await screen.findByTestId('pin-panel');
    expect(panel.textContent).toContain('Periksa sertifikat server');
    expect(panel.textContent).toContain('dicetak server');
    expect(screen.getByTestId('server-fingerprint').textContent).toBe(NEW_FP);
    expect(t.signIn).not.toHaveBeenCalled();
    const trust = screen.getByRole('button', { name: 'Percayai dan hubungkan' }) as HTMLButtonElement;
    expect(trust.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Sidik jari ini sama persis dengan yang dicetak server.'));
    expect(trust.disabled).toBe(false);
    fireEvent.click(trust);
    await waitFor(() => expect(t.signIn).toHaveBeenCalledTimes(1));
    expect(t.trust).toHaveBeenCalledWith(URL_, NEW_FP);
    expect(t.signIn).toHaveBeenCalledWith(URL_, expect.objectContaining({ username: 'budi', password: 'Rahasia123' }));
    await waitFor(() => expect(screen.queryByTestId('pin-panel')).toBeNull());
    expect((await db.sync.get('sync'))?.serverUrl).toBe(URL_);
  });

  it('a changed certificate: both fingerprints, refused; an admin re-pins after checking and signs in again', async () => {
    useSessionStore.getState().signIn({ id: 'u-admin', username: 'admin', displayName: 'Admin', roles: ['admin'], active: true } as unknown as UserState);
    const t = desktopTransport([{ tls: 'changed', fingerprint: NEW_FP, pinned: OLD_FP }]);
    render(<ConnectServerForm mode="connect" transport={t} />);
    fill();
    const panel = await screen.findByTestId('pin-panel');
    expect(panel.getAttribute('role')).toBe('alert');
    expect(panel.textContent).toContain('Sertifikat server berubah');
    expect(screen.getByTestId('pinned-fingerprint').textContent).toBe(OLD_FP);
    expect(screen.getByTestId('server-fingerprint').textContent).toBe(NEW_FP);
    fireEvent.click(screen.getByLabelText('Saya sudah mencocokkan sidik jari baru dengan yang dicetak server.'));
    fireEvent.click(screen.getByRole('button', { name: 'Sematkan ulang sertifikat' }));
    await waitFor(() => expect(t.signIn).toHaveBeenCalledTimes(1));
    expect(t.trust).toHaveBeenCalledWith(URL_, NEW_FP);
    expect(await screen.findByText('Perangkat terhubung ke server.')).toBeTruthy();
  });

  it('only an admin may re-pin: anyone else is told so, and nothing is trusted', async () => {
    useSessionStore.getState().signIn({ id: 'u-budi', username: 'budi', displayName: 'Budi', roles: ['officer'], active: true } as unknown as UserState);
    await i18n.changeLanguage('en');
    const t = desktopTransport([{ tls: 'changed', fingerprint: NEW_FP, pinned: OLD_FP }]);
    render(<ConnectServerForm mode="connect" transport={t} />);
    fill();
    const panel = await screen.findByTestId('pin-panel');
    expect(panel.textContent).toContain('Server certificate changed');
    expect(panel.textContent).toContain('Only an admin can re-pin');
    expect(screen.queryByRole('button', { name: 'Re-pin the certificate' })).toBeNull();
    expect(t.trust).not.toHaveBeenCalled();
    expect(t.signIn).not.toHaveBeenCalled();
  });

  it('refuses plain http to another machine before asking anything', async () => {
    const t = desktopTransport([{ tls: 'none' }]);
    render(<ConnectServerForm mode="join" transport={t} />);
    fill('http://192.168.1.10:4780');
    expect(await screen.findByText(/Gunakan alamat https:\/\//)).toBeTruthy();
    expect(t.probe).not.toHaveBeenCalled();
  });
});

describe('connecting in a browser', () => {
  it('has no server address to type: the server is the page’s own origin', async () => {
    const t = { ...desktopTransport([{ tls: 'browser' }]), choosesServer: false } as unknown as SyncTransport;
    render(<ConnectServerForm mode="join" transport={t} />);
    expect(screen.queryByLabelText(/Alamat server|Server address/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/Nama pengguna|Username/), { target: { value: 'budi' } });
    fireEvent.change(screen.getByLabelText(/Kata sandi|Password/), { target: { value: 'Rahasia123' } });
    fireEvent.submit(screen.getByRole('form'));
    await waitFor(() => expect(t.signIn).toHaveBeenCalledWith('', expect.objectContaining({ username: 'budi' })));
    expect(screen.queryByTestId('pin-panel')).toBeNull();
  });
});
