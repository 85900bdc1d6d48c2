/**
 * The report's three charts with chart.js 4, loaded on demand (only this screen uses it) and
 * with only the controllers and elements drawn here registered. Fixed size, no animation; the
 * print view passes devicePixelRatio 3 so the charts stay sharp on paper and in the PDF.
 */
import type * as ChartJs from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { ASSET_STATUSES } from '@shared/domain/asset/state';
import { PRIORITIES } from '@shared/domain/ticket/state';
import type { MonthlyReport } from '@shared/report/monthly';

let loaded: Promise<typeof ChartJs> | null = null;
function loadChartJs() {
  loaded ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.DoughnutController, m.ArcElement, m.CategoryScale, m.LinearScale, m.Legend, m.Tooltip);
    return m;
  });
  return loaded;
}

const GREEN = '#2e7d32', RED = '#c62828', GREY = '#9e9e9e', BLUE = '#1565c0';
const STATUS_COLOURS: Record<string, string> = { in_stock: '#1565c0', assigned: '#2e7d32', maintenance: '#ef6c00', awaiting_wipe: '#6a1b9a', retired: '#757575', lost: '#c62828' };
const FONT = { family: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif', size: 12 };

function ChartCanvas({ config, width, height, dpr, testId, label }: { config: ChartConfiguration; width: number; height: number; dpr?: number; testId: string; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const json = JSON.stringify(config);
  const key = `${json}|${dpr ?? ''}`;
  // The configuration last drawn: the canvas is ready when it is the current one.
  const [drawn, setDrawn] = useState<string | null>(null);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    void loadChartJs().then(({ Chart }) => {
      if (cancelled || !ref.current) return;
      const cfg = JSON.parse(json) as ChartConfiguration;
      cfg.options = { ...cfg.options, responsive: false, animation: false, devicePixelRatio: dpr ?? window.devicePixelRatio };
      chart = new Chart(ref.current, cfg);
      setDrawn(`${json}|${dpr ?? ''}`);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [json, dpr]);
  return (
    <figure className="report-figure">
      <figcaption>{label}</figcaption>
      <canvas ref={ref} width={width} height={height} style={{ width, height }} role="img" aria-label={label} data-testid={testId} data-ready={drawn === key ? 'true' : 'false'} />
    </figure>
  );
}

interface ChartProps {
  report: MonthlyReport;
  t: TFunction;
  dpr?: number;
  width?: number;
  height?: number;
}

/** A tick label on two lines when it is long (no slanted labels). */
const wrap = (text: string): string | string[] => {
  const cut = text.lastIndexOf(' ');
  return text.length > 9 && cut > 0 ? [text.slice(0, cut), text.slice(cut + 1)] : text;
};

/** Tickets by priority, SLA met / breached / pending stacked. */
export function TicketsChart({ report, t, dpr, width = 360, height = 230 }: ChartProps) {
  const p = report.tickets.byPriority;
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: PRIORITIES.map((x) => t(`ticket.priority.${x}`)),
      datasets: [
        { label: t('report.tickets.met'), data: PRIORITIES.map((x) => p[x].met), backgroundColor: GREEN },
        { label: t('report.tickets.breached'), data: PRIORITIES.map((x) => p[x].breached), backgroundColor: RED },
        { label: t('report.tickets.pending'), data: PRIORITIES.map((x) => p[x].pending), backgroundColor: GREY },
      ],
    },
    options: {
      plugins: { legend: { position: 'bottom', labels: { font: FONT, boxWidth: 12 } } },
      scales: { x: { stacked: true, ticks: { font: FONT, maxRotation: 0, autoSkip: false } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0, font: FONT } } },
    },
  };
  return <ChartCanvas config={config as ChartConfiguration} width={width} height={height} dpr={dpr} testId="chart-tickets" label={t('report.tickets.chart')} />;
}

/** Devices by status (statuses with none left out). */
export function AssetsChart({ report, t, dpr, width = 360, height = 230 }: ChartProps) {
  const statuses = ASSET_STATUSES.filter((s) => report.assets.byStatus[s] > 0);
  const config: ChartConfiguration<'doughnut'> = {
    type: 'doughnut',
    data: {
      labels: statuses.map((s) => `${t(`asset.status.${s}`)} (${report.assets.byStatus[s]})`),
      datasets: [{ data: statuses.map((s) => report.assets.byStatus[s]), backgroundColor: statuses.map((s) => STATUS_COLOURS[s] ?? GREY), borderWidth: 1 }],
    },
    options: { plugins: { legend: { position: 'right', labels: { font: FONT, boxWidth: 12 } } } },
  };
  return <ChartCanvas config={config as ChartConfiguration} width={width} height={height} dpr={dpr} testId="chart-assets" label={t('report.assets.chart')} />;
}

/** Incidents by working days to resolve, and those not yet resolved. */
export function IncidentsChart({ report, t, dpr, width = 360, height = 230 }: ChartProps) {
  const b = report.incidents.daysBuckets;
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: [t('report.incidents.upTo2'), t('report.incidents.upTo5'), t('report.incidents.over5'), t('report.incidents.stillOpen')].map(wrap),
      datasets: [{ label: t('report.incidents.total'), data: [b.upTo2, b.upTo5, b.over5, report.incidents.open], backgroundColor: [GREEN, BLUE, RED, GREY] }],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { x: { ticks: { font: FONT, maxRotation: 0, autoSkip: false } }, y: { beginAtZero: true, ticks: { precision: 0, font: FONT } } },
    },
  };
  return <ChartCanvas config={config as ChartConfiguration} width={width} height={height} dpr={dpr} testId="chart-incidents" label={t('report.incidents.chart')} />;
}
