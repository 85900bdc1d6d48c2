/**
 * Formulir Laporan Insiden IT (A4, always Indonesian): the report, every step with who, when,
 * the note and the working time against the SOP's standard, the analysis, the evidence list,
 * violations and sanctions, and signature boxes. Also "Laporan Penyelesaian Gangguan", the
 * completion report handed on at step 12.
 */
import type { TFunction } from 'i18next';
import { formatPrintDateTime } from '@shared/office-time';
import { standardMs } from '@shared/domain/incident/clock';
import type { IncidentState } from '@shared/domain/incident/state';
import { INCIDENT_TARGET_WORKDAYS, stepOf } from '@shared/domain/incident/steps';
import type { OrgState } from '@shared/domain/org/state';
import i18n from '@renderer/i18n';
import { formatBytes, formatWorking, standardText } from '../format';
import { Letterhead, SignatureBox } from '@renderer/print/Letterhead';
import './incident-print.css';

interface Props {
  org: OrgState;
  incident: IncidentState;
  names: Map<string, string>;
  nips: Map<string, string>;
  printedAt: string;
  printedBy: string;
}

/** The last person who completed one of these steps. */
const lastBy = (i: IncidentState, ...steps: number[]) => [...i.history].reverse().find((h) => steps.includes(h.step))?.by;

function Footer({ t, org, incident, printedAt, printedBy }: Omit<Props, 'names' | 'nips'> & { t: TFunction }) {
  return (
    <footer className="doc-footer">
      {t('print.printedAt', { at: formatPrintDateTime(printedAt, org.timeZone, 'id'), by: printedBy })} · {t(`incident.status.${incident.status}`)}
    </footer>
  );
}

