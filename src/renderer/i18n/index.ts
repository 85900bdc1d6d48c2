/**
 * i18n: Bahasa Indonesia by default, English second. Each language's catalog is the merge of
 * its files in locales/<lang>/ (core.json plus one file per domain, so workflows add their
 * texts without touching each other's). Both catalogs have the same keys (a test checks it,
 * and that every key the code and the domain use exists). The language choice is kept per
 * machine in localStorage.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeCatalogs } from '../../shared/catalogs';
import type { Lang } from '../../shared/time-zone';

export const LANG_KEY = 'meja-it.lang';

export function savedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

if (typeof document !== 'undefined') document.documentElement.lang = savedLang();

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });
const id = mergeCatalogs(Object.entries(files).filter(([p]) => p.startsWith('./locales/id/')).map(([, c]) => c));
const en = mergeCatalogs(Object.entries(files).filter(([p]) => p.startsWith('./locales/en/')).map(([, c]) => c));

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: savedLang(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI language and remembers it on this machine. */
export function setLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18n;
