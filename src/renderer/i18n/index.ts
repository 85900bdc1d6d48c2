/**
 * i18n: Bahasa Indonesia by default, English second. Both catalogs have the same keys (a test
 * checks it, and that every key the code and the domain use exists). The language choice is
 * kept per machine in localStorage.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import id from './locales/id.json';
import en from './locales/en.json';
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
