/**
 * i18n: Bahasa Indonesia by default, English second. Each language's catalog is the merge of
 * its files in locales/<lang>/ (core.json plus one file per domain, so workflows add their
 * texts without touching each other's). Both catalogs have the same keys (a test checks it,
 * and that every key the code and the domain use exists). The language choice is kept per
 * machine in localStorage.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeCatalogs } from '@shared/catalogs';
import type { Lang } from '@shared/office-time';

export const LANG_KEY = 'meja-it.lang';

export function savedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

if (typeof document !== 'undefined') document.documentElement.lang = savedLang();

// Indonesian, the default: the files the screens before sign-in use (setup, joining an office
// server, restoring a backup, sign-in, the forced password change) are part of the first
// screen's bundle; the rest is fetched as soon as the app starts, without holding up the first
// render (`catalogsComplete`), and the shell waits for it (App.tsx). The build's prerender of the
// first screens uses exactly the first set and fails on any key it lacks (entry/prerender.tsx).
// English is fetched whole when it is chosen (or was chosen on this machine), through a small
// i18next backend.
const idFirstFiles = import.meta.glob<Record<string, unknown>>('./locales/id/{core,dates,deploy,backup,transport,signing}.json', { eager: true, import: 'default' });
const idRestFiles = import.meta.glob<Record<string, unknown>>(['./locales/id/*.json', '!./locales/id/{core,dates,deploy,backup,transport,signing}.json'], { import: 'default' });
const enFiles = import.meta.glob<Record<string, unknown>>('./locales/en/*.json', { import: 'default' });
/** The Indonesian texts of the screens before sign-in. */
export const idFirstCatalog = mergeCatalogs(Object.values(idFirstFiles));
const id = idFirstCatalog;

let enCatalog: Promise<Record<string, unknown>> | undefined;
const loadEn = () => (enCatalog ??= Promise.all(Object.values(enFiles).map((load) => load())).then(mergeCatalogs));

const lazyCatalogs = {
  type: 'backend' as const,
  init() {},
  read(lng: string, _ns: string, done: (error: unknown, data: Record<string, unknown> | false) => void) {
    if (lng === 'en') loadEn().then((c) => done(null, c), (e: unknown) => done(e, false));
    else done(null, lng === 'id' ? id : {});
  },
};

/** Resolves once the saved language's catalog is in (render after it: no flash of the other language). */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyCatalogs)
  .use(initReactI18next)
  .init({
    resources: { id: { translation: id } },
    partialBundledLanguages: true,
    lng: savedLang(),
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
    // Screens re-render when a catalog arrives (or the rest of one: 'added'); none waits in a Suspense boundary.
    react: { useSuspense: false, bindI18nStore: 'added' },
  });

let rest: Promise<void> | undefined;
/**
 * Every Indonesian text in (the fallback of English too): the shell waits for it. Started by the
 * first screen once it is up (App.tsx), so its fetches do not compete with that screen's.
 */
export function catalogsComplete(): Promise<void> {
  return (rest ??= i18nReady
    .then(() => Promise.all(Object.values(idRestFiles).map((load) => load())))
    .then((files) => {
      i18n.addResourceBundle('id', 'translation', mergeCatalogs(files), true, true);
    })
    .catch((e: unknown) => {
      // A fetch that failed (the network dropped meanwhile) is tried again by the next call.
      rest = undefined;
      throw e;
    }));
}

/** Both catalogs loaded (a page that shows both languages side by side). */
export function loadAllLanguages(): Promise<unknown> {
  return Promise.all([catalogsComplete(), i18n.loadLanguages(['id', 'en'])]);
}

/** Switches the UI language and remembers it on this machine. */
export function setLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18n;
