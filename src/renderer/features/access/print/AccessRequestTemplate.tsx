/**
 * Formulir Permintaan Akses Sistem Informasi (SOP-IT-003): A4, letterhead, document number and
 * revision, the employee, the requester, the systems requested with what the IT team created
 * and revoked, the need, the IT Manager's decision (and the earlier returns with their
 * reasons), and the four signature blocks — Pemohon, Kepala Divisi, IT Manager, Tim IT.
 * Always in Indonesian, whatever the UI language.
 */
import { shownAccessStatus, type AccessRequestState } from '@shared/domain/access/state';
import type { OrgState } from '@shared/domain/org/state';
import { formatDay, formatPrintDateTime } from '@shared/office-time';
import i18n from '@renderer/i18n';
import { Letterhead, SignatureBox } from '@renderer/print/Letterhead';

export interface PrintUser {
  name: string;
  nip?: string;
}

interface Props {
  org: OrgState;
  request: AccessRequestState;
  /** Users by id, for the IT Manager and the IT team (names and NIPs). */
  users: Map<string, PrintUser>;
  printedAt: string;
  printedBy: string;
}

export function AccessRequestTemplate({ org, request: r, users, printedAt, printedBy }: Props) {
  const t = i18n.getFixedT('id');
  const date = (iso: string) => formatDay(iso, org.timeZone, 'id', 'print');
  const name = (id: string | undefined) => (id ? (users.get(id)?.name ?? id) : '');
  const grantOf = (itemId: string) => r.grants.find((g) => g.itemId === itemId);
  const given = r.status === 'approved' || r.status === 'provisioned' || r.status === 'revoked';
  const decided = given || r.status === 'returned';
  const manager = decided ? users.get(r.decidedBy ?? '') : undefined;
  const granters = [...new Set(r.grants.map((g) => g.grantedBy))];
  const team = granters.length > 0 ? { name: granters.map(name).join(', '), nip: granters.length === 1 ? (users.get(granters[0]!)?.nip ?? '') : undefined } : undefined;
  const returns = r.versions.filter((v) => v.returnedReason);
  const row = (label: string, value: string) => (
    <tr>
      <th>{label}</th>
      <td>{value || '—'}</td>
    </tr>
  );
  return (
    <article className="print-doc access-doc" data-testid="access-doc">
      <Letterhead org={org} />
      <h1 className="doc-title">{t('access.print.title')}</h1>
      <div className="doc-subtitle">{t('access.print.subtitle')}</div>
      <div className="doc-number">
        {t('print.docNo')}: {r.docNo}
        {r.version > 1 && <> · {t('access.print.revision', { n: r.version })}</>}
      </div>
      <div className="access-meta">
        {t('access.print.submittedAt')}: {date(r.submittedAt)} · {t('access.print.status')}: {t(`access.status.${shownAccessStatus(r)}`)}
      </div>

      <div className="access-parties">
        <div>
          <h2>1. {t('access.print.employeeSection')}</h2>
          <table className="kv">
            <tbody>
              {row(t('access.print.name'), r.employee.name)}
              {row(t('access.print.nip'), r.employee.nip)}
              {row(t('access.print.department'), r.employee.department)}
              {row(t('access.print.position'), r.employee.position)}
            </tbody>
          </table>
        </div>
        <div>
          <h2>2. {t('access.print.requesterSection')}</h2>
          <table className="kv">
            <tbody>
              {row(t('access.print.name'), r.requester.name)}
              {row(t('access.print.position'), r.requester.position)}
              {row(t('access.print.divisionHead'), [r.divisionHead.name, r.divisionHead.position].filter(Boolean).join(', '))}
            </tbody>
          </table>
        </div>
      </div>

      <h2>3. {t('access.print.systemsSection')}</h2>
      <table className="grid access-items">
        <colgroup>
          <col className="c-no" />
          <col className="c-system" />
          <col className="c-level" />
          <col className="c-scope" />
          <col className="c-account" />
          <col className="c-granted" />
          <col className="c-revoked" />
        </colgroup>
        <thead>
          <tr>
            <th className="num">{t('access.print.no')}</th>
            <th>{t('access.print.system')}</th>
            <th>{t('access.print.level')}</th>
            <th>{t('access.print.scope')}</th>
            <th>{t('access.print.account')}</th>
            <th>{t('access.print.grantedBy')}</th>
            <th>{t('access.print.revoked')}</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((it, i) => {
            const g = grantOf(it.id);
            return (
              <tr key={it.id}>
                <td className="num">{i + 1}</td>
                <td>{it.system}</td>
                <td>{t(`access.level.${it.level}`)}</td>
                <td className="wrap">{it.scope || '—'}</td>
                <td className="wrap">
                  {g ? g.account : ''}
                  {g?.note ? <div className="small">{g.note}</div> : null}
                </td>
                <td>{g ? `${name(g.grantedBy)}, ${date(g.grantedAt)}` : ''}</td>
                <td>{g?.revokedAt ? t('access.print.revokedOn', { date: date(g.revokedAt), by: name(g.revokedBy), reason: g.revokeReason ?? '' }) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>4. {t('access.print.needSection')}</h2>
      <div className="box access-need">{r.need}</div>

      <h2>5. {t('access.print.decisionSection')}</h2>
      <table className="kv">
        <tbody>
          <tr>
            <th>{t('access.print.decision')}</th>
            <td>
              <span className="tick">{given ? '☒' : '☐'}</span> {t('access.print.approved')}
              {'   '}
              <span className="tick">{r.status === 'returned' ? '☒' : '☐'}</span> {t('access.print.returned')}
              {r.status === 'submitted' && <span className="muted-print"> ({t('access.print.pending')})</span>}
              {r.status === 'cancelled' && <strong> — {t('access.print.cancelled')}</strong>}
            </td>
          </tr>
          {r.status === 'returned' && row(t('access.print.reason'), r.returnedReason ?? '')}
          {given && r.decisionNote && row(t('access.print.note'), r.decisionNote)}
          {r.status === 'cancelled' && row(t('access.print.reason'), r.cancelReason ?? '')}
          {decided && row(t('access.print.decidedBy'), [name(r.decidedBy), r.decidedAt ? date(r.decidedAt) : ''].filter(Boolean).join(', '))}
        </tbody>
      </table>
      {returns.length > 0 && (
        <div className="access-history">
          <div className="small-heading">{t('access.print.history')}</div>
          <ul>
            {returns.map((v) => (
              <li key={v.n}>{t('access.print.historyLine', { n: v.n, date: v.returnedAt ? date(v.returnedAt) : '—', by: name(v.returnedBy) || '—', reason: v.returnedReason })}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="signatures access-signatures">
        <SignatureBox role={`${t('access.print.sigRequester')} (${t('access.print.sigRequesterSub')})`} name={r.requester.name} />
        <SignatureBox role={`${t('access.print.sigDivisionHead')} (${t('access.print.sigDivisionHeadSub')})`} name={r.divisionHead.name} />
        <SignatureBox role={`${t('access.print.sigItManager')} (${t('access.print.sigItManagerSub')})`} name={manager?.name} nip={manager ? (manager.nip ?? '') : ''} />
        <SignatureBox role={`${t('access.print.sigItTeam')} (${t('access.print.sigItTeamSub')})`} name={team?.name} nip={team ? team.nip : ''} />
      </div>
      <div className="doc-footer">
        SOP-IT-003 · {r.docNo} · {t('print.printedAt', { at: formatPrintDateTime(printedAt, org.timeZone, 'id'), by: printedBy })}
      </div>
    </article>
  );
}
