/** Maintenance schedule (SOP 2, every 3 months by default): overdue and due lists, assets awaiting wipe, intervals per category. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { OrgState } from '../../../shared/domain/org/state';
import { useTranslation } from 'react-i18next';
import { ASSET_CATEGORIES, assetName, maintenanceMonths } from '../../../shared/domain/asset/state';
import { db } from '../../store';
import { awaitingWipe, maintenanceDueList } from '../../store/queries/assets';
import { useCommand, useFormatDateTime, useOrg } from '../../app/hooks';
import { navigate } from '../../app/router';
import { useSessionStore } from '../../app/session-store';
import { Empty, FailureBanner, PageHeader } from '../../components/ui';
import { useEmployeeNames } from './parts';
import { can } from '@shared/domain/can';

function IntervalSettings({ org }: { org: OrgState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [months, setMonths] = useState<Record<string, string>>(() => Object.fromEntries(ASSET_CATEGORIES.map((c) => [c, String(maintenanceMonths(org.maintenanceMonths, c))])));
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="card"
      aria-labelledby="interval-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(await run({ type: 'org.update', input: { maintenanceMonths: Object.fromEntries(Object.entries(months).map(([k, v]) => [k, Number(v)])) } }));
      }}
    >
      <h2 id="interval-title">{t('asset.maintenance.intervals')}</h2>
      <FailureBanner failure={failure} />
      {saved && (
        <div className="banner banner-ok" role="status">
          {t('common.saved')}
        </div>
      )}
      <div className="import-mapping">
        {ASSET_CATEGORIES.map((c) => (
          <label key={c} className="field">
            <span>{t(`asset.category.${c}`)}</span>
            <input type="number" min={1} max={24} value={months[c] ?? ''} onChange={(e) => setMonths({ ...months, [c]: e.target.value })} aria-label={`${t('asset.maintenance.intervalMonths')} ${t(`asset.category.${c}`)}`} />
          </label>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
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
  const table = (rows: typeof overdue, testId: string) =>
    rows.length === 0 ? (
      <Empty>{t('asset.maintenance.nothing')}</Empty>
    ) : (
      <table className="table table-click" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('asset.fields.tag')}</th>
            <th>{t('asset.fields.serial')}</th>
            <th>{t('asset.fields.brandModel')}</th>
            <th>{t('asset.fields.holder')}</th>
            <th>{t('asset.maintenance.lastAt')}</th>
            <th>{t('asset.maintenance.dueAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ asset: a, dueAt }) => (
            <tr key={a.id} onClick={() => navigate(`/assets/${a.id}`)}>
              <td className="mono">
                <a href={`#/assets/${a.id}`}>{a.tag}</a>
              </td>
              <td className="mono">{a.serial}</td>
              <td>
                {assetName(a)}
              </td>
              <td>{a.holderId ? (holders.get(a.holderId)?.name ?? '—') : '—'}</td>
              <td>{a.lastMaintenanceAt ? fmt(a.lastMaintenanceAt) : '—'}</td>
              <td>{fmt(dueAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <div>
      <PageHeader title={t('asset.maintenance.title')} subtitle={t('asset.maintenance.subtitle')} />
      <section className="card">
        <h2>
          {t('asset.maintenance.overdueList')} ({overdue.length})
        </h2>
        {due ? table(overdue, 'overdue') : <Empty>{t('common.loading')}</Empty>}
      </section>
      <section className="card">
        <h2>
          {t('asset.maintenance.dueList')} ({soon.length})
        </h2>
        {due ? table(soon, 'due') : <Empty>{t('common.loading')}</Empty>}
      </section>
      <section className="card">
        <h2>
          {t('asset.wipe.awaitingList')} ({wipes.length})
        </h2>
        {wipes.length === 0 ? (
          <Empty>{t('asset.wipe.none')}</Empty>
        ) : (
          <table className="table table-click" data-testid="awaiting-wipe">
            <thead>
              <tr>
                <th>{t('asset.fields.tag')}</th>
                <th>{t('asset.fields.serial')}</th>
                <th>{t('asset.fields.brandModel')}</th>
                <th>{t('asset.detail.to')}</th>
              </tr>
            </thead>
            <tbody>
              {wipes.map((a) => (
                <tr key={a.id} onClick={() => navigate(`/assets/${a.id}`)}>
                  <td className="mono">
                    <a href={`#/assets/${a.id}`}>{a.tag}</a>
                  </td>
                  <td className="mono">{a.serial}</td>
                  <td>
                    {assetName(a)}
                  </td>
                  <td>{fmt(a.custody.at(-1)?.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {can(me, 'org.update') && org && <IntervalSettings key={org.hlc} org={org} />}
    </div>
  );
}
