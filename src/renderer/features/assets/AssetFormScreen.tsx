/**
 * New asset and edit: inventory fields and accessories with their own serials (scanner-ready),
 * and the purchase fields an import keeps (name, model number, cost in rupiah, supplier,
 * company, warranty in whole months), so a typed asset carries what an imported one does.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ACCESSORY_KINDS, accessoryInputSchema, addMonths, ASSET_CATEGORIES, assetFieldsSchema, CONDITIONS, type AssetState } from '@shared/domain/asset/state';
import { costOf } from '@shared/domain/asset/import';
import { newId } from '@shared/ids';
import { normaliseSerial } from '@shared/validators/serial';
import { db } from '@renderer/store';
import { useCommand } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { Empty, Field, FailureBanner, PageHeader } from '@renderer/components/ui';
import { ScanInput } from './parts';
import { DateTextField } from '@renderer/components/DateInputs';
import { FormActions } from '@renderer/components/kit/FormActions';

/** The cost as typed: rupiah with or without "Rp" and thousands dots ("Rp 14.250.000", "14250000"); empty for none. */
const costText = z
  .string()
  .trim()
  .refine((s) => !/^-/.test(s.replace(/^(rp\.?)\s*/i, '')), 'asset.errors.costNegative')
  .refine((s) => /^-/.test(s.replace(/^(rp\.?)\s*/i, '')) || costOf(s) !== null, 'asset.errors.cost')
  .transform((s) => costOf(s) ?? undefined)
  .pipe(assetFieldsSchema.shape.purchaseCost);
/** Whole months, 0–240; empty for none. */
const monthsText = z
  .string()
  .trim()
  .refine((s) => s === '' || /^\d{1,3}$/.test(s), 'asset.errors.warrantyMonths')
  .transform((s) => (s === '' ? undefined : Number(s)))
  .pipe(assetFieldsSchema.shape.warrantyMonths);

const formSchema = assetFieldsSchema.extend({
  accessories: z.array(accessoryInputSchema).max(20, 'asset.errors.tooManyAccessories'),
  purchaseCost: costText,
  warrantyMonths: monthsText,
});
type FormIn = z.input<typeof formSchema>;
type FormOut = z.output<typeof formSchema>;

const empty: FormIn = {
  tag: '', serial: '', category: 'laptop', brand: '', model: '', purchaseDate: '', warrantyEnd: '', condition: 'good', location: '', notes: '', accessories: [],
  name: '', modelNumber: '', purchaseCost: '', supplier: '', company: '', warrantyMonths: '',
};

/** A stored cost as the field shows it: rupiah with thousands dots ("14.250.000"), which the field reads back the same. */
const costInput = (n: number | undefined): string => (n === undefined ? '' : new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(n));

const fromState = (a: AssetState): FormIn => ({
  tag: a.tag, serial: a.serial, category: a.category, brand: a.brand, model: a.model, purchaseDate: a.purchaseDate ?? '', warrantyEnd: a.warrantyEnd ?? '',
  condition: a.condition, location: a.location, notes: a.notes, accessories: a.accessories.map(({ id, kind, serial, description }) => ({ id, kind, serial, description })),
  name: a.name ?? '', modelNumber: a.modelNumber ?? '', purchaseCost: costInput(a.purchaseCost), supplier: a.supplier ?? '', company: a.company ?? '',
  warrantyMonths: a.warrantyMonths === undefined ? '' : String(a.warrantyMonths),
});

/** Optional text fields left empty on a new asset are not recorded at all. */
const OPTIONAL_TEXT = ['name', 'modelNumber', 'supplier', 'company'] as const;

export function AssetFormScreen({ id }: { id?: string }) {
  const existing = useLiveQuery(async () => (id ? ((await db.assets.get(id)) ?? null) : null), [id]);
  if (id && existing === undefined) return null;
  if (id && !existing) return <Empty>…</Empty>;
  return <AssetForm existing={existing ?? undefined} />;
}

