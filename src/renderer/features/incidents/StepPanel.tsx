/**
 * The current step: whose turn it is, the step clock against its standard, the procedure's
 * working days against 2-5, the rework count, and — for a holder of the step's role — the form
 * that completes it (a note, and the outcome where the step branches).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { currentStepClock, procedureDays } from '@shared/domain/incident/clock';
import type { IncidentState } from '@shared/domain/incident/state';
import { nextStep, outcomesOf, stepOf, STEP_OUTCOMES } from '@shared/domain/incident/steps';
import { useCommand, useFormatDateTime, useOrg } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { FailureBanner, Field } from '@renderer/components/ui';
import { DueExplain, useWorkCalendar } from '@renderer/components/due';
import { formatWorking, standardText } from './format';
import { useNow } from './MyIncidentsSection';
import { FormActions } from '@renderer/components/kit/FormActions';

const completeForm = z.object({
  note: z.string().trim().min(3, 'incident.errors.note').max(4000, 'incident.errors.tooLong'),
  outcome: z.enum(STEP_OUTCOMES).or(z.literal('')),
  /** Asked only on the step that closes the incident (checked there, and again by the command). */
  rootCause: z.string().trim().max(4000, 'incident.errors.tooLong'),
  mitigation: z.string().trim().max(4000, 'incident.errors.tooLong'),
});
type FormIn = z.input<typeof completeForm>;
type FormOut = z.output<typeof completeForm>;

export function ProcedureFigures({ incident }: { incident: IncidentState }) {
  const { t } = useTranslation();
  const org = useOrg();
  const fmt = useFormatDateTime();
  const now = useNow();
  const cal = useWorkCalendar();
  const c = currentStepClock(incident, org ?? undefined, now);
  const d = procedureDays(incident, org ?? undefined, now);
  return (
    <div className="clock-figures" data-testid="clock-figures">
      {incident.status === 'open' && (
        <>
          <div className={c.overdue ? 'over' : undefined}>
            <div className="label">{t('incident.clock.used')}</div>
            <div className="value" data-testid="step-used">
              {formatWorking(t, c.usedMs)} <span className="muted small">/ {standardText(t, incident.step)}</span>
            </div>
          </div>
          <div className={c.overdue ? 'over' : undefined}>
            <div className="label">{t('incident.fields.stepDueAt')}</div>
            <div className="value small">
              {fmt(incident.stepDueAt)}
              {c.overdue && <span className="tag tag-danger">{t('incident.clock.overdue')}</span>}
              {/* The SOP's standard times are working time: the step's deadline says what it skipped. */}
              <DueExplain cal={cal} from={incident.stepStartedAt} due={incident.stepDueAt} basis="working" />
            </div>
          </div>
        </>
      )}
      <div className={d.over ? 'over' : undefined}>
        <div className="label">{t('incident.clock.total')}</div>
        <div className="value" data-testid="total-days">
          {t('incident.clock.workdays', { days: d.days.toFixed(1) })} <span className="muted small">/ {t('incident.clock.target', { min: d.min, max: d.max })}</span>
        </div>
      </div>
      <div>
        <div className="label">{t('incident.fields.reworkCount')}</div>
        <div className="value" data-testid="rework-count">
          {incident.reworkCount}×
        </div>
      </div>
    </div>
  );
}

