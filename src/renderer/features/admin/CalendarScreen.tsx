/**
 * Admins set the office calendar that SLA clocks and incident steps count in: working hours
 * per weekday, the year's national holidays (the generated table; one can be ignored when the
 * office works anyway), cuti bersama added one by one or imported by pasting lines or a CSV
 * file, and the follow-up time of each ticket priority. Saved through org.update.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DEFAULT_CALENDAR, NATIONAL_HOLIDAY_YEARS, nationalHolidays, parseDaysOff, type CalendarSettings, type Weekday } from '@shared/calendar';
import type { OrgState } from '@shared/domain/org/state';
import { DEFAULT_SLA, PRIORITIES, slaSettingsSchema } from '@shared/domain/ticket/state';
import { formatLocalDate, formatWeekday, localDate } from '@shared/office-time';
import { useCommand, useLang, useOrg } from '@renderer/app/hooks';
import { Field, FailureBanner, PageHeader } from '@renderer/components/ui';
import '../tickets/tickets.css';
import { DateTextField } from '@renderer/components/DateInputs';
import { FormActions } from '@renderer/components/kit/FormActions';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'calendar.errors.date');

const dayForm = z
  .object({ on: z.boolean(), start: z.string(), end: z.string() })
  .superRefine((d, ctx) => {
    if (!d.on) return;
    if (!hhmm.test(d.start)) ctx.addIssue({ code: 'custom', path: ['start'], message: 'calendar.errors.time' });
    if (!hhmm.test(d.end)) ctx.addIssue({ code: 'custom', path: ['end'], message: 'calendar.errors.time' });
    else if (d.end <= d.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'calendar.errors.endBeforeStart' });
  });

const calendarForm = z
  .object({
    days: z.array(dayForm).length(7),
    extraDaysOff: z.array(z.object({ date: isoDate, name: z.string().trim().min(1, 'calendar.errors.name').max(120, 'calendar.errors.name') })).max(200, 'calendar.errors.tooMany'),
    ignoredHolidays: z.array(isoDate),
    sla: slaSettingsSchema,
  })
  .refine((v) => v.days.some((d) => d.on), { message: 'calendar.errors.noWorkingDay', path: ['days'] });
type FormIn = z.input<typeof calendarForm>;
type FormOut = z.output<typeof calendarForm>;

function toForm(org: OrgState): FormIn {
  const cal = org.calendar ?? DEFAULT_CALENDAR;
  return {
    days: WEEKDAYS.map((d) => ({ on: !!cal.hours[d], start: cal.hours[d]?.start ?? '07:30', end: cal.hours[d]?.end ?? '16:00' })),
    extraDaysOff: [...cal.extraDaysOff].sort((a, b) => a.date.localeCompare(b.date)),
    ignoredHolidays: cal.ignoredHolidays,
    sla: org.sla ?? DEFAULT_SLA,
  };
}

function toSettings(v: FormOut): CalendarSettings {
  const hours = Object.fromEntries(WEEKDAYS.map((d, i) => [d, v.days[i]!.on ? { start: v.days[i]!.start, end: v.days[i]!.end } : null])) as CalendarSettings['hours'];
  return { hours, extraDaysOff: [...v.extraDaysOff].sort((a, b) => a.date.localeCompare(b.date)), ignoredHolidays: v.ignoredHolidays };
}

/** One cuti bersama day: its date (as the date field hands it) and an optional name; the day as the list takes it. */
const dayOffForm = z
  .object({
    date: z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && parseDaysOff(d).bad.length === 0, 'calendar.errors.date'),
    name: z.string().trim().max(120, 'calendar.errors.name'),
  })
  .transform((v) => parseDaysOff(`${v.date}; ${v.name}`).days);

/** Pasted lines (or a CSV file's text): every line a day, at least one day. The unreadable lines' numbers go with the message at the field. */
const daysOffText = z
  .string()
  .superRefine((text, ctx) => {
    const { days, bad } = parseDaysOff(text);
    if (bad.length) ctx.addIssue({ code: 'custom', message: 'calendar.daysOff.badLines' });
    else if (!days.length) ctx.addIssue({ code: 'custom', message: 'calendar.daysOff.nothing' });
  })
  .transform((text) => parseDaysOff(text).days);
