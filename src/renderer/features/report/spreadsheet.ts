/**
 * The monthly report as an XLSX workbook for analysis: an information sheet, then one sheet per
 * section with its figures and tables as numbers (shares as percentages, working days with one
 * decimal). Headers in Indonesian whatever the UI language. exceljs is loaded on demand.
 */
import type { OrgState } from '@shared/domain/org/state';
import { monthName, type MonthlyReport } from '@shared/report/monthly';
import { formatPrintDateTime } from '@shared/office-time';
import i18n from '@renderer/i18n';
import { reportSections, type Value } from './tables';

async function loadExcel() {
  const mod = await import('exceljs');
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
}

const numFmt = (x: Value) => (x.kind === 'pct' ? '0.0%' : x.kind === 'days' ? '0.0' : '0');

/** The file name: laporan-bulanan-ti-2026-11.xlsx. */
export const reportFileName = (month: string, ext: 'xlsx' | 'pdf') => `laporan-bulanan-ti-${month}.${ext}`;

/** The workbook, base64 (for the platform bridge's saveFile). */
export async function reportXlsx(report: MonthlyReport, org: OrgState): Promise<string> {
  const t = i18n.getFixedT('id');
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Meja IT';
  const info = wb.addWorksheet(t('report.sheet.info'));
  info.addRow([t('report.print.title')]).font = { bold: true };
  info.addRow([t('report.sheet.office'), org.name]);
  info.addRow([t('report.sheet.period'), monthName(report.month, 'id')]);
  info.addRow([t('report.sheet.zone'), report.zone]);
  info.addRow([t('report.sheet.generatedAt'), formatPrintDateTime(report.generatedAt, report.zone, 'id')]);
  if (!report.complete) info.addRow([t('report.print.provisional', { at: formatPrintDateTime(report.asOf, report.zone, 'id') })]);
  info.getColumn(1).width = 24;
  info.getColumn(2).width = 50;

  for (const s of reportSections(report, t, (iso) => formatPrintDateTime(iso, report.zone, 'id'))) {
    const ws = wb.addWorksheet(t(`report.sheet.${s.key}`));
    const put = (cells: (string | Value)[], bold = false) => {
      const row = ws.addRow(cells.map((c) => (typeof c === 'string' ? c : c.v)));
      cells.forEach((c, j) => {
        if (typeof c !== 'string') row.getCell(j + 1).numFmt = numFmt(c);
      });
      if (bold) row.font = { bold: true };
    };
    ws.addRow([s.title]).font = { bold: true, size: 13 };
    put([t('report.figure'), t('report.value')], true);
    for (const [label, value] of s.facts) put([label, value]);
    for (const note of s.notes) ws.addRow([note]);
    for (const tb of s.tables) {
      ws.addRow([]);
      put(tb.headers, true);
      for (const row of tb.rows) put(row);
    }
    ws.getColumn(1).width = 44;
    for (let c = 2; c <= 5; c++) ws.getColumn(c).width = 16;
  }
  const buffer = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(buffer as ArrayBuffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
