/**
 * Inventory spreadsheets (CSV/XLSX) → asset inputs: which column holds which field (guessed
 * from the header, Snipe-IT's export names included), per-row conversion with the problems of
 * each row, and the inventory as rows for export. Pure: the renderer reads and writes files.
 */
import { ASSET_CATEGORIES, assetInputSchema, type AssetCategory, type AssetInput, type AssetState } from './state';

export const IMPORT_FIELDS = ['tag', 'serial', 'category', 'brand', 'model', 'purchaseDate', 'warrantyEnd', 'status', 'condition', 'location', 'notes', 'holder'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Column index per field (-1: not imported). */
export type ColumnMapping = Record<ImportField, number>;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header names each field answers to: ours (id, en) and Snipe-IT's export columns. */
const HEADER_NAMES: Record<ImportField, string[]> = {
  tag: ['asset tag', 'assettag', 'tag', 'inventory tag', 'kode aset', 'no inventaris', 'nomor inventaris', 'label'],
  serial: ['serial number', 'serial', 'serial no', 'nomor seri', 'no seri', 'sn'],
  category: ['category', 'kategori', 'jenis'],
  brand: ['manufacturer', 'brand', 'merek', 'merk', 'pabrikan'],
  model: ['model name', 'model', 'asset name', 'name', 'tipe'],
  purchaseDate: ['purchase date', 'tanggal pembelian', 'tgl beli', 'purchased'],
  warrantyEnd: ['warranty expires', 'warranty end', 'garansi berakhir', 'akhir garansi', 'eol date'],
  status: ['status', 'status label', 'statuslabel'],
  condition: ['condition', 'kondisi'],
  location: ['location', 'default location', 'lokasi', 'ruang'],
  notes: ['notes', 'catatan', 'keterangan'],
  holder: ['checked out to', 'assigned to', 'pemegang', 'pengguna'],
};

/** Guesses the column of each field from the header row. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const names = headers.map(norm);
  const used = new Set<number>();
  const out = {} as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    let found = -1;
    for (const candidate of HEADER_NAMES[field].map(norm)) {
      const i = names.findIndex((n, idx) => n === candidate && !used.has(idx));
      if (i >= 0) {
        found = i;
        break;
      }
    }
    if (found >= 0) used.add(found);
    out[field] = found;
  }
  return out;
}

/** Category words of Snipe-IT and Indonesian offices → our categories. */
const CATEGORY_WORDS: [RegExp, AssetCategory][] = [
  [/laptop|notebook|macbook/i, 'laptop'],
  [/desktop|^pc|komputer|computer|workstation|all.in.one/i, 'pc'],
  [/monitor|display|layar/i, 'monitor'],
  [/print|scanner|pencetak/i, 'printer'],
  [/phone|ponsel|handphone|hp|tablet|mobile/i, 'phone'],
  [/network|switch|router|access point|firewall|jaringan/i, 'network'],
  [/server/i, 'server'],
  [/storage|disk|hdd|ssd|nas|flash|usb drive|penyimpanan/i, 'storage'],
  [/peripheral|keyboard|mouse|webcam|headset|projector|proyektor|ups|periferal/i, 'peripheral'],
];

export function categoryOf(text: string): AssetCategory | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if ((ASSET_CATEGORIES as readonly string[]).includes(t.toLowerCase())) return t.toLowerCase() as AssetCategory;
  return CATEGORY_WORDS.find(([re]) => re.test(t))?.[1];
}

/** Snipe-IT status labels → the status an imported asset starts in (deployed ones are in stock until handed over here). */
export function statusOf(text: string): 'in_stock' | 'maintenance' | 'retired' | 'lost' | undefined {
  const t = text.trim().toLowerCase();
  if (!t || /ready|deploy|pending|stock|tersedia|gudang|dipakai|assigned/.test(t)) return 'in_stock';
  if (/repair|broken|maint|perbaikan|rusak/.test(t)) return 'maintenance';
  if (/archiv|retire|dispos|dihapus|afkir/.test(t)) return 'retired';
  if (/lost|stolen|hilang/.test(t)) return 'lost';
  return undefined;
}

/** A date cell as YYYY-MM-DD: ISO text, DD/MM/YYYY (Indonesian order), or a Date from XLSX. */
export function dateOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const t = String(value).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return valid(+m[3]!, +m[2]!, +m[1]!);
  return null;
}

function valid(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export interface RowResult {
  input?: AssetInput;
  /** Field and i18n key of each problem. */
  problems: { field: string; message: string; params?: Record<string, string | number> }[];
}

/** One data row → an asset input, or its problems. */
export function rowToInput(cells: readonly unknown[], m: ColumnMapping, id: string): RowResult {
  const cell = (f: ImportField) => (m[f] >= 0 ? cells[m[f]] : undefined);
  const text = (f: ImportField) => {
    const v = cell(f);
    return v === undefined || v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  };
  const problems: RowResult['problems'] = [];
  const category = categoryOf(text('category'));
  if (!category) problems.push({ field: 'category', message: 'asset.errors.category', params: { value: text('category') } });
  const status = statusOf(text('status'));
  if (!status) problems.push({ field: 'status', message: 'asset.import.errors.status', params: { value: text('status') } });
  const purchaseDate = dateOf(cell('purchaseDate'));
  if (purchaseDate === null) problems.push({ field: 'purchaseDate', message: 'asset.errors.date' });
  const warrantyEnd = dateOf(cell('warrantyEnd'));
  if (warrantyEnd === null) problems.push({ field: 'warrantyEnd', message: 'asset.errors.date' });
  const conditionText = text('condition').toLowerCase();
  const condition = /rusak|damag|broken/.test(conditionText) ? 'damaged' : /fair|cukup|sedang/.test(conditionText) ? 'fair' : 'good';
  const raw = {
    id,
    tag: text('tag'),
    serial: text('serial'),
    category: category ?? 'peripheral',
    brand: text('brand') || '-',
    model: text('model'),
    purchaseDate: purchaseDate ?? '',
    warrantyEnd: warrantyEnd ?? '',
    condition,
    location: text('location'),
    notes: text('notes'),
    accessories: [],
    status: status ?? 'in_stock',
    importedHolder: text('holder') || undefined,
  };
  const parsed = assetInputSchema.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ field: String(issue.path[0] ?? ''), message: issue.message.includes('.') ? issue.message : 'errors.invalidInput' });
  if (problems.length > 0 || !parsed.success) return { problems };
  return { input: parsed.data, problems };
}

/** The export's columns (Snipe-IT-compatible names, so the file imports back here or there). */
export const EXPORT_COLUMNS = ['Asset Tag', 'Serial Number', 'Category', 'Manufacturer', 'Model Name', 'Purchase Date', 'Warranty Expires', 'Status', 'Condition', 'Location', 'Checked Out To', 'Accessories', 'Last Maintenance', 'Notes'] as const;

/** One asset as an export row. */
export function exportRow(a: AssetState, holderName: string): string[] {
  return [
    a.tag,
    a.serial,
    a.category,
    a.brand,
    a.model,
    a.purchaseDate ?? '',
    a.warrantyEnd ?? '',
    a.status,
    a.condition,
    a.location,
    holderName,
    a.accessories.map((x) => `${x.kind}${x.serial ? ` ${x.serial}` : ''}${x.missing ? ' (missing)' : ''}`).join('; '),
    a.lastMaintenanceAt?.slice(0, 10) ?? '',
    a.notes,
  ];
}
