// @vitest-environment jsdom
/**
 * A page that is not a secure context (a browser on http://<LAN address>) gets an explanation
 * in both languages instead of a console whose sign-in cannot work; the connect form asks for
 * https:// (http:// only to this computer).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAllLanguages } from '@renderer/i18n';
import { canRunConsole, httpsAddress, InsecureContextPage } from '@renderer/features/setup/InsecureContextPage';
import { checkServerUrl } from '@renderer/features/sync/ConnectServerForm';

afterEach(cleanup);

describe('a page that is not a secure context', () => {
  it('is detected by isSecureContext or a missing crypto.subtle', () => {
    expect(canRunConsole({ isSecureContext: true, crypto: { subtle: {} } })).toBe(true);
    expect(canRunConsole({ isSecureContext: false, crypto: { subtle: {} } })).toBe(false);
    expect(canRunConsole({ isSecureContext: true, crypto: {} })).toBe(false);
    expect(canRunConsole({ isSecureContext: true })).toBe(false);
    expect(canRunConsole({})).toBe(false);
  });

  it('points to the same address over https://', () => {
    expect(httpsAddress('http://192.168.1.10:4780/?db=x#/visits')).toBe('https://192.168.1.10:4780/?db=x#/visits');
    expect(httpsAddress('http://kantor.lan/')).toBe('https://kantor.lan/');
    expect(httpsAddress('https://kantor.lan/')).toBeNull();
  });

  it('explains it in Indonesian and in English at once, with the https:// link and the fingerprint check', async () => {
    // main.tsx loads both catalogs before it renders this page (English is otherwise fetched when chosen).
    await loadAllLanguages();
    render(<InsecureContextPage />);
    const id = screen.getByRole('region', { name: 'Buka Meja IT lewat https://' });
    const en = screen.getByRole('region', { name: 'Open Meja IT over https://' });
    expect(id.getAttribute('lang')).toBe('id');
    expect(en.getAttribute('lang')).toBe('en');
    expect(within(id).getByText(/sidik jari SHA-256/)).toBeTruthy();
    expect(within(en).getByText(/SHA-256 fingerprint/)).toBeTruthy();
    // jsdom's page is http://localhost:3000/.
    for (const section of [id, en]) expect(within(section).getByRole('link').getAttribute('href')).toBe(httpsAddress(location.href));
    expect(within(en).getByText(new RegExp(location.origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeTruthy();
  });
});

describe('the server address of the connect form', () => {
  it('takes https://, or http:// only to this computer', () => {
    expect(checkServerUrl('')).toBe(true);
    expect(checkServerUrl('https://192.168.1.10:4780')).toBe(true);
    expect(checkServerUrl(' https://kantor.lan ')).toBe(true);
    expect(checkServerUrl('http://127.0.0.1:4780')).toBe(true);
    expect(checkServerUrl('http://localhost:4780')).toBe(true);
    expect(checkServerUrl('http://[::1]:4780')).toBe(true);
    expect(checkServerUrl('http://192.168.1.10:4780')).toBe('sync.errors.httpsRequired');
    expect(checkServerUrl('http://kantor.lan')).toBe('sync.errors.httpsRequired');
    expect(checkServerUrl('http://127.0.0.1.evil.example')).toBe('sync.errors.httpsRequired');
    expect(checkServerUrl('ftp://kantor.lan')).toBe('sync.errors.url');
    expect(checkServerUrl('kantor.lan')).toBe('sync.errors.url');
  });
});