const pasteForm = z.object({ text: daysOffText });

/**
 * Adds cuti bersama days: one by one, or many by pasting lines or choosing a CSV file. It sits
 * inside the calendar's form, so it has no <form> of its own: its buttons submit its own
 * react-hook-form forms, each message at its field.
 */
function DaysOffImport({ onAdd }: { onAdd: (days: { date: string; name: string }[]) => number }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const one = useForm<z.input<typeof dayOffForm>, unknown, z.output<typeof dayOffForm>>({ resolver: zodResolver(dayOffForm), defaultValues: { date: '', name: '' } });
  const paste = useForm<z.input<typeof pasteForm>, unknown, z.output<typeof pasteForm>>({ resolver: zodResolver(pasteForm), defaultValues: { text: '' } });
  const pasted = useWatch({ control: paste.control, name: 'text' });
  const added = (days: { date: string; name: string }[]) => setMessage({ ok: true, text: t('calendar.daysOff.added', { count: onAdd(days) }) });
  const cleared = () => setMessage(null);
  const addOne = one.handleSubmit((days) => {
    added(days);
    one.reset();
  }, cleared);
  const importPasted = paste.handleSubmit(({ text }) => {
    added(text);
    paste.reset();
  }, cleared);
  /** A chosen file is not typed at a field: what is wrong with it is the panel's message. */
  const importFile = (raw: string) => {
    const { days, bad } = parseDaysOff(raw);
    if (bad.length) return setMessage({ ok: false, text: t('calendar.daysOff.badLines', { lines: bad.join(', ') }) });
    if (!days.length) return setMessage({ ok: false, text: t('calendar.daysOff.nothing') });
    added(days);
  };
  const oe = one.formState.errors;
  const pe = paste.formState.errors;
  return (
    <div>
      <div className="inline-fields">
        <Field label={t('calendar.daysOff.date')} htmlFor="off-date" error={oe.date?.message}>
          <DateTextField kind="date" id="off-date" control={one.control} name="date" />
        </Field>
        <Field label={t('calendar.daysOff.name')} htmlFor="off-name" error={oe.name?.message}>
          <input id="off-name" placeholder={t('calendar.daysOff.namePlaceholder')} {...one.register('name')} />
        </Field>
        <button type="button" className="btn" onClick={(ev) => void addOne(ev)}>
          {t('calendar.daysOff.addOne')}
        </button>
      </div>
      <Field label={t('calendar.daysOff.paste')} htmlFor="off-paste" hint={t('calendar.daysOff.pasteHint')} error={pe.text?.message} errorParams={{ lines: parseDaysOff(pasted).bad.join(', ') }}>
        <textarea id="off-paste" rows={3} className="mono" {...paste.register('text')} placeholder={'2026-03-18; Cuti bersama Nyepi\n2026-03-23; Cuti bersama Idul Fitri'} />
      </Field>
      <div className="inline-fields">
        <button type="button" className="btn" onClick={(ev) => void importPasted(ev)}>
          {t('calendar.daysOff.importPasted')}
        </button>
        <label className="btn" htmlFor="off-file">
          {t('calendar.daysOff.importFile')}
        </label>
        <input
          id="off-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          className="visually-hidden"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) importFile(await file.text());
          }}
        />
      </div>
      {message && (
        <div className={`banner ${message.ok ? 'banner-ok' : 'banner-error'}`} role={message.ok ? 'status' : 'alert'} data-testid="daysoff-message">
          {message.text}
        </div>
      )}
    </div>
  );
}

