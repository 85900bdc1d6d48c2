/** Employees: the list (name or NIP search), a form to add one, and each employee's assets and documents. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { EMPLOYEE_STATUSES, employeeFieldsSchema, type EmployeeState } from '../../../shared/domain/employee/state';
import { assetName } from '../../../shared/domain/asset/state';
import { newId } from '../../../shared/ids';
import { db } from '../../store';
import { assetsHeldBy, documentsOf, employeesPage } from '../../store/queries/assets';
import { useCommand, useFormatDateTime } from '../../app/hooks';
import { navigate } from '../../app/router';
import { useSessionStore } from '../../app/session-store';
import { Empty, FailureBanner, Field, PageHeader, Pager } from '../../components/ui';
import { AssetStatusBadge } from './parts';
import { Slot } from '../../app/Slot';
import { can } from '@shared/domain/can';

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
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {existing ? t('common.save') : t('employee.form.create')}
        </button>
      </div>
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
      <PageHeader
        title={t('employee.list.title')}
        subtitle={t('employee.list.subtitle')}
        actions={
          canManage && (
            <button type="button" className="btn" onClick={() => navigate('/employees/import')}>
              {t('employee.import.open')}
            </button>
          )
        }
      />
      {canManage && <EmployeeForm onDone={() => undefined} />}
      <section className="card">
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
        {!result ? (
          <Empty>{t('common.loading')}</Empty>
        ) : result.rows.length === 0 ? (
          <Empty>{t('employee.list.none')}</Empty>
        ) : (
          <table className="table table-click" data-testid="employees">
            <thead>
              <tr>
                <th>{t('employee.fields.nip')}</th>
                <th>{t('employee.fields.name')}</th>
                <th>{t('employee.fields.department')}</th>
                <th>{t('employee.fields.position')}</th>
                <th>{t('employee.fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((emp) => (
                <tr key={emp.id} onClick={() => navigate(`/employees/${emp.id}`)}>
                  <td className="mono">{emp.nip}</td>
                  <td>
                    <a href={`#/employees/${emp.id}`}>{emp.name}</a>
                  </td>
                  <td>{emp.department}</td>
                  <td>{emp.position}</td>
                  <td>{t(`employee.status.${emp.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager page={page} hasMore={!!result?.hasMore} setPage={setPage} />
      </section>
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
        {held.length === 0 ? (
          <Empty>{t('employee.detail.nothingHeld')}</Empty>
        ) : (
          <table className="table table-click" data-testid="held-assets">
            <thead>
              <tr>
                <th>{t('asset.fields.tag')}</th>
                <th>{t('asset.fields.serial')}</th>
                <th>{t('asset.fields.brandModel')}</th>
                <th>{t('asset.fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {held.map((a) => (
                <tr key={a.id} onClick={() => navigate(`/assets/${a.id}`)}>
                  <td className="mono">{a.tag}</td>
                  <td className="mono">{a.serial}</td>
                  <td>
                    {assetName(a)}
                  </td>
                  <td>
                    <AssetStatusBadge status={a.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
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
