/**
 * One office day of daily operations (SOP 3-4): the morning network check, the disruptions that
 * started that day, the backup results (with the last 7 days' grid, so a missing day stands
 * out) and their weekly verification, the weekly server maintenance log, and the audit trail.
 * `#/ops` is today in the office's zone; `#/ops/:date` any day, with previous/next buttons.
 * Forms keep what was typed when refused, and show the refusal by the field it concerns.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  BACKUP_TARGETS, backupJobs, DISRUPTION_SOURCES, MAINTENANCE_TASKS, NETWORK_ITEMS, type BackupTarget, type Disruption, type MaintenanceTask,
  type NetworkItem, type OpsDayState,
} from '@shared/domain/ops/state';
import type { OrgState } from '@shared/domain/org/state';
import { addDays, formatLocalDate, isIsoDate, localDate, toOfficeInput, type OfficeZone } from '@shared/office-time';
import { newId } from '@shared/ids';
import { useCommand, useFormatDateTime, useLang, useOrg, useUserNames } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { AuditTrail } from '@renderer/components/AuditTrail';
import { Empty, FailureBanner, Field, PageHeader } from '@renderer/components/ui';
import { db } from '@renderer/store';
import { daysWithOpenDisruptions, opsDays } from '@renderer/store/queries/ops';
import { daysEnding, errorFor, formatDuration, formLevel, RowError, Saved, shortDay } from './parts';
import { DateTextField } from '@renderer/components/DateInputs';
import { can } from '@shared/domain/can';
import { FormActions } from '@renderer/components/kit/FormActions';
import { asFailure, messageAt } from '@renderer/components/kit/form-errors';
import { backupsForm, disruptionForm, emptyNetwork, maintenanceForm, networkForm, resolveForm, verifyForm, type BackupValues, type Choice, type NetworkValues } from './ops-forms';


export function OpsDayScreen({ date: asked }: { date?: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const lang = useLang();
  const me = useSessionStore((s) => s.user);
  const today = org ? localDate(new Date().toISOString(), org.timeZone) : '';
  const date = asked ?? today;
  const day = useLiveQuery(async () => (date ? ((await db.opsDays.get(date)) ?? null) : null), [date]);
  if (!org || !me || day === undefined) return <Empty>{t('common.loading')}</Empty>;
  if (!isIsoDate(date)) return <Empty>{t('common.notFound')}</Empty>;
  const actor = { userId: me.id, roles: me.roles };
  const desk = can(actor, 'opsday.checkNetwork');
  const it = can(actor, 'opsday.logMaintenance');
  const future = date > today;
  const canRecord = desk && !future;

  return (
    <div>
      <PageHeader
        title={t('ops.title')}
        subtitle={t('ops.subtitle', { date: formatLocalDate(date, lang) })}
        actions={
          <div className="ops-nav">
            <button type="button" className="btn" onClick={() => navigate(`/ops/${addDays(date, -1)}`)}>
              {t('ops.prevDay')}
            </button>
            {date !== today && (
              <button type="button" className="btn" onClick={() => navigate('/ops')}>
                {t('ops.today')}
              </button>
            )}
            <button type="button" className="btn" disabled={date >= today} onClick={() => navigate(`/ops/${addDays(date, 1)}`)}>
              {t('ops.nextDay')}
            </button>
          </div>
        }
      />
      {!desk && (
        <div className="banner" role="status">
          {t('ops.readOnly')}
        </div>
      )}
      {future && (
        <div className="banner" role="status">
          {t('ops.errors.futureDay')}
        </div>
      )}
      <OpenElsewhere date={date} />
      <div className="ops-grid">
        <NetworkCard date={date} day={day} canRecord={canRecord} />
        <DisruptionsCard date={date} day={day} canRecord={canRecord} today={today} zone={org.timeZone} />
        <BackupsCard date={date} canRecord={canRecord} org={org} />
        <VerifyCard date={date} day={day} canRecord={canRecord} org={org} />
        <MaintenanceCard date={date} day={day} canRecord={canRecord && it} />
        {day && (
          <AuditTrail
            kind="opsday"
            id={date}
            title={t('ops.audit')}
            detail={(p) =>
              [
                typeof p.item === 'string' && `${t(`ops.item.${p.item}`)}: ${t(p.ok ? 'ops.result.ok' : 'ops.result.problem')}`,
                typeof p.job === 'string' && `${p.job}${typeof p.target === 'string' ? ` (${t(`ops.target.${p.target}`)})` : ''}: ${t(p.ok ? 'ops.backupResult.ok' : 'ops.backupResult.failed')}`,
                typeof p.system === 'string' && p.system,
                typeof p.server === 'string' && p.server,
                typeof p.resolution === 'string' && p.resolution,
                typeof p.note === 'string' && p.note,
              ]
                .filter(Boolean)
                .join(' — ') || undefined
            }
          />
        )}
      </div>
    </div>
  );
}

/** Disruptions still open on other days, linked, so a day's screen does not hide them. */
function OpenElsewhere({ date }: { date: string }) {
  const { t } = useTranslation();
  const days = useLiveQuery(() => daysWithOpenDisruptions(db), []) ?? [];
  const others = days.filter((d) => d.id !== date);
  if (others.length === 0) return null;
  return (
    <div className="banner" role="status" data-testid="open-elsewhere">
      <strong>{t('ops.openElsewhere')}</strong>{' '}
      {others.map((d, i) => (
        <span key={d.id}>
          {i > 0 && ', '}
          <a href={`#/ops/${d.id}`}>
            {d.id} ({d.disruptions.filter((x) => !x.resolvedAt).map((x) => x.system).join(', ')})
          </a>
        </span>
      ))}
    </div>
  );
}

