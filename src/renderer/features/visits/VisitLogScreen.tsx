/** The visit log: filter by date range, name, organisation and status; ID numbers masked. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { VISIT_STATUSES, type VisitStatus } from '@shared/domain/visit/state';
import { addDays, startOfLocalDay } from '@shared/office-time';
import { maskIdNumber } from '@shared/validators/nik';
import { db } from '@renderer/store';
import { visitLogPage, type VisitFilter } from '@renderer/store/queries/visits';
import { useFormatDateTime, useOrg } from '@renderer/app/hooks';
import { Field, StatusBadge } from '@renderer/components/ui';
import { RecordList } from '@renderer/components/kit/RecordList';
import { DateTextField } from '@renderer/components/DateInputs';

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
      <RecordList
        title={t('nav.log')}
        subtitle={t('visit.log.subtitle')}
        above={
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
        }
        testId="visit-log"
        rows={result?.rows}
        rowKey={(v) => v.id}
        rowHref={(v) => `/visits/${v.id}`}
        empty={t('visit.log.none')}
        pager={{ page, hasMore: !!result?.hasMore, setPage }}
        columns={[
          { key: 'docNo', header: t('visit.fields.docNo'), className: 'mono small', cell: (v) => v.docNo },
          { key: 'name', header: t('visit.fields.visitorName'), link: true, cell: (v) => v.visitorName },
          { key: 'idNumber', header: t('visit.fields.idNumber'), className: 'mono', cell: (v) => maskIdNumber(v.idNumber) },
          { key: 'organisation', header: t('visit.fields.organisation'), cell: (v) => v.organisation },
          { key: 'registeredAt', header: t('visit.fields.registeredAt'), cell: (v) => fmt(v.registeredAt) },
          { key: 'status', header: t('visit.fields.status'), cell: (v) => <StatusBadge status={v.status} /> },
        ]}
      />
    </div>
  );
}
