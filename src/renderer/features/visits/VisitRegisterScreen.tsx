/**
 * Registration: the visitor's form, the ID held at the desk, and devices by serial number.
 * Devices are scanned first: the table always ends with an empty row, and Enter in a serial
 * field moves to the next row's serial field (kind and brand are filled afterwards). A fully
 * empty row is ignored. The form keeps a draft until it is submitted or discarded.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DEVICE_KINDS, visitRegistrationSchema, type VisitState } from '@shared/domain/visit/state';
import { ID_TYPES, idNumberProblem, normaliseIdNumber, type IdType } from '@shared/validators/id-document';
import { normaliseSerial } from '@shared/validators/serial';
import { newId } from '@shared/ids';
import { useCommand } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { db } from '@renderer/store';
import { dexieLookups } from '@renderer/store/commit';
import { useFormDraft } from '@renderer/components/FormDraft';
import { Field, FailureBanner, PageHeader } from '@renderer/components/ui';
import { FormActions } from '@renderer/components/kit/FormActions';

type FormIn = z.input<typeof visitRegistrationSchema>;
type FormOut = z.output<typeof visitRegistrationSchema>;

const DURATIONS = [30, 60, 90, 120, 180, 240, 360, 480];

type DeviceIn = FormIn['devices'][number];
const emptyDevice = (): DeviceIn => ({ kind: 'laptop', brandModel: '', serial: '' });
const isEmptyDevice = (d: DeviceIn | undefined) => !d || (!d.serial?.trim() && !d.brandModel?.trim());

/** Whether the form holds anything the user typed (an untouched form keeps no draft). */
function hasContent(v: FormIn): boolean {
  const typed = [v.visitorName, v.idNumber, v.organisation, v.phone, v.purpose, v.workPlan].some((x) => !!x?.trim());
  return typed || (v.devices ?? []).some((d) => !isEmptyDevice(d));
}

const empty: FormIn = { visitorName: '', idType: 'ktp', idNumber: '', organisation: '', phone: '', purpose: '', workPlan: '', plannedMinutes: 60, devices: [emptyDevice()] };

/** Keeps Enter inside device rows from submitting the form (scanners end with Enter). */
function stopEnter(ev: KeyboardEvent) {
  if (ev.key === 'Enter') ev.preventDefault();
}

/**
 * The shared schema on the rows that hold something: fully empty rows (the scanning row, a row
 * added and left blank) are left out of the check and of the saved visit, and the errors of
 * the others are put back at their rows.
 */
const schemaResolver = zodResolver(visitRegistrationSchema) as unknown as Resolver<FormIn, unknown, FormOut>;
const resolver: Resolver<FormIn, unknown, FormOut> = async (values, context, options) => {
  const kept = values.devices.map((d, i) => [d, i] as const).filter(([d]) => !isEmptyDevice(d));
  const r = await schemaResolver({ ...values, devices: kept.map(([d]) => d) }, context, options);
  const deviceErrors = r.errors.devices as FieldErrors<FormIn>['devices'] | undefined;
  if (deviceErrors && Array.isArray(deviceErrors)) {
    const remapped: unknown[] = [];
    deviceErrors.forEach((err, j) => {
      if (err) remapped[kept[j]![1]] = err;
    });
    (r.errors as Record<string, unknown>).devices = Object.assign(remapped, { root: (deviceErrors as { root?: unknown }).root });
  }
  return r;
};

/** A refusal that names the open visit holding the same card, with a link to it. */
function IdHeldMessage({ visitId, docNo, name }: { visitId: string; docNo: string; name: string }) {
  const { t } = useTranslation();
  return (
    <>
      {t('visit.errors.idHeld', { docNo, name })}{' '}
      <a href={`#/visits/${visitId}`} data-testid="id-held-link">
        {t('desk.idHeld.open', { docNo })}
      </a>
    </>
  );
}

