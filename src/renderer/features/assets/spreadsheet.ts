/** Reading and writing inventory spreadsheets in the renderer: CSV with papaparse, XLSX with exceljs. */
import Papa from 'papaparse';
import { EXPORT_COLUMNS, exportRow } from '@shared/domain/asset/import';
import type { AssetState } from '@shared/domain/asset/state';

/** A sheet: header row and data rows (cells as text, or Date from XLSX). */
export interface Sheet {
  headers: string[];
  rows: unknown[][];
}

async function loadExcel() {
  const mod = await import('exceljs');
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
}

/** Reads the first sheet of an XLSX file or a CSV file (comma or semicolon separated). */
export async function readSheet(file: File): Promise<Sheet> {
  if (/\.xlsx$/i.test(file.name)) {
    const ExcelJS = await loadExcel();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    const ws = wb.worksheets[0];
    if (!ws) return { headers: [], rows: [] };
    const all: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => {
        if (v && typeof v === 'object' && !(v instanceof Date)) {
          const o = v as { text?: string; result?: unknown; richText?: { text: string }[] };
          return o.text ?? (o.richText ? o.richText.map((r) => r.text).join('') : (o.result ?? ''));
        }
        return v ?? '';
      });
      all.push(values);
    });
    const [headers = [], ...rows] = all;
    return { headers: headers.map(String), rows };
  }
  const text = await file.text();
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = parsed.data;
  return { headers, rows };
}

/**
 * The rows an import left out, as CSV to fix and import again: the file's own columns as they
 * came (so the fixed file maps the same way), then the spreadsheet row number and the problems.
 */
export function leftOutCsv(headers: readonly string[], rows: readonly { row: number; cells: readonly unknown[]; problems: string }[], extra: { row: string; problems: string }): string {
  const cell = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === undefined || v === null ? '' : String(v));
  return `\uFEFF${Papa.unparse({ fields: [...headers, extra.row, extra.problems], data: rows.map((r) => [...headers.map((_, i) => cell(r.cells[i])), String(r.row), r.problems]) })}`;
}

/** The inventory as CSV text (UTF-8 with BOM, so Excel opens it right). */
export function inventoryCsv(assets: readonly AssetState[], holder: (a: AssetState) => string): string {
  return `\uFEFF${Papa.unparse({ fields: [...EXPORT_COLUMNS], data: assets.map((a) => exportRow(a, holder(a))) })}`;
}

/** The inventory as an XLSX file, base64. */
export async function inventoryXlsx(assets: readonly AssetState[], holder: (a: AssetState) => string): Promise<string> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inventaris');
  ws.addRow([...EXPORT_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  for (const a of assets) ws.addRow(exportRow(a, holder(a)));
  ws.columns.forEach((c) => (c.width = 18));
  const buffer = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(buffer as ArrayBuffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
