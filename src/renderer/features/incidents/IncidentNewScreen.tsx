/**
 * Formulir Laporan Insiden IT, part A: the report. Opens at step 1 (the officer's turn).
 * `#/incidents/new?ticket=<id>` keeps the helpdesk ticket the incident was escalated from.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES, incidentReportSchema, type AttachmentRef } from '@shared/domain/incident/state';
import { newId } from '@shared/ids';
import { useCommand, useOrg } from '@renderer/app/hooks';
import { navigate, useRoute } from '@renderer/app/router';
import { FailureBanner, Field, PageHeader } from '@renderer/components/ui';
import { hasTypedText, useFormDraft } from '@renderer/components/FormDraft';
import { EvidenceInput } from './EvidenceInput';
import { fromOfficeInput, toOfficeInput } from '@shared/office-time';
import { formatBytes } from './format';
import './incidents.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@renderer/store';
import { DateTextField } from '@renderer/components/DateInputs';
import { FormActions } from '@renderer/components/kit/FormActions';

const formSchema = incidentReportSchema.omit({ detectedAt: true, attachments: true, ticketId: true }).extend({
  detectedLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'incident.errors.detectedAt'),
});
type FormIn = z.input<typeof formSchema>;
type FormOut = z.output<typeof formSchema>;

export function IncidentNewScreen() {
  const { t } = useTranslation();
  const org = useOrg();
  const route = useRoute();
  const ticketId = new URLSearchParams(route.split('?')[1] ?? '').get('ticket')?.trim() || undefined;
  const sourceTicket = useLiveQuery(async () => (ticketId ? ((await db.tickets.get(ticketId)) ?? null) : null), [ticketId]);
  const { run, failure, busy } = useCommand();
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  /** Files a restored draft named that this device no longer holds: to attach again. */
  const [lostFiles, setLostFiles] = useState<string[]>([]);
  const zone = org?.timeZone ?? 'WIB';
  const [empty] = useState<FormIn>(() => ({ title: '', reporterName: '', reporterContact: '', detectedLocal: toOfficeInput(new Date().toISOString(), zone), affectedSystems: '', category: 'malware', severity: 'medium', description: '' }));
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(formSchema), defaultValues: empty });
  // A draft of the report survives leaving the screen, with its evidence files: their bytes
  // were stored content-addressed on this device when picked, so the draft keeps references.
  const drafts = useFormDraft(form, 'incident-report', {
    empty,
    hasContent: (v) => hasTypedText(v, ['detectedLocal', 'category', 'severity']),
    extra: { value: files, empty: [], hasContent: (list) => list.length > 0, restore: (saved) => void restoreFiles(saved) },
  });
  async function restoreFiles(saved: unknown) {
    const refs = (Array.isArray(saved) ? (saved as Partial<AttachmentRef>[]) : []).filter((r): r is AttachmentRef => !!r && typeof r.hash === 'string' && typeof r.name === 'string' && typeof r.size === 'number');
    setFiles(refs);
    setLostFiles([]);
    if (refs.length === 0) return;
    const held = await db.blobs.bulkGet(refs.map((r) => r.hash));
    const lost = refs.filter((_, i) => !held[i]?.data);
    if (lost.length === 0) return;
    setFiles(refs.filter((_, i) => !!held[i]?.data));
    setLostFiles(lost.map((r) => r.name));
  }
  const { register, handleSubmit, formState, setError, setValue, getFieldState } = form;
  const e = formState.errors;

  // The default detection time is "now" in the office's zone, known once the profile has loaded.
  useEffect(() => {
    if (org && !getFieldState('detectedLocal').isDirty) setValue('detectedLocal', toOfficeInput(new Date().toISOString(), org.timeZone));
  }, [org, getFieldState, setValue]);

  useEffect(() => {
    if (failure?.field && failure.field !== 'id') setError((failure.field === 'detectedAt' ? 'detectedLocal' : failure.field) as keyof FormIn, { message: failure.message });
  }, [failure, setError]);

  const onSubmit = handleSubmit(async (v) => {
    const id = newId();
    const { detectedLocal, ...rest } = v;
    const input = { ...rest, id, detectedAt: fromOfficeInput(detectedLocal, zone) ?? '', attachments: files, ...(ticketId ? { ticketId } : {}) };
    if (await run({ type: 'incident.report', input })) {
      drafts.clear();
      navigate(`/incidents/${id}`);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="incident-new-title">
      <PageHeader id="incident-new-title" title={t('incident.new.title')} subtitle={t('incident.new.subtitle')} />
      {drafts.dialog}
      {drafts.banner}
      <FailureBanner failure={failure} />
      {Object.keys(e).length > 0 && (
        <div className="banner banner-error" role="alert">
          {t('common.fixErrors')}
        </div>
      )}
      {ticketId && (
        <div className="banner banner-info" role="status" data-testid="source-ticket">
          {t('incident.new.fromTicket', { ticket: sourceTicket ? `${sourceTicket.docNo} · ${sourceTicket.subject}` : ticketId })}
        </div>
      )}
      <section className="card">
        <h2>{t('incident.new.whatSection')}</h2>
        <div className="grid-3">
          <Field label={t('incident.fields.title')} htmlFor="title" error={e.title?.message} wide>
            <input id="title" {...register('title')} autoFocus autoComplete="off" placeholder={t('incident.new.titlePlaceholder')} />
          </Field>
          <Field label={t('incident.fields.category')} htmlFor="category" error={e.category?.message}>
            <select id="category" {...register('category')}>
              {INCIDENT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`incident.categories.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('incident.fields.severity')} htmlFor="severity" error={e.severity?.message}>
            <select id="severity" {...register('severity')}>
              {INCIDENT_SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`incident.severities.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('incident.fields.detectedAt')} htmlFor="detectedLocal" error={e.detectedLocal?.message} hint={t('incident.new.zoneHint', { zone })}>
            <DateTextField kind="datetime" id="detectedLocal" control={form.control} name="detectedLocal" />
          </Field>
          <Field label={t('incident.fields.affectedSystems')} htmlFor="affectedSystems" error={e.affectedSystems?.message} wide>
            <input id="affectedSystems" {...register('affectedSystems')} placeholder={t('incident.new.systemsPlaceholder')} />
          </Field>
          <Field label={t('incident.fields.description')} htmlFor="description" error={e.description?.message} wide>
            <textarea id="description" rows={4} {...register('description')} />
          </Field>
        </div>
      </section>
      <section className="card">
        <h2>{t('incident.new.reporterSection')}</h2>
        <div className="grid-3">
          <Field label={t('incident.fields.reporterName')} htmlFor="reporterName" error={e.reporterName?.message}>
            <input id="reporterName" {...register('reporterName')} autoComplete="off" />
          </Field>
          <Field label={t('incident.fields.reporterContact')} htmlFor="reporterContact" error={e.reporterContact?.message}>
            <input id="reporterContact" {...register('reporterContact')} autoComplete="off" placeholder={t('incident.new.contactPlaceholder')} />
          </Field>
        </div>
      </section>
      <section className="card">
        <h2>{t('incident.evidence.title')}</h2>
        {lostFiles.length > 0 && (
          <div className="banner banner-error" role="alert" data-testid="evidence-lost">
            {t('incident.evidence.attachAgain', { count: lostFiles.length, names: lostFiles.join(', ') })}
          </div>
        )}
        {files.length > 0 && (
          <ul className="evidence-list" data-testid="new-evidence">
            {files.map((f) => (
              <li key={f.hash}>
                <strong>{f.name}</strong>
                <span className="muted">{formatBytes(f.size)}</span>
                <button type="button" className="btn btn-small" onClick={() => setFiles((list) => list.filter((x) => x.hash !== f.hash))}>
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <EvidenceInput
          id="evidence"
          onAdded={(refs) => {
            setFiles((list) => [...list, ...refs.filter((r) => !list.some((x) => x.hash === r.hash))]);
            setLostFiles((names) => names.filter((n) => !refs.some((r) => r.name === n)));
          }}
        />
      </section>
      <FormActions submitLabel={t('incident.new.submit')} busyLabel={t('common.saving')} busy={busy} discard={drafts.discard} onCancel={() => history.back()} />
    </form>
  );
}
