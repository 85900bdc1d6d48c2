/**
 * Formulir Akses Ruang Server (A4): the visit as the SOP's form, always in Indonesian, with the
 * devices table and the visitor's, officer's and approver's signature boxes.
 */
import { formatPrintDateTime } from '@shared/office-time';
import type { OrgState } from '@shared/domain/org/state';
import type { VisitState } from '@shared/domain/visit/state';
import i18n from '@renderer/i18n';
import { Letterhead, SignatureBox } from '@renderer/print/Letterhead';

interface Props {
  org: OrgState;
  visit: VisitState;
  names: Map<string, string>;
  /** NIPs by user id, printed under the officer's and approver's signatures. */
  nips: Map<string, string>;
  printedAt: string;
  printedBy: string;
}

export function VisitFormTemplate({ org, visit, names, nips, printedAt, printedBy }: Props) {
  const t = i18n.getFixedT('id');
  const dt = (iso?: string) => formatPrintDateTime(iso, org.timeZone, 'id');
  const name = (id?: string) => (id ? names.get(id) : undefined);
  const outcome = (deviceId: string) => {
    const o = visit.deviceOutcomes?.find((x) => x.deviceId === deviceId);
    if (!o) return '';
    return o.result === 'matched' ? t('print.visit.deviceOut') : `${t('print.visit.deviceLeft')}: ${o.reason}`;
  };
  return (
    <article className="print-doc visit-doc" data-testid="visit-form">
      <Letterhead org={org} />
      <h1 className="doc-title">{t('print.visit.title')}</h1>
      <div className="doc-number">
        {t('print.docNo')}: {visit.docNo}
      </div>
      <h2>A. {t('print.visit.visitor')}</h2>
      <table className="kv">
        <tbody>
          <tr><th>{t('visit.fields.visitorName')}</th><td>{visit.visitorName}</td></tr>
          <tr><th>{t('print.visit.identity')}</th><td>{t(`visit.idTypes.${visit.idType}`)} — {visit.idNumber}</td></tr>
          <tr><th>{t('visit.fields.organisation')}</th><td>{visit.organisation}</td></tr>
          <tr><th>{t('visit.fields.phone')}</th><td>{visit.phone}</td></tr>
        </tbody>
      </table>
      <h2>B. {t('print.visit.work')}</h2>
      <table className="kv">
        <tbody>
          <tr><th>{t('visit.fields.purpose')}</th><td>{visit.purpose}</td></tr>
          <tr><th>{t('visit.fields.workPlan')}</th><td className="pre">{visit.workPlan}</td></tr>
          <tr><th>{t('visit.fields.plannedMinutes')}</th><td>{visit.plannedMinutes} {t('print.minutes')}</td></tr>
        </tbody>
      </table>
      <h2>C. {t('print.visit.approvalAndAccess')}</h2>
      <table className="kv">
        <tbody>
          <tr><th>{t('print.visit.decision')}</th><td>{visit.decision ? `${visit.decision.approved ? t('print.visit.approved') : t('print.visit.refused')} — ${name(visit.decision.by) ?? ''}, ${dt(visit.decision.at)}${visit.decision.reason ? ` (${visit.decision.reason})` : ''}` : t('print.visit.pending')}</td></tr>
          <tr><th>{t('visit.fields.badge')}</th><td>{visit.badge ?? '—'}</td></tr>
          <tr><th>{t('visit.fields.escort')}</th><td>{name(visit.escortId) ?? '—'}</td></tr>
          <tr><th>{t('visit.fields.enteredAt')}</th><td>{dt(visit.enteredAt)}</td></tr>
          <tr><th>{t('visit.fields.exitedAt')}</th><td>{dt(visit.exitedAt)}</td></tr>
        </tbody>
      </table>
      <h2>D. {t('print.visit.devices')}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th className="num">No</th>
            <th>{t('visit.fields.deviceKind')}</th>
            <th>{t('visit.fields.brandModel')}</th>
            <th>{t('visit.fields.serial')}</th>
            <th>{t('print.visit.atCheckout')}</th>
          </tr>
        </thead>
        <tbody>
          {visit.devices.length === 0 && (
            <tr><td colSpan={5} className="center">{t('print.visit.noDevices')}</td></tr>
          )}
          {visit.devices.map((d, i) => (
            <tr key={d.id}>
              <td className="num">{i + 1}</td>
              <td>{t(`visit.deviceKinds.${d.kind}`)}</td>
              <td>{d.brandModel}</td>
              <td className="mono">{d.serial}</td>
              <td>{outcome(d.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!!visit.unknownSerials?.length && (
        <p className="flag">
          {t('print.visit.unknownSerials')}: {visit.unknownSerials.join(', ')}
        </p>
      )}
      <h2>E. {t('print.visit.activity')}</h2>
      <div className="box">
        {visit.activities.length === 0 ? <span className="muted">—</span> : (
          <ul>
            {visit.activities.map((a, i) => (
              <li key={i}>{formatPrintDateTime(a.at, org.timeZone, 'id')}: {a.text}</li>
            ))}
          </ul>
        )}
        <div><strong>{t('visit.fields.outcome')}:</strong> {visit.outcome ?? ''}</div>
      </div>
      {visit.corrections.length > 0 && (
        <>
          <h2>F. {t('print.visit.corrections')}</h2>
          <ul>
            {visit.corrections.map((c, i) => (
              <li key={i}>{dt(c.at)} — {name(c.by)}: {c.text}</li>
            ))}
          </ul>
        </>
      )}
      <div className="signatures">
        <SignatureBox role={t('print.visit.sigVisitor')} name={visit.visitorName} />
        <SignatureBox role={t('print.visit.sigOfficer')} name={name(visit.escortId ?? visit.registeredBy)} nip={nips.get(visit.escortId ?? visit.registeredBy) ?? ''} />
        <SignatureBox role={t('print.visit.sigApprover')} name={name(visit.decision?.by)} nip={nips.get(visit.decision?.by ?? '') ?? ''} />
      </div>
      <footer className="doc-footer">
        {t('print.printedAt', { at: dt(printedAt), by: printedBy })} · {visit.status === 'archived' ? t('print.archived') : t(`visit.status.${visit.status}`)}
      </footer>
    </article>
  );
}