function CalendarForm({ org }: { org: OrgState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, failure, busy } = useCommand();
  const [saved, setSaved] = useState(false);
  // Bumped on each save: the import panel starts afresh (its "added, remember to save" note is stale).
  const [saves, setSaves] = useState(0);
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(calendarForm), defaultValues: toForm(org) });
  const { register, handleSubmit, formState, control, setValue, getValues } = form;
  const e = formState.errors;
  const extra = useFieldArray({ control, name: 'extraDaysOff' });
  const ignored = useWatch({ control, name: 'ignoredHolidays' });
  const days = useWatch({ control, name: 'days' });
  const thisYear = Number(localDate(new Date().toISOString(), org.timeZone).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const holidays = useMemo(() => nationalHolidays(year), [year]);
  const dayName = (d: Weekday) => formatWeekday(`2024-01-0${d}`, lang); // 2024-01-01 was a Monday
  const dateText = (iso: string) => `${formatWeekday(iso, lang, 'short')} ${formatLocalDate(iso, lang)}`;

  const onSubmit = handleSubmit(async (v) => {
    setSaved(false);
    if (await run({ type: 'org.update', input: { calendar: toSettings(v), sla: v.sla } })) {
      setSaved(true);
      setSaves((n) => n + 1);
    }
  });

  const addDays = (list: { date: string; name: string }[]) => {
    const have = new Set(getValues('extraDaysOff').map((d) => d.date));
    const fresh = list.filter((d) => !have.has(d.date));
    if (fresh.length) extra.append(fresh);
    setSaved(false);
    return fresh.length;
  };
  const toggleIgnored = (date: string, on: boolean) => {
    const cur = getValues('ignoredHolidays');
    setValue('ignoredHolidays', on ? [...cur, date] : cur.filter((d) => d !== date), { shouldDirty: true });
    setSaved(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <FailureBanner failure={failure} />
      {saved && !failure && (
        <div className="banner banner-ok" role="status">
          {t('common.saved')}
        </div>
      )}
      {Object.keys(e).length > 0 && (
        <div className="banner banner-error" role="alert">
          {e.days?.root?.message || e.days?.message ? t((e.days.root?.message ?? e.days.message)!) : t('common.fixErrors')}
        </div>
      )}
      <section className="card" aria-labelledby="hours-title">
        <h2 id="hours-title">{t('calendar.hours.title')}</h2>
        <p className="hint">{t('calendar.hours.hint', { zone: org.timeZone })}</p>
        <table className="table hours-table">
          <thead>
            <tr>
              <th>{t('calendar.hours.day')}</th>
              <th>{t('calendar.hours.working')}</th>
              <th>{t('calendar.hours.start')}</th>
              <th>{t('calendar.hours.end')}</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((d, i) => {
              const de = e.days?.[i];
              const on = days?.[i]?.on;
              return (
                <tr key={d}>
                  <td>{dayName(d)}</td>
                  <td>
                    <input type="checkbox" aria-label={`${t('calendar.hours.working')} ${dayName(d)}`} {...register(`days.${i}.on`)} />
                  </td>
                  <td>
                    <DateTextField kind="time" control={control} name={`days.${i}.start`} aria-label={`${t('calendar.hours.start')} ${dayName(d)}`} disabled={!on} />
                    {de?.start?.message && <div className="field-error" role="alert">{t(de.start.message)}</div>}
                  </td>
                  <td>
                    <DateTextField kind="time" control={control} name={`days.${i}.end`} aria-label={`${t('calendar.hours.end')} ${dayName(d)}`} disabled={!on} />
                    {de?.end?.message && <div className="field-error" role="alert">{t(de.end.message)}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="sla-title">
        <h2 id="sla-title">{t('calendar.sla.title')}</h2>
        <p className="hint">{t('calendar.sla.hint')}</p>
        <div className="sla-grid">
          {PRIORITIES.map((p) => {
            const se = e.sla?.[p];
            return (
              <fieldset key={p}>
                <legend>
                  <span className={`prio prio-${p}`}>{t(`ticket.priority.${p}`)}</span>
                </legend>
                <Field label={t('calendar.sla.amount')} htmlFor={`sla-${p}-amount`} error={se?.amount?.message}>
                  <input id={`sla-${p}-amount`} type="number" min={0.5} step={0.5} {...register(`sla.${p}.amount`, { valueAsNumber: true })} />
                </Field>
                <Field label={t('calendar.sla.unit')} htmlFor={`sla-${p}-unit`}>
                  <select id={`sla-${p}-unit`} {...register(`sla.${p}.unit`)}>
                    <option value="hours">{t('calendar.sla.hours')}</option>
                    <option value="workdays">{t('calendar.sla.workdays')}</option>
                  </select>
                </Field>
                <Field label={t('calendar.sla.basis')} htmlFor={`sla-${p}-basis`}>
                  <select id={`sla-${p}-basis`} {...register(`sla.${p}.basis`)}>
                    <option value="working">{t('calendar.sla.working')}</option>
                    <option value="calendar">{t('calendar.sla.calendar')}</option>
                  </select>
                </Field>
              </fieldset>
            );
          })}
        </div>
      </section>

      <section className="card" aria-labelledby="holidays-title">
        <div className="card-top">
          <h2 id="holidays-title">{t('calendar.holidays.title')}</h2>
          <div className="inline-fields">
            <button type="button" className="btn btn-small" onClick={() => setYear(year - 1)} aria-label={t('calendar.holidays.prevYear')}>
              ‹
            </button>
            <strong data-testid="holiday-year">{year}</strong>
            <button type="button" className="btn btn-small" onClick={() => setYear(year + 1)} aria-label={t('calendar.holidays.nextYear')}>
              ›
            </button>
          </div>
        </div>
        <p className="hint">{t('calendar.holidays.hint')}</p>
        {holidays.length === 0 && (
          <p className="banner banner-info" role="status">
            {t('calendar.holidays.noTable', NATIONAL_HOLIDAY_YEARS)}
          </p>
        )}
        <table className="table" data-testid="national-holidays">
          <thead>
            <tr>
              <th>{t('calendar.holidays.date')}</th>
              <th>{t('calendar.holidays.name')}</th>
              <th>{t('calendar.holidays.officeWorks')}</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => {
              const off = ignored?.includes(h.date);
              return (
                <tr key={h.date + h.name} className={off ? 'holiday-off' : undefined}>
                  <td>{dateText(h.date)}</td>
                  <td>{lang === 'en' && h.nameEn ? h.nameEn : h.name}</td>
                  <td>
                    <label className="check">
                      <input type="checkbox" checked={!!off} onChange={(ev) => toggleIgnored(h.date, ev.target.checked)} />
                      <span>{t('calendar.holidays.ignore')}</span>
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="cuti-title">
        <h2 id="cuti-title">{t('calendar.daysOff.title')}</h2>
        <p className="hint">{t('calendar.daysOff.hint')}</p>
        {extra.fields.length === 0 ? (
          <p className="muted">{t('calendar.daysOff.none')}</p>
        ) : (
          <table className="table" data-testid="days-off">
            <thead>
              <tr>
                <th>{t('calendar.holidays.date')}</th>
                <th>{t('calendar.daysOff.name')}</th>
                <th aria-label={t('common.actions')} />
              </tr>
            </thead>
            <tbody>
              {extra.fields.map((f, i) => (
                <tr key={f.id}>
                  <td>{dateText(f.date)}</td>
                  <td>
                    <input aria-label={`${t('calendar.daysOff.name')} ${f.date}`} {...register(`extraDaysOff.${i}.name`)} />
                    {e.extraDaysOff?.[i]?.name?.message && <div className="field-error" role="alert">{t(e.extraDaysOff[i].name.message)}</div>}
                  </td>
                  <td>
                    <button type="button" className="btn btn-link" onClick={() => extra.remove(i)}>
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <DaysOffImport key={saves} onAdd={addDays} />
      </section>
      <FormActions submitLabel={t('calendar.save')} busy={busy} sticky />
    </form>
  );
}

export function CalendarScreen() {
  const { t } = useTranslation();
  const org = useOrg();
  return (
    <div>
      <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle')} />
      {org && <CalendarForm org={org} />}
    </div>
  );
}
