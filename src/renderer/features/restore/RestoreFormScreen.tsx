/**
 * The restore request as the desk records it: the affected user (an employee), what to restore
 * and from which backup, why, and when the user asked (the 1×24 h deadline runs from there).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RESTORE_REASONS, RESTORE_SCOPES, RESTORE_SOURCES, restoreRequestSchema } from '@shared/domain/restore/state';
import { newId } from '@shared/ids';
import { fromOfficeInput, localDate, toOfficeInput, type OfficeZone } from '@shared/office-time';
import { useCommand, useOrg } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { EmployeePicker } from '@renderer/components/EmployeePicker';
import { Empty, FailureBanner, Field, PageHeader } from '@renderer/components/ui';
import './restore.css';
import { DateTextField } from '@renderer/components/DateInputs';
import { FormActions } from '@renderer/components/kit/FormActions';

const formSchema = restoreRequestSchema.omit({ requestedAt: true }).extend({
  requestedLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'restore.errors.requestedAt'),
});
type Fields = z.input<typeof formSchema>;

export function RestoreFormScreen() {
  const { t } = useTranslation();
  const org = useOrg();
  // The times typed are in the office's zone: the form opens once the zone is known.
  if (!org) return <Empty>{t('common.loading')}</Empty>;
  return <RestoreForm zone={org.timeZone} />;
}

function RestoreForm({ zone }: { zone: OfficeZone }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const now = new Date().toISOString();
  const { register, handleSubmit, formState, setValue, control, setError } = useForm<Fields>({
    resolver: zodResolver(formSchema),
    defaultValues: { employeeId: '', scope: 'files', target: '', backupDate: localDate(now, zone), source: 'local', reason: 'lost', reasonNote: '', requestedLocal: toOfficeInput(now, zone) },
  });
  const e = formState.errors;
  const employeeId = useWatch({ control, name: 'employeeId' });
  useEffect(() => {
    if (failure?.field) setError((failure.field === 'requestedAt' ? 'requestedLocal' : failure.field) as keyof Fields, { message: failure.message });
  }, [failure, setError]);

  const onSubmit = handleSubmit(async ({ requestedLocal, ...v }) => {
    const id = newId();
    if (await run({ type: 'restore.request', input: { ...v, id, requestedAt: fromOfficeInput(requestedLocal, zone) ?? '' } })) navigate(`/restore/${id}`);
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="restore-form-title">
      <PageHeader id="restore-form-title" title={t('restore.form.title')} subtitle={t('restore.form.subtitle')} />
      {failure && !failure.field && <FailureBanner failure={failure} />}
      <section className="card">
        <div className="grid-3">
          <EmployeePicker id="restore-employee" label={t('restore.fields.employee')} value={employeeId} onChange={(v) => setValue('employeeId', v, { shouldValidate: formState.isSubmitted })} error={e.employeeId?.message} />
          <Field label={t('restore.fields.requestedAt')} htmlFor="requestedLocal" error={e.requestedLocal?.message} hint={t('restore.form.requestedAtHint')}>
            <DateTextField kind="datetime" id="requestedLocal" control={control} name="requestedLocal" />
          </Field>
          <Field label={t('restore.fields.scope')} htmlFor="scope" error={e.scope?.message}>
            <select id="scope" {...register('scope')}>
              {RESTORE_SCOPES.map((s) => (
                <option key={s} value={s}>
                  {t(`restore.scope.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('restore.fields.target')} htmlFor="target" error={e.target?.message} hint={t('restore.form.targetHint')} wide>
            <input id="target" {...register('target')} autoComplete="off" />
          </Field>
          <Field label={t('restore.fields.backupDate')} htmlFor="backupDate" error={e.backupDate?.message}>
            <DateTextField kind="date" id="backupDate" control={control} name="backupDate" />
          </Field>
          <Field label={t('restore.fields.source')} htmlFor="source" error={e.source?.message}>
            <select id="source" {...register('source')}>
              {RESTORE_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`restore.source.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('restore.fields.reason')} htmlFor="reason" error={e.reason?.message}>
            <select id="reason" {...register('reason')}>
              {RESTORE_REASONS.map((s) => (
                <option key={s} value={s}>
                  {t(`restore.reason.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('restore.fields.reasonNote')} htmlFor="reasonNote" error={e.reasonNote?.message} wide>
            <textarea id="reasonNote" rows={3} {...register('reasonNote')} />
          </Field>
        </div>
      </section>
      <FormActions submitLabel={t('restore.form.submit')} busy={busy} onCancel={() => navigate('/restore')} />
    </form>
  );
}
