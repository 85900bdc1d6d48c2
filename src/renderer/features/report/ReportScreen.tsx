/**
 * #/reports (admins and auditors): the monthly management report (SOP 6) of a month chosen with
 * a month picker, the previous month by default (the report is due at the start of the next
 * month); figures and charts per section, print / PDF (#/print/report/YYYY-MM) and XLSX export.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMonth, monthName, reportMonthFor } from '@shared/report/monthly';
import { formatDateTime, localDate } from '@shared/office-time';
import { useLang, useOrg } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { PageHeader } from '@renderer/components/ui';
import { platform } from '@renderer/platform';
import { db } from '@renderer/store';
import { loadMonthlyReport } from '@renderer/store/queries/report';
import { ReportBody } from './ReportBody';
import { reportFileName, reportXlsx } from './spreadsheet';
import './report.css';
import { DateTextInput } from '@renderer/components/DateInputs';

/** The month in the route (?month=YYYY-MM), or the one whose report is due now. */
export function routeMonth(route: string, zone: Parameters<typeof localDate>[1]): string {
  const m = new URLSearchParams(route.split('?')[1] ?? '').get('month') ?? '';
  return isMonth(m) ? m : reportMonthFor(localDate(new Date().toISOString(), zone));
}

export function ReportScreen({ route }: { route: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const lang = useLang();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const month = org ? routeMonth(route, org.timeZone) : '';
  const report = useLiveQuery(async () => (org && month ? loadMonthlyReport(db, month, org, new Date()) : undefined), [month, org]);
  if (!org) return null;

  const exportXlsx = async () => {
    if (!report) return;
    setBusy(true);
    setMessage(null);
    try {
      const data = await reportXlsx(report, org);
      const r = await platform.saveFile({ fileName: reportFileName(month, 'xlsx'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data, encoding: 'base64' });
      setMessage(r.ok ? (r.data ? t('report.savedTo', { path: r.data.path }) : null) : t(r.error.message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-screen">
      <PageHeader
        title={`${t('report.title')} · ${monthName(month, lang)}`}
        subtitle={t('report.intro')}
        actions={
          <>
            <label className="report-month">
              <span>{t('report.month')}</span>
              <DateTextInput kind="month" value={month} onChange={(v) => isMonth(v) && v <= localDate(new Date().toISOString(), org.timeZone).slice(0, 7) && navigate(`/reports?month=${v}`)} />
            </label>
            <button type="button" className="btn" disabled={!report} onClick={() => navigate(`/print/report/${month}`)}>
              {t('report.printPdf')}
            </button>
            <button type="button" className="btn" disabled={!report || busy} onClick={() => void exportXlsx()}>
              {busy ? t('report.exporting') : t('report.exportXlsx')}
            </button>
          </>
        }
      />
      {message && (
        <div className="banner banner-info" role="status">
          {message}
        </div>
      )}
      {!report ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          {!report.complete && (
            <div className="banner banner-info" role="note">
              {t('report.provisional', { at: formatDateTime(report.asOf, org.timeZone, lang) })}
            </div>
          )}
          <ReportBody report={report} t={t} lang={lang} />
        </>
      )}
    </div>
  );
}
