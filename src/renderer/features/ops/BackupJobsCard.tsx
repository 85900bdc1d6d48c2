/**
 * Settings (admins): the office's backup jobs whose daily results are recorded (SOP 4), one per
 * line; the default list is shown while the office has not saved its own. Saved with
 * org.update and validated by the profile schema (not empty, at most 50, no name twice).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { backupJobs, DEFAULT_BACKUP_JOBS } from '@shared/domain/ops/state';
import { orgProfileSchema, type OrgState } from '@shared/domain/org/state';
import { useCommand } from '@renderer/app/hooks';
import { FailureBanner } from '@renderer/components/ui';

const parseLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

const listSchema = orgProfileSchema.shape.backupJobs.unwrap();

function checkJobs(list: string[]): { key: string; line?: number } | null {
  const r = listSchema.safeParse(list);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  const index = typeof issue.path[0] === 'number' ? issue.path[0] : undefined;
  return { key: issue.message, line: index === undefined ? undefined : index + 1 };
}

export function BackupJobsCard({ org }: { org: OrgState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const stored = backupJobs(org).join('\n');
  const [text, setText] = useState(stored);
  const dirty = useRef(false);
  // A change saved here or on another console (through sync) shows up unless the admin is editing.
  useEffect(() => {
    if (!dirty.current) setText(stored);
  }, [stored]);
  const [error, setError] = useState<{ key: string; line?: number } | null>(null);
  const [saved, setSaved] = useState(false);
  const usingDefaults = !org.backupJobs || org.backupJobs.length === 0;
  const message = error ? (error.line ? t('ops.settings.line', { line: error.line, error: t(error.key) }) : t(error.key)) : null;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const list = parseLines(text);
    const problem = checkJobs(list);
    setError(problem);
    if (problem) return;
    if (await run({ type: 'org.update', input: { backupJobs: list } })) {
      setText(list.join('\n'));
      dirty.current = false;
      setSaved(true);
    }
  };
  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="backup-jobs-title" data-testid="backup-jobs">
      <h2 id="backup-jobs-title">{t('ops.settings.title')}</h2>
      <FailureBanner failure={failure} />
      {saved && !failure && (
        <div className="banner banner-ok" role="status">
          {t('ops.settings.saved')}
        </div>
      )}
      {usingDefaults && <p className="muted">{t('ops.settings.defaults')}</p>}
      <div className={`field field-wide${message ? ' has-error' : ''}`}>
        <label htmlFor="s-backup-jobs">{t('ops.settings.label')}</label>
        <textarea
          id="s-backup-jobs"
          rows={Math.min(12, Math.max(4, text.split('\n').length + 1))}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            dirty.current = true;
            setSaved(false);
            if (error) setError(null);
          }}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 's-backup-jobs-error' : 's-backup-jobs-hint'}
        />
        {message ? (
          <div className="field-error" role="alert" id="s-backup-jobs-error">
            {message}
          </div>
        ) : (
          <div className="hint" id="s-backup-jobs-hint">
            {t('ops.settings.hint')}
          </div>
        )}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            setText(DEFAULT_BACKUP_JOBS.join('\n'));
            dirty.current = true;
            setSaved(false);
            setError(null);
          }}
        >
          {t('ops.settings.restoreDefaults')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('ops.settings.save')}
        </button>
      </div>
    </form>
  );
}
