/**
 * Build time only (the `entryPrerender` plugin in electron.vite.config.ts runs this under
 * Vite's SSR loader): the two screens a console can open on — first-run setup and sign-in — in
 * both languages, as static markup for index.html. `public/entry-boot.js` shows the right one
 * while the page is still parsing, so the first screen is on screen and editable before any of
 * the application's JavaScript has loaded; when the app starts, the real screen takes over with
 * whatever was typed (./handoff.ts). Never part of the renderer's bundle.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { mergeCatalogs } from '@shared/catalogs';
import type { Lang } from '@shared/office-time';
import { SetupScreen, SETUP_DEFAULTS } from '@renderer/features/setup/SetupScreen';
import { SignInScreen } from '@renderer/features/auth/SignInScreen';
import { ENTRY_SCREENS, type EntryScreenName } from './handoff';
import { idFirstCatalog } from '../i18n';

// Indonesian: exactly the texts the app has before its other catalogs arrive (i18n/index.ts), so
// a key the first screens use but the first set lacks fails the build here. English is loaded
// whole when chosen.
const catalogs: Record<Lang, Record<string, unknown>> = {
  id: idFirstCatalog,
  en: mergeCatalogs(Object.values(import.meta.glob<Record<string, unknown>>('../i18n/locales/en/*.json', { eager: true, import: 'default' }))),
};

const screens: Record<EntryScreenName, () => ReactElement> = {
  setup: () => <SetupScreen />,
  signIn: () => <SignInScreen />,
};

/** The values a screen's fields start with, set by entry-boot.js (a form's defaults are applied by react-hook-form in the browser, not in static markup). */
const defaults: Partial<Record<EntryScreenName, Record<string, string>>> = {
  setup: Object.fromEntries(Object.entries(SETUP_DEFAULTS).map(([k, v]) => [k, String(v)])),
};

/** `<template>` elements for index.html: one per screen and language. */
export async function entryTemplates(): Promise<string> {
  const out: string[] = [];
  for (const lang of ['id', 'en'] as const) {
    const missing = new Set<string>();
    const i18n = createInstance();
    await i18n.use(initReactI18next).init({
      resources: { [lang]: { translation: catalogs[lang] } },
      lng: lang,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      saveMissing: true,
      missingKeyHandler: (_lngs, _ns, key) => missing.add(key),
    });
    for (const name of ENTRY_SCREENS) {
      const html = renderToStaticMarkup(<I18nextProvider i18n={i18n}>{screens[name]()}</I18nextProvider>);
      if (missing.size > 0) throw new Error(`prerendered ${name} (${lang}) uses texts not in the first catalog set: ${[...missing].join(', ')}`);
      const data = defaults[name] ? ` data-defaults="${JSON.stringify(defaults[name]).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` : '';
      out.push(`<template id="entry-${name}-${lang}"${data}>${html}</template>`);
    }
  }
  return out.join('\n');
}
