/**
 * Return (Berita Acara Pengembalian): every line of the handover still out is checked item by
 * item — scanned back (returned), flagged missing with a note, or kept when only part of a kit
 * is replaced. Returned devices go to awaiting wipe; the form prints with both signatures.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CONDITIONS } from '@shared/domain/asset/state';
import { RETURN_REASONS, type DocItem, type HandoverState } from '@shared/domain/handover/state';
import { returnFormSchema, type ReturnFormIn, type ReturnFormOut } from './handover-form';
import { newId } from '@shared/ids';
import { normaliseSerial } from '@shared/validators/serial';
import { db } from '@renderer/store';
import { useCommand } from '@renderer/app/hooks';
import { SignatureSection } from '@renderer/components/kit/SignatureSection';
import { navigate } from '@renderer/app/router';
import { Empty, Field, FailureBanner, PageHeader } from '@renderer/components/ui';
import { ScanInput, useAccessoryText, useEmployeeNames } from './parts';
import { FormActions } from '@renderer/components/kit/FormActions';

interface Line extends DocItem {
  key: string;
}

export function ReturnScreen({ handoverId }: { handoverId: string }) {
  const { t } = useTranslation();
  const data = useLiveQuery(async () => {
    const doc = await db.handovers.get(handoverId);
    if (!doc) return null;
    const assets = await db.assets.bulkGet([...new Set(doc.items.map((i) => i.assetId))]);
    const out = new Set(assets.filter((a) => a && a.status === 'assigned' && a.handoverId === doc.id).map((a) => a!.id));
    return { doc, out };
  }, [handoverId]);
  if (data === undefined) return <Empty>{t('common.loading')}</Empty>;
  if (data === null) return <Empty>{t('common.notFound')}</Empty>;
  const lines: Line[] = data.doc.items.filter((i) => data.out.has(i.assetId)).map((i) => ({ ...i, key: `${i.assetId}/${i.accessoryId ?? ''}` }));
  if (lines.length === 0) return <Empty>{t('handover.errors.nothingOut')}</Empty>;
  // Keyed by what is still out, so a return recorded elsewhere starts the check afresh.
  return <ReturnForm key={lines.map((l) => l.key).join(',')} doc={data.doc} lines={lines} />;
}

function ReturnForm({ doc, lines }: { doc: HandoverState; lines: Line[] }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const employees = useEmployeeNames([doc.employeeId]);
  const accessoryText = useAccessoryText();
  const [scanError, setScanError] = useState<string | undefined>();
  const form = useForm<ReturnFormIn, unknown, ReturnFormOut>({
    resolver: zodResolver(returnFormSchema),
    defaultValues: {
      reason: 'resignation',
      lines: lines.map((l) => ({ key: l.key, label: l.serial || l.description, check: '', cond: l.condition, note: '' })),
      notes: '',
      witnessName: '',
      witnessTitle: '',
      signedOnPaper: false,
      signatures: {},
    },
  });
  const { register, control, setValue, handleSubmit, formState } = form;
  const errors = formState.errors;
  const values = useWatch({ control, name: 'lines' });

  const scan = (code: string) => {
    const s = normaliseSerial(code);
    const i = lines.findIndex((l) => l.serial === s || (!l.accessoryId && l.tag.toUpperCase() === code.trim().toUpperCase()));
    if (i < 0) return setScanError(t('handover.errors.notInKit', { code }));
    setScanError(undefined);
    setValue(`lines.${i}.check`, 'returned', { shouldValidate: formState.isSubmitted });
  };

  const submit = handleSubmit(async (v) => {
    const id = newId();
    const ok = await run({
      type: 'handover.return',
      input: {
        id,
        handoverId: doc.id,
        reason: v.reason,
        items: v.lines.map((l, i) => ({ assetId: lines[i]!.assetId, accessoryId: lines[i]!.accessoryId, result: l.check as Exclude<typeof l.check, ''>, condition: l.cond ?? lines[i]!.condition, note: l.note })),
        notes: v.notes,
        witnessName: v.witnessName,
        witnessTitle: v.witnessTitle,
        signatures: v.signedOnPaper ? {} : v.signatures,
        signedOnPaper: v.signedOnPaper,
      },
    });
    if (ok) navigate(`/print/assets/doc/${id}`);
  });
  const refusedAt = (f: string) => (failure?.field === f ? failure.message : undefined);
  const done = values.filter((l) => l.check).length;

  return (
    <FormProvider {...form}>
    <form noValidate aria-labelledby="return-title" onSubmit={(e) => void submit(e)}>
      <PageHeader id="return-title" title={t('handover.return.title')} subtitle={t('handover.return.subtitle', { docNo: doc.docNo, name: employees.get(doc.employeeId)?.name ?? '' })} />
      <FailureBanner failure={failure} />
      <section className="card">
        <div className="grid-3">
          <Field label={t('handover.fields.reason')} htmlFor="r-reason" error={errors.reason?.message ?? refusedAt('reason')}>
            <select id="r-reason" {...register('reason')}>
              {RETURN_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`handover.reason.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <ScanInput id="r-scan" label={t('handover.return.scan')} onScan={scan} error={scanError} autoFocus />
          <div className="field">
            <span className="hint" role="status" data-testid="return-progress">
              {t('handover.return.progress', { done, total: lines.length })}
            </span>
          </div>
        </div>
        <table className="table kit-table" data-testid="return-lines">
          <thead>
            <tr>
              <th>{t('asset.fields.tag')}</th>
              <th>{t('asset.fields.serial')}</th>
              <th>{t('handover.fields.item')}</th>
              <th>{t('handover.return.check')}</th>
              <th>{t('asset.fields.condition')}</th>
              <th>{t('handover.return.note')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const check = values[i]?.check ?? '';
              const label = l.serial || l.description;
              const unchecked = errors.lines?.[i]?.check?.message;
              return (
                <tr key={l.key} className={check === 'missing' ? 'line-missing' : check === 'kept' ? 'line-kept' : ''} data-serial={l.serial}>
                  <td className="mono">{l.accessoryId ? '' : l.tag}</td>
                  <td className="mono">{l.serial || '—'}</td>
                  <td>{l.accessoryId ? `↳ ${accessoryText(l.description)}` : l.description}</td>
                  <td>
                    <select aria-label={`${t('handover.return.check')} ${label}`} aria-invalid={!!unchecked || undefined} aria-describedby={unchecked ? `r-line-${i}-error` : undefined} {...register(`lines.${i}.check`)}>
                      <option value="">{t('handover.return.unchecked')}</option>
                      <option value="returned">{t('handover.result.returned')}</option>
                      <option value="missing">{t('handover.result.missing')}</option>
                      <option value="kept">{t('handover.result.kept')}</option>
                    </select>
                    {unchecked && (
                      <div className="field-error" role="alert" id={`r-line-${i}-error`}>
                        {t(unchecked, { serial: label })}
                      </div>
                    )}
                  </td>
                  <td>
                    <select aria-label={`${t('asset.fields.condition')} ${label}`} disabled={check === 'missing'} title={check === 'missing' ? t('handover.print.notSeen') : undefined} {...register(`lines.${i}.cond`)}>
                      {CONDITIONS.map((c) => (
                        <option key={c} value={c}>
                          {t(`asset.condition.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input type="text" aria-label={`${t('handover.return.note')} ${label}`} {...register(`lines.${i}.note`)} />
                    {errors.lines?.[i]?.note?.message && <div className="field-error">{t(errors.lines[i]!.note!.message!)}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <SignatureSection
        idPrefix="r"
        signers={[
          { key: 'officer', label: t('handover.return.sigOfficer') },
          { key: 'employee', label: t('handover.return.sigEmployee') },
        ]}
        refusedAt={refusedAt}
      />
      <FormActions submitLabel={t('handover.return.submit')} busy={busy} onCancel={() => history.back()} sticky />
    </form>
    </FormProvider>
  );
}
