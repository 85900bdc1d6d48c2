/**
 * Check-out with device reconciliation: each serial scanned (or typed, then Enter) is matched
 * against the devices brought in; a device staying in the room needs a reason; a serial that
 * never came in is flagged. The badge comes back in exchange for the held ID.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitState } from '../../../shared/domain/visit/state';
import { normaliseSerial } from '../../../shared/validators/serial';
import { useCommand } from '../../app/hooks';
import { Field, FailureBanner } from '../../components/ui';

export function CheckOutPanel({ visit }: { visit: VisitState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [scan, setScan] = useState('');
  const [scanned, setScanned] = useState<string[]>([]);
  const [left, setLeft] = useState<Record<string, string | undefined>>({});
  const [outcome, setOutcome] = useState('');
  const [badgeReturned, setBadgeReturned] = useState(false);
  const [idReturned, setIdReturned] = useState(false);
  const known = new Set(visit.devices.map((d) => d.serial));
  const unknown = scanned.filter((s) => !known.has(s));

  const addScan = () => {
    const s = normaliseSerial(scan);
    if (s && !scanned.includes(s)) setScanned([...scanned, s]);
    setScan('');
  };

  const submit = () =>
    run({
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

  return (
    <section className="card action-card" aria-labelledby="checkout-title">
      <h2 id="checkout-title">{t('visit.checkout.title')}</h2>
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
                    addScan();
                  }
                }}
                placeholder={t('visit.register.scanPlaceholder')}
                autoComplete="off"
              />
            </Field>
            <button type="button" className="btn" onClick={addScan}>
              {t('visit.checkout.confirmSerial')}
            </button>
          </div>
          <ul className="reconcile">
            {visit.devices.map((d) => {
              const matched = scanned.includes(d.serial);
              const isLeft = left[d.id] !== undefined;
              return (
                <li key={d.id} className={matched ? 'ok' : isLeft ? 'left' : 'pending'} data-testid={`reconcile-${d.serial}`}>
                  <div className="reconcile-head">
                    <span className="mono">{d.serial}</span> <span className="muted">{d.brandModel}</span>
                    <span className="reconcile-state">{matched ? t('visit.checkout.matched') : isLeft ? t('visit.checkout.leftInside') : t('visit.checkout.pending')}</span>
                  </div>
                  {!matched && (
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={isLeft}
                        onChange={(e) => setLeft({ ...left, [d.id]: e.target.checked ? '' : undefined })}
                      />
                      {t('visit.checkout.declareLeft', { serial: d.serial })}
                    </label>
                  )}
                  {isLeft && !matched && (
                    <input
                      aria-label={t('visit.checkout.leftReason', { serial: d.serial })}
                      placeholder={t('visit.checkout.leftReasonPlaceholder')}
                      value={left[d.id] ?? ''}
                      onChange={(e) => setLeft({ ...left, [d.id]: e.target.value })}
                    />
                  )}
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
      <Field label={t('visit.fields.outcome')} htmlFor="outcome" hint={t('visit.checkout.outcomeHint')}>
        <textarea id="outcome" rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={badgeReturned} onChange={(e) => setBadgeReturned(e.target.checked)} />
        {t('visit.checkout.badgeReturned', { badge: visit.badge })}
      </label>
      <label className="check">
        <input type="checkbox" checked={idReturned} onChange={(e) => setIdReturned(e.target.checked)} />
        {t('visit.checkout.idReturned', { idType: t(`visit.idTypes.${visit.idType}`) })}
      </label>
      <FailureBanner failure={failure} />
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={submit}>
          {t('visit.checkout.submit')}
        </button>
      </div>
    </section>
  );
}
