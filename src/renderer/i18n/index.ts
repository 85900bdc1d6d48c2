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

// Indonesian, the default, is part of the first screen's bundle; English is fetched when it is
// chosen (or was chosen on this machine), as its own chunk, through a small i18next backend.
const idFiles = import.meta.glob<Record<string, unknown>>('./locales/id/*.json', { eager: true, import: 'default' });
const enFiles = import.meta.glob<Record<string, unknown>>('./locales/en/*.json', { import: 'default' });
const id = mergeCatalogs(Object.values(idFiles));

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
    // Screens re-render when a catalog arrives; none waits in a Suspense boundary.
    react: { useSuspense: false },
  });

/** Both catalogs loaded (a page that shows both languages side by side). */
export function loadAllLanguages(): Promise<unknown> {
  return i18n.loadLanguages(['id', 'en']);
}

/** Switches the UI language and remembers it on this machine. */
export function setLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18n;
