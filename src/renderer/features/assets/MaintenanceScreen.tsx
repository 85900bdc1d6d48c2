/** Maintenance schedule (SOP 2, every 3 months by default): overdue and due lists, assets awaiting wipe, intervals per category. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { orgProfileSchema, type OrgState } from '@shared/domain/org/state';
import { useTranslation } from 'react-i18next';
import { ASSET_CATEGORIES, assetName, maintenanceMonths, type AssetCategory } from '@shared/domain/asset/state';
import { db } from '@renderer/store';
import { awaitingWipe, maintenanceDueList } from '@renderer/store/queries/assets';
import { useCommand, useFormatDateTime, useOrg } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { FailureBanner, PageHeader } from '@renderer/components/ui';
import { RecordTable } from '@renderer/components/kit/RecordList';
import { useEmployeeNames } from './parts';
import { can } from '@shared/domain/can';
import { FormActions } from '@renderer/components/kit/FormActions';

/** Each category's interval as typed (a number field's text), checked by the office profile's rule (1–24 whole months). */
const monthsSchema = orgProfileSchema.shape.maintenanceMonths.unwrap().valueType;
export const intervalsForm = z.object(
  Object.fromEntries(ASSET_CATEGORIES.map((c) => [c, z.string().trim().min(1, 'asset.errors.interval').pipe(z.coerce.number<string>('asset.errors.interval')).pipe(monthsSchema)])) as Record<
    AssetCategory,
    z.ZodPipe<z.ZodPipe<z.ZodString, z.ZodCoercedNumber<string>>, typeof monthsSchema>
  >,
);

export function IntervalSettings({ org }: { org: OrgState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState } = useForm<z.input<typeof intervalsForm>, unknown, z.output<typeof intervalsForm>>({
    resolver: zodResolver(intervalsForm),
    defaultValues: Object.fromEntries(ASSET_CATEGORIES.map((c) => [c, String(maintenanceMonths(org.maintenanceMonths, c))])) as z.input<typeof intervalsForm>,
  });
  const [saved, setSaved] = useState(false);
  const onSubmit = handleSubmit(
    async (months) => setSaved(await run({ type: 'org.update', input: { maintenanceMonths: months } })),
    () => setSaved(false),
  );
  return (
    <form className="card" aria-labelledby="interval-title" noValidate onSubmit={(e) => void onSubmit(e)}>
      <h2 id="interval-title">{t('asset.maintenance.intervals')}</h2>
      <FailureBanner failure={failure} />
      {saved && (
        <div className="banner banner-ok" role="status">
          {t('common.saved')}
        </div>
      )}
      <div className="import-mapping">
        {ASSET_CATEGORIES.map((c) => {
          const error = formState.errors[c]?.message;
          return (
            <label key={c} className={`field${error ? ' has-error' : ''}`}>
              <span>{t(`asset.category.${c}`)}</span>
              <input
                type="number"
                min={1}
                max={24}
                {...register(c)}
                aria-label={`${t('asset.maintenance.intervalMonths')} ${t(`asset.category.${c}`)}`}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `interval-${c}-error` : undefined}
              />
              {error && (
                <span className="field-error" role="alert" id={`interval-${c}-error`}>
                  {t(error)}
                </span>
              )}
            </label>
          );
        })}
      </div>
      <FormActions submitLabel={t('common.save')} busy={busy} variant="plain" />
    </form>
  );
}

export function MaintenanceScreen() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const org = useOrg();
  const me = useSessionStore((s) => s.user);
  const [now] = useState(() => new Date().toISOString());
  const due = useLiveQuery(() => maintenanceDueList(db, org?.maintenanceMonths, now), [org?.maintenanceMonths, now]);
  const wipes = useLiveQuery(() => awaitingWipe(db), []) ?? [];
  const holders = useEmployeeNames((due ?? []).map((d) => d.asset.holderId ?? '').filter(Boolean));
  const overdue = (due ?? []).filter((d) => d.state === 'overdue');
  const soon = (due ?? []).filter((d) => d.state === 'due');
  const table = (rows: typeof overdue | undefined, testId: string) => (
    <RecordTable
      testId={testId}
      rows={rows}
      rowKey={(d) => d.asset.id}
      rowHref={(d) => `/assets/${d.asset.id}`}
      empty={t('asset.maintenance.nothing')}
      columns={[
        { key: 'tag', header: t('asset.fields.tag'), className: 'mono', link: true, cell: (d) => d.asset.tag },
        { key: 'serial', header: t('asset.fields.serial'), className: 'mono', cell: (d) => d.asset.serial },
        { key: 'name', header: t('asset.fields.brandModel'), cell: (d) => assetName(d.asset) },
        { key: 'holder', header: t('asset.fields.holder'), cell: ({ asset: a }) => (a.holderId ? (holders.get(a.holderId)?.name ?? '—') : '—') },
        { key: 'last', header: t('asset.maintenance.lastAt'), cell: (d) => (d.asset.lastMaintenanceAt ? fmt(d.asset.lastMaintenanceAt) : '—') },
        { key: 'due', header: t('asset.maintenance.dueAt'), cell: (d) => fmt(d.dueAt) },
      ]}
    />
  );
  return (
    <div>
      <PageHeader title={t('asset.maintenance.title')} subtitle={t('asset.maintenance.subtitle')} />
      <section className="card">
        <h2>
          {t('asset.maintenance.overdueList')} ({overdue.length})
        </h2>
        {table(due && overdue, 'overdue')}
      </section>
      <section className="card">
        <h2>
          {t('asset.maintenance.dueList')} ({soon.length})
        </h2>
        {table(due && soon, 'due')}
      </section>
      <section className="card">
        <h2>
          {t('asset.wipe.awaitingList')} ({wipes.length})
        </h2>
        <RecordTable
          testId="awaiting-wipe"
          rows={wipes}
          rowKey={(a) => a.id}
          rowHref={(a) => `/assets/${a.id}`}
          empty={t('asset.wipe.none')}
          columns={[
            { key: 'tag', header: t('asset.fields.tag'), className: 'mono', link: true, cell: (a) => a.tag },
            { key: 'serial', header: t('asset.fields.serial'), className: 'mono', cell: (a) => a.serial },
            { key: 'name', header: t('asset.fields.brandModel'), cell: (a) => assetName(a) },
            { key: 'to', header: t('asset.detail.to'), cell: (a) => fmt(a.custody.at(-1)?.to) },
          ]}
        />
      </section>
      {can(me, 'org.update') && org && <IntervalSettings key={org.hlc} org={org} />}
    </div>
  );
}