export function IncidentReportTemplate({ org, incident, names, nips, printedAt, printedBy }: Props) {
  const t = i18n.getFixedT('id');
  const dt = (iso?: string) => formatPrintDateTime(iso, org.timeZone, 'id');
  const name = (id?: string) => (id ? names.get(id) : undefined);
  const days = incident.workingDays;
  const passOf = (index: number) => incident.history.slice(0, index + 1).filter((h) => h.step === incident.history[index]!.step).length;
  return (
    <article className="print-doc" data-testid="incident-report">
      <Letterhead org={org} />
      <h1 className="doc-title">{t('print.incident.title')}</h1>
      <div className="doc-number">
        {t('print.docNo')}: {incident.docNo}
      </div>
      <h2>A. {t('print.incident.report')}</h2>
      <table className="kv">
        <tbody>
          <tr><th>{t('incident.fields.title')}</th><td>{incident.title}</td></tr>
          <tr><th>{t('incident.fields.reporterName')}</th><td>{incident.reporterName}{incident.reporterContact ? ` (${incident.reporterContact})` : ''}</td></tr>
          <tr><th>{t('incident.fields.detectedAt')}</th><td>{dt(incident.detectedAt)}</td></tr>
          <tr><th>{t('incident.fields.reportedAt')}</th><td>{dt(incident.reportedAt)} — {name(incident.reportedBy) ?? ''}</td></tr>
          <tr><th>{t('incident.fields.category')}</th><td>{t(`incident.categories.${incident.category}`)}</td></tr>
          <tr><th>{t('incident.fields.severity')}</th><td>{t(`incident.severities.${incident.severity}`)}</td></tr>
          <tr><th>{t('incident.fields.affectedSystems')}</th><td>{incident.affectedSystems}</td></tr>
          {incident.ticketId && <tr><th>{t('incident.fields.ticket')}</th><td>{incident.ticketDocNo ?? incident.ticketId}</td></tr>}
          <tr><th>{t('incident.fields.description')}</th><td className="pre">{incident.description}</td></tr>
        </tbody>
      </table>
      <h2>B. {t('print.incident.steps')}</h2>
      {/* Compact: every pass of every step on as few pages as the notes allow. */}
      <table className="grid steps-table">
        <colgroup>
          <col style={{ width: '8mm' }} />
          <col style={{ width: '47mm' }} />
          <col style={{ width: '29mm' }} />
          <col style={{ width: '21mm' }} />
          <col />
          <col style={{ width: '24mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th className="num">No</th>
            <th>{t('print.incident.step')}</th>
            <th>{t('print.incident.by')}</th>
            <th>{t('print.incident.when')}</th>
            <th>{t('print.incident.note')}</th>
            <th>{t('print.incident.time')}</th>
          </tr>
        </thead>
        <tbody>
          {incident.history.map((h, i) => (
            <tr key={i}>
              <td className="num">{h.step}</td>
              <td>
                {t(stepOf(h.step).titleKey)}
                {/* Pass 2 of a step is its first rework, as the counter below counts them. */}
                {passOf(i) > 1 && <span className="small"> ({t('print.incident.pass', { n: passOf(i) - 1 })})</span>}
              </td>
              <td>{name(h.by) ?? ''}<br /><span className="small">{t(`print.incident.roles.${h.role}`)}</span></td>
              <td>{dt(h.at)}</td>
              <td>{h.outcome ? `${t(`incident.outcomes.${h.outcome}`)}. ` : ''}{h.note}</td>
              <td className="nowrap">
                {formatWorking(t, h.workingMs)} / {standardText(t, h.step)}
                {h.workingMs > standardMs(h.step, org).maxMs ? ` (${t('print.incident.over')})` : ''}
              </td>
            </tr>
          ))}
          {incident.status === 'open' && (
            <tr>
              <td className="num">{incident.step}</td>
              <td>{t(stepOf(incident.step).titleKey)}</td>
              <td colSpan={4}>{t('print.incident.inProgress', { role: t(`print.incident.roles.${incident.turnRole}`), due: dt(incident.stepDueAt) })}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p>
        {t('print.incident.rework', { count: incident.reworkCount })}
        {days !== undefined && ` ${t('print.incident.total', { days: days.toFixed(1), min: INCIDENT_TARGET_WORKDAYS.min, max: INCIDENT_TARGET_WORKDAYS.max })}`}
      </p>
      <h2>C. {t('print.incident.analysis')}</h2>
      <table className="kv">
        <tbody>
          <tr><th>{t('incident.fields.actions')}</th><td className="pre">{incident.actions || '—'}</td></tr>
          <tr><th>{t('incident.fields.rootCause')}</th><td className="pre">{incident.rootCause || '—'}</td></tr>
          <tr><th>{t('incident.fields.mitigation')}</th><td className="pre">{incident.mitigation || '—'}</td></tr>
          <tr><th>{t('incident.fields.lessonsLearned')}</th><td className="pre">{incident.lessonsLearned || '—'}</td></tr>
        </tbody>
      </table>
      <h2>D. {t('print.incident.evidence')}</h2>
      <table className="grid">
        <thead>
          <tr><th className="num">No</th><th>{t('print.incident.fileName')}</th><th>{t('print.incident.fileSize')}</th><th>SHA-256</th><th>{t('print.incident.addedBy')}</th></tr>
        </thead>
        <tbody>
          {incident.attachments.length === 0 && <tr><td colSpan={5} className="center">{t('incident.evidence.none')}</td></tr>}
          {incident.attachments.map((a, i) => (
            <tr key={a.hash}>
              <td className="num">{i + 1}</td>
              <td>{a.name}</td>
              <td className="nowrap">{formatBytes(a.size)}</td>
              <td className="mono">{a.hash.slice(0, 16)}…</td>
              <td>{name(a.addedBy) ?? ''}, {dt(a.addedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>E. {t('print.incident.violations')}</h2>
      <table className="grid">
        <thead>
          <tr><th className="num">No</th><th>{t('incident.violations.person')}</th><th>{t('incident.violations.rule')}</th><th>{t('incident.violations.sanction')}</th></tr>
        </thead>
        <tbody>
          {incident.violations.length === 0 && <tr><td colSpan={4} className="center">{t('incident.violations.none')}</td></tr>}
          {incident.violations.map((v, i) => (
            <tr key={v.id}>
              <td className="num">{i + 1}</td>
              <td>{v.person}</td>
              <td>{v.rule}{v.description ? ` — ${v.description}` : ''}</td>
              <td>{v.sanction ? `${v.sanction.text} (${name(v.sanction.by) ?? ''}, ${dt(v.sanction.at)})` : t('incident.violations.awaitingSanction')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="signatures">
        <SignatureBox role={t('print.incident.roles.officer')} name={name(incident.reportedBy)} nip={nips.get(incident.reportedBy) ?? ''} />
        <SignatureBox role={t('print.incident.roles.security_lead')} name={name(lastBy(incident, 9, 11, 3))} nip={nips.get(lastBy(incident, 9, 11, 3) ?? '') ?? ''} />
        <SignatureBox role={t('print.incident.roles.admin')} name={name(lastBy(incident, 10, 6, 2))} nip={nips.get(lastBy(incident, 10, 6, 2) ?? '') ?? ''} />
      </div>
      <Footer t={t} org={org} incident={incident} printedAt={printedAt} printedBy={printedBy} />
    </article>
  );
}

export function IncidentCompletionTemplate({ org, incident, names, nips, printedAt, printedBy }: Props) {
  const t = i18n.getFixedT('id');
  const dt = (iso?: string) => formatPrintDateTime(iso, org.timeZone, 'id');
  const name = (id?: string) => (id ? names.get(id) : undefined);
  const check = [...incident.history].reverse().find((h) => h.step === 9 && h.outcome === 'done');
  const notice = [...incident.history].reverse().find((h) => h.step === 11);
  const handover = [...incident.history].reverse().find((h) => h.step === 12);
  return (
    <article className="print-doc" data-testid="incident-completion">
      <Letterhead org={org} />
      <h1 className="doc-title">{t('print.incident.completionTitle')}</h1>
      <div className="doc-number">
        {t('print.docNo')}: {incident.docNo}
      </div>
      <p>{t('print.incident.completionIntro', { title: incident.title, reportedAt: dt(incident.reportedAt) })}</p>
      <table className="kv">
        <tbody>
          <tr><th>{t('incident.fields.reporterName')}</th><td>{incident.reporterName}</td></tr>
          <tr><th>{t('incident.fields.category')}</th><td>{t(`incident.categories.${incident.category}`)} ({t(`incident.severities.${incident.severity}`)})</td></tr>
          <tr><th>{t('incident.fields.affectedSystems')}</th><td>{incident.affectedSystems}</td></tr>
          <tr><th>{t('print.incident.closedAt')}</th><td>{incident.closedAt ? dt(incident.closedAt) : t('print.incident.notClosed')}</td></tr>
          <tr>
            <th>{t('print.incident.duration')}</th>
            <td>
              {incident.workingDays !== undefined
                ? t('print.incident.totalValue', { days: incident.workingDays.toFixed(1), min: INCIDENT_TARGET_WORKDAYS.min, max: INCIDENT_TARGET_WORKDAYS.max })
                : '—'}
            </td>
          </tr>
          <tr><th>{t('incident.fields.reworkCount')}</th><td>{incident.reworkCount}</td></tr>
        </tbody>
      </table>
      <h2>{t('print.incident.resolution')}</h2>
      <table className="kv">
        <tbody>
          <tr><th>{t('incident.fields.actions')}</th><td className="pre">{incident.actions || '—'}</td></tr>
          <tr><th>{t('incident.fields.rootCause')}</th><td className="pre">{incident.rootCause || '—'}</td></tr>
          <tr><th>{t('incident.fields.mitigation')}</th><td className="pre">{incident.mitigation || '—'}</td></tr>
          <tr><th>{t('print.incident.checkResult')}</th><td>{check ? `${check.note} (${name(check.by) ?? ''}, ${dt(check.at)})` : '—'}</td></tr>
          <tr><th>{t('print.incident.teamNotified')}</th><td>{notice ? `${notice.note} (${name(notice.by) ?? ''}, ${dt(notice.at)})` : '—'}</td></tr>
          <tr><th>{t('print.incident.reporterNotified')}</th><td>{handover ? `${handover.note} (${name(handover.by) ?? ''}, ${dt(handover.at)})` : '—'}</td></tr>
        </tbody>
      </table>
      <div className="signatures">
        <SignatureBox role={t('print.incident.roles.technician')} name={name(lastBy(incident, 8, 7))} nip={nips.get(lastBy(incident, 8, 7) ?? '') ?? ''} />
        <SignatureBox role={t('print.incident.roles.security_lead')} name={name(lastBy(incident, 11, 9))} nip={nips.get(lastBy(incident, 11, 9) ?? '') ?? ''} />
        <SignatureBox role={t('print.incident.roles.officerClosing')} name={name(lastBy(incident, 12))} nip={nips.get(lastBy(incident, 12) ?? '') ?? ''} />
      </div>
      <Footer t={t} org={org} incident={incident} printedAt={printedAt} printedBy={printedBy} />
    </article>
  );
}