export function VisitRegisterScreen() {
  const { t } = useTranslation();
  const { run, failure, setFailure, busy } = useCommand();
  const serialRefs = useRef<(HTMLInputElement | null)[]>([]);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver,
    defaultValues: empty,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, formState, control, getValues, setValue, setError, clearErrors } = form;
  const devices = useFieldArray({ control, name: 'devices' });
  const e = formState.errors;
  const idType = useWatch({ control, name: 'idType' });
  const rows = useWatch({ control, name: 'devices' });
  // The open visit holding the card typed in, checked as soon as the number is complete.
  const [heldBy, setHeldBy] = useState<string | undefined>();
  const holder = useLiveQuery(() => (heldBy ? db.visits.get(heldBy) : undefined), [heldBy]) as VisitState | undefined;

  // The draft left earlier comes back with the scanning row after it; every change is kept.
  const drafts = useFormDraft(form, 'visit-register', {
    empty,
    hasContent,
    restore: (v) => ({ ...v, devices: [...(v.devices ?? []).filter((d) => !isEmptyDevice(d)), emptyDevice()] }),
  });

  // The table always ends with an empty row, so a scanner's next serial has a field waiting.
  useEffect(() => {
    const all = getValues('devices');
    if (!isEmptyDevice(all[all.length - 1])) devices.append(emptyDevice(), { shouldFocus: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows]);

  const checkHeld = async () => {
    const type = getValues('idType') as IdType;
    const raw = getValues('idNumber');
    if (!raw.trim() || idNumberProblem(type, raw)) return setHeldBy(undefined);
    setHeldBy(await dexieLookups(db).idDocumentHolder(type, normaliseIdNumber(type, raw)));
  };

  /** Enter in a serial field: the serial is kept (normalised) and the next row's serial field takes the focus. */
  const serialEnter = (i: number, ev: KeyboardEvent<HTMLInputElement>) => {
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    const serial = normaliseSerial(ev.currentTarget.value);
    if (!serial) return;
    const all = getValues('devices');
    if (all.some((d, j) => j !== i && normaliseSerial(d.serial) === serial)) {
      setError(`devices.${i}.serial`, { message: 'visit.errors.serialDuplicate' });
      return;
    }
    clearErrors(`devices.${i}.serial`);
    setValue(`devices.${i}.serial`, serial);
    // The next row exists already (the table always ends with an empty one): focus it now, so
    // the scanner's next characters land there even when they come within milliseconds.
    const next = serialRefs.current[i + 1];
    if (next) next.focus();
    else {
      devices.append(emptyDevice(), { shouldFocus: false });
      window.setTimeout(() => serialRefs.current[i + 1]?.focus(), 0);
    }
  };

  const discard = async () => {
    if (await drafts.discard()) navigate('/');
  };

  const onSubmit = handleSubmit(async (v) => {
    const id = newId();
    if (await run({ type: 'visit.register', input: { ...v, id } })) {
      drafts.clear();
      navigate(`/visits/${id}`);
    }
  });

  const idHeld = failure?.code === 'id-held' && failure.params ? (failure.params as { visitId: string; docNo: string; name: string }) : holder ? { visitId: holder.id, docNo: holder.docNo, name: holder.visitorName } : undefined;
  const idError = e.idNumber?.message ?? (idHeld ? ' ' : undefined);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="register-title">
      <PageHeader id="register-title" title={t('visit.register.title')} subtitle={t('visit.register.subtitle')} />
      {drafts.dialog}
      {drafts.banner}
      {failure?.field !== 'idNumber' && <FailureBanner failure={failure} />}
      {(Object.keys(e).length > 0 || failure?.field === 'idNumber') && (
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
            <select id="idType" {...register('idType', { onChange: () => void checkHeld() })}>
              {ID_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`visit.idTypes.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('visit.fields.idNumber')}
            htmlFor="idNumber"
            error={idError}
            errorContent={!e.idNumber?.message && idHeld ? <IdHeldMessage {...idHeld} /> : undefined}
            hint={t(`visit.idHints.${idType}`)}
          >
            <input
              id="idNumber"
              {...register('idNumber', {
                onChange: () => {
                  if (failure?.field === 'idNumber') setFailure(null);
                },
                onBlur: () => void checkHeld(),
              })}
              autoComplete="off"
              inputMode={idType === 'ktp' || idType === 'sim' ? 'numeric' : 'text'}
            />
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
        <p className="hint">{t('desk.devices.hint')}</p>
        {typeof e.devices?.message === 'string' && (
          <div className="field-error" role="alert">
            {t(e.devices.message)}
          </div>
        )}
        <table className="table devices-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('visit.fields.serial')}</th>
              <th>{t('visit.fields.deviceKind')}</th>
              <th>{t('visit.fields.brandModel')}</th>
              <th aria-label={t('common.actions')} />
            </tr>
          </thead>
          <tbody>
            {devices.fields.map((f, i) => {
              const de = e.devices?.[i];
              const serial = register(`devices.${i}.serial`);
              const last = i === devices.fields.length - 1;
              return (
                <tr key={f.id} data-testid={`device-row-${i + 1}`}>
                  <td>{i + 1}</td>
                  <td className="serial-cell">
                    <input
                      aria-label={`${t('visit.fields.serial')} ${i + 1}`}
                      {...serial}
                      ref={(el) => {
                        serial.ref(el);
                        serialRefs.current[i] = el;
                      }}
                      onKeyDown={(ev) => serialEnter(i, ev)}
                      className="mono"
                      placeholder={last ? t('visit.register.scanPlaceholder') : undefined}
                      autoComplete="off"
                      aria-invalid={de?.serial ? true : undefined}
                    />
                    {de?.serial?.message && <div className="field-error" role="alert">{t(de.serial.message)}</div>}
                  </td>
                  <td>
                    <select aria-label={`${t('visit.fields.deviceKind')} ${i + 1}`} {...register(`devices.${i}.kind`)}>
                      {DEVICE_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`visit.deviceKinds.${k}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label={`${t('visit.fields.brandModel')} ${i + 1}`} {...register(`devices.${i}.brandModel`)} onKeyDown={stopEnter} autoComplete="off" aria-invalid={de?.brandModel ? true : undefined} />
                    {de?.brandModel?.message && <div className="field-error" role="alert">{t(de.brandModel.message)}</div>}
                  </td>
                  <td>
                    {!last && (
                      <button type="button" className="btn btn-link" onClick={() => devices.remove(i)}>
                        {t('common.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <FormActions submitLabel={t('visit.register.submit')} busy={busy || formState.isSubmitting} onCancel={discard} sticky />
    </form>
  );
}
