// @vitest-environment jsdom
/**
 * The first screen before the app loads (issue 13): the inline script that picks a prerendered
 * screen (src/shared/entry-boot.ts) and the hand-over to the app (src/renderer/entry/handoff.ts).
 * The script runs here exactly as index.html carries it; the templates are small stand-ins with
 * the same structure as the build's (the e2e suite runs the real ones).
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENTRY_BOOT_CSP_SOURCE, ENTRY_BOOT_SCRIPT } from '@shared/entry-boot';
import { dismissEntry, entryHintKey, rememberEntry, shownEntry, takeEntryValues } from '@renderer/entry/handoff';

const setupTemplate = (lang: string, title: string) =>
  `<template id="entry-setup-${lang}" data-defaults='{"name":"","timeZone":"WIB","badgePoolText":"B-01..B-20"}'>` +
  `<form><h1>${title}</h1><button type="button">EN</button><input id="name" name="name" autofocus>` +
  `<select id="timeZone" name="timeZone"><option value="WIB">WIB</option><option value="WITA">WITA</option></select>` +
  `<input id="badgePoolText" name="badgePoolText"><input id="logo" type="file"><button type="submit">Simpan</button></form></template>`;
const signInTemplate = (lang: string) =>
  `<template id="entry-signIn-${lang}"><form aria-labelledby="signin-title"><h1 id="signin-title">Masuk</h1><p class="subtitle"></p>` +
  `<input id="username" name="username"><input id="password" name="password" type="password"><button type="submit">Masuk</button></form></template>`;

function page(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  document.documentElement.lang = 'id';
  document.body.innerHTML = `<div id="entry"></div><div id="root"></div>${setupTemplate('id', 'Pengaturan awal')}${setupTemplate('en', 'Set up')}${signInTemplate('id')}${signInTemplate('en')}`;
  // As the browser does with an inline <script> at that point of the page.
  new Function(ENTRY_BOOT_SCRIPT)();
}

const entry = () => document.getElementById('entry')!;
const field = <T extends HTMLElement = HTMLInputElement>(sel: string) => entry().querySelector(sel) as unknown as T;

beforeEach(() => {
  // A console served over https:// or from localhost: a secure context with WebCrypto (jsdom has neither flag set).
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
  if (!window.crypto?.subtle) Object.defineProperty(window, 'crypto', { value: globalThis.crypto, configurable: true });
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the first-screen script', () => {
  it('is allowed by its own hash, and by nothing looser', () => {
    const hash = createHash('sha256').update(ENTRY_BOOT_SCRIPT, 'utf8').digest('base64');
    expect(ENTRY_BOOT_CSP_SOURCE).toBe(`'sha256-${hash}'`);
    expect(ENTRY_BOOT_SCRIPT).not.toMatch(/<\/script/i);
  });

  it('shows the setup screen on a new profile, with its defaults, its buttons disabled and no submit', () => {
    page();
    expect(shownEntry()).toBe('setup');
    expect(entry().querySelector('h1')!.textContent).toBe('Pengaturan awal');
    expect(field('#badgePoolText').value).toBe('B-01..B-20');
    expect(field<HTMLSelectElement>('#timeZone').value).toBe('WIB');
    for (const b of entry().querySelectorAll('button')) expect(b.disabled).toBe(true);
    expect(field('#logo').disabled).toBe(true);
    const form = entry().querySelector('form')!;
    expect(form.getAttribute('aria-busy')).toBe('true');
    const submit = new Event('submit', { cancelable: true });
    form.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
  });

  it('shows sign-in with the office name once the app left that hint for this database only', () => {
    rememberEntry('meja-it-kantor1', { screen: 'signIn', office: 'Diskominfo Kendari — Bidang TIK' });
    page('?db=kantor1');
    expect(shownEntry()).toBe('signIn');
    expect(entry().querySelector('.subtitle')!.textContent).toBe('Diskominfo Kendari — Bidang TIK');
    page('?db=kantor2');
    expect(shownEntry()).toBe('setup');
  });

  it('writes the office name as text, never as markup', () => {
    localStorage.setItem(entryHintKey('meja-it'), JSON.stringify({ screen: 'signIn', office: '<img src=x onerror=alert(1)>' }));
    page();
    expect(entry().querySelector('.subtitle')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(entry().querySelector('img')).toBeNull();
  });

  it('shows nothing when this tab has a session to restore, or the hint says so; a broken hint means the default', () => {
    rememberEntry('meja-it', { screen: 'signIn', office: 'X' });
    sessionStorage.setItem('meja-it.tab-id', '0123456789abcdef');
    localStorage.setItem('meja-it.session.meja-it.0123456789abcdef', '{}');
    page();
    expect(entry().childElementCount).toBe(0);
    expect(shownEntry()).toBeNull();

    localStorage.clear();
    rememberEntry('meja-it', { screen: 'none' });
    page();
    expect(entry().childElementCount).toBe(0);

    localStorage.setItem(entryHintKey('meja-it'), '{not json');
    page();
    expect(shownEntry()).toBe('setup');
  });

  it('shows no form where the console cannot run (plain http:// to another machine: no WebCrypto)', () => {
    Object.defineProperty(window, 'isSecureContext', { value: false, configurable: true });
    page();
    expect(entry().childElementCount).toBe(0);
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    page();
    expect(shownEntry()).toBe('setup');
  });

  it('uses the language chosen on this machine', () => {
    localStorage.setItem('meja-it.lang', 'en');
    page();
    expect(entry().querySelector('h1')!.textContent).toBe('Set up');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('the hand-over to the app', () => {
  it('gives the app only what was changed, and the focus and caret to restore', () => {
    page();
    field('#name').value = 'Dinas Kominfo';
    field<HTMLSelectElement>('#timeZone').value = 'WITA';
    field('#badgePoolText').focus();
    field('#badgePoolText').setSelectionRange(2, 4);
    expect(takeEntryValues('signIn')).toEqual({});
    expect(takeEntryValues('setup')).toEqual({ name: 'Dinas Kominfo', timeZone: 'WITA' });

    // The live screen, committed in #root (as React does), then the copy goes.
    document.getElementById('root')!.innerHTML = '<input id="name"><input id="badgePoolText" value="B-01..B-20">';
    dismissEntry();
    expect(entry().childElementCount).toBe(0);
    expect(shownEntry()).toBeNull();
    const live = document.getElementById('badgePoolText') as HTMLInputElement;
    expect(document.activeElement).toBe(live);
    expect([live.selectionStart, live.selectionEnd]).toEqual([2, 4]);
  });

  it('a cleared default is handed over as empty', () => {
    page();
    field('#badgePoolText').value = '';
    expect(takeEntryValues('setup')).toEqual({ badgePoolText: '' });
  });

  it('remembers the hint only when it changed, and survives a storage that refuses', () => {
    const writes: string[] = [];
    const store = { getItem: (k: string) => (k === entryHintKey('db') ? '{"screen":"setup"}' : null), setItem: (k: string) => writes.push(k) };
    rememberEntry('db', { screen: 'setup' }, store);
    expect(writes).toEqual([]);
    rememberEntry('db', { screen: 'signIn', office: 'A' }, store);
    expect(writes).toEqual([entryHintKey('db')]);
    const refusing = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => rememberEntry('db', { screen: 'setup' }, refusing)).not.toThrow();
  });
});
