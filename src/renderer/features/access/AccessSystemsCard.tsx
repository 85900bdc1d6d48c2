/**
 * Settings (admins): the office's list of systems for access requests (SOP-IT-003), one per
 * line; the default list is shown while the office has not saved its own. Saved with
 * org.update and validated by the profile schema (not empty, at most 100, no name twice).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accessSystems, DEFAULT_ACCESS_SYSTEMS } from '@shared/domain/access/state';
import { orgProfileSchema, type OrgState } from '@shared/domain/org/state';
import { useCommand } from '@renderer/app/hooks';
import { FailureBanner } from '@renderer/components/ui';

/** The lines of the text area, trimmed, blank lines dropped. */
export const parseSystems = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

const listSchema = orgProfileSchema.shape.accessSystems.unwrap();

/** The schema's first message for the list, with the line it concerns when it is about one line. */
export function checkSystems(list: string[]): { key: string; line?: number } | null {
  const r = listSchema.safeParse(list);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  const index = typeof issue.path[0] === 'number' ? issue.path[0] : undefined;
  return { key: issue.message, line: index === undefined ? undefined : index + 1 };
}

export function AccessSystemsCard({ org }: { org: OrgState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const stored = accessSystems(org).join('\n');
  const [text, setText] = useState(stored);
  const dirty = useRef(false);
  const setDirty = (v: boolean) => {
    dirty.current = v;
  };
  // A change saved here or on another console (through sync) shows up unless the admin is editing.
  useEffect(() => {
    if (!dirty.current) setText(stored);
  }, [stored]);
  const [error, setError] = useState<{ key: string; line?: number } | null>(null);
  const [saved, setSaved] = useState(false);
  const usingDefaults = !org.accessSystems || org.accessSystems.length === 0;
  const message = error ? (error.line ? t('access.settings.line', { line: error.line, error: t(error.key) }) : t(error.key)) : null;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const list = parseSystems(text);
    const problem = checkSystems(list);
    setError(problem);
    if (problem) return;
    if (await run({ type: 'org.update', input: { accessSystems: list } })) {
      setText(list.join('\n'));
      setDirty(false);
      setSaved(true);
    }
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="access-systems-title" data-testid="access-systems">
      <h2 id="access-systems-title">{t('access.settings.title')}</h2>
      <p className="hint">{t('access.settings.intro')}</p>
      <FailureBanner failure={failure} />
      {saved && !failure && (
        <div className="banner banner-ok" role="status">
          {t('common.saved')}
        </div>
      )}
      {usingDefaults && <p className="muted">{t('access.settings.usingDefaults')}</p>}
      <div className={`field field-wide${message ? ' has-error' : ''}`}>
        <label htmlFor="s-access-systems">{t('access.settings.label')}</label>
        <textarea
          id="s-access-systems"
          rows={Math.min(14, Math.max(6, text.split('\n').length + 1))}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setDirty(true);
            setSaved(false);
            if (error) setError(null);
          }}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 's-access-systems-error' : 's-access-systems-hint'}
        />
        {message ? (
          <div className="field-error" role="alert" id="s-access-systems-error">
            {message}
          </div>
        ) : (
          <div className="hint" id="s-access-systems-hint">
            {t('access.settings.hint')}
          </div>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => {
            setText(DEFAULT_ACCESS_SYSTEMS.join('\n'));
            setDirty(true);
            setSaved(false);
            setError(null);
          }}>
          {t('access.settings.restoreDefaults')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('access.settings.save')}
        </button>
      </div>
    </form>
  );
}
