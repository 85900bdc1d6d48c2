/**
 * One office day of daily operations (SOP 3-4): the morning network check, the disruptions that
 * started that day, the backup results (with the last 7 days' grid, so a missing day stands
 * out) and their weekly verification, the weekly server maintenance log, and the audit trail.
 * `#/ops` is today in the office's zone; `#/ops/:date` any day, with previous/next buttons.
 * Forms keep what was typed when refused, and show the refusal by the field it concerns.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BACKUP_TARGETS, backupJobs, DISRUPTION_SOURCES, MAINTENANCE_TASKS, NETWORK_ITEMS, type BackupTarget, type Disruption, type MaintenanceTask,
  type NetworkItem, type OpsDayState,
} from '@shared/domain/ops/state';
import type { OrgState } from '@shared/domain/org/state';
import { addDays, formatLocalDate, fromOfficeInput, isIsoDate, localDate, toOfficeInput, type OfficeZone } from '@shared/office-time';
import { newId } from '@shared/ids';
import { useCommand, useFormatDateTime, useLang, useOrg, useUserNames } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { AuditTrail } from '@renderer/components/AuditTrail';
import { Empty, FailureBanner, Field, PageHeader } from '@renderer/components/ui';
import { db } from '@renderer/store';
import { daysWithOpenDisruptions, opsDays } from '@renderer/store/queries/ops';
import { daysEnding, errorFor, formatDuration, formLevel, RowError, Saved, shortDay } from './parts';
import { DateTextInput } from '@renderer/components/DateInputs';
import { can } from '@shared/domain/can';
import { FormActions } from '@renderer/components/kit/FormActions';


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

type Choice = '' | 'ok' | 'bad';

function ResultBadge({ ok, okText, badText }: { ok: boolean; okText: string; badText: string }) {
  return <span className={`ops-result ${ok ? 'ops-ok' : 'ops-bad'}`}>{ok ? okText : badText}</span>;
}

function NetworkCard({ date, day, canRecord }: { date: string; day: OpsDayState | null; canRecord: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  const { run, failure, setFailure, busy } = useCommand();
  const empty = () => Object.fromEntries(NETWORK_ITEMS.map((i) => [i, { result: '' as Choice, note: '' }])) as Record<NetworkItem, { result: Choice; note: string }>;
  const [rows, setRows] = useState(empty);
  const [sent, setSent] = useState<NetworkItem[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const rowError = (item: NetworkItem, field: 'note' | 'ok') => {
    const i = sent.indexOf(item);
    return i >= 0 ? errorFor(failure, `items.${i}.${field}`) : undefined;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = NETWORK_ITEMS.filter((i) => rows[i].result !== '');
    setSent(chosen);
    setSaved(null);
    const items = chosen.map((i) => ({ item: i, ok: rows[i].result === 'ok', note: rows[i].note }));
    if (await run({ type: 'opsday.checkNetwork', input: { date, items } })) {
      setRows(empty());
      setSaved(t('ops.network.saved'));
    }
  }

  return (
    <section className="card" aria-labelledby="ops-network">
      <h2 id="ops-network">{t('ops.network.title')}</h2>
      {canRecord && <p className="hint">{t('ops.network.hint')}</p>}
      <Saved text={saved} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        {canRecord && <FailureBanner failure={formLevel(failure, ['items.0', 'items.1', 'items.2', 'items.3', 'items.4'])} />}
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
                      <select
                        aria-label={t('ops.network.resultFor', { item: label })}
                        value={rows[item].result}
                        onChange={(e) => {
                          setRows({ ...rows, [item]: { ...rows[item], result: e.target.value as Choice } });
                          if (failure) setFailure(null);
                        }}
                      >
                        <option value="">{t('ops.result.none')}</option>
                        <option value="ok">{t('ops.result.ok')}</option>
                        <option value="bad">{t('ops.result.problem')}</option>
                      </select>
                    </td>
                  )}
                  {canRecord && (
                    <td>
                      <input
                        aria-label={t('ops.network.noteFor', { item: label })}
                        value={rows[item].note}
                        aria-invalid={!!rowError(item, 'note')}
                        onChange={(e) => setRows({ ...rows, [item]: { ...rows[item], note: e.target.value } })}
                      />
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
  const [resolvedAt, setResolvedAt] = useState(() => toOfficeInput(new Date().toISOString(), zone));
  const [resolution, setResolution] = useState('');
  const idp = `resolve-${d.id}`;
  return (
    <form
      className="ops-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void run({ type: 'opsday.resolveDisruption', input: { date, disruptionId: d.id, resolvedAt: fromOfficeInput(resolvedAt, zone) ?? '', resolution } });
      }}
    >
      <FailureBanner failure={formLevel(failure, ['resolvedAt', 'resolution'])} />
      <div className="grid-2">
        <Field label={t('ops.disruption.resolvedAt')} htmlFor={`${idp}-at`} error={errorFor(failure, 'resolvedAt')}>
          <DateTextInput kind="datetime" id={`${idp}-at`} value={resolvedAt} onChange={setResolvedAt} />
        </Field>
        <Field label={t('ops.disruption.resolution')} htmlFor={`${idp}-text`} error={errorFor(failure, 'resolution')} wide>
          <input id={`${idp}-text`} value={resolution} onChange={(e) => setResolution(e.target.value)} />
        </Field>
      </div>
      <FormActions submitLabel={t('ops.disruption.resolve')} busy={busy} small />
    </form>
  );
}

function NewDisruptionForm({ date, today, zone }: { date: string; today: string; zone: OfficeZone }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const initialStart = () => (date === today ? toOfficeInput(new Date().toISOString(), zone) : `${date}T08:00`);
  const [source, setSource] = useState('');
  const [system, setSystem] = useState('');
  const [startedAt, setStartedAt] = useState(initialStart);
  const [actions, setActions] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const input = { date, disruptionId: newId(), source: source as Disruption['source'], system, startedAt: fromOfficeInput(startedAt, zone) ?? '', actions };
    if (await run({ type: 'opsday.openDisruption', input })) {
      setSource('');
      setSystem('');
      setStartedAt(initialStart());
      setActions('');
      setSaved(t('ops.disruption.saved'));
    }
  }
  return (
    <form className="ops-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="ops-new-disruption">
      <h3 id="ops-new-disruption">{t('ops.disruption.new')}</h3>
      <Saved text={saved} />
      <FailureBanner failure={formLevel(failure, ['source', 'system', 'startedAt', 'actions'])} />
      <div className="grid-2">
        <Field label={t('ops.disruption.source')} htmlFor="dis-source" error={errorFor(failure, 'source')}>
          <select id="dis-source" value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="">—</option>
            {DISRUPTION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`ops.source.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ops.disruption.system')} htmlFor="dis-system" error={errorFor(failure, 'system')} hint={t('ops.disruption.systemHint')}>
          <input id="dis-system" value={system} onChange={(e) => setSystem(e.target.value)} />
        </Field>
        <Field label={t('ops.disruption.startedAt')} htmlFor="dis-started" error={errorFor(failure, 'startedAt')}>
          <DateTextInput kind="datetime" id="dis-started" value={startedAt} onChange={setStartedAt} />
        </Field>
        <Field label={t('ops.disruption.actions')} htmlFor="dis-actions" error={errorFor(failure, 'actions')} wide>
          <textarea id="dis-actions" rows={2} value={actions} onChange={(e) => setActions(e.target.value)} />
        </Field>
      </div>
      <FormActions submitLabel={t('ops.disruption.save')} busy={busy} />
    </form>
  );
}

function BackupsCard({ date, canRecord, org }: { date: string; canRecord: boolean; org: OrgState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, failure, setFailure, busy } = useCommand();
  const dates = daysEnding(date, 7);
  const week = useLiveQuery(() => opsDays(db, dates), [date]) ?? [];
  const jobs = backupJobs(org);
  const rowsOf = [...jobs.flatMap((job) => BACKUP_TARGETS.map((target) => ({ job, target })))];
  for (const d of week) for (const b of d?.backups ?? []) if (!rowsOf.some((r) => r.job === b.job && r.target === b.target)) rowsOf.push({ job: b.job, target: b.target });
  const key = (job: string, target: BackupTarget) => `${job}|${target}`;
  const [form, setForm] = useState<Record<string, { result: Choice; note: string }>>({});
  const [sent, setSent] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const rowErr = (k: string) => {
    const i = sent.indexOf(k);
    return i >= 0 ? errorFor(failure, `runs.${i}.note`) || errorFor(failure, `runs.${i}.job`) : undefined;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const chosen = rowsOf.filter((r) => jobs.includes(r.job) && form[key(r.job, r.target)]?.result);
    setSent(chosen.map((r) => key(r.job, r.target)));
    const runs = chosen.map((r) => ({ job: r.job, target: r.target, ok: form[key(r.job, r.target)]!.result === 'ok', note: form[key(r.job, r.target)]!.note }));
    if (await run({ type: 'opsday.recordBackup', input: { date, runs } })) {
      setForm({});
      setSaved(t('ops.backup.saved'));
    }
  }

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
      {canRecord && (
        <form className="ops-form" noValidate onSubmit={(e) => void submit(e)}>
          <Saved text={saved} />
          <FailureBanner failure={formLevel(failure, rowsOf.map((_, i) => `runs.${i}`))} />
          <table className="table ops-table ops-backup-form" data-testid="backup-form">
            <thead>
              <tr>
                <th>{t('ops.backup.job')}</th>
                <th>{t('ops.backup.result')}</th>
                <th>{t('ops.backup.note')}</th>
              </tr>
            </thead>
            <tbody>
              {rowsOf
                .filter((r) => jobs.includes(r.job))
                .map((r) => {
                  const k = key(r.job, r.target);
                  const label = { job: r.job, target: t(`ops.target.${r.target}`) };
                  const v = form[k] ?? { result: '' as Choice, note: '' };
                  return (
                    <tr key={k}>
                      <td>
                        {r.job} <span className="muted small">({t(`ops.target.${r.target}`)})</span>
                      </td>
                      <td>
                        <select
                          aria-label={t('ops.backup.resultFor', label)}
                          value={v.result}
                          onChange={(e) => {
                            setForm({ ...form, [k]: { ...v, result: e.target.value as Choice } });
                            if (failure) setFailure(null);
                          }}
                        >
                          <option value="">{t('ops.backupResult.none')}</option>
                          <option value="ok">{t('ops.backupResult.ok')}</option>
                          <option value="bad">{t('ops.backupResult.failed')}</option>
                        </select>
                      </td>
                      <td>
                        <input aria-label={t('ops.backup.noteFor', label)} value={v.note} aria-invalid={!!rowErr(k)} onChange={(e) => setForm({ ...form, [k]: { ...v, note: e.target.value } })} />
                        <RowError message={rowErr(k)} />
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
          <p className="muted small">{t('ops.backup.jobsFromSettings')}</p>
          <FormActions submitLabel={t('ops.backup.save')} busy={busy} />
        </form>
      )}
    </section>
  );
}

function VerifyCard({ date, day, canRecord, org }: { date: string; day: OpsDayState | null; canRecord: boolean; org: OrgState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  const { run, failure, busy } = useCommand();
  const jobs = backupJobs(org);
  const dates = daysEnding(date, 7);
  const week = useLiveQuery(() => opsDays(db, dates), [date]) ?? [];
  const lastVerified = [...week].reverse().find((d) => d && d.verifications.length > 0);
  const [job, setJob] = useState('');
  const [restoredTo, setRestoredTo] = useState('');
  const [result, setResult] = useState<Choice>('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const input = { date, verificationId: newId(), job, restoredTo, ok: (result === '' ? undefined : result === 'ok') as boolean, note };
    if (await run({ type: 'opsday.verifyBackup', input })) {
      setJob('');
      setRestoredTo('');
      setResult('');
      setNote('');
      setSaved(t('ops.verify.saved'));
    }
  }
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
        <form className="ops-form" noValidate onSubmit={(e) => void submit(e)}>
          <Saved text={saved} />
          <FailureBanner failure={formLevel(failure, ['job', 'restoredTo', 'ok', 'note'])} />
          <div className="grid-2">
            <Field label={t('ops.verify.job')} htmlFor="ver-job" error={errorFor(failure, 'job')}>
              <select id="ver-job" value={job} onChange={(e) => setJob(e.target.value)}>
                <option value="">—</option>
                {jobs.map((j) => (
                  <option key={j} value={j}>
                    {j}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('ops.verify.restoredTo')} htmlFor="ver-to" error={errorFor(failure, 'restoredTo')} hint={t('ops.verify.restoredToHint')}>
              <input id="ver-to" value={restoredTo} onChange={(e) => setRestoredTo(e.target.value)} />
            </Field>
            <Field label={t('ops.verify.result')} htmlFor="ver-result" error={errorFor(failure, 'ok')}>
              <select id="ver-result" value={result} onChange={(e) => setResult(e.target.value as Choice)}>
                <option value="">—</option>
                <option value="ok">{t('ops.verify.ok')}</option>
                <option value="bad">{t('ops.verify.failed')}</option>
              </select>
            </Field>
            <Field label={t('ops.verify.note')} htmlFor="ver-note" error={errorFor(failure, 'note')}>
              <input id="ver-note" value={note} onChange={(e) => setNote(e.target.value)} />
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
  const [server, setServer] = useState('');
  const [tasks, setTasks] = useState<MaintenanceTask[]>([]);
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    if (await run({ type: 'opsday.logMaintenance', input: { date, entryId: newId(), server, tasks, notes } })) {
      setServer('');
      setTasks([]);
      setNotes('');
      setSaved(t('ops.maintenance.saved'));
    }
  }
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
        <form className="ops-form" noValidate onSubmit={(e) => void submit(e)}>
          <Saved text={saved} />
          <FailureBanner failure={formLevel(failure, ['server', 'tasks', 'notes'])} />
          <div className="grid-2">
            <Field label={t('ops.maintenance.server')} htmlFor="mnt-server" error={errorFor(failure, 'server')}>
              <input id="mnt-server" value={server} onChange={(e) => setServer(e.target.value)} />
            </Field>
          </div>
          <fieldset className={errorFor(failure, 'tasks') ? 'has-error' : undefined}>
            <legend>{t('ops.maintenance.tasks')}</legend>
            <div className="ops-tasks">
              {MAINTENANCE_TASKS.map((k) => (
                <label key={k} className="check">
                  <input type="checkbox" checked={tasks.includes(k)} onChange={(e) => setTasks(e.target.checked ? [...tasks, k] : tasks.filter((x) => x !== k))} />
                  {t(`ops.task.${k}`)}
                </label>
              ))}
            </div>
            <RowError message={errorFor(failure, 'tasks')} />
          </fieldset>
          <Field label={t('ops.maintenance.notes')} htmlFor="mnt-notes" error={errorFor(failure, 'notes')} wide>
            <textarea id="mnt-notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </Field>
          <FormActions submitLabel={t('ops.maintenance.save')} busy={busy} />
        </form>
      ) : (
        <p className="muted small">{t('ops.maintenance.itOnly')}</p>
      )}
    </section>
  );
}
