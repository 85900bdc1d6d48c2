/** The report's sections as figures, tables and charts; shared by the screen and the print. */
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { MonthlyReport } from '@shared/report/monthly';
import { formatDateTime, type Lang } from '@shared/office-time';
import { AssetsChart, IncidentsChart, TicketsChart } from './charts';
import { formatValue, reportSections, type SectionKey } from './tables';

interface Props {
  report: MonthlyReport;
  t: TFunction;
  lang: Lang;
  /** Chart resolution (the print view uses 3). */
  dpr?: number;
  chartWidth?: number;
  chartHeight?: number;
}

export function ReportBody({ report, t, lang, dpr, chartWidth, chartHeight }: Props) {
  const chartProps = { report, t, dpr, width: chartWidth, height: chartHeight };
  const charts: Partial<Record<SectionKey, ReactNode>> = {
    tickets: <TicketsChart {...chartProps} />,
    assets: <AssetsChart {...chartProps} />,
    incidents: <IncidentsChart {...chartProps} />,
  };
  return (
    <>
      {reportSections(report, t, (iso) => formatDateTime(iso, report.zone, lang)).map((s, n) => (
        <section key={s.key} className="report-section" data-testid={`report-${s.key}`}>
          <h2>
            {n + 1}. {s.title}
          </h2>
          <div className="report-grid">
            <div>
              {s.facts.length > 0 && (
                <table className="report-facts">
                  <tbody>
                    {s.facts.map(([label, value]) => (
                      <tr key={label}>
                        <th scope="row">{label}</th>
                        <td>{formatValue(value, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {s.notes.map((note) => (
                <p key={note} className="report-note">
                  {note}
                </p>
              ))}
              {s.tables.map((tb) => (
                <table key={tb.headers[0]} className="report-table">
                  <thead>
                    <tr>
                      {tb.headers.map((h) => (
                        <th key={h} scope="col">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {tb.rows
                      .filter(([, ...values]) => !tb.sparse || values.some((v) => v.v))
                      .map(([label, ...values]) => (
                        <tr key={label}>
                          <th scope="row">{label}</th>
                          {values.map((v, j) => (
                            <td key={j}>{formatValue(v, lang)}</td>
                          ))}
                        </tr>
                      ))}
                  </tbody>
                </table>
              ))}
            </div>
            {charts[s.key] && <div className="report-chart">{charts[s.key]}</div>}
          </div>
        </section>
      ))}
    </>
  );
}
