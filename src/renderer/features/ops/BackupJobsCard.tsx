/**
 * Settings (admins): the office's backup jobs whose daily results are recorded (SOP 4), one per
 * line; the default list is shown while the office has not saved its own. Saved with
 * org.update and validated by the profile schema (not empty, at most 50, no name twice).
 */
import { useTranslation } from 'react-i18next';
import { backupJobs, DEFAULT_BACKUP_JOBS } from '@shared/domain/ops/state';
import { orgProfileSchema, type OrgState } from '@shared/domain/org/state';
import { useCommand } from '@renderer/app/hooks';
import { LinesForm } from '@renderer/components/kit/LinesForm';

const listSchema = orgProfileSchema.shape.backupJobs.unwrap();

export function BackupJobsCard({ org }: { org: OrgState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  return (
    <LinesForm
      id="backup-jobs"
      inputId="s-backup-jobs"
      testId="backup-jobs"
      stored={backupJobs(org)}
      defaults={DEFAULT_BACKUP_JOBS}
      usingDefaults={!org.backupJobs || org.backupJobs.length === 0}
      schema={listSchema}
      rows={[4, 12]}
      busy={busy}
      failure={failure}
      save={(list) => run({ type: 'org.update', input: { backupJobs: list } })}
      texts={{
        title: t('ops.settings.title'),
        saved: t('ops.settings.saved'),
        usingDefaults: t('ops.settings.defaults'),
        label: t('ops.settings.label'),
        hint: t('ops.settings.hint'),
        lineKey: 'ops.settings.line',
        restoreDefaults: t('ops.settings.restoreDefaults'),
        save: t('ops.settings.save'),
      }}
    />
  );
}