function ResultBadge({ ok, okText, badText }: { ok: boolean; okText: string; badText: string }) {
  return <span className={`ops-result ${ok ? 'ops-ok' : 'ops-bad'}`}>{ok ? okText : badText}</span>;
}

function NetworkCard({ date, day, canRecord }: { date: string; day: OpsDayState | null; canRecord: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  const { run, failure, setFailure, busy } = useCommand();
  const { register, handleSubmit, reset, formState } = useForm<NetworkValues>({ resolver: zodResolver(networkForm as z.ZodType<NetworkValues, NetworkValues>), defaultValues: emptyNetwork() });
  const errors = formState.errors.rows;
  const [sent, setSent] = useState<NetworkItem[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const rowError = (item: NetworkItem, field: 'note' | 'ok') => {
    const own = field === 'note' ? errors?.[item]?.note?.message : undefined;
    const i = sent.indexOf(item);
    return own ?? (i >= 0 ? errorFor(failure, `items.${i}.${field}`) : undefined);
  };

  const submit = handleSubmit(
    async ({ rows }) => {
      const chosen = NETWORK_ITEMS.filter((i) => rows[i].result !== '');
      setSent(chosen);
      setSaved(null);
      const items = chosen.map((i) => ({ item: i, ok: rows[i].result === 'ok', note: rows[i].note }));
      if (await run({ type: 'opsday.checkNetwork', input: { date, items } })) {
        reset(emptyNetwork());
        setSaved(t('ops.network.saved'));
      }
    },
    () => setSaved(null),
  );

  return (
    <section className="card" aria-labelledby="ops-network">
      <h2 id="ops-network">{t('ops.network.title')}</h2>
      {canRecord && <p className="hint">{t('ops.network.hint')}</p>}
      <Saved text={saved} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        {canRecord && <FailureBanner failure={asFailure(errors?.message) ?? formLevel(failure, ['items.0', 'items.1', 'items.2', 'items.3', 'items.4'])} />}
        <table className="table ops-table" data-testid="network-check">
          <thead>
            <tr>
              <th>{t('ops.network.check')}</th>
              <th>{t('ops.network.status')}</th>
              {canRecord && <th>{t('ops.backup.result')}</th>}
              {canRecord && <th>{t('ops.network.note')}</th>}
            </tr>
          </thead>
          <tbody>
            {NETWORK_ITEMS.map((item) => {
              const c = day?.checks[item];
              const label = t(`ops.item.${item}`);
              return (
                <tr key={item} data-item={item}>
                  <td>
                    <strong>{label}</strong>
                  </td>
                  <td>
                    {c ? (
                      <>
                        <ResultBadge ok={c.ok} okText={t('ops.result.ok')} badText={t('ops.result.problem')} />
                        {c.note && <div className="small">{c.note}</div>}
                        <div className="muted small">{t('ops.by', { name: users.get(c.by) ?? '—', at: fmt(c.at) })}</div>
                      </>
                    ) : (
                      <span className="muted">{t('ops.network.notChecked')}</span>
                    )}
                  </td>
                  {canRecord && (
                    <td>
                      <select aria-label={t('ops.network.resultFor', { item: label })} {...register(`rows.${item}.result`, { onChange: () => failure && setFailure(null) })}>
                        <option value="">{t('ops.result.none')}</option>
                        <option value="ok">{t('ops.result.ok')}</option>
                        <option value="bad">{t('ops.result.problem')}</option>
                      </select>
                    </td>
                  )}
                  {canRecord && (
                    <td>
                      <input aria-label={t('ops.network.noteFor', { item: label })} aria-invalid={!!rowError(item, 'note')} {...register(`rows.${item}.note`)} />
                      <RowError message={rowError(item, 'note')} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        {canRecord && (
          <FormActions submitLabel={t('ops.network.save')} busy={busy} />
        )}
      </form>
    </section>
  );
}

function DisruptionsCard({ date, day, canRecord, today, zone }: { date: string; day: OpsDayState | null; canRecord: boolean; today: string; zone: OfficeZone }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  const list = day?.disruptions ?? [];
  return (
    <section className="card" aria-labelledby="ops-disruptions">
      <h2 id="ops-disruptions">{t('ops.disruption.title')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('ops.disruption.none')}</p>
      ) : (
        <ul className="ops-list" data-testid="disruptions">
          {list.map((d) => (
            <li key={d.id} data-disruption={d.system}>
              <div>
                <strong>{d.system}</strong> · {t(`ops.source.${d.source}`)}{' '}
                <span className={`ops-result ${d.resolvedAt ? 'ops-ok' : 'ops-open'}`}>{t(d.resolvedAt ? 'ops.disruption.resolved' : 'ops.disruption.open')}</span>
              </div>
              <div className="small">{t('ops.disruption.started', { at: fmt(d.startedAt) })} · {users.get(d.openedBy) ?? '—'}</div>
              {d.actions && <div className="small pre">{t('ops.disruption.actions')}: {d.actions}</div>}
              {d.resolvedAt ? (
                <div className="small">
                  {t('ops.disruption.resolvedAt')}: {fmt(d.resolvedAt)} · {t('ops.disruption.duration')}:{' '}
                  <strong data-testid="duration">{formatDuration(d.minutes ?? 0, t)}</strong>
                  <div>
                    {t('ops.disruption.resolution')}: {d.resolution} — {users.get(d.resolvedBy ?? '') ?? '—'}
                  </div>
                </div>
              ) : (
                canRecord && <ResolveForm date={date} d={d} zone={zone} />
              )}
            </li>
          ))}
        </ul>
      )}
      {canRecord && <NewDisruptionForm date={date} today={today} zone={zone} />}
    </section>
  );
}

function ResolveForm({ date, d, zone }: { date: string; d: Disruption; zone: OfficeZone }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const schema = resolveForm(zone);
  const { register, handleSubmit, control, formState } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { resolvedAt: toOfficeInput(new Date().toISOString(), zone), resolution: '' },
  });
  const e = formState.errors;
  const idp = `resolve-${d.id}`;
  const submit = handleSubmit(async ({ resolvedAt, resolution }) => void (await run({ type: 'opsday.resolveDisruption', input: { date, disruptionId: d.id, resolvedAt, resolution } })));
  return (
    <form className="ops-form" noValidate onSubmit={(ev) => void submit(ev)}>
      <FailureBanner failure={formLevel(failure, ['resolvedAt', 'resolution'])} />
      <div className="grid-2">
        <Field label={t('ops.disruption.resolvedAt')} htmlFor={`${idp}-at`} error={e.resolvedAt?.message ?? errorFor(failure, 'resolvedAt')}>
          <DateTextField kind="datetime" id={`${idp}-at`} control={control} name="resolvedAt" />
        </Field>
        <Field label={t('ops.disruption.resolution')} htmlFor={`${idp}-text`} error={e.resolution?.message ?? errorFor(failure, 'resolution')} wide>
          <input id={`${idp}-text`} {...register('resolution')} />
        </Field>
      </div>
      <FormActions submitLabel={t('ops.disruption.resolve')} busy={busy} small />
    </form>
  );
}

function NewDisruptionForm({ date, today, zone }: { date: string; today: string; zone: OfficeZone }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const schema = disruptionForm(zone);
  const blank = () => ({ source: '', system: '', startedAt: date === today ? toOfficeInput(new Date().toISOString(), zone) : `${date}T08:00`, actions: '' });
  const { register, handleSubmit, control, reset, formState } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: blank() });
  const e = formState.errors;
  const [saved, setSaved] = useState<string | null>(null);
  const fieldError = (f: 'source' | 'system' | 'startedAt' | 'actions') => e[f]?.message ?? errorFor(failure, f);
  const submit = handleSubmit(
    async (v) => {
      setSaved(null);
      if (await run({ type: 'opsday.openDisruption', input: { date, disruptionId: newId(), ...v } })) {
        reset(blank());
        setSaved(t('ops.disruption.saved'));
      }
    },
    () => setSaved(null),
  );
  return (
    <form className="ops-form" noValidate onSubmit={(ev) => void submit(ev)} aria-labelledby="ops-new-disruption">
      <h3 id="ops-new-disruption">{t('ops.disruption.new')}</h3>
      <Saved text={saved} />
      <FailureBanner failure={formLevel(failure, ['source', 'system', 'startedAt', 'actions'])} />
      <div className="grid-2">
        <Field label={t('ops.disruption.source')} htmlFor="dis-source" error={fieldError('source')}>
          <select id="dis-source" {...register('source')}>
            <option value="">—</option>
            {DISRUPTION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`ops.source.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ops.disruption.system')} htmlFor="dis-system" error={fieldError('system')} hint={t('ops.disruption.systemHint')}>
          <input id="dis-system" {...register('system')} />
        </Field>
        <Field label={t('ops.disruption.startedAt')} htmlFor="dis-started" {...messageAt(e.startedAt?.message, failure, 'startedAt')}>
          <DateTextField kind="datetime" id="dis-started" control={control} name="startedAt" />
        </Field>
        <Field label={t('ops.disruption.actions')} htmlFor="dis-actions" error={fieldError('actions')} wide>
          <textarea id="dis-actions" rows={2} {...register('actions')} />
        </Field>
      </div>
      <FormActions submitLabel={t('ops.disruption.save')} busy={busy} />
    </form>
  );
}

function BackupsCard({ date, canRecord, org }: { date: string; canRecord: boolean; org: OrgState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const dates = daysEnding(date, 7);
  const week = useLiveQuery(() => opsDays(db, dates), [date]) ?? [];
  const jobs = backupJobs(org);
  // The office's jobs on each target (the ones the form records), then jobs of the week no longer in the list.
  const recordable = jobs.flatMap((job) => BACKUP_TARGETS.map((target) => ({ job, target })));
  const rowsOf = [...recordable];
  for (const d of week) for (const b of d?.backups ?? []) if (!rowsOf.some((r) => r.job === b.job && r.target === b.target)) rowsOf.push({ job: b.job, target: b.target });
  const key = (job: string, target: BackupTarget) => `${job}|${target}`;

  return (
    <section className="card ops-wide" aria-labelledby="ops-backups">
      <h2 id="ops-backups">{t('ops.backup.title')}</h2>
      <p className="hint">{t('ops.backup.hint')}</p>
      <h3>{t('ops.backup.grid')}</h3>
      <div style={{ overflowX: 'auto' }}>
        <table className="table ops-backup-grid" data-testid="backup-grid">
          <thead>
            <tr>
              <th>{t('ops.backup.job')}</th>
              {dates.map((d) => (
                <th key={d}>
                  <a href={`#/ops/${d}`}>{shortDay(d, lang)}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowsOf.map((r) => (
              <tr key={key(r.job, r.target)} data-job={`${r.job} (${r.target})`}>
                <td>
                  {r.job} <span className="muted small">({t(`ops.target.${r.target}`)})</span>
                </td>
                {dates.map((d, i) => {
                  const b = week[i]?.backups.find((x) => x.job === r.job && x.target === r.target);
                  return (
                    <td key={d} className={b ? undefined : 'missing'} data-date={d} title={b?.note || undefined}>
                      {b ? (
                        <ResultBadge ok={b.ok} okText={`✓ ${t('ops.backupResult.ok')}`} badText={`✗ ${t('ops.backupResult.failed')}`} />
                      ) : (
                        <span className="ops-result ops-missing">{t('ops.backup.missing')}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canRecord && <BackupsForm key={recordable.map((r) => key(r.job, r.target)).join('\n')} date={date} recordable={recordable} />}
    </section>
  );
}

/** Today's result of each job on each target; lines left on "—" are not recorded. */
function BackupsForm({ date, recordable }: { date: string; recordable: { job: string; target: BackupTarget }[] }) {
  const { t } = useTranslation();
  const { run, failure, setFailure, busy } = useCommand();
  const blank = (): BackupValues => ({ runs: recordable.map(() => ({ result: '', note: '' })) });
  const { register, handleSubmit, reset, formState } = useForm<BackupValues>({ resolver: zodResolver(backupsForm as z.ZodType<BackupValues, BackupValues>), defaultValues: blank() });
  const errors = formState.errors.runs;
  // The lines sent (by their place in the form): a refusal names the line by its place among them.
  const [sent, setSent] = useState<number[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const rowErr = (n: number) => {
    const own = errors?.[n]?.note?.message;
    const i = sent.indexOf(n);
    return own ?? (i >= 0 ? errorFor(failure, `runs.${i}.note`) || errorFor(failure, `runs.${i}.job`) : undefined);
  };

  const submit = handleSubmit(
    async ({ runs }) => {
      setSaved(null);
      const chosen = recordable.map((r, n) => ({ ...r, n, ...runs[n]! })).filter((r) => r.result !== '');
      setSent(chosen.map((r) => r.n));
      if (await run({ type: 'opsday.recordBackup', input: { date, runs: chosen.map((r) => ({ job: r.job, target: r.target, ok: r.result === 'ok', note: r.note })) } })) {
        reset(blank());
        setSaved(t('ops.backup.saved'));
      }
    },
    () => setSaved(null),
  );

  return (
    <form className="ops-form" noValidate onSubmit={(e) => void submit(e)}>
      <Saved text={saved} />
      <FailureBanner failure={asFailure(errors?.message) ?? formLevel(failure, recordable.map((_, i) => `runs.${i}`))} />
      <table className="table ops-table ops-backup-form" data-testid="backup-form">
        <thead>
          <tr>
            <th>{t('ops.backup.job')}</th>
            <th>{t('ops.backup.result')}</th>
            <th>{t('ops.backup.note')}</th>
          </tr>
        </thead>
        <tbody>
          {recordable.map((r, n) => {
            const label = { job: r.job, target: t(`ops.target.${r.target}`) };
            return (
              <tr key={`${r.job}|${r.target}`}>
                <td>
                  {r.job} <span className="muted small">({t(`ops.target.${r.target}`)})</span>
                </td>
                <td>
                  <select aria-label={t('ops.backup.resultFor', label)} {...register(`runs.${n}.result`, { onChange: () => failure && setFailure(null) })}>
                    <option value="">{t('ops.backupResult.none')}</option>
                    <option value="ok">{t('ops.backupResult.ok')}</option>
                    <option value="bad">{t('ops.backupResult.failed')}</option>
                  </select>
                </td>
                <td>
                  <input aria-label={t('ops.backup.noteFor', label)} aria-invalid={!!rowErr(n)} {...register(`runs.${n}.note`)} />
                  <RowError message={rowErr(n)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('ops.backup.jobsFromSettings')}</p>
      <FormActions submitLabel={t('ops.backup.save')} busy={busy} />
    </form>
  );
}

function VerifyCard({ date, day, canRecord, org }: { date: string; day: OpsDayState | null; canRecord: boolean; org: OrgState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  const { run, failure, busy } = useCommand();
  const jobs = backupJobs(org);
  const blank = { job: '', restoredTo: '', result: '' as Choice, note: '' };
  const { register, handleSubmit, reset, formState } = useForm<z.input<typeof verifyForm>, unknown, z.output<typeof verifyForm>>({ resolver: zodResolver(verifyForm), defaultValues: blank });
  const e = formState.errors;
  const fieldError = (f: 'job' | 'restoredTo' | 'note', own?: string) => own ?? errorFor(failure, f);
  const dates = daysEnding(date, 7);
  const week = useLiveQuery(() => opsDays(db, dates), [date]) ?? [];
  const lastVerified = [...week].reverse().find((d) => d && d.verifications.length > 0);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = handleSubmit(
    async ({ result, ...rest }) => {
      setSaved(null);
      if (await run({ type: 'opsday.verifyBackup', input: { date, verificationId: newId(), ...rest, ok: result === 'ok' } })) {
        reset(blank);
        setSaved(t('ops.verify.saved'));
      }
    },
    () => setSaved(null),
  );
  return (
    <section className="card" aria-labelledby="ops-verify">
      <h2 id="ops-verify">{t('ops.verify.title')}</h2>
      {lastVerified ? (
        <p className="small">{t('ops.verify.lastWeek', { date: formatLocalDate(lastVerified.id, lang) })}</p>
      ) : (
        <div className="banner" role="status">
          {t('ops.verify.noneThisWeek')}
        </div>
      )}
      {(day?.verifications.length ?? 0) === 0 ? (
        <p className="muted">{t('ops.verify.none')}</p>
      ) : (
        <ul className="ops-list" data-testid="verifications">
          {day!.verifications.map((v) => (
            <li key={v.id}>
              <strong>{v.job}</strong> → {v.restoredTo} <ResultBadge ok={v.ok} okText={t('ops.verify.ok')} badText={t('ops.verify.failed')} />
              {v.note && <div className="small">{v.note}</div>}
              <div className="muted small">{t('ops.by', { name: users.get(v.by) ?? '—', at: fmt(v.at) })}</div>
            </li>
          ))}
        </ul>
      )}
      {canRecord && (
        <form className="ops-form" noValidate onSubmit={(ev) => void submit(ev)}>
          <Saved text={saved} />
          <FailureBanner failure={formLevel(failure, ['job', 'restoredTo', 'ok', 'note'])} />
          <div className="grid-2">
            <Field label={t('ops.verify.job')} htmlFor="ver-job" {...messageAt(e.job?.message, failure, 'job')}>
              <select id="ver-job" {...register('job')}>
                <option value="">—</option>
                {jobs.map((j) => (
                  <option key={j} value={j}>
                    {j}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('ops.verify.restoredTo')} htmlFor="ver-to" error={fieldError('restoredTo', e.restoredTo?.message)} hint={t('ops.verify.restoredToHint')}>
              <input id="ver-to" {...register('restoredTo')} />
            </Field>
            <Field label={t('ops.verify.result')} htmlFor="ver-result" error={e.result?.message ?? errorFor(failure, 'ok')}>
              <select id="ver-result" {...register('result')}>
                <option value="">—</option>
                <option value="ok">{t('ops.verify.ok')}</option>
                <option value="bad">{t('ops.verify.failed')}</option>
              </select>
            </Field>
            <Field label={t('ops.verify.note')} htmlFor="ver-note" error={fieldError('note', e.note?.message)}>
              <input id="ver-note" {...register('note')} />
            </Field>
          </div>
          <FormActions submitLabel={t('ops.verify.save')} busy={busy} />
        </form>
      )}
    </section>
  );
}

function MaintenanceCard({ date, day, canRecord }: { date: string; day: OpsDayState | null; canRecord: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  const { run, failure, busy } = useCommand();
  const blank = { server: '', tasks: [] as MaintenanceTask[], notes: '' };
  const { register, handleSubmit, reset, control, formState } = useForm<z.input<typeof maintenanceForm>, unknown, z.output<typeof maintenanceForm>>({ resolver: zodResolver(maintenanceForm), defaultValues: blank });
  const e = formState.errors;
  const fieldError = (f: 'server' | 'tasks' | 'notes', own?: string) => own ?? errorFor(failure, f);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = handleSubmit(
    async (v) => {
      setSaved(null);
      if (await run({ type: 'opsday.logMaintenance', input: { date, entryId: newId(), ...v } })) {
        reset(blank);
        setSaved(t('ops.maintenance.saved'));
      }
    },
    () => setSaved(null),
  );
  const list = day?.maintenance ?? [];
  return (
    <section className="card" aria-labelledby="ops-maintenance">
      <h2 id="ops-maintenance">{t('ops.maintenance.title')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('ops.maintenance.none')}</p>
      ) : (
        <ul className="ops-list" data-testid="maintenance">
          {list.map((m) => (
            <li key={m.id}>
              <strong>{m.server}</strong>: {m.tasks.map((k) => t(`ops.task.${k}`)).join(', ')}
              {m.notes && <div className="small pre">{m.notes}</div>}
              <div className="muted small">{t('ops.by', { name: users.get(m.by) ?? '—', at: fmt(m.at) })}</div>
            </li>
          ))}
        </ul>
      )}
      {canRecord ? (
        <form className="ops-form" noValidate onSubmit={(ev) => void submit(ev)}>
          <Saved text={saved} />
          <FailureBanner failure={formLevel(failure, ['server', 'tasks', 'notes'])} />
          <div className="grid-2">
            <Field label={t('ops.maintenance.server')} htmlFor="mnt-server" error={fieldError('server', e.server?.message)}>
              <input id="mnt-server" {...register('server')} />
            </Field>
          </div>
          <fieldset className={fieldError('tasks', e.tasks?.message) ? 'has-error' : undefined}>
            <legend>{t('ops.maintenance.tasks')}</legend>
            <Controller
              control={control}
              name="tasks"
              render={({ field }) => (
                <div className="ops-tasks">
                  {MAINTENANCE_TASKS.map((k) => (
                    <label key={k} className="check">
                      <input
                        type="checkbox"
                        name={field.name}
                        ref={k === MAINTENANCE_TASKS[0] ? field.ref : undefined}
                        checked={field.value.includes(k)}
                        onBlur={field.onBlur}
                        onChange={(ev) => field.onChange(ev.target.checked ? [...field.value, k] : field.value.filter((x) => x !== k))}
                      />
                      {t(`ops.task.${k}`)}
                    </label>
                  ))}
                </div>
              )}
            />
            <RowError message={fieldError('tasks', e.tasks?.message)} />
          </fieldset>
          <Field label={t('ops.maintenance.notes')} htmlFor="mnt-notes" error={fieldError('notes', e.notes?.message)} wide>
            <textarea id="mnt-notes" rows={2} {...register('notes')} />
          </Field>
          <FormActions submitLabel={t('ops.maintenance.save')} busy={busy} />
        </form>
      ) : (
        <p className="muted small">{t('ops.maintenance.itOnly')}</p>
      )}
    </section>
  );
}
