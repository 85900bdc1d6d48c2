/** The inventory: search by tag or serial (scanner-ready), filter by status, category and location; export; labels. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ASSET_CATEGORIES, ASSET_STATUSES, assetName } from '@shared/domain/asset/state';
import type { AssetState } from '@shared/domain/asset/state';
import { db } from '@renderer/store';
import { assetByCode, inventoryPage, statusCounts, type InventoryFilter } from '@renderer/store/queries/assets';
import { navigate } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { platform } from '@renderer/platform';
import { Field } from '@renderer/components/ui';
import { RecordList } from '@renderer/components/kit/RecordList';
import { AssetStatusBadge, useEmployeeNames } from './parts';
import { inventoryCsv, inventoryXlsx } from './spreadsheet';
import { can } from '@shared/domain/can';
import { fileStamp } from '@shared/office-time';
import { useOrg } from '@renderer/app/hooks';
import { FormActions } from '@renderer/components/kit/FormActions';

/** The filter bar: nothing to refuse (every choice is a list's), typed as the query takes it. */
const inventoryFilterForm = z.object({
  q: z.string(),
  status: z.enum(ASSET_STATUSES).or(z.literal('')),
  category: z.enum(ASSET_CATEGORIES).or(z.literal('')),
  location: z.string(),
});
type InventoryFilterIn = z.input<typeof inventoryFilterForm>;
type InventoryFilterOut = z.output<typeof inventoryFilterForm>;

