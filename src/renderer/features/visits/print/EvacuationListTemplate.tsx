/** Daftar Evakuasi: everyone inside the server room now, for a roll call at the assembly point. */
import { formatPrintDateTime, formatTime } from '@shared/office-time';
import type { OrgState } from '@shared/domain/org/state';
import type { VisitState } from '@shared/domain/visit/state';
import i18n from '@renderer/i18n';
import { Letterhead } from '@renderer/print/Letterhead';

interface Props {
  org: OrgState;
  visits: VisitState[];
  names: Map<string, string>;
  printedAt: string;
  printedBy: string;
}

export function EvacuationListTemplate({ org, visits, names, printedAt, printedBy }: Props) {
  const t = i18n.getFixedT('id');
  return (
    <article className="print-doc" data-testid="evacuation-list">
      <Letterhead org={org} />
      <h1 className="doc-title">{t('print.evacuation.title')}</h1>
      <div className="doc-number">{t('print.evacuation.asOf', { at: formatPrintDateTime(printedAt, org.timeZone, 'id') })}</div>
      {/* Fixed columns that add up to the printable width (180 mm): a long organisation wraps, the table never runs off the page. */}
      <table className="grid evacuation-table">
        <colgroup>
          <col style={{ width: '8mm' }} />
          <col style={{ width: '32mm' }} />
          <col style={{ width: '36mm' }} />
          <col style={{ width: '27mm' }} />
          <col style={{ width: '16mm' }} />
          <col style={{ width: '28mm' }} />
          <col style={{ width: '17mm' }} />
          <col style={{ width: '16mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th className="num">No</th>
            <th>{t('visit.fields.visitorName')}</th>
            <th>{t('visit.fields.organisation')}</th>
            <th>{t('visit.fields.phone')}</th>
            <th>{t('visit.fields.badge')}</th>
            <th>{t('visit.fields.escort')}</th>
            <th>{t('print.evacuation.entered')}</th>
            <th>{t('print.evacuation.present')}</th>
          </tr>
        </thead>
        <tbody>
          {visits.length === 0 && (
            <tr><td colSpan={8} className="center">{t('print.evacuation.nobody')}</td></tr>
          )}
          {visits.map((v, i) => (
            <tr key={v.id}>
              <td className="num">{i + 1}</td>
              <td>{v.visitorName}</td>
              <td>{v.organisation}</td>
              <td>{v.phone}</td>
              <td className="mono">{v.badge}</td>
              <td>{names.get(v.escortId ?? '') ?? ''}</td>
              <td>{formatTime(v.enteredAt, org.timeZone, 'id')}</td>
              <td className="checkbox-cell">☐</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('print.evacuation.total', { count: visits.length })}</p>
      <footer className="doc-footer">{t('print.printedAt', { at: formatPrintDateTime(printedAt, org.timeZone, 'id'), by: printedBy })}</footer>
    </article>
  );
}
