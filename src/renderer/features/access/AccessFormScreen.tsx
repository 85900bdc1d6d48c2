/**
 * The access request form (Form Permintaan Akses Sistem Informasi) as the desk records it from
 * the manager's signed paper: the employee, the requester and the division head who signed,
 * the need, and each system with its level (least privilege first) and scope. The same screen
 * revises a form the IT Manager sent back: the reason is shown, everything is prefilled, and
 * saving submits the next version.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ACCESS_LEVELS, accessFormSchema, accessSystems, type AccessLevel, type AccessRequestState } from '@shared/domain/access/state';
import { newId } from '@shared/ids';
import { db } from '@renderer/store';
import { useCommand, useOrg } from '@renderer/app/hooks';
import { navigate, useRoute } from '@renderer/app/router';
import { EmployeePicker } from '@renderer/components/EmployeePicker';
import { Empty, FailureBanner, Field, PageHeader } from '@renderer/components/ui';
import { hasTypedText, useFormDraft } from '@renderer/components/FormDraft';
import { restoreRows, type Row } from './draft-rows';
import './access.css';
import { FormActions } from '@renderer/components/kit/FormActions';

const fieldsSchema = accessFormSchema.omit({ items: true });
const newSchema = fieldsSchema.extend({ employeeId: z.string().min(1, 'access.errors.employee') });
type Fields = z.input<typeof newSchema>;

/** One row per system of the office's list, plus any system of the request no longer on it. */
function rowsFor(systems: readonly string[], existing?: AccessRequestState): Row[] {
  const names = [...systems, ...(existing?.items.map((it) => it.system).filter((s) => !systems.some((x) => x.toLowerCase() === s.toLowerCase())) ?? [])];
  return names.map((system) => {
    const item = existing?.items.find((it) => it.system.toLowerCase() === system.toLowerCase());
    return { system, checked: !!item, level: item?.level ?? 'read', scope: item?.scope ?? '' };
  });
}