export function StepPanel({ incident }: { incident: IncidentState }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const org = useOrg();
  const now = useNow();
  const { run, failure, busy } = useCommand();
  const step = stepOf(incident.step);
  const outcomes = outcomesOf(step.no);
  // The step that closes the incident also asks for its root cause and mitigation (both print on the reports).
  const closes = nextStep(step.no) === 'closed';
  const blank = { note: '', outcome: '' as const, rootCause: incident.rootCause, mitigation: incident.mitigation };
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(completeForm), defaultValues: blank });
  const { register, handleSubmit, formState, setError, reset } = form;
  const e = formState.errors;
  const myTurn = !!user?.roles.includes(step.role);
  const c = currentStepClock(incident, org ?? undefined, now);

  useEffect(() => {
    reset({ note: '', outcome: '', rootCause: incident.rootCause, mitigation: incident.mitigation });
    // Only when the step moves on: what the user typed stays while the analysis changes elsewhere.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incident.step, incident.history.length, reset]);
  useEffect(() => {
    if (failure?.field === 'note' || failure?.field === 'outcome' || failure?.field === 'rootCause' || failure?.field === 'mitigation') setError(failure.field, { message: failure.message });
  }, [failure, setError]);

  const onSubmit = handleSubmit(async (v) => {
    if (outcomes.length > 0 && !v.outcome) return setError('outcome', { message: 'incident.errors.outcomeRequired' });
    if (closes) {
      // Both at once, each at its field.
      if (v.rootCause.length < 3) setError('rootCause', { message: 'incident.errors.rootCauseRequired' });
      if (v.mitigation.length < 3) setError('mitigation', { message: 'incident.errors.mitigationRequired' });
      if (v.rootCause.length < 3 || v.mitigation.length < 3) return;
    }
    await run({
      type: 'incident.completeStep',
      input: { id: incident.id, step: step.no, note: v.note, ...(v.outcome ? { outcome: v.outcome } : {}), ...(closes ? { rootCause: v.rootCause, mitigation: v.mitigation } : {}) },
    });
  });

  return (
    <section className={`card turn-panel${c.overdue ? ' overdue' : ''}`} aria-labelledby="turn-title" data-testid="turn-panel">
      <div className="turn-head">
        <div>
          <div className="muted small">{t('incident.turn.stepOf', { step: step.no, total: 12 })}</div>
          <h2 id="turn-title">{t(step.titleKey)}</h2>
          <div>
            {t('incident.turn.whose')}: <strong data-testid="turn-role">{t(`roles.${step.role}`)}</strong>
            <span className="muted small"> · {t('incident.turn.output')}: {step.output}</span>
          </div>
        </div>
      </div>
      <ProcedureFigures incident={incident} />
      {myTurn ? (
        <form onSubmit={onSubmit} noValidate aria-label={t('incident.turn.complete', { step: step.no })}>
          <FailureBanner failure={failure} />
          {outcomes.length > 0 && (
            <fieldset className={`field${e.outcome ? ' has-error' : ''}`}>
              <legend>{t(`incident.turn.outcomeQuestion.${step.no}`)}</legend>
              <div className="outcomes">
                {outcomes.map((o) => (
                  <label key={o}>
                    <input type="radio" value={o} {...register('outcome')} /> {t(`incident.outcomes.${o}`)}
                    <span className="muted small">→ {t('incident.turn.toStep', { step: stepOf(step.no).branches![o]! })}</span>
                  </label>
                ))}
              </div>
              {e.outcome?.message && (
                <div className="field-error" role="alert">
                  {t(e.outcome.message)}
                </div>
              )}
            </fieldset>
          )}
          <Field label={t('incident.turn.note')} htmlFor="step-note" error={e.note?.message} hint={t('incident.turn.noteHint')}>
            <textarea id="step-note" rows={3} {...register('note')} />
          </Field>
          {closes && (
            <fieldset className="closing-analysis">
              <legend>{t('incident.turn.closingAnalysis')}</legend>
              <p className="hint">{t('incident.turn.closingHint')}</p>
              <Field label={t('incident.fields.rootCause')} htmlFor="close-root-cause" error={e.rootCause?.message}>
                <textarea id="close-root-cause" rows={2} aria-required="true" {...register('rootCause')} />
              </Field>
              <Field label={t('incident.fields.mitigation')} htmlFor="close-mitigation" error={e.mitigation?.message}>
                <textarea id="close-mitigation" rows={2} aria-required="true" {...register('mitigation')} />
              </Field>
            </fieldset>
          )}
          <FormActions submitLabel={t('incident.turn.complete', { step: step.no })} busy={busy} />
        </form>
      ) : (
        <p className="muted" data-testid="not-your-turn">
          {t('incident.turn.waitingFor', { role: t(`roles.${step.role}`) })}
        </p>
      )}
    </section>
  );
}