function AssetForm({ existing }: { existing?: AssetState }) {
  const { t } = useTranslation();
  const { run, failure, setFailure, busy } = useCommand();
  const [scanError, setScanError] = useState<string | undefined>();
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(formSchema), defaultValues: existing ? fromState(existing) : empty });
  const { register, handleSubmit, formState, control, setError, getValues, setValue } = form;
  const accessories = useFieldArray({ control, name: 'accessories' });
  const e = formState.errors;
  useEffect(() => setFailure(null), [setFailure]);

  const onSubmit = handleSubmit(async (typed) => {
    const assetId = existing?.id ?? newId();
    const v = { ...typed };
    if (!existing) for (const k of OPTIONAL_TEXT) if (!v[k]) delete v[k];
    // As an import does: a warranty in months from a purchase date gives its end when none is typed.
    if (!v.warrantyEnd && v.purchaseDate && v.warrantyMonths) v.warrantyEnd = addMonths(`${v.purchaseDate}T00:00:00.000Z`, v.warrantyMonths).slice(0, 10);
    const ok = existing
      ? await run({ type: 'asset.update', input: { ...v, id: assetId } })
      : await run({ type: 'asset.create', input: { ...v, id: assetId, accessories: v.accessories } });
    if (ok) navigate(`/assets/${assetId}`);
  });
  // A refusal that names a field shows on that field too.
  useEffect(() => {
    if (failure?.field && ['tag', 'serial', 'accessories', 'warrantyEnd', 'purchaseCost', 'warrantyMonths'].includes(failure.field)) setError(failure.field as 'tag', { message: t(failure.message, failure.params ?? {}) });
  }, [failure, setError, t]);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="asset-form-title">
      <PageHeader id="asset-form-title" title={existing ? t('asset.form.editTitle', { tag: existing.tag }) : t('asset.form.newTitle')} subtitle={t('asset.form.subtitle')} />
      {failure && <FailureBanner failure={failure} />}
      {Object.keys(e).length > 0 && (
        <div className="banner banner-error" role="alert">
          {t('common.fixErrors')}
        </div>
      )}
      <section className="card">
        <div className="grid-3">
          <Field label={t('asset.fields.serial')} htmlFor="serial" error={e.serial?.message} hint={t('asset.form.serialHint')}>
            <input id="serial" className="mono" {...register('serial', { setValueAs: (v: string) => normaliseSerial(v) })} autoFocus={!existing} autoComplete="off" onKeyDown={(ev) => ev.key === 'Enter' && ev.preventDefault()} />
          </Field>
          <Field label={t('asset.fields.tag')} htmlFor="tag" error={e.tag?.message}>
            <input id="tag" className="mono" {...register('tag')} autoComplete="off" />
          </Field>
          <Field label={t('asset.fields.category')} htmlFor="category" error={e.category?.message}>
            <select id="category" {...register('category')}>
              {ASSET_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`asset.category.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('asset.fields.brand')} htmlFor="brand" error={e.brand?.message}>
            <input id="brand" {...register('brand')} />
          </Field>
          <Field label={t('asset.fields.model')} htmlFor="model" error={e.model?.message}>
            <input id="model" {...register('model')} />
          </Field>
          <Field label={t('asset.fields.modelNumber')} htmlFor="modelNumber" error={e.modelNumber?.message} hint={t('asset.form.modelNumberHint')}>
            <input id="modelNumber" className="mono" {...register('modelNumber')} autoComplete="off" />
          </Field>
          <Field label={t('asset.fields.name')} htmlFor="assetName" error={e.name?.message} hint={t('asset.form.nameHint')}>
            <input id="assetName" {...register('name')} autoComplete="off" />
          </Field>
          <Field label={t('asset.fields.condition')} htmlFor="condition">
            <select id="condition" {...register('condition')}>
              {CONDITIONS.map((c) => (
                <option key={c} value={c}>
                  {t(`asset.condition.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('asset.fields.location')} htmlFor="location" error={e.location?.message}>
            <input id="location" {...register('location')} />
          </Field>
          <Field label={t('asset.fields.notes')} htmlFor="notes" error={e.notes?.message} wide>
            <textarea id="notes" rows={2} {...register('notes')} />
          </Field>
        </div>
      </section>
      <section className="card" aria-labelledby="asset-purchase-title">
        <h2 id="asset-purchase-title">{t('asset.form.purchaseSection')}</h2>
        <div className="grid-3">
          <Field label={t('asset.fields.purchaseDate')} htmlFor="purchaseDate" error={e.purchaseDate?.message}>
            <DateTextField kind="date" id="purchaseDate" control={control} name="purchaseDate" />
          </Field>
          <Field label={t('asset.fields.purchaseCost')} htmlFor="purchaseCost" error={e.purchaseCost?.message} hint={t('asset.form.costHint')}>
            <input id="purchaseCost" {...register('purchaseCost')} inputMode="decimal" autoComplete="off" />
          </Field>
          <Field label={t('asset.fields.supplier')} htmlFor="supplier" error={e.supplier?.message}>
            <input id="supplier" {...register('supplier')} />
          </Field>
          <Field label={t('asset.fields.company')} htmlFor="company" error={e.company?.message}>
            <input id="company" {...register('company')} />
          </Field>
          <Field label={t('asset.fields.warrantyMonths')} htmlFor="warrantyMonths" error={e.warrantyMonths?.message} hint={t('asset.form.warrantyMonthsHint')}>
            <input id="warrantyMonths" {...register('warrantyMonths')} inputMode="numeric" autoComplete="off" />
          </Field>
          <Field label={t('asset.fields.warrantyEnd')} htmlFor="warrantyEnd" error={e.warrantyEnd?.message}>
            <DateTextField kind="date" id="warrantyEnd" control={control} name="warrantyEnd" />
          </Field>
        </div>
      </section>
      <section className="card">
        <h2>{t('asset.fields.accessories')}</h2>
        <p className="hint">{t('asset.form.accessoriesHint')}</p>
        <div className="scan-row">
          <ScanInput
            id="accessory-scan"
            label={t('asset.form.scanAccessory')}
            error={scanError ? t(scanError) : undefined}
            onScan={(code) => {
              const serial = normaliseSerial(code);
              if (serial === normaliseSerial(getValues('serial')) || getValues('accessories').some((a) => normaliseSerial(a.serial) === serial)) return setScanError('asset.errors.serialDuplicate');
              setScanError(undefined);
              accessories.append({ kind: 'charger', serial, description: '' });
            }}
          />
          <button type="button" className="btn" onClick={() => accessories.append({ kind: 'charger', serial: '', description: '' })}>
            {t('asset.form.addAccessory')}
          </button>
        </div>
        {accessories.fields.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('asset.fields.accessoryKind')}</th>
                <th>{t('asset.fields.serial')}</th>
                <th>{t('asset.fields.description')}</th>
                <th aria-label={t('common.actions')} />
              </tr>
            </thead>
            <tbody>
              {accessories.fields.map((f, i) => (
                <tr key={f.id}>
                  <td>{i + 1}</td>
                  <td>
                    <select aria-label={`${t('asset.fields.accessoryKind')} ${i + 1}`} {...register(`accessories.${i}.kind`)}>
                      {ACCESSORY_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`asset.accessory.${k}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label={`${t('asset.fields.serial')} ${i + 1}`} className="mono" {...register(`accessories.${i}.serial`)} onKeyDown={(ev) => ev.key === 'Enter' && ev.preventDefault()} />
                    {e.accessories?.[i]?.serial?.message && <div className="field-error" role="alert">{t(e.accessories[i]!.serial!.message!)}</div>}
                  </td>
                  <td>
                    <input aria-label={`${t('asset.fields.description')} ${i + 1}`} {...register(`accessories.${i}.description`)} onKeyDown={(ev) => ev.key === 'Enter' && ev.preventDefault()} />
                  </td>
                  <td>
                    <button type="button" className="btn btn-link" onClick={() => accessories.remove(i)}>
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {e.accessories?.message && <div className="field-error" role="alert">{t(e.accessories.message)}</div>}
      </section>
      <FormActions submitLabel={existing ? t('common.save') : t('asset.form.create')} busy={busy || formState.isSubmitting} onCancel={() => history.back()} onSubmitClick={() => setValue('serial', normaliseSerial(getValues('serial')))} sticky />
    </form>
  );
}
