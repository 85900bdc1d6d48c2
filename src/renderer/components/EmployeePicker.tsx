/** The employee picker every workflow uses (handover, access requests): type or scan, choose. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployeeState } from '@shared/domain/employee/state';
import { db } from '../store';
import { employeesPage } from '../store/queries/assets';

/**
 * Picks an employee by typing the start of a name or NIP (or scanning the NIP on an ID card and
 * Enter): a combobox of the first matches, read from the name and NIP indexes, so it stays quick
 * with an office of thousands. Arrow keys move, Enter chooses, Escape closes. Resigned
 * employees are listed but cannot be chosen (they receive no devices).
 */
export function EmployeePicker({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (employeeId: string) => void; error?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const chosen = useLiveQuery(() => (value ? db.employees.get(value) : undefined), [value]);
  const matches = useLiveQuery(async () => (q.trim() ? (await employeesPage(db, q, 0, 8)).rows : []), [q]) ?? [];
  const pick = (e: EmployeeState | undefined) => {
    if (!e || e.status !== 'active') return;
    onChange(e.id);
    setQ('');
    setOpen(false);
  };
  if (value && chosen) {
    return (
      <div className="field">
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="picked" aria-labelledby={`${id}-label`} data-testid={`${id}-chosen`}>
          <span>
            <strong>{chosen.name}</strong> <span className="mono small">NIP {chosen.nip}</span>
            <br />
            <span className="small">{[chosen.position, chosen.department].filter(Boolean).join(' · ')}</span>
          </span>
          <button type="button" className="btn btn-small" onClick={() => onChange('')}>
            {t('employee.picker.change')}
          </button>
        </div>
      </div>
    );
  }
  const listId = `${id}-options`;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.max(0, Math.min(matches.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // A scanned NIP chooses its employee at once; otherwise the highlighted match.
      const digits = q.replace(/\D/g, '');
      pick(matches.find((m) => digits && m.nip === digits) ?? matches[active]);
    } else if (e.key === 'Escape') setOpen(false);
  };
  return (
    <div className={`field combo${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open && q.trim() !== ''}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        value={q}
        placeholder={t('employee.picker.placeholder')}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      {open && q.trim() !== '' && (
        <ul className="combo-list" id={listId} role="listbox" aria-label={label}>
          {matches.length === 0 ? (
            <li className="combo-empty">{t('employee.picker.none')}</li>
          ) : (
            matches.map((m, i) => (
              <li
                key={m.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                aria-disabled={m.status !== 'active'}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(m);
                }}
              >
                <strong>{m.name}</strong> <span className="mono small">{m.nip}</span>
                <div className="small combo-sub">
                  {[m.position, m.department].filter(Boolean).join(' · ')}
                  {m.status !== 'active' && ` · ${t('employee.status.resigned')}`}
                </div>
              </li>
            ))
          )}
        </ul>
      )}
      {error && (
        <div className="field-error" role="alert" id={`${id}-error`}>
          {t(error)}
        </div>
      )}
    </div>
  );
}
