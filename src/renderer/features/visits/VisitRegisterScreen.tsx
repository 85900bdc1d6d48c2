/** Registration: the visitor's form, the ID held at the desk, and devices by serial number. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DEVICE_KINDS, visitRegistrationSchema } from '../../../shared/domain/visit/state';
import { ID_TYPES } from '../../../shared/validators/id-document';
import { normaliseSerial } from '../../../shared/validators/serial';
import { newId } from '../../../shared/ids';
import { useCommand } from '../../app/hooks';
import { navigate } from '../../app/router';
import { Field, FailureBanner, PageHeader } from '../../components/ui';

type FormIn = z.input<typeof visitRegistrationSchema>;
type FormOut = z.output<typeof visitRegistrationSchema>;

const DURATIONS = [30, 60, 90, 120, 180, 240, 360, 480];

const empty: FormIn = { visitorName: '', idType: 'ktp', idNumber: '', organisation: '', phone: '', purpose: '', workPlan: '', plannedMinutes: 60, devices: [] };

/** Keeps Enter inside device rows from submitting the form (scanners end with Enter). */
function stopEnter(ev: KeyboardEvent) {
  if (ev.key === 'Enter') ev.preventDefault();
}

export function VisitRegisterScreen() {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string | undefined>();
  const brandRefs = useRef<(HTMLInputElement | null)[]>([]);
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(visitRegistrationSchema), defaultValues: empty, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { register, handleSubmit, formState, control, getValues } = form;
  const devices = useFieldArray({ control, name: 'devices' });
  const e = formState.errors;
  const idType = useWatch({ control, name: 'idType' });

  const addScanned = () => {
    const serial = normaliseSerial(scan);
    if (!serial) return;
    if (getValues('devices').some((d) => normaliseSerial(d.serial) === serial)) return setScanError('visit.errors.serialDuplicate');
    setScanError(undefined);
    devices.append({ kind: 'laptop', brandModel: '', serial }, { shouldFocus: false });
    setScan('');
    const index = getValues('devices').length - 1;
    window.setTimeout(() => brandRefs.current[index]?.focus(), 0);
  };

  const onSubmit = handleSubmit(async (v) => {
    const id = newId();
    if (await run({ type: 'visit.register', input: { ...v, id } })) navigate(`/visits/${id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="register-title">
      <PageHeader id="register-title" title={t('visit.register.title')} subtitle={t('visit.register.subtitle')} />
      <FailureBanner failure={failure} />
      {Object.keys(e).length > 0 && (
        <div className="banner banner-error" role="alert">
          {t('common.fixErrors')}
        </div>
      )}
      <section className="card">
        <h2>{t('visit.register.visitorSection')}</h2>
        <div className="grid-3">
          <Field label={t('visit.fields.visitorName')} htmlFor="visitorName" error={e.visitorName?.message} wide>
            <input id="visitorName" {...register('visitorName')} autoFocus autoComplete="off" />
          </Field>
          <Field label={t('visit.fields.organisation')} htmlFor="organisation" error={e.organisation?.message}>
            <input id="organisation" {...register('organisation')} autoComplete="off" />
          </Field>
          <Field label={t('visit.fields.idType')} htmlFor="idType" error={e.idType?.message}>
            <select id="idType" {...register('idType')}>
              {ID_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`visit.idTypes.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('visit.fields.idNumber')} htmlFor="idNumber" error={e.idNumber?.message} hint={t(`visit.idHints.${idType}`)}>
            <input id="idNumber" {...register('idNumber')} autoComplete="off" inputMode={idType === 'ktp' || idType === 'sim' ? 'numeric' : 'text'} />
          </Field>
          <Field label={t('visit.fields.phone')} htmlFor="phone" error={e.phone?.message}>
            <input id="phone" {...register('phone')} type="tel" autoComplete="off" placeholder="08…" />
          </Field>
        </div>
        <p className="hint">{t('visit.register.idHeldNote')}</p>
      </section>
      <section className="card">
        <h2>{t('visit.register.workSection')}</h2>
        <div className="grid-3">
          <Field label={t('visit.fields.purpose')} htmlFor="purpose" error={e.purpose?.message} wide>
            <input id="purpose" {...register('purpose')} placeholder={t('visit.register.purposePlaceholder')} />
          </Field>
          <Field label={t('visit.fields.plannedMinutes')} htmlFor="plannedMinutes" error={e.plannedMinutes?.message}>
            <select id="plannedMinutes" {...register('plannedMinutes', { setValueAs: (v) => Number(v) })}>
              {DURATIONS.map((m) => (
                <option key={m} value={m}>
                  {t('common.durationMinutes', { count: m, hours: Math.floor(m / 60), minutes: m % 60 })}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('visit.fields.workPlan')} htmlFor="workPlan" error={e.workPlan?.message} wide>
            <textarea id="workPlan" rows={3} {...register('workPlan')} />
          </Field>
        </div>
      </section>
      <section className="card">
        <h2>{t('visit.register.devicesSection')}</h2>
        <p className="hint">{t('visit.register.devicesHint')}</p>
        <div className="scan-row">
          <Field label={t('visit.register.scanLabel')} htmlFor="scan" error={scanError}>
            <input
              id="scan"
              value={scan}
              onChange={(ev) => setScan(ev.target.value)}
              onKeyDown={(ev) => {
                if (ev.key === 'Enter') {
                  ev.preventDefault();
                  addScanned();
                }
              }}
              placeholder={t('visit.register.scanPlaceholder')}
              autoComplete="off"
            />
          </Field>
          <button type="button" className="btn" onClick={addScanned}>
            {t('visit.register.addDevice')}
          </button>
        </div>
        {devices.fields.length > 0 && (
          <table className="table devices-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('visit.fields.deviceKind')}</th>
                <th>{t('visit.fields.brandModel')}</th>
                <th>{t('visit.fields.serial')}</th>
                <th aria-label={t('common.actions')} />
              </tr>
            </thead>
            <tbody>
              {devices.fields.map((f, i) => {
                const de = e.devices?.[i];
                const brand = register(`devices.${i}.brandModel`);
                return (
                  <tr key={f.id}>
                    <td>{i + 1}</td>
                    <td>
                      <select aria-label={t('visit.fields.deviceKind')} {...register(`devices.${i}.kind`)}>
                        {DEVICE_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {t(`visit.deviceKinds.${k}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`${t('visit.fields.brandModel')} ${i + 1}`}
                        {...brand}
                        ref={(el) => {
                          brand.ref(el);
                          brandRefs.current[i] = el;
                        }}
                        onKeyDown={stopEnter}
                      />
                      {de?.brandModel?.message && <div className="field-error" role="alert">{t(de.brandModel.message)}</div>}
                    </td>
                    <td>
                      <input aria-label={`${t('visit.fields.serial')} ${i + 1}`} {...register(`devices.${i}.serial`)} onKeyDown={stopEnter} className="mono" />
                      {de?.serial?.message && <div className="field-error" role="alert">{t(de.serial.message)}</div>}
                    </td>
                    <td>
                      <button type="button" className="btn btn-link" onClick={() => devices.remove(i)}>
                        {t('common.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <div className="form-actions sticky-actions">
        <button type="button" className="btn" onClick={() => navigate('/')}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || formState.isSubmitting}>
          {t('visit.register.submit')}
        </button>
      </div>
    </form>
  );
}
