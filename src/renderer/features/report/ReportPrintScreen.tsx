/**
 * #/print/report/YYYY-MM: the monthly report on A4 for management — letterhead, "LAPORAN BULANAN
 * TEKNOLOGI INFORMASI", the month in Indonesian, the sections with their charts (drawn at
 * devicePixelRatio 3, no animation, so they stay sharp in the PDF) and the signature blocks.
 * Always in Indonesian, whatever the UI language.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMonth, monthName } from '@shared/report/monthly';
import { formatDay, formatPrintDateTime } from '@shared/office-time';
import { useOrg } from '@renderer/app/hooks';
import { officeCity } from '@shared/domain/org/state';
import { match } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import i18n from '@renderer/i18n';
import { PrintToolbar } from '@renderer/print/PrintToolbar';
import { Letterhead, SignatureBox } from '@renderer/print/Letterhead';
import { db } from '@renderer/store';
import { loadMonthlyReport } from '@renderer/store/queries/report';
import { ReportBody } from './ReportBody';
import { reportFileName } from './spreadsheet';
import '@renderer/print/print.css';
import './report.css';

export function ReportPrintScreen({ route }: { route: string }) {
  const { t: ui } = useTranslation();
  const org = useOrg();
  const user = useSessionStore((s) => s.user);
  const month = match('/print/report/:month', route)?.month ?? '';
  const [now] = useState(() => new Date());
  const report = useLiveQuery(async () => (org && isMonth(month) ? loadMonthlyReport(db, month, org, now) : null), [month, org, now]);
  if (!org || !user) return null;
  const t = i18n.getFixedT('id');
  return (
    <div className="print-screen">
      <PrintToolbar fileName={reportFileName(month, 'pdf')} />
      <div className="paper">
        {!report ? (
          <p>{report === null ? ui('common.notFound') : ui('common.loading')}</p>
        ) : (
          <article className="print-doc report-doc" data-testid="report-doc">
            <Letterhead org={org} />
            <h1 className="doc-title">{t('report.print.title')}</h1>
            <div className="doc-number">{t('report.print.period', { month: monthName(month, 'id') })}</div>
            {!report.complete && <p className="report-note center">{t('report.print.provisional', { at: formatPrintDateTime(report.asOf, org.timeZone, 'id') })}</p>}
            <ReportBody report={report} t={t} lang="id" dpr={3} chartWidth={300} chartHeight={190} />
            {/* Place, date and both signatures stay together on one page. */}
            <div className="report-closing" data-testid="report-closing">
              <div className="report-date">{[officeCity(org), formatDay(report.generatedAt, org.timeZone, 'id', 'print')].filter(Boolean).join(', ')}</div>
              <div className="signatures report-signatures">
                <SignatureBox role={`${t('report.print.preparedBy')}, ${t('report.print.itTeam')}`} name={user.displayName} />
                <SignatureBox role={`${t('report.print.acknowledged')}, ${t('report.print.manager')}`} />
              </div>
            </div>
            <div className="doc-footer">{t('print.printedAt', { at: formatPrintDateTime(report.generatedAt, org.timeZone, 'id'), by: user.displayName })}</div>
          </article>
        )}
      </div>
    </div>
  );
}
