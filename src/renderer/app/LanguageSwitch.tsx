import { useTranslation } from 'react-i18next';
import { setLang } from '../i18n';

/** ID | EN toggle; the choice is remembered on this machine. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      {(['id', 'en'] as const).map((l) => (
        <button key={l} type="button" className={i18n.language === l ? 'active' : ''} aria-pressed={i18n.language === l} onClick={() => setLang(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
