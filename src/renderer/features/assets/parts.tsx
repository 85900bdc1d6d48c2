/** Small pieces the asset screens share: status badge, scanner input, employee names. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitAccessoryText, type AssetStatus } from '@shared/domain/asset/state';
import type { EmployeeState } from '@shared/domain/employee/state';
import { db } from '@renderer/store';
import './assets.css';

/** A document's accessory line ("charger: Adaptor 65W") with the kind in the reader's language ("Charger: Adaptor 65W"). */
export function useAccessoryText(): (text: string) => string {
  const { t } = useTranslation();
  return (text) => {
    const parts = splitAccessoryText(text);
    if (!parts) return text;
    const kind = t(`asset.accessory.${parts.kind}`);
    return parts.description ? `${kind}: ${parts.description}` : kind;
  };
}

export function AssetStatusBadge({ status }: { status: AssetStatus }) {
  const { t } = useTranslation();
  return <span className={`status asset-status-${status}`}>{t(`asset.status.${status}`)}</span>;
}

/**
 * A serial / tag input for barcode scanners: the scanner types the code and Enter; Enter calls
 * onScan with the text and clears the field. Typing by hand works the same.
 */
export function ScanInput(props: { id: string; label: string; onScan: (code: string) => void; error?: string; placeholder?: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <div className={`field scan-field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="mono"
        value={value}
        autoComplete="off"
        autoFocus={props.autoFocus}
        placeholder={props.placeholder ?? t('asset.scan.placeholder')}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const code = value.trim();
          if (!code) return;
          setValue('');
          props.onScan(code);
        }}
      />
      {props.error && (
        <div className="field-error" role="alert" id={`${props.id}-error`}>
          {props.error}
        </div>
      )}
    </div>
  );
}

/** Active employees for a select, by name. */
/** Employee names by id (only those asked for). */
export function useEmployeeNames(ids: readonly string[]): Map<string, EmployeeState> {
  const key = [...new Set(ids)].sort().join(',');
  return (
    useLiveQuery(async () => {
      const list = key ? key.split(',') : [];
      const rows = await db.employees.bulkGet(list);
      return new Map(rows.filter((r): r is EmployeeState => !!r).map((r) => [r.id, r]));
    }, [key]) ?? new Map()
  );
}
