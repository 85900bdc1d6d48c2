import { useTranslation } from 'react-i18next';

/** Picks a small PNG/JPEG/SVG and hands it over as a data: URL for the letterhead. */
export function LogoInput({ id, value, onChange }: { id: string; value?: string; onChange: (v: string | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <div className="logo-input">
      {value && <img src={value} alt={t('setup.logo')} className="logo-preview" />}
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg,image/svg+xml"
        onChange={(ev) => {
          const file = ev.target.files?.[0];
          if (!file) return;
          const reader = new FileReader();
          reader.onload = () => onChange(String(reader.result));
          reader.readAsDataURL(file);
        }}
      />
      {value && (
        <button type="button" className="btn btn-link" onClick={() => onChange(undefined)}>
          {t('common.remove')}
        </button>
      )}
    </div>
  );
}
