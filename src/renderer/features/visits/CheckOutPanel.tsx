/**
 * Check-out with device reconciliation: each serial scanned (or typed, then Enter) is matched
 * against the devices brought in, and the scan field keeps the focus for the next one; a device
 * staying in the room needs a reason; a serial that never came in is flagged. The badge comes
 * back in exchange for the held ID. Every missing piece is shown at its field, all at once.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Failure } from '@shared/result';
import type { VisitState } from '@shared/domain/visit/state';
import { normaliseSerial } from '@shared/validators/serial';
import { useCommand } from '@renderer/app/hooks';
import { Field, FailureBanner } from '@renderer/components/ui';
import { FormActions } from '@renderer/components/kit/FormActions';
import { messageAt } from '@renderer/components/kit/form-errors';
import { checkOutForm, checkOutInput, deviceRows, type CheckOutValues } from './check-out-form';

interface Problem {
  key: string;
  params?: Record<string, string | number>;
}

/** The refusals' fields this panel shows at a field (others stay in the banner). */
const shownAtField = (field?: string) => !!field && (['outcome', 'badgeReturned', 'idReturned'].includes(field) || field.startsWith('leftInside.'));

function FieldError({ id, problem }: { id: string; problem?: Problem }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <div className="field-error" role="alert" id={id}>
      {t(problem.key, problem.params ?? {})}
    </div>
  );
}

/** A field's problem: the form's own (its key, with `params`), else the command's refusal naming the field, with its values. */
const problemAt = (own: string | undefined, failure: Failure | null, field: string, params?: Record<string, string>): Problem | undefined => {
  const m = messageAt(own, failure, field);
  return m.error ? { key: m.error, params: own ? params : m.errorParams } : undefined;
};