export function InventoryScreen() {
  const { t } = useTranslation();
  const org = useOrg();
  const user = useSessionStore((s) => s.user);
  const canManage = can(user, 'asset.create');
  const [filter, setFilter] = useState<InventoryFilter>({});
  const [page, setPage] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const result = useLiveQuery(() => inventoryPage(db, filter, page), [filter, page]);
  const counts = useLiveQuery(() => statusCounts(db), []);
  const holders = useEmployeeNames((result?.rows ?? []).map((a) => a.holderId ?? '').filter(Boolean));
  const set = (patch: Partial<InventoryFilter>) => {
    setPage(0);
    setFilter((f) => ({ ...f, ...patch }));
  };
  const { register, handleSubmit, setValue } = useForm<InventoryFilterIn, unknown, InventoryFilterOut>({
    resolver: zodResolver(inventoryFilterForm),
    defaultValues: { q: '', status: '', category: '', location: '' },
  });
  // Status and category apply when chosen, the location when left (or on Enter), the search on "Cari".
  const apply = (key: 'status' | 'category' | 'location') => handleSubmit((v) => set({ [key]: v[key] }));
  // A scanner types the whole serial and Enter: an exact match opens the asset.
  const find = handleSubmit(async ({ q }) => {
    const exact = q.trim() ? await assetByCode(db, q) : undefined;
    if (exact) navigate(`/assets/${exact.id}`);
    else set({ q });
  });

  const exportAll = async (kind: 'csv' | 'xlsx') => {
    // Everything matching the filters, not just the page.
    const rows: AssetState[] = [];
    for (let p = 0; ; p++) {
      const r = await inventoryPage(db, filter, p, 2000);
      rows.push(...r.rows);
      if (!r.hasMore) break;
    }
    const names = new Map((await db.employees.bulkGet([...new Set(rows.map((a) => a.holderId).filter((x): x is string => !!x))])).filter((e) => !!e).map((e) => [e!.id, e!.name]));
    const holder = (a: AssetState) => (a.holderId ? (names.get(a.holderId) ?? '') : (a.importedHolder ?? ''));
    const stamp = fileStamp(new Date().toISOString(), org?.timeZone ?? 'WIB');
    const r =
      kind === 'csv'
        ? await platform.saveFile({ fileName: `inventaris-aset-${stamp}.csv`, mimeType: 'text/csv', data: inventoryCsv(rows, holder) })
        : await platform.saveFile({ fileName: `inventaris-aset-${stamp}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: await inventoryXlsx(rows, holder), encoding: 'base64' });
    setMessage(r.ok ? (r.data ? t('asset.inventory.exported', { count: rows.length }) : null) : t(r.error.message));
  };

  return (
    <div>
      <RecordList
        title={t('asset.inventory.title')}
        subtitle={t('asset.inventory.subtitle')}
        actions={
          <>
            {canManage && (
              <button type="button" className="btn btn-primary" onClick={() => navigate('/assets/new')}>
                {t('asset.inventory.new')}
              </button>
            )}
            {canManage && (
              <button type="button" className="btn" onClick={() => navigate('/assets/import')}>
                {t('asset.inventory.import')}
              </button>
            )}
            <button type="button" className="btn" onClick={() => void exportAll('csv')}>
              {t('asset.inventory.exportCsv')}
            </button>
            <button type="button" className="btn" onClick={() => void exportAll('xlsx')}>
              {t('asset.inventory.exportXlsx')}
            </button>
            <button type="button" className="btn" disabled={!result?.rows.length} onClick={() => navigate(`/print/assets/labels?ids=${(result?.rows ?? []).map((a) => a.id).join(',')}`)}>
              {t('asset.inventory.labels')}
            </button>
          </>
        }
        above={
          <>
            {message && (
              <div className="banner banner-info" role="status">
                {message}
              </div>
            )}
            <div className="asset-summary" aria-label={t('asset.inventory.byStatus')}>
              {ASSET_STATUSES.map((s) => (
                <button key={s} type="button" aria-pressed={filter.status === s} onClick={() => {
                    const status = filter.status === s ? '' : s;
                    setValue('status', status);
                    set({ status });
                  }}>
                  {t(`asset.status.${s}`)}: <strong>{counts?.[s] ?? '…'}</strong>
                </button>
              ))}
            </div>
            <form className="card asset-filters" role="search" aria-label={t('asset.inventory.filters')} noValidate onSubmit={(e) => void find(e)}>
              <Field label={t('asset.inventory.search')} htmlFor="asset-q">
                <input id="asset-q" className="mono" {...register('q')} placeholder={t('asset.inventory.searchPlaceholder')} autoComplete="off" autoFocus />
              </Field>
              <Field label={t('asset.fields.status')} htmlFor="f-status">
                <select id="f-status" {...register('status', { onChange: () => void apply('status')() })}>
                  <option value="">{t('asset.inventory.all')}</option>
                  {ASSET_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`asset.status.${s}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('asset.fields.category')} htmlFor="f-category">
                <select id="f-category" {...register('category', { onChange: () => void apply('category')() })}>
                  <option value="">{t('asset.inventory.all')}</option>
                  {ASSET_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`asset.category.${c}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('asset.fields.location')} htmlFor="f-location">
                <input id="f-location" {...register('location', { onBlur: () => void apply('location')() })} onKeyDown={(e) => e.key === 'Enter' && void apply('location')()} />
              </Field>
              <FormActions submitLabel={t('asset.inventory.find')} />
            </form>
          </>
        }
        testId="inventory"
        rows={result?.rows}
        rowKey={(a) => a.id}
        rowHref={(a) => `/assets/${a.id}`}
        empty={t('asset.inventory.none')}
        pager={{ page, hasMore: !!result?.hasMore, setPage }}
        columns={[
          { key: 'tag', header: t('asset.fields.tag'), className: 'mono', link: true, cell: (a) => a.tag },
          { key: 'serial', header: t('asset.fields.serial'), className: 'mono', cell: (a) => a.serial },
          { key: 'category', header: t('asset.fields.category'), cell: (a) => t(`asset.category.${a.category}`) },
          { key: 'name', header: t('asset.fields.brandModel'), cell: (a) => assetName(a) },
          { key: 'location', header: t('asset.fields.location'), cell: (a) => a.location },
          {
            key: 'holder',
            header: t('asset.fields.holder'),
            cell: (a) => (a.holderId ? (holders.get(a.holderId)?.name ?? '—') : a.importedHolder ? <span className="muted">{a.importedHolder}*</span> : '—'),
          },
          { key: 'status', header: t('asset.fields.status'), cell: (a) => <AssetStatusBadge status={a.status} /> },
        ]}
      />
    </div>
  );
}
