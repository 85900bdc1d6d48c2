/** The incident's record panels: the step history against the standard, analysis, evidence, violations. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { incidentDecideSanctionInput, incidentRecordViolationInput, incidentSetFieldsInput } from '@shared/domain/incident/commands';
import { standardMs } from '@shared/domain/incident/clock';
import { INCIDENT_ANALYSIS_FIELDS, type AnalysisField, type IncidentState } from '@shared/domain/incident/state';
import { INCIDENT_STEPS, stepOf } from '@shared/domain/incident/steps';
import { newId } from '@shared/ids';
import { useCommand, useFormatDateTime, useOrg, useUserNames } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { FailureBanner, Field } from '@renderer/components/ui';
import { db } from '@renderer/store';
import { EvidenceInput } from './EvidenceInput';
import { formatBytes, formatWorking, standardText } from './format';
import { can } from '@shared/domain/can';
import { FormActions } from '@renderer/components/kit/FormActions';

/** Every completed step in order (each pass of the 7→8→9 loop), then the current one. */
export function StepHistory({ incident }: { incident: IncidentState }) {
  const { t } = useTranslation();
  const org = useOrg();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const passes = new Map<number, number>();
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('incident.history.title')}</h2>
      <table className="table steps-table" data-testid="step-history">
        <thead>
          <tr>
            <th>{t('incident.fields.step')}</th>
            <th>{t('incident.history.who')}</th>
            <th>{t('incident.history.when')}</th>
            <th>{t('incident.history.used')}</th>
            <th>{t('incident.history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {incident.history.map((h, i) => {
            const pass = (passes.get(h.step) ?? 0) + 1;
            passes.set(h.step, pass);
            const over = h.workingMs > standardMs(h.step, org ?? undefined).maxMs;
            return (
              <tr key={i}>
                <td className="step-cell">
                  <span className="step-no">{h.step}</span> {t(stepOf(h.step).titleKey)}
                  {/* Pass 2 is the first rework: numbered like the rework counter (1×, 2×). */}
                  {pass > 1 && <span className="tag">{t('incident.history.pass', { n: pass - 1 })}</span>}
                  <div className="muted small">{t(`roles.${h.role}`)}</div>
                </td>
                <td>{names.get(h.by) ?? '—'}</td>
                <td className="nowrap">{fmt(h.at)}</td>
                <td className={`nowrap${over ? ' text-danger' : ''}`}>
                  {formatWorking(t, h.workingMs)} / {standardText(t, h.step)}
                </td>
                <td className="note-cell">
                  {h.outcome && <strong>{t(`incident.outcomes.${h.outcome}`)}. </strong>}
                  {h.note}
                </td>
              </tr>
            );
          })}
          {incident.status === 'open' && (
            <tr className="current">
              <td className="step-cell">
                <span className="step-no">{incident.step}</span> {t(stepOf(incident.step).titleKey)}
                <div className="muted small">{t(`roles.${incident.turnRole}`)}</div>
              </td>
              <td colSpan={4} className="muted">
                {t('incident.history.inProgress', { since: fmt(incident.stepStartedAt) })}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

/** The SOP table itself: each step's role, standard time and output, and where this incident is. */
export function ProcedureTable({ incident }: { incident: IncidentState }) {
  const { t } = useTranslation();
  const done = new Set(incident.history.map((h) => h.step));
  return (
    <section className="card" aria-labelledby="procedure-title">
      <h2 id="procedure-title">{t('incident.procedure.title')}</h2>
      <table className="table steps-table" data-testid="procedure">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('incident.procedure.what')}</th>
            <th>{t('incident.procedure.who')}</th>
            <th>{t('incident.procedure.standard')}</th>
            <th>{t('incident.procedure.output')}</th>
            <th>{t('incident.fields.status')}</th>
          </tr>
        </thead>
        <tbody>
          {INCIDENT_STEPS.map((s) => {
            const current = incident.status === 'open' && incident.step === s.no;
            return (
              <tr key={s.no} className={current ? 'current' : undefined}>
                <td>{s.no}</td>
                <td>{t(s.titleKey)}</td>
                <td>{t(`roles.${s.role}`)}</td>
                <td className="nowrap">{standardText(t, s.no)}</td>
                <td>{s.output}</td>
                <td>{current ? t('incident.procedure.current') : done.has(s.no) ? t('incident.procedure.done') : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

const analysisForm = incidentSetFieldsInput.omit({ id: true });
type AnalysisValues = Record<AnalysisField, string>;

/** Actions, root cause, mitigation, lessons learned (feeds the yearly policy review). */
export function AnalysisPanel({ incident }: { incident: IncidentState }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const canEdit = can(user, 'incident.setFields');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section className="card" aria-labelledby="analysis-title">
      <h2 id="analysis-title">{t('incident.analysis.title')}</h2>
      {editing ? (
        <AnalysisForm
          incident={incident}
          onDone={(ok) => {
            setEditing(false);
            setSaved(ok);
          }}
        />
      ) : (
        <>
          <dl className="dl">
            {INCIDENT_ANALYSIS_FIELDS.map((f) => (
              <div key={f} style={{ display: 'contents' }}>
                <dt>{t(`incident.fields.${f}`)}</dt>
                <dd className="pre">{incident[f] || '—'}</dd>
              </div>
            ))}
          </dl>
          {saved && (
            <div className="banner banner-info" role="status">
              {t('common.saved')}
            </div>
          )}
          {canEdit && (
            <button type="button" className="btn" onClick={() => { setSaved(false); setEditing(true); }}>
              {t('common.edit')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function AnalysisForm({ incident, onDone }: { incident: IncidentState; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState } = useForm<z.input<typeof analysisForm>, unknown, z.output<typeof analysisForm>>({
    resolver: zodResolver(analysisForm),
    defaultValues: Object.fromEntries(INCIDENT_ANALYSIS_FIELDS.map((f) => [f, incident[f]])) as AnalysisValues,
  });
  const onSubmit = handleSubmit(async (v) => {
    if (await run({ type: 'incident.setFields', input: { id: incident.id, ...v } })) onDone(true);
  });
  return (
    <form noValidate onSubmit={(ev) => void onSubmit(ev)}>
      <FailureBanner failure={failure} />
      {INCIDENT_ANALYSIS_FIELDS.map((f) => (
        <Field key={f} label={t(`incident.fields.${f}`)} htmlFor={`analysis-${f}`} error={formState.errors[f]?.message ?? (failure?.field === f ? failure.message : undefined)}>
          <textarea id={`analysis-${f}`} rows={2} {...register(f)} />
        </Field>
      ))}
      <FormActions submitLabel={t('common.save')} busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}

/** Evidence files: open the ones this device holds; the others show "not yet downloaded". */
export function EvidencePanel({ incident }: { incident: IncidentState }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const user = useSessionStore((s) => s.user);
  const { run, failure } = useCommand();
  const hashes = incident.attachments.map((a) => a.hash);
  const present = useLiveQuery(async () => new Set((await db.blobs.bulkGet(hashes)).filter((b) => b?.data).map((b) => b!.hash)), [hashes.join(',')]) ?? new Set<string>();
  const canAdd = incident.status === 'open' && can(user, 'incident.attach');
  const open = async (hash: string, name: string) => {
    const row = await db.blobs.get(hash);
    if (!row?.data) return;
    const url = URL.createObjectURL(new Blob([row.data as Uint8Array<ArrayBuffer>], { type: row.type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('incident.evidence.title')}</h2>
      {incident.attachments.length === 0 ? (
        <p className="muted">{t('incident.evidence.none')}</p>
      ) : (
        <ul className="evidence-list" data-testid="evidence-list">
          {incident.attachments.map((a) => (
            <li key={a.hash}>
              <strong>{a.name}</strong>
              <span className="muted small">
                {formatBytes(a.size)} · {names.get(a.addedBy) ?? '—'} · {fmt(a.addedAt)}
              </span>
              {present.has(a.hash) ? (
                <button type="button" className="btn btn-small" onClick={() => open(a.hash, a.name)}>
                  {t('incident.evidence.open')}
                </button>
              ) : (
                <span className="tag tag-warn">{t('incident.evidence.notDownloaded')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <FailureBanner failure={failure} />
      {canAdd && (
        <EvidenceInput
          id="evidence-add"
          onAdded={async (refs) => {
            for (const file of refs) if (!incident.attachments.some((a) => a.hash === file.hash)) await run({ type: 'incident.attach', input: { id: incident.id, file } });
          }}
        />
      )}
    </section>
  );
}

const sanctionForm = incidentDecideSanctionInput.pick({ sanction: true });
const violationForm = incidentRecordViolationInput.pick({ person: true, rule: true, description: true });
const blankViolation = { person: '', rule: '', description: '' };

/** Policy violations (SOP 000 Tahap 4-5): the person, the rule broken, and the sanction the admin decided. */
export function ViolationsPanel({ incident }: { incident: IncidentState }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const user = useSessionStore((s) => s.user);
  const canRecord = can(user, 'incident.recordViolation');
  const isAdmin = can(user, 'incident.decideSanction');
  return (
    <section className="card" aria-labelledby="violations-title">
      <h2 id="violations-title">{t('incident.violations.title')}</h2>
      {incident.violations.length === 0 && <p className="muted">{t('incident.violations.none')}</p>}
      {incident.violations.map((v) => (
        <div className="violation" key={v.id} data-testid="violation">
          <div>
            <strong>{v.person}</strong> — {v.rule}
          </div>
          {v.description && <div className="pre">{v.description}</div>}
          <div className="muted small">
            {t('incident.violations.recordedBy', { name: names.get(v.recordedBy) ?? '—', at: fmt(v.recordedAt) })}
          </div>
          {v.sanction ? (
            <div>
              {t('incident.violations.sanction')}: <strong>{v.sanction.text}</strong>{' '}
              <span className="muted small">({names.get(v.sanction.by) ?? '—'}, {fmt(v.sanction.at)})</span>
            </div>
          ) : isAdmin ? (
            <SanctionForm incidentId={incident.id} violationId={v.id} />
          ) : (
            <div className="muted">{t('incident.violations.awaitingSanction')}</div>
          )}
        </div>
      ))}
      {canRecord && <ViolationForm incidentId={incident.id} />}
    </section>
  );
}

function SanctionForm({ incidentId, violationId }: { incidentId: string; violationId: string }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState, reset } = useForm<z.input<typeof sanctionForm>, unknown, z.output<typeof sanctionForm>>({
    resolver: zodResolver(sanctionForm),
    defaultValues: { sanction: '' },
  });
  const onSubmit = handleSubmit(async ({ sanction }) => {
    if (await run({ type: 'incident.decideSanction', input: { id: incidentId, violationId, sanction } })) reset();
  });
  const refused = failure && (failure.field === 'sanction' || failure.message === 'incident.errors.sanction') ? failure.message : undefined;
  return (
    <form className="inline-form" noValidate onSubmit={(ev) => void onSubmit(ev)}>
      <Field label={t('incident.violations.sanction')} htmlFor={`sanction-${violationId}`} error={formState.errors.sanction?.message ?? refused}>
        <input id={`sanction-${violationId}`} {...register('sanction')} />
      </Field>
      <FormActions submitLabel={t('incident.violations.decide')} busy={busy} />
    </form>
  );
}

function ViolationForm({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState, reset } = useForm<z.input<typeof violationForm>, unknown, z.output<typeof violationForm>>({
    resolver: zodResolver(violationForm),
    defaultValues: blankViolation,
  });
  const e = formState.errors;
  const fieldError = (f: 'person' | 'rule' | 'description') => e[f]?.message ?? (failure?.field === f ? failure.message : undefined);
  const onSubmit = handleSubmit(async ({ person, rule, description }) => {
    if (await run({ type: 'incident.recordViolation', input: { id: incidentId, violationId: newId(), person, rule, description: description || undefined } })) reset(blankViolation);
  });
  return (
    <form noValidate onSubmit={(ev) => void onSubmit(ev)}>
      <h3>{t('incident.violations.add')}</h3>
      <div className="grid-3">
        <Field label={t('incident.violations.person')} htmlFor="violation-person" error={fieldError('person')}>
          <input id="violation-person" {...register('person')} />
        </Field>
        <Field label={t('incident.violations.rule')} htmlFor="violation-rule" error={fieldError('rule')} wide>
          <input id="violation-rule" {...register('rule')} placeholder={t('incident.violations.rulePlaceholder')} />
        </Field>
        <Field label={t('incident.violations.description')} htmlFor="violation-description" error={fieldError('description')} wide>
          <textarea id="violation-description" rows={2} {...register('description')} />
        </Field>
      </div>
      {failure && !failure.field && <FailureBanner failure={failure} />}
      <FormActions submitLabel={t('incident.violations.record')} busy={busy} variant="plain" />
    </form>
  );
}
