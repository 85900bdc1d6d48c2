/**
 * Inventory spreadsheets (CSV/XLSX) → asset inputs: which column holds which field (guessed
 * from the header, Snipe-IT's export names included), per-row conversion with the problems of
 * each row, and the inventory as rows for export. Pure: the renderer reads and writes files.
 */
import { dateOf, guessColumns, rowReader, type CellProblem, type ColumnMapping as SheetMapping, type RowResult } from '../../sheet';
import type { z } from 'zod';
import { ASSET_CATEGORIES, assetInputSchema, type Accessory, type accessoryInputSchema, type AccessoryKind, type AssetCategory, type AssetInput, type AssetState } from './state';

type AccessoryInput = z.input<typeof accessoryInputSchema>;

export const IMPORT_FIELDS = ['tag', 'serial', 'category', 'brand', 'model', 'purchaseDate', 'warrantyEnd', 'status', 'condition', 'location', 'notes', 'holder', 'accessories'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = SheetMapping<ImportField>;

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
  accessories: ['accessories', 'aksesoris', 'kelengkapan', 'perlengkapan'],
};

/** Guesses the column of each field from the header row. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  return guessColumns(headers, IMPORT_FIELDS, HEADER_NAMES);
}

/** Words that name an accessory's kind, in Indonesian and English (the export writes the kind's own name). */
const ACCESSORY_WORDS: [RegExp, AccessoryKind][] = [
  [/^(charger|adaptor|adapter|pengisi daya|casan|cas|power adapter)\b/i, 'charger'],
  [/^(bag|tas|sleeve)\b/i, 'bag'],
  [/^(dock|docking|docking station)\b/i, 'dock'],
  [/^(mouse|tetikus)\b/i, 'mouse'],
  [/^(keyboard|papan ketik)\b/i, 'keyboard'],
  [/^(cable|kabel)\b/i, 'cable'],
  [/^(other|lainnya|lain)\b/i, 'other'],
];

/**
 * The accessories cell: items separated by ";" (or new lines), each "<kind> [serial] [– description]"
 * as the export writes them, e.g. "charger 5CD1234 – Adaptor 65W; tas; mouse SN: M123". A
 * trailing "(missing)" / "(hilang)" is the export's note of a past return and is dropped. An
 * item whose first words name no kind is kept as "other" with the whole text as description.
 */
export function parseAccessories(text: string): AccessoryInput[] {
  return text
    .split(/[;\n]+/)
    .map((s) => s.trim().replace(/\s*\((missing|hilang)\)\s*$/i, ''))
    .filter(Boolean)
    .map((item) => {
      const [head = '', ...rest] = item.split(/\s+[–—-]\s+/);
      const description = rest.join(' – ').trim();
      const hit = ACCESSORY_WORDS.map(([re, kind]) => ({ kind, m: re.exec(head.trim()) })).find((x) => x.m);
      if (!hit) return { kind: 'other' as const, serial: '', description: item.slice(0, 120) };
      const remainder = head.trim().slice(hit.m![0].length).replace(/^\s*[:-]?\s*(s\/?n(\s*[:.]\s*|\s+))?/i, '').trim();
      // What follows the kind is its serial when it holds a digit ("CHG-100"), else words ("Kabel HDMI").
      if (remainder && !/\d/.test(remainder)) return { kind: hit.kind, serial: '', description: [remainder, description].filter(Boolean).join(' – ') };
      return { kind: hit.kind, serial: remainder, description };
    });
}

/** Accessories as the export's cell (parseAccessories reads it back). */
export function accessoriesCell(list: readonly Pick<Accessory, 'kind' | 'serial' | 'description' | 'missing'>[]): string {
  return list.map((x) => `${x.kind}${x.serial ? ` ${x.serial}` : ''}${x.description ? ` – ${x.description}` : ''}${x.missing ? ' (missing)' : ''}`).join('; ');
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

export type { RowResult };

/** One data row → an asset input, or its problems. */
export function rowToInput(cells: readonly unknown[], m: ColumnMapping, id: string): RowResult<AssetInput> {
  const { cell, text } = rowReader(cells, m);
  const problems: CellProblem[] = [];
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
    accessories: parseAccessories(text('accessories')),
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
    accessoriesCell(a.accessories),
    a.lastMaintenanceAt?.slice(0, 10) ?? '',
    a.notes,
  ];
}
