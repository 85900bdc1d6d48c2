/** Employees: the list (name or NIP search), a form to add one, and each employee's assets and documents. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { EMPLOYEE_STATUSES, employeeFieldsSchema, type EmployeeState } from '@shared/domain/employee/state';
import { assetName } from '@shared/domain/asset/state';
import { newId } from '@shared/ids';
import { db } from '@renderer/store';
import { assetsHeldBy, documentsOf, employeesPage } from '@renderer/store/queries/assets';
import { useCommand, useFormatDateTime } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { Empty, FailureBanner, Field, PageHeader } from '@renderer/components/ui';
import { RecordList, RecordTable } from '@renderer/components/kit/RecordList';
import { AssetStatusBadge } from './parts';
import { Slot } from '@renderer/app/Slot';
import { can } from '@shared/domain/can';
import { FormActions } from '@renderer/components/kit/FormActions';

type FormIn = z.input<typeof employeeFieldsSchema>;
type FormOut = z.output<typeof employeeFieldsSchema>;
const empty: FormIn = { nip: '', name: '', department: '', position: '', email: '', status: 'active' };

function EmployeeForm({ existing, onDone }: { existing?: EmployeeState; onDone: () => void }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState, setError, reset } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(employeeFieldsSchema),
    defaultValues: existing ? { nip: existing.nip, name: existing.name, department: existing.department, position: existing.position, email: existing.email, status: existing.status } : empty,
  });
  const e = formState.errors;
  useEffect(() => {
    // Shown on the field, with its values (the NIP) filled in.
    if (failure?.field === 'nip') setError('nip', { message: t(failure.message, failure.params ?? {}) });
  }, [failure, setError, t]);
  const onSubmit = handleSubmit(async (v) => {
    const ok = existing ? await run({ type: 'employee.update', input: { ...v, id: existing.id } }) : await run({ type: 'employee.create', input: { ...v, id: newId() } });
    if (ok) {
      if (!existing) reset(empty);
      onDone();
    }
  });
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="employee-form-title">
      <h2 id="employee-form-title">{existing ? t('employee.form.editTitle') : t('employee.form.newTitle')}</h2>
      {failure && failure.field !== 'nip' && <FailureBanner failure={failure} />}
      <div className="grid-3">
        <Field label={t('employee.fields.nip')} htmlFor="emp-nip" error={e.nip?.message}>
          <input id="emp-nip" className="mono" inputMode="numeric" {...register('nip')} autoComplete="off" />
        </Field>
        <Field label={t('employee.fields.name')} htmlFor="emp-name" error={e.name?.message}>
          <input id="emp-name" {...register('name')} autoComplete="off" />
        </Field>
        <Field label={t('employee.fields.department')} htmlFor="emp-dept" error={e.department?.message}>
          <input id="emp-dept" {...register('department')} />
        </Field>
        <Field label={t('employee.fields.position')} htmlFor="emp-pos" error={e.position?.message}>
          <input id="emp-pos" {...register('position')} />
        </Field>
        <Field label={t('employee.fields.email')} htmlFor="emp-email" error={e.email?.message}>
          <input id="emp-email" type="email" {...register('email')} />
        </Field>
        <Field label={t('employee.fields.status')} htmlFor="emp-status">
          <select id="emp-status" {...register('status')}>
            {EMPLOYEE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`employee.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <FormActions submitLabel={existing ? t('common.save') : t('employee.form.create')} busy={busy} />
    </form>
  );
}

export function EmployeesScreen() {
  const { t } = useTranslation();
  const me = useSessionStore((s) => s.user);
  const canManage = can(me, 'employee.create');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const result = useLiveQuery(() => employeesPage(db, q, page), [q, page]);
  return (
    <div>
      <RecordList
        title={t('employee.list.title')}
        subtitle={t('employee.list.subtitle')}
        actions={
          canManage && (
            <button type="button" className="btn" onClick={() => navigate('/employees/import')}>
              {t('employee.import.open')}
            </button>
          )
        }
        above={canManage && <EmployeeForm onDone={() => undefined} />}
        filters={
          <Field label={t('employee.list.search')} htmlFor="emp-q">
            <input
              id="emp-q"
              value={q}
              onChange={(e) => {
                setPage(0);
                setQ(e.target.value);
              }}
              placeholder={t('employee.list.searchPlaceholder')}
            />
          </Field>
        }
        testId="employees"
        rows={result?.rows}
        rowKey={(emp) => emp.id}
        rowHref={(emp) => `/employees/${emp.id}`}
        empty={t('employee.list.none')}
        pager={{ page, hasMore: !!result?.hasMore, setPage }}
        columns={[
          { key: 'nip', header: t('employee.fields.nip'), className: 'mono', cell: (emp) => emp.nip },
          { key: 'name', header: t('employee.fields.name'), link: true, cell: (emp) => emp.name },
          { key: 'department', header: t('employee.fields.department'), cell: (emp) => emp.department },
          { key: 'position', header: t('employee.fields.position'), cell: (emp) => emp.position },
          { key: 'status', header: t('employee.fields.status'), cell: (emp) => t(`employee.status.${emp.status}`) },
        ]}
      />
    </div>
  );
}

export function EmployeeDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const me = useSessionStore((s) => s.user);
  const canManage = can(me, 'employee.update');
  const [editing, setEditing] = useState(false);
  const employee = useLiveQuery(async () => (await db.employees.get(id)) ?? null, [id]);
  const held = useLiveQuery(() => assetsHeldBy(db, id), [id]) ?? [];
  const docs = useLiveQuery(() => documentsOf(db, id), [id]) ?? [];
  if (employee === undefined) return <Empty>{t('common.loading')}</Empty>;
  if (employee === null) return <Empty>{t('common.notFound')}</Empty>;
  const openHandovers = new Set(held.map((a) => a.handoverId));
  return (
    <div>
      <PageHeader
        title={employee.name}
        subtitle={`NIP ${employee.nip} · ${employee.department}${employee.position ? ` · ${employee.position}` : ''}`}
        actions={
          <>
            <Slot name="employeeBadges" props={{ employee }} />
            {canManage && (
              <button type="button" className="btn" onClick={() => setEditing(!editing)}>
                {t('common.edit')}
              </button>
            )}
            {canManage && employee.status === 'active' && (
              <button type="button" className="btn btn-primary" onClick={() => navigate(`/handovers/new?employee=${employee.id}`)}>
                {t('employee.detail.newHandover')}
              </button>
            )}
          </>
        }
      />
      {editing && <EmployeeForm existing={employee} onDone={() => setEditing(false)} />}
      {employee.status === 'resigned' && held.length > 0 && (
        <div className="banner banner-error" role="status">
          {t('employee.detail.resignedHolding', { count: held.length })}
        </div>
      )}
      <Slot name="employeeNotices" props={{ employee }} />
      <section className="card">
        <h2>{t('employee.detail.holding')}</h2>
        <RecordTable
          testId="held-assets"
          rows={held}
          rowKey={(a) => a.id}
          rowHref={(a) => `/assets/${a.id}`}
          empty={t('employee.detail.nothingHeld')}
          columns={[
            { key: 'tag', header: t('asset.fields.tag'), className: 'mono', link: true, cell: (a) => a.tag },
            { key: 'serial', header: t('asset.fields.serial'), className: 'mono', cell: (a) => a.serial },
            { key: 'name', header: t('asset.fields.brandModel'), cell: (a) => assetName(a) },
            { key: 'status', header: t('asset.fields.status'), cell: (a) => <AssetStatusBadge status={a.status} /> },
          ]}
        />
      </section>
      <section className="card">
        <h2>{t('employee.detail.documents')}</h2>
        {docs.length === 0 ? (
          <Empty>{t('employee.detail.noDocuments')}</Empty>
        ) : (
          <table className="table" data-testid="documents">
            <thead>
              <tr>
                <th>{t('handover.fields.docNo')}</th>
                <th>{t('handover.fields.docType')}</th>
                <th>{t('handover.fields.at')}</th>
                <th>{t('handover.fields.items')}</th>
                <th aria-label={t('common.actions')} />
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.id}>
                  <td className="mono small">{d.docNo}</td>
                  <td>{t(`handover.docType.${d.docType}`)}</td>
                  <td>{fmt(d.at)}</td>
                  <td>{d.items.length}</td>
                  <td className="inline-actions">
                    <a className="btn btn-small" href={`#/print/assets/doc/${d.id}`}>
                      {t('handover.actions.print')}
                    </a>
                    {canManage && d.docType === 'handover' && openHandovers.has(d.id) && (
                      <a className="btn btn-small" href={`#/handovers/${d.id}/return`}>
                        {t('handover.actions.return')}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Slot name="employeeCards" props={{ employee }} />
    </div>
  );
}