export function CheckOutPanel({ visit }: { visit: VisitState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [scan, setScan] = useState('');
  const { register, control, handleSubmit, setValue, getValues, trigger, formState } = useForm<CheckOutValues, unknown, z.output<typeof checkOutForm>>({
    resolver: zodResolver(checkOutForm),
    defaultValues: { outcome: '', scanned: [], devices: deviceRows(visit.devices), badgeReturned: false, idReturned: false },
  });
  const rows = useFieldArray({ control, name: 'devices', keyName: 'key' });
  // A device added to the visit meanwhile gets its row; what was set for the others stays.
  const deviceIds = visit.devices.map((d) => d.id).join(' ');
  useEffect(() => {
    const before = getValues('devices');
    if (before.map((r) => r.deviceId).join(' ') !== deviceIds) rows.replace(deviceRows(visit.devices, before));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the rows follow the visit's device ids only
  }, [deviceIds]);
  /** After the first try every problem follows what the officer fixes, not only the field changed. */
  const tried = formState.isSubmitted;
  const recheck = () => {
    if (tried) void trigger();
  };
  const scanned = useWatch({ control, name: 'scanned' });
  const devices = useWatch({ control, name: 'devices' });
  const known = new Set(visit.devices.map((d) => d.serial));
  const unknown = scanned.filter((s) => !known.has(s));
  const e = formState.errors;
  const problems: Record<string, Problem | undefined> = {
    outcome: problemAt(e.outcome?.message, failure, 'outcome'),
    badgeReturned: problemAt(e.badgeReturned?.message, failure, 'badgeReturned'),
    idReturned: problemAt(e.idReturned?.message, failure, 'idReturned'),
  };
  rows.fields.forEach((r, i) => {
    const params = { serial: r.serial };
    problems[`device.${r.deviceId}`] = problemAt(e.devices?.[i]?.left?.message, null, '', params);
    problems[`leftInside.${r.deviceId}`] = problemAt(e.devices?.[i]?.reason?.message, failure, `leftInside.${r.deviceId}`, params);
  });
  const err = (key: string) => (problems[key] ? `checkout-${key.replace('.', '-')}-error` : undefined);

  const addScan = (raw: string) => {
    const s = normaliseSerial(raw);
    const before = getValues('scanned');
    if (s && !before.includes(s)) {
      setValue('scanned', [...before, s]);
      recheck();
    }
    setScan('');
  };

  const submit = handleSubmit((v) => run({ type: 'visit.checkOut', input: checkOutInput(visit.id, v) }));

  const count = Object.values(problems).filter(Boolean).length;
  return (
    <section className="card action-card" aria-labelledby="checkout-title">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2 id="checkout-title">{t('visit.checkout.title')}</h2>
        {count > 0 && (
          <div className="banner banner-error" role="alert" data-testid="checkout-problems">
            {t('desk.checkout.problems', { count })}
          </div>
        )}
        {rows.fields.length > 0 && (
          <>
            <div className="scan-row">
              <Field label={t('visit.checkout.scanLabel')} htmlFor="checkout-scan">
                <input
                  id="checkout-scan"
                  className="mono"
                  value={scan}
                  onChange={(ev) => setScan(ev.target.value)}
                  onKeyDown={(ev) => {
                    if (ev.key === 'Enter') {
                      ev.preventDefault();
                      addScan(ev.currentTarget.value);
                    }
                  }}
                  placeholder={t('visit.register.scanPlaceholder')}
                  autoComplete="off"
                />
              </Field>
              <button type="button" className="btn" onClick={() => addScan(scan)}>
                {t('visit.checkout.confirmSerial')}
              </button>
            </div>
            <ul className="reconcile">
              {rows.fields.map((r, i) => {
                const d = visit.devices.find((x) => x.id === r.deviceId);
                const matched = scanned.includes(r.serial);
                const isLeft = !!devices[i]?.left;
                const deviceProblem = problems[`device.${r.deviceId}`];
                const reasonProblem = problems[`leftInside.${r.deviceId}`];
                return (
                  <li key={r.key} className={`${matched ? 'ok' : isLeft ? 'left' : 'pending'}${deviceProblem ? ' has-error' : ''}`} data-testid={`reconcile-${r.serial}`}>
                    <div className="reconcile-head">
                      <span className="mono">{r.serial}</span> <span className="muted">{d?.brandModel}</span>
                      <span className="reconcile-state">{matched ? t('visit.checkout.matched') : isLeft ? t('visit.checkout.leftInside') : t('visit.checkout.pending')}</span>
                    </div>
                    {!matched && (
                      <label className="check">
                        <input type="checkbox" aria-describedby={err(`device.${r.deviceId}`)} {...register(`devices.${i}.left`, { onChange: recheck })} />
                        {t('visit.checkout.declareLeft', { serial: r.serial })}
                      </label>
                    )}
                    {isLeft && !matched && (
                      <div className={reasonProblem ? 'has-error' : undefined}>
                        <input
                          aria-label={t('visit.checkout.leftReason', { serial: r.serial })}
                          placeholder={t('visit.checkout.leftReasonPlaceholder')}
                          aria-invalid={reasonProblem ? true : undefined}
                          aria-describedby={err(`leftInside.${r.deviceId}`)}
                          {...register(`devices.${i}.reason`, { onChange: recheck })}
                        />
                      </div>
                    )}
                    {!matched && <FieldError id={`checkout-device-${r.deviceId}-error`} problem={deviceProblem} />}
                    {!matched && <FieldError id={`checkout-leftInside-${r.deviceId}-error`} problem={reasonProblem} />}
                  </li>
                );
              })}
            </ul>
            {unknown.length > 0 && (
              <div className="banner banner-error" role="alert" data-testid="unknown-serials">
                {t('visit.checkout.unknownWarning')}: <span className="mono">{unknown.join(', ')}</span>
              </div>
            )}
          </>
        )}
        <Field label={t('visit.fields.outcome')} htmlFor="outcome" hint={t('visit.checkout.outcomeHint')} error={problems.outcome?.key} errorParams={problems.outcome?.params}>
          <textarea id="outcome" rows={2} {...register('outcome', { onChange: recheck })} />
        </Field>
        <div className={problems.badgeReturned ? 'has-error' : undefined}>
          <label className="check">
            <input type="checkbox" aria-invalid={problems.badgeReturned ? true : undefined} aria-describedby={err('badgeReturned')} {...register('badgeReturned', { onChange: recheck })} />
            {t('visit.checkout.badgeReturned', { badge: visit.badge })}
          </label>
          <FieldError id="checkout-badgeReturned-error" problem={problems.badgeReturned} />
        </div>
        <div className={problems.idReturned ? 'has-error' : undefined}>
          <label className="check">
            <input type="checkbox" aria-invalid={problems.idReturned ? true : undefined} aria-describedby={err('idReturned')} {...register('idReturned', { onChange: recheck })} />
            {t('visit.checkout.idReturned', { idType: t(`visit.idTypes.${visit.idType}`) })}
          </label>
          <FieldError id="checkout-idReturned-error" problem={problems.idReturned} />
        </div>
        {failure && !shownAtField(failure.field) && <FailureBanner failure={failure} />}
        <FormActions submitLabel={t('visit.checkout.submit')} busy={busy} />
      </form>
    </section>
  );
}
