/**
 * Check-out with device reconciliation: each serial scanned (or typed, then Enter) is matched
 * against the devices brought in, and the scan field keeps the focus for the next one; a device
 * staying in the room needs a reason; a serial that never came in is flagged. The badge comes
 * back in exchange for the held ID. Every missing piece is shown at its field, all at once.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitState } from '@shared/domain/visit/state';
import { normaliseSerial } from '@shared/validators/serial';
import { useCommand } from '@renderer/app/hooks';
import { Field, FailureBanner } from '@renderer/components/ui';

interface Problem {
  key: string;
  params?: Record<string, string>;
}

/** What still stops the check-out, by field: the same rules as visit.checkOut, checked here first. */
export function checkOutProblems(
  visit: Pick<VisitState, 'devices'>,
  v: { outcome: string; scanned: string[]; left: Record<string, string | undefined>; badgeReturned: boolean; idReturned: boolean },
): Record<string, Problem> {
  const out: Record<string, Problem> = {};
  if (v.outcome.trim().length < 3) out.outcome = { key: 'visit.errors.outcome' };
  for (const d of visit.devices) {
    if (v.scanned.includes(d.serial)) continue;
    const reason = v.left[d.id];
    if (reason === undefined) out[`device.${d.id}`] = { key: 'visit.errors.deviceUnresolved', params: { serial: d.serial } };
    else if (reason.trim().length < 3) out[`leftInside.${d.id}`] = { key: 'visit.errors.leftInsideReason', params: { serial: d.serial } };
  }
  if (!v.badgeReturned) out.badgeReturned = { key: 'visit.errors.badgeNotReturned' };
  if (!v.idReturned) out.idReturned = { key: 'visit.errors.idNotReturned' };
  return out;
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

export function CheckOutPanel({ visit }: { visit: VisitState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [scan, setScan] = useState('');
  const [scanned, setScanned] = useState<string[]>([]);
  const [left, setLeft] = useState<Record<string, string | undefined>>({});
  const [outcome, setOutcome] = useState('');
  const [badgeReturned, setBadgeReturned] = useState(false);
  const [idReturned, setIdReturned] = useState(false);
  /** Set by the first try: from then on the problems follow what the officer fixes. */
  const [tried, setTried] = useState(false);
  const known = new Set(visit.devices.map((d) => d.serial));
  const unknown = scanned.filter((s) => !known.has(s));
  const problems = tried ? checkOutProblems(visit, { outcome, scanned, left, badgeReturned, idReturned }) : {};
  // A refusal from the domain that names a field shows there too (e.g. a device added meanwhile).
  if (failure?.field && shownAtField(failure.field) && !problems[failure.field]) problems[failure.field] = { key: failure.message, params: failure.params as Record<string, string> | undefined };
  const err = (key: string) => (problems[key] ? `checkout-${key.replace('.', '-')}-error` : undefined);

  const addScan = (raw: string) => {
    const s = normaliseSerial(raw);
    if (s) setScanned((prev) => (prev.includes(s) ? prev : [...prev, s]));
    setScan('');
  };

  const submit = () => {
    setTried(true);
    if (Object.keys(checkOutProblems(visit, { outcome, scanned, left, badgeReturned, idReturned })).length > 0) return;
    return run({
      type: 'visit.checkOut',
      input: {
        id: visit.id,
        outcome,
        scannedSerials: scanned,
        leftInside: Object.entries(left)
          .filter((e): e is [string, string] => e[1] !== undefined)
          .map(([deviceId, reason]) => ({ deviceId, reason })),
        badgeReturned,
        idReturned,
      },
    });
  };

  const count = Object.keys(problems).length;
  return (
    <section className="card action-card" aria-labelledby="checkout-title">
      <h2 id="checkout-title">{t('visit.checkout.title')}</h2>
      {count > 0 && (
        <div className="banner banner-error" role="alert" data-testid="checkout-problems">
          {t('desk.checkout.problems', { count })}
        </div>
      )}
      {visit.devices.length > 0 && (
        <>
          <div className="scan-row">
            <Field label={t('visit.checkout.scanLabel')} htmlFor="checkout-scan">
              <input
                id="checkout-scan"
                className="mono"
                value={scan}
                onChange={(e) => setScan(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addScan(e.currentTarget.value);
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
            {visit.devices.map((d) => {
              const matched = scanned.includes(d.serial);
              const isLeft = left[d.id] !== undefined;
              const deviceProblem = problems[`device.${d.id}`];
              const reasonProblem = problems[`leftInside.${d.id}`];
              return (
                <li key={d.id} className={`${matched ? 'ok' : isLeft ? 'left' : 'pending'}${deviceProblem ? ' has-error' : ''}`} data-testid={`reconcile-${d.serial}`}>
                  <div className="reconcile-head">
                    <span className="mono">{d.serial}</span> <span className="muted">{d.brandModel}</span>
                    <span className="reconcile-state">{matched ? t('visit.checkout.matched') : isLeft ? t('visit.checkout.leftInside') : t('visit.checkout.pending')}</span>
                  </div>
                  {!matched && (
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={isLeft}
                        aria-describedby={err(`device.${d.id}`)}
                        onChange={(e) => setLeft({ ...left, [d.id]: e.target.checked ? '' : undefined })}
                      />
                      {t('visit.checkout.declareLeft', { serial: d.serial })}
                    </label>
                  )}
                  {isLeft && !matched && (
                    <div className={reasonProblem ? 'has-error' : undefined}>
                      <input
                        aria-label={t('visit.checkout.leftReason', { serial: d.serial })}
                        placeholder={t('visit.checkout.leftReasonPlaceholder')}
                        value={left[d.id] ?? ''}
                        aria-invalid={reasonProblem ? true : undefined}
                        aria-describedby={err(`leftInside.${d.id}`)}
                        onChange={(e) => setLeft({ ...left, [d.id]: e.target.value })}
                      />
                    </div>
                  )}
                  {!matched && <FieldError id={`checkout-device-${d.id}-error`} problem={deviceProblem} />}
                  {!matched && <FieldError id={`checkout-leftInside-${d.id}-error`} problem={reasonProblem} />}
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
      <Field label={t('visit.fields.outcome')} htmlFor="outcome" hint={t('visit.checkout.outcomeHint')} error={problems.outcome?.key}>
        <textarea id="outcome" rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      </Field>
      <div className={problems.badgeReturned ? 'has-error' : undefined}>
        <label className="check">
          <input type="checkbox" checked={badgeReturned} aria-invalid={problems.badgeReturned ? true : undefined} aria-describedby={err('badgeReturned')} onChange={(e) => setBadgeReturned(e.target.checked)} />
          {t('visit.checkout.badgeReturned', { badge: visit.badge })}
        </label>
        <FieldError id="checkout-badgeReturned-error" problem={problems.badgeReturned} />
      </div>
      <div className={problems.idReturned ? 'has-error' : undefined}>
        <label className="check">
          <input type="checkbox" checked={idReturned} aria-invalid={problems.idReturned ? true : undefined} aria-describedby={err('idReturned')} onChange={(e) => setIdReturned(e.target.checked)} />
          {t('visit.checkout.idReturned', { idType: t(`visit.idTypes.${visit.idType}`) })}
        </label>
        <FieldError id="checkout-idReturned-error" problem={problems.idReturned} />
      </div>
      {failure && !shownAtField(failure.field) && <FailureBanner failure={failure} />}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
          {t('visit.checkout.submit')}
        </button>
      </div>
    </section>
  );
}