export function AccessFormScreen({ id }: { id?: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const existing = useLiveQuery(async () => (id ? ((await db.accessRequests.get(id)) ?? null) : null), [id]);
  // The systems list is the office's: wait for it, or the defaults would be offered instead.
  if (org === undefined || existing === undefined) return <Empty>{t('common.loading')}</Empty>;
  if (id && !existing) return <Empty>{t('common.notFound')}</Empty>;
  return <AccessForm existing={existing ?? undefined} systems={accessSystems(org ?? undefined)} />;
}

function AccessForm({ existing, systems }: { existing?: AccessRequestState; systems: readonly string[] }) {
  const { t } = useTranslation();
  const route = useRoute();
  const presetEmployee = new URLSearchParams(route.split('?')[1] ?? '').get('employee') ?? '';
  const { run, failure, busy } = useCommand();
  const [initialRows] = useState<Row[]>(() => rowsFor(systems, existing));
  const [rows, setRows] = useState<Row[]>(initialRows);
  const [noItems, setNoItems] = useState(false);
  const [defaults] = useState<Fields>(() => ({
    employeeId: existing?.employeeId ?? presetEmployee,
    requester: existing?.requester ?? { name: '', position: '' },
    divisionHead: existing?.divisionHead ?? { name: '', position: '' },
    need: existing?.need ?? '',
  }));
  const form = useForm<Fields>({ resolver: zodResolver(existing ? fieldsSchema.extend({ employeeId: z.string() }) : newSchema), defaultValues: defaults });
  const { register, handleSubmit, formState, setValue, control, setError } = form;
  // A draft of the form (a new request, or this revision) survives leaving the screen: its
  // fields and the systems ticked with their levels and scopes.
  const drafts = useFormDraft(form, existing ? `access-revise-${existing.id}` : 'access-request', {
    empty: defaults,
    hasContent: (v) => hasTypedText({ requester: v.requester, divisionHead: v.divisionHead, need: v.need }),
    extra: { value: rows, empty: initialRows, hasContent: (rs) => rs.some((r) => r.checked), restore: (saved) => setRows(restoreRows(initialRows, saved)) },
  });
  const e = formState.errors;
  const employeeId = useWatch({ control, name: 'employeeId' });
  useEffect(() => {
    // A refusal naming a field is shown on it (the employee who resigned meanwhile, an unknown system).
    if (failure?.field === 'employeeId') setError('employeeId', { message: t(failure.message, failure.params ?? {}) });
  }, [failure, setError, t]);

  const itemsError = noItems ? t('access.errors.noItems') : failure?.field?.startsWith('items') ? t(failure.message, failure.params ?? {}) : undefined;
  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const onSubmit = handleSubmit(async (v) => {
    const items = rows.filter((r) => r.checked).map((r) => ({ system: r.system, level: r.level, scope: r.scope }));
    setNoItems(items.length === 0);
    if (items.length === 0) return;
    const form = { requester: v.requester, divisionHead: v.divisionHead, need: v.need };
    const id = existing?.id ?? newId();
    const ok = existing ? await run({ type: 'access.revise', input: { id, ...form, items } }) : await run({ type: 'access.submit', input: { id, employeeId: v.employeeId, ...form, items } });
    if (ok) {
      drafts.clear();
      navigate(`/access/${id}`);
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="access-form-title">
      <PageHeader id="access-form-title" title={existing ? t('access.form.reviseTitle', { docNo: existing.docNo }) : t('access.form.newTitle')} subtitle={t('access.form.subtitle')} />
      {drafts.dialog}
      {drafts.banner}
      {existing?.returnedReason && (
        <div className="banner banner-error" role="status" data-testid="return-reason">
          <strong>{t('access.detail.returnedBecause')}</strong> {existing.returnedReason}
        </div>
      )}
      {failure && !failure.field?.startsWith('items') && failure.field !== 'employeeId' && <FailureBanner failure={failure} />}
      <section className="card">
        <h2>{t('access.form.employeeSection')}</h2>
        <div className="grid-3">
          {existing ? (
            <div className="field">
              <span className="field-label">{t('access.fields.employee')}</span>
              <div className="picked">
                <span>
                  <strong>{existing.employee.name}</strong> <span className="mono small">NIP {existing.employee.nip}</span>
                  <br />
                  <span className="small">{[existing.employee.position, existing.employee.department].filter(Boolean).join(' · ')}</span>
                </span>
              </div>
            </div>
          ) : (
            <EmployeePicker id="access-employee" label={t('access.fields.employee')} value={employeeId} onChange={(v) => setValue('employeeId', v, { shouldValidate: formState.isSubmitted })} error={e.employeeId?.message} />
          )}
          <Field label={t('access.fields.requesterName')} htmlFor="req-name" error={e.requester?.name?.message} hint={t('access.form.requesterHint')}>
            <input id="req-name" {...register('requester.name')} autoComplete="off" />
          </Field>
          <Field label={t('access.fields.requesterPosition')} htmlFor="req-pos" error={e.requester?.position?.message}>
            <input id="req-pos" {...register('requester.position')} />
          </Field>
          <Field label={t('access.fields.divisionHeadName')} htmlFor="head-name" error={e.divisionHead?.name?.message} hint={t('access.form.divisionHeadHint')}>
            <input id="head-name" {...register('divisionHead.name')} autoComplete="off" />
          </Field>
          <Field label={t('access.fields.divisionHeadPosition')} htmlFor="head-pos" error={e.divisionHead?.position?.message}>
            <input id="head-pos" {...register('divisionHead.position')} />
          </Field>
        </div>
      </section>
      <section className="card" aria-labelledby="access-systems-title">
        <h2 id="access-systems-title">{t('access.form.systems')}</h2>
        <p className="hint">{t('access.form.leastPrivilege')}</p>
        <div className="access-systems" role="group" aria-labelledby="access-systems-title">
          {rows.map((r, i) => (
            <div key={r.system} className={`access-system-row${r.checked ? ' checked' : ''}`}>
              <label className="check">
                <input type="checkbox" checked={r.checked} onChange={(ev) => update(i, { checked: ev.target.checked })} />
                {r.system}
              </label>
              <select aria-label={t('access.form.levelOf', { system: r.system })} value={r.level} disabled={!r.checked} onChange={(ev) => update(i, { level: ev.target.value as AccessLevel })} title={t(`access.levelHint.${r.level}`)}>
                {ACCESS_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`access.level.${l}`)}
                  </option>
                ))}
              </select>
              <input aria-label={t('access.form.scopeOf', { system: r.system })} placeholder={t('access.form.scopePlaceholder')} value={r.scope} maxLength={200} disabled={!r.checked} onChange={(ev) => update(i, { scope: ev.target.value })} />
            </div>
          ))}
        </div>
        {itemsError && (
          <div className="field-error" role="alert" data-testid="items-error">
            {itemsError}
          </div>
        )}
      </section>
      <section className="card">
        <Field label={t('access.fields.need')} htmlFor="need" error={e.need?.message} hint={t('access.form.needHint')} wide>
          <textarea id="need" rows={4} {...register('need')} />
        </Field>
      </section>
      <FormActions submitLabel={existing ? t('access.form.resubmit') : t('access.form.submit')} busy={busy} discard={drafts.discard} onCancel={() => navigate(existing ? `/access/${existing.id}` : '/access')} />
    </form>
  );
}
