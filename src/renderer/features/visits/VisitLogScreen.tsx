/** The visit log: filter by date range, name, organisation and status; ID numbers masked. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { VISIT_STATUSES, type VisitStatus } from '../../../shared/domain/visit/state';
import { addDays, startOfLocalDay } from '../../../shared/office-time';
import { maskIdNumber } from '../../../shared/validators/nik';
import { db } from '../../store';
import { visitLogPage, type VisitFilter } from '../../store/queries/visits';
import { useFormatDateTime, useOrg } from '../../app/hooks';
import { navigate } from '../../app/router';
import { Empty, Field, PageHeader, Pager, StatusBadge } from '../../components/ui';
import { DateTextField } from '../../components/DateInputs';

interface FilterForm {
  from: string;
  to: string;
  name: string;
  organisation: string;
  status: VisitStatus | '';
}


export function VisitLogScreen() {
  const { t } = useTranslation();
  const org = useOrg();
  const fmt = useFormatDateTime();
  const [filter, setFilter] = useState<VisitFilter>({});
  const [page, setPage] = useState(0);
  const { register, handleSubmit, reset, formState, control } = useForm<FilterForm>({ defaultValues: { from: '', to: '', name: '', organisation: '', status: '' } });
  const result = useLiveQuery(() => visitLogPage(db, filter, page), [filter, page]);
  const zone = org?.timeZone ?? 'WIB';

  const apply = handleSubmit((f) => {
    setPage(0);
    setFilter({
      from: f.from ? startOfLocalDay(f.from, zone) : undefined,
      to: f.to ? startOfLocalDay(addDays(f.to, 1), zone) : undefined,
      name: f.name,
      organisation: f.organisation,
      status: f.status,
    });
  });

  return (
    <div>
      <PageHeader title={t('nav.log')} subtitle={t('visit.log.subtitle')} />
      <form className="card filters" onSubmit={apply} role="search" aria-label={t('visit.log.filters')}>
        <Field label={t('visit.log.from')} htmlFor="from">
          <DateTextField kind="date" id="from" control={control} name="from" rules={{ validate: (v, all) => !v || !all.to || v <= all.to || 'visit.errors.dateRange' }} />
        </Field>
        <Field label={t('visit.log.to')} htmlFor="to" error={formState.errors.from?.message}>
          <DateTextField kind="date" id="to" control={control} name="to" />
        </Field>
        <Field label={t('visit.fields.visitorName')} htmlFor="f-name">
          <input id="f-name" {...register('name')} placeholder={t('visit.log.namePlaceholder')} />
        </Field>
        <Field label={t('visit.fields.organisation')} htmlFor="f-org">
          <input id="f-org" {...register('organisation')} />
        </Field>
        <Field label={t('visit.fields.status')} htmlFor="f-status">
          <select id="f-status" {...register('status')}>
            <option value="">{t('visit.log.allStatuses')}</option>
            {VISIT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`visit.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary">
            {t('visit.log.apply')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              reset();
              setPage(0);
              setFilter({});
            }}
          >
            {t('visit.log.reset')}
          </button>
        </div>
      </form>
      <section className="card">
        {!result ? (
          <Empty>{t('common.loading')}</Empty>
        ) : result.rows.length === 0 ? (
          <Empty>{t('visit.log.none')}</Empty>
        ) : (
          <table className="table table-click" data-testid="visit-log">
            <thead>
              <tr>
                <th>{t('visit.fields.docNo')}</th>
                <th>{t('visit.fields.visitorName')}</th>
                <th>{t('visit.fields.idNumber')}</th>
                <th>{t('visit.fields.organisation')}</th>
                <th>{t('visit.fields.registeredAt')}</th>
                <th>{t('visit.fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((v) => (
                <tr key={v.id} onClick={() => navigate(`/visits/${v.id}`)}>
                  <td className="mono small">{v.docNo}</td>
                  <td>
                    <a href={`#/visits/${v.id}`}>{v.visitorName}</a>
                  </td>
                  <td className="mono">{maskIdNumber(v.idNumber)}</td>
                  <td>{v.organisation}</td>
                  <td>{fmt(v.registeredAt)}</td>
                  <td>
                    <StatusBadge status={v.status} />
                  </td>
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
