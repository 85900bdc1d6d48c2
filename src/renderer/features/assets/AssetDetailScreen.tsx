/** One asset: its fields and accessories, maintenance schedule, chain of custody, wipes, documents and audit trail. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { assetName, maintenanceDue } from '@shared/domain/asset/state';
import { db } from '@renderer/store';
import { useFormatDateTime, useOrg, useUserNames } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { Empty, PageHeader } from '@renderer/components/ui';
import { MaintenanceForm, StatusForm, WipeForm } from './AssetActions';
import { AssetStatusBadge, useEmployeeNames } from './parts';
import { AuditTrail } from '@renderer/components/AuditTrail';
import { useScreenDates } from '@renderer/app/dates';
import { can } from '@shared/domain/can';

/** A cost in rupiah as the UI language writes it: "Rp 14.250.000" / "Rp 14,250,000". */
function rupiah(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'id-ID', { style: 'currency', currency: 'IDR', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(n);
}

export function AssetDetailScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatDateTime();
  const dates = useScreenDates();
  const org = useOrg();
  const users = useUserNames();
  const me = useSessionStore((s) => s.user);
  const canManage = can(me, 'asset.update');
  const asset = useLiveQuery(async () => (await db.assets.get(id)) ?? null, [id]);
  const employees = useEmployeeNames(asset ? asset.custody.map((c) => c.employeeId) : []);
  if (asset === undefined) return <Empty>{t('common.loading')}</Empty>;
  if (asset === null) return <Empty>{t('common.notFound')}</Empty>;
  const due = maintenanceDue(asset, org?.maintenanceMonths, new Date().toISOString());
  const holder = asset.holderId ? employees.get(asset.holderId) : undefined;

  return (
    <div>
      <PageHeader
        title={`${asset.tag} · ${assetName(asset)}`}
        subtitle={`${t(`asset.category.${asset.category}`)} · ${t('asset.fields.serial')} ${asset.serial}`}
        actions={
          <>
            <AssetStatusBadge status={asset.status} />
            {due && due.state !== 'ok' && <span className={`status ${due.state === 'overdue' ? 'status-overstay' : 'asset-status-maintenance'}`}>{t(`asset.maintenance.${due.state}`)}</span>}
            {canManage && (
              <button type="button" className="btn" onClick={() => navigate(`/assets/${asset.id}/edit`)}>
                {t('common.edit')}
              </button>
            )}
            {canManage && asset.status === 'in_stock' && (
              <button type="button" className="btn btn-primary" onClick={() => navigate(`/handovers/new?asset=${asset.id}`)}>
                {t('asset.detail.handOver')}
              </button>
            )}
            {canManage && asset.status === 'assigned' && asset.handoverId && (
              <button type="button" className="btn btn-primary" onClick={() => navigate(`/handovers/${asset.handoverId}/return`)}>
                {t('asset.detail.return')}
              </button>
            )}
            <button type="button" className="btn" onClick={() => navigate(`/print/assets/labels?ids=${asset.id}`)}>
              {t('asset.detail.printLabel')}
            </button>
          </>
        }
      />
      {asset.status === 'awaiting_wipe' && (
        <div className="banner banner-error" role="status">
          {t('asset.detail.awaitingWipeNote')}
        </div>
      )}
      <div className="detail-grid">
        <div>
          <section className="card">
            <h2>{t('asset.detail.details')}</h2>
            <dl className="dl">
              <dt>{t('asset.fields.tag')}</dt>
              <dd className="mono">{asset.tag}</dd>
              <dt>{t('asset.fields.serial')}</dt>
              <dd className="mono">{asset.serial}</dd>
              <dt>{t('asset.fields.condition')}</dt>
              <dd>{t(`asset.condition.${asset.condition}`)}</dd>
              <dt>{t('asset.fields.location')}</dt>
              <dd>{asset.location || '—'}</dd>
              <dt>{t('asset.fields.holder')}</dt>
              <dd>{holder ? <a href={`#/employees/${holder.id}`}>{holder.name}</a> : asset.importedHolder ? `${asset.importedHolder} (${t('asset.detail.importedHolder')})` : '—'}</dd>
              <dt>{t('asset.fields.brand')}</dt>
              <dd>{asset.brand || '—'}</dd>
              <dt>{t('asset.fields.model')}</dt>
              <dd>{asset.model || '—'}</dd>
              <dt>{t('asset.fields.modelNumber')}</dt>
              <dd className={asset.modelNumber ? 'mono' : undefined}>{asset.modelNumber || '—'}</dd>
              <dt>{t('asset.fields.name')}</dt>
              <dd>{asset.name || '—'}</dd>
              <dt>{t('asset.maintenance.nextDue')}</dt>
              <dd>{due ? fmt(due.dueAt) : '—'}</dd>
              <dt>{t('asset.fields.notes')}</dt>
              <dd className="pre">{asset.notes || '—'}</dd>
            </dl>
            <h3>{t('asset.form.purchaseSection')}</h3>
            <dl className="dl" data-testid="asset-purchase">
              <dt>{t('asset.fields.purchaseDate')}</dt>
              <dd>{dates.date(asset.purchaseDate)}</dd>
              <dt>{t('asset.fields.purchaseCost')}</dt>
              <dd>{asset.purchaseCost === undefined ? '—' : rupiah(asset.purchaseCost, i18n.language)}</dd>
              <dt>{t('asset.fields.supplier')}</dt>
              <dd>{asset.supplier || '—'}</dd>
              <dt>{t('asset.fields.company')}</dt>
              <dd>{asset.company || '—'}</dd>
              <dt>{t('asset.fields.warrantyMonths')}</dt>
              <dd>{asset.warrantyMonths === undefined ? '—' : t('asset.detail.months', { count: asset.warrantyMonths })}</dd>
              <dt>{t('asset.fields.warrantyEnd')}</dt>
              <dd>{dates.date(asset.warrantyEnd)}</dd>
            </dl>
          </section>
          <section className="card">
            <h2>{t('asset.fields.accessories')}</h2>
            {asset.accessories.length === 0 ? (
              <Empty>{t('asset.detail.noAccessories')}</Empty>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('asset.fields.accessoryKind')}</th>
                    <th>{t('asset.fields.serial')}</th>
                    <th>{t('asset.fields.description')}</th>
                  </tr>
                </thead>
                <tbody>
                  {asset.accessories.map((x) => (
                    <tr key={x.id} className={x.missing ? 'line-missing' : ''}>
                      <td>
                        {t(`asset.accessory.${x.kind}`)}
                        {x.missing && <span className="tag tag-warn">{t('asset.detail.missing')}</span>}
                      </td>
                      <td className="mono">{x.serial || '—'}</td>
                      <td>{x.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card">
            <h2>{t('asset.detail.custody')}</h2>
            {asset.custody.length === 0 ? (
              <Empty>{t('asset.detail.noCustody')}</Empty>
            ) : (
              <table className="table" data-testid="custody">
                <thead>
                  <tr>
                    <th>{t('asset.fields.holder')}</th>
                    <th>{t('asset.detail.from')}</th>
                    <th>{t('asset.detail.to')}</th>
                    <th>{t('asset.fields.condition')}</th>
                    <th>{t('asset.detail.documents')}</th>
                  </tr>
                </thead>
                <tbody>
                  {asset.custody.map((c) => (
                    <tr key={c.handoverId}>
                      <td>
                        <a href={`#/employees/${c.employeeId}`}>{employees.get(c.employeeId)?.name ?? '—'}</a>
                        {c.missing && <span className="tag tag-warn">{t('asset.detail.missingCount', { count: c.missing.length })}</span>}
                      </td>
                      <td>{fmt(c.from)}</td>
                      <td>{c.to ? fmt(c.to) : t('asset.detail.now')}</td>
                      <td>
                        {t(`asset.condition.${c.conditionOut}`)}
                        {c.conditionIn && ` → ${t(`asset.condition.${c.conditionIn}`)}`}
                      </td>
                      <td className="small">
                        <a href={`#/print/assets/doc/${c.handoverId}`}>{c.handoverDocNo}</a>
                        {c.source === 'import' && <span className="tag">{t('asset.detail.fromImport')}</span>}
                        {c.returnId && (
                          <>
                            <br />
                            <a href={`#/print/assets/doc/${c.returnId}`}>{c.returnDocNo}</a>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card">
            <h2>{t('asset.maintenance.history')}</h2>
            {asset.maintenance.length === 0 ? (
              <Empty>{t('asset.maintenance.none')}</Empty>
            ) : (
              <table className="table" data-testid="maintenance-history">
                <thead>
                  <tr>
                    <th>{t('asset.maintenance.at')}</th>
                    <th>{t('asset.maintenance.by')}</th>
                    <th>{t('asset.maintenance.checklist')}</th>
                    <th>{t('asset.maintenance.notes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...asset.maintenance].reverse().map((m) => (
                    <tr key={m.id}>
                      <td>{fmt(m.at)}</td>
                      <td>{users.get(m.by) ?? '—'}</td>
                      <td className="small">
                        {(['antivirus', 'osPatched', 'passwordSet', 'removableMedia'] as const).map((c) => (
                          <div key={c}>
                            {m.checklist[c] ? '✔' : '✘'} {t(`asset.maintenance.checks.${c}`)}
                          </div>
                        ))}
                      </td>
                      <td>{m.notes || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {asset.wipes.length > 0 && (
            <section className="card">
              <h2>{t('asset.wipe.history')}</h2>
              <table className="table" data-testid="wipe-history">
                <thead>
                  <tr>
                    <th>{t('asset.maintenance.at')}</th>
                    <th>{t('asset.wipe.method')}</th>
                    <th>{t('asset.wipe.tool')}</th>
                    <th>{t('asset.wipe.operator')}</th>
                    <th>{t('asset.wipe.verifier')}</th>
                  </tr>
                </thead>
                <tbody>
                  {asset.wipes.map((w) => (
                    <tr key={w.at}>
                      <td>{fmt(w.at)}</td>
                      <td>{t(`asset.wipe.methods.${w.method}`)}</td>
                      <td>{w.tool}</td>
                      <td>{users.get(w.operatorId) ?? '—'}</td>
                      <td>{users.get(w.verifierId) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </div>
        <div>
          {canManage && asset.status === 'awaiting_wipe' && <WipeForm asset={asset} />}
          {canManage && ['assigned', 'in_stock', 'maintenance'].includes(asset.status) && <MaintenanceForm asset={asset} />}
          {canManage && ['in_stock', 'maintenance'].includes(asset.status) && <StatusForm asset={asset} />}
          <AuditTrail kind="asset" id={asset.id} title={t('asset.detail.audit')} />
        </div>
      </div>
    </div>
  );
}
