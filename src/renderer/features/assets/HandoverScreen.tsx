/**
 * Handover (Berita Acara Serah Terima): pick the employee, scan each device or accessory serial
 * into the kit, note the email and access IT prepared, both parties sign (on screen or on
 * paper), and the assets become assigned in one commit. Then the form prints.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { notIssuable } from '@shared/domain/asset/commands';
import { assetName, CONDITIONS, type AssetState, type Condition } from '@shared/domain/asset/state';
import { emptyHandover, handoverFormSchema, type HandoverFormIn, type HandoverFormOut } from './handover-form';
import { newId } from '@shared/ids';
import { db } from '@renderer/store';
import { assetByCode } from '@renderer/store/queries/assets';
import { useCommand } from '@renderer/app/hooks';
import { SignatureSection } from '@renderer/components/kit/SignatureSection';
import { navigate, useRoute } from '@renderer/app/router';
import { Field, FailureBanner, PageHeader } from '@renderer/components/ui';
import { EmployeePicker } from '@renderer/components/EmployeePicker';
import { ScanInput } from './parts';
import { FormActions } from '@renderer/components/kit/FormActions';

export function HandoverScreen() {
  const { t } = useTranslation();
  const route = useRoute();
  const params = new URLSearchParams(route.split('?')[1] ?? '');
  const { run, failure, busy } = useCommand();
  const form = useForm<HandoverFormIn, unknown, HandoverFormOut>({ resolver: zodResolver(handoverFormSchema), defaultValues: emptyHandover(params.get('employee') ?? '') });
  const { register, control, setValue, getValues, handleSubmit, formState } = form;
  const errors = formState.errors;
  // The assets scanned into the kit, for their tags, names and accessories (the form holds ids).
  const [assets, setAssets] = useState<Record<string, AssetState>>({});
  const [scanError, setScanError] = useState<string | undefined>();
  const kit = useWatch({ control, name: 'kit' });
  const setKit = (next: HandoverFormIn['kit']) => setValue('kit', next, { shouldValidate: formState.isSubmitted });
  const addLine = (a: AssetState) => {
    setAssets((m) => ({ ...m, [a.id]: a }));
    setKit([...getValues('kit'), { assetId: a.id, condition: a.condition, accessoryIds: a.accessories.filter((x) => !x.missing).map((x) => x.id) }]);
  };
  const preset = params.get('asset');
  useLiveQuery(async () => {
    if (!preset || getValues('kit').length > 0) return null;
    const a = await db.assets.get(preset);
    if (a && !notIssuable(a)) addLine(a);
    return null;
  }, [preset]);

  const add = async (code: string) => {
    const a = await assetByCode(db, code);
    if (!a) return setScanError(t('asset.errors.unknownCode', { code }));
    if (getValues('kit').some((l) => l.assetId === a.id)) return setScanError(t('handover.errors.duplicateItem'));
    const refusal = notIssuable(a);
    if (refusal) return setScanError(t(refusal.message, { ...refusal.params, status: t(`asset.status.${a.status}`) }));
    setScanError(undefined);
    addLine(a);
  };

  const submit = handleSubmit(async (v) => {
    const id = newId();
    const { kit: lines, signatures, signedOnPaper, ...text } = v;
    const ok = await run({
      type: 'handover.issue',
      input: { id, items: lines.map((l) => ({ assetId: l.assetId, condition: l.condition, accessoryIds: l.accessoryIds })), ...text, signatures: signedOnPaper ? {} : signatures, signedOnPaper },
    });
    if (ok) navigate(`/print/assets/doc/${id}`);
  });
  // The form's own check first (every problem at once), then the command's refusal at its field.
  const refusedAt = (f: string) => (failure?.field === f || failure?.field?.startsWith(`${f}.`) ? failure.message : undefined);
  const itemsError = errors.kit?.message ?? errors.kit?.root?.message ?? refusedAt('items');

  return (
    <FormProvider {...form}>
    <form
      noValidate
      aria-labelledby="handover-title"
      onSubmit={(e) => void submit(e)}
    >
      <PageHeader id="handover-title" title={t('handover.form.title')} subtitle={t('handover.form.subtitle')} />
      <FailureBanner failure={failure} />
      <section className="card">
        <div className="grid-3">
          <Controller
            control={control}
            name="employeeId"
            render={({ field }) => <EmployeePicker id="h-employee" label={t('handover.fields.employee')} value={field.value} onChange={field.onChange} error={errors.employeeId?.message ?? refusedAt('employeeId')} />}
          />
          <Field label={t('handover.fields.emailPrepared')} htmlFor="h-email" hint={t('handover.form.emailHint')} error={errors.emailPrepared?.message}>
            <input id="h-email" {...register('emailPrepared')} />
          </Field>
          <Field label={t('handover.fields.accessPrepared')} htmlFor="h-access" hint={t('handover.form.accessHint')} error={errors.accessPrepared?.message}>
            <input id="h-access" {...register('accessPrepared')} />
          </Field>
        </div>
      </section>
      <section className="card">
        <h2>{t('handover.form.kit')}</h2>
        <div className="scan-row">
          <ScanInput id="h-scan" label={t('handover.form.scan')} onScan={(c) => void add(c)} error={scanError} autoFocus />
        </div>
        {itemsError && (
          <div className="field-error" role="alert">
            {t(itemsError, failure?.params ?? {})}
          </div>
        )}
        {kit.length > 0 && (
          <table className="table kit-table" data-testid="kit">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('asset.fields.tag')}</th>
                <th>{t('asset.fields.serial')}</th>
                <th>{t('asset.fields.brandModel')}</th>
                <th>{t('asset.fields.accessories')}</th>
                <th>{t('asset.fields.condition')}</th>
                <th aria-label={t('common.actions')} />
              </tr>
            </thead>
            <tbody>
              {kit.map((line) => ({ ...line, asset: assets[line.assetId]! })).map((l, i) => (
                <tr key={l.asset.id}>
                  <td>{i + 1}</td>
                  <td className="mono">{l.asset.tag}</td>
                  <td className="mono">{l.asset.serial}</td>
                  <td>
                    {assetName(l.asset)}
                  </td>
                  <td>
                    {l.asset.accessories
                      .filter((x) => !x.missing)
                      .map((x) => (
                        <label key={x.id} className="small" style={{ display: 'block', fontWeight: 'normal' }}>
                          <input
                            type="checkbox"
                            checked={l.accessoryIds.includes(x.id)}
                            onChange={(e) =>
                              setKit(kit.map((k, j) => (j === i ? { ...k, accessoryIds: e.target.checked ? [...k.accessoryIds, x.id] : k.accessoryIds.filter((id) => id !== x.id) } : k)))
                            }
                          />{' '}
                          {t(`asset.accessory.${x.kind}`)} <span className="mono">{x.serial}</span>
                        </label>
                      ))}
                  </td>
                  <td>
                    <select aria-label={`${t('asset.fields.condition')} ${i + 1}`} value={l.condition} onChange={(e) => setKit(kit.map((k, j) => (j === i ? { ...k, condition: e.target.value as Condition } : k)))}>
                      {CONDITIONS.map((c) => (
                        <option key={c} value={c}>
                          {t(`asset.condition.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="btn btn-link" onClick={() => setKit(kit.filter((_, j) => j !== i))}>
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <SignatureSection
        idPrefix="h"
        signers={[
          { key: 'officer', label: t('handover.form.sigOfficer') },
          { key: 'employee', label: t('handover.form.sigEmployee') },
        ]}
        witnessHint={t('handover.form.witnessHint')}
        refusedAt={refusedAt}
      />
      <FormActions submitLabel={t('handover.form.submit')} busy={busy} onCancel={() => history.back()} sticky />
    </form>
    </FormProvider>
  );
}
