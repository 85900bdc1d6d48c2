/**
 * Inventory spreadsheets (CSV/XLSX) → asset inputs: which column holds which field (guessed
 * from the header, Snipe-IT's export names included), per-row conversion with the problems of
 * each row, and the inventory as rows for export. Pure: the renderer reads and writes files.
 */
import { dateOf, guessColumns, rowReader, type CellProblem, type ColumnMapping as SheetMapping, type RowProblem, type RowResult } from '../../sheet';
import type { z } from 'zod';
import type { EmployeeState } from '../employee/state';
import { addMonths, ASSET_CATEGORIES, assetInputSchema, type Accessory, type accessoryInputSchema, type AccessoryKind, type AssetCategory, type AssetInput, type AssetState } from './state';

type AccessoryInput = z.input<typeof accessoryInputSchema>;

export const IMPORT_FIELDS = [
  'tag', 'serial', 'category', 'brand', 'name', 'model', 'modelNumber', 'purchaseDate', 'purchaseCost', 'supplier', 'company', 'warrantyMonths', 'warrantyEnd',
  'status', 'condition', 'location', 'notes', 'holderName', 'holderUsername', 'holderEmail', 'holderNip', 'accessories',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = SheetMapping<ImportField>;

/**
 * Header names each field answers to: ours (id, en), Snipe-IT's (its asset importer's columns
 * "Full Name, Email, Username, Item Name, Category, Model Name, Manufacturer, Model Number,
 * Serial Number, Asset Tag, Location, Notes, Purchase Date, Purchase Cost, Company, Status,
 * Warranty Months, Supplier" and its export's "Checked Out To", "Warranty Expires") and GLPI's
 * computer list export ("Name, Inventory number, Serial number, Manufacturer, Model, Type,
 * Status, Location, User, Alternate username, Comments, Date of purchase, Warranty duration,
 * Value"). Matching ignores case, spaces and punctuation; each column is used once, in the
 * order of IMPORT_FIELDS and of each field's names.
 */
const HEADER_NAMES: Record<ImportField, string[]> = {
  tag: ['asset tag', 'assettag', 'tag', 'inventory tag', 'inventory number', 'kode aset', 'no inventaris', 'nomor inventaris', 'label'],
  serial: ['serial number', 'serial', 'serial no', 'nomor seri', 'no seri', 'sn'],
  category: ['category', 'kategori', 'jenis', 'type', 'tipe perangkat'],
  brand: ['manufacturer', 'brand', 'merek', 'merk', 'pabrikan'],
  name: ['item name', 'asset name', 'nama aset', 'nama barang', 'name'],
  model: ['model name', 'model', 'tipe'],
  modelNumber: ['model number', 'model no', 'model no.', 'nomor model', 'product number'],
  purchaseDate: ['purchase date', 'date of purchase', 'tanggal pembelian', 'tgl beli', 'purchased'],
  purchaseCost: ['purchase cost', 'cost', 'value', 'harga', 'harga beli', 'nilai', 'nilai perolehan'],
  supplier: ['supplier', 'vendor', 'pemasok', 'penyedia'],
  company: ['company', 'entity', 'perusahaan', 'instansi'],
  warrantyMonths: ['warranty months', 'warranty', 'warranty duration', 'masa garansi', 'garansi bulan', 'garansi'],
  warrantyEnd: ['warranty expires', 'warranty end', 'warranty expiration date', 'garansi berakhir', 'akhir garansi', 'eol date'],
  status: ['status', 'status label', 'statuslabel'],
  condition: ['condition', 'kondisi'],
  location: ['location', 'default location', 'lokasi', 'ruang'],
  notes: ['notes', 'comments', 'catatan', 'keterangan'],
  holderName: ['full name', 'checked out to', 'assigned to', 'user', 'pemegang', 'nama pemegang', 'nama pegawai', 'pengguna'],
  holderUsername: ['username', 'user name', 'login', 'alternate username', 'nama pengguna'],
  holderEmail: ['email', 'e-mail', 'user email', 'surel'],
  holderNip: ['employee number', 'employee no', 'employee num', 'nip', 'nomor pegawai'],
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

/** A money cell as a number: "12.500.000", "Rp 12.500.000,00", "2999.99", "12,500,000.00"; null when unreadable. */
export function costOf(value: unknown): number | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  let t = String(value).trim().replace(/^(rp\.?|idr|usd|\$)\s*/i, '').replace(/\s+/g, '');
  if (!t) return undefined;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replaceAll('.', '').replace(',', '.'); // 12.500.000,50
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replaceAll(',', ''); // 12,500,000.50
  else if (/^\d+,\d{1,2}$/.test(t)) t = t.replace(',', '.'); // 2999,99
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** A whole number of months ("36", "36 bulan", "36 months"); null when unreadable. */
export function monthsOf(value: unknown): number | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  const m = /^(\d{1,3})(\s*(bulan|bln|months?|mo))?$/i.exec(String(value).trim());
  return m ? Number(m[1]) : null;
}

/** Who a row names as the holder: any of the keys an export gives (Snipe-IT gives name, username and email). */
export interface HolderRef {
  nip: string;
  username: string;
  email: string;
  name: string;
}

/** One spreadsheet row ready to import: the asset, and the holder the row names (matched in the preview). */
export interface ImportRow {
  input: AssetInput;
  holder?: HolderRef;
}

/** The holder as the row wrote it, for messages and for an asset kept in stock. */
export const holderText = (h: HolderRef): string => h.name || h.username || h.email || h.nip;

/** One data row → an asset input (and the holder it names), or its problems. */
export function rowToInput(cells: readonly unknown[], m: ColumnMapping, id: string): RowResult<ImportRow> {
  const { cell, text } = rowReader(cells, m);
  const problems: CellProblem[] = [];
  const category = categoryOf(text('category'));
  if (!category) problems.push({ field: 'category', message: 'asset.errors.category', params: { value: text('category') } });
  const status = statusOf(text('status'));
  if (!status) problems.push({ field: 'status', message: 'asset.import.errors.status', params: { value: text('status') } });
  const purchaseDate = dateOf(cell('purchaseDate'));
  if (purchaseDate === null) problems.push({ field: 'purchaseDate', message: 'asset.errors.date' });
  let warrantyEnd = dateOf(cell('warrantyEnd'));
  if (warrantyEnd === null) problems.push({ field: 'warrantyEnd', message: 'asset.errors.date' });
  const purchaseCost = costOf(cell('purchaseCost'));
  if (purchaseCost === null) problems.push({ field: 'purchaseCost', message: 'asset.errors.cost', params: { value: text('purchaseCost') } });
  const warrantyMonths = monthsOf(cell('warrantyMonths'));
  if (warrantyMonths === null) problems.push({ field: 'warrantyMonths', message: 'asset.errors.warrantyMonths', params: { value: text('warrantyMonths') } });
  // Snipe-IT gives the warranty in months from the purchase date: its end follows from them.
  if (!warrantyEnd && purchaseDate && typeof warrantyMonths === 'number' && warrantyMonths > 0) warrantyEnd = addMonths(`${purchaseDate}T00:00:00.000Z`, warrantyMonths).slice(0, 10);
  const conditionText = text('condition').toLowerCase();
  const condition = /rusak|damag|broken/.test(conditionText) ? 'damaged' : /fair|cukup|sedang/.test(conditionText) ? 'fair' : 'good';
  const holder: HolderRef = { nip: text('holderNip'), username: text('holderUsername'), email: text('holderEmail'), name: text('holderName') };
  const hasHolder = !!holderText(holder);
  const raw = {
    id,
    tag: text('tag'),
    serial: text('serial'),
    category: category ?? 'peripheral',
    brand: text('brand') || '-',
    // Snipe-IT and GLPI require a model; a sheet with only an item name uses that.
    model: text('model') || text('name'),
    name: text('name') || undefined,
    modelNumber: text('modelNumber') || undefined,
    purchaseDate: purchaseDate ?? '',
    warrantyEnd: warrantyEnd ?? '',
    purchaseCost: purchaseCost ?? undefined,
    supplier: text('supplier') || undefined,
    company: text('company') || undefined,
    warrantyMonths: warrantyMonths ?? undefined,
    condition,
    location: text('location'),
    notes: text('notes'),
    accessories: parseAccessories(text('accessories')),
    status: status ?? 'in_stock',
    importedHolder: hasHolder ? holderText(holder).slice(0, 120) : undefined,
  };
  const parsed = assetInputSchema.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ field: String(issue.path[0] ?? ''), message: issue.message.includes('.') ? issue.message : 'errors.invalidInput' });
  if (problems.length > 0 || !parsed.success) return { problems };
  // Only a row that is in stock by its status can land with its holder (a broken or retired one keeps the name as a note).
  return { input: { input: parsed.data, holder: hasHolder && parsed.data.status === 'in_stock' ? holder : undefined }, problems };
}

/** What the holder match reads of an employee. */
export type HolderCandidate = Pick<EmployeeState, 'id' | 'nip' | 'name' | 'email' | 'department' | 'status'>;

const nameKey = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean);

/** The office's employees indexed for holder matching (built once per preview). */
export interface HolderIndex {
  byNip: Map<string, HolderCandidate[]>;
  byEmail: Map<string, HolderCandidate[]>;
  /** An email's part before the "@", which is most offices' username. */
  byLocal: Map<string, HolderCandidate[]>;
  /** Name words in order, and sorted (GLPI writes "Santoso Budi" for Budi Santoso). */
  byName: Map<string, HolderCandidate[]>;
  byNameWords: Map<string, HolderCandidate[]>;
}

function push(map: Map<string, HolderCandidate[]>, key: string, e: HolderCandidate) {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

export function holderIndex(employees: readonly HolderCandidate[]): HolderIndex {
  const ix: HolderIndex = { byNip: new Map(), byEmail: new Map(), byLocal: new Map(), byName: new Map(), byNameWords: new Map() };
  for (const e of employees) {
    push(ix.byNip, e.nip, e);
    const email = e.email.trim().toLowerCase();
    push(ix.byEmail, email, e);
    push(ix.byLocal, email.split('@')[0] ?? '', e);
    const words = nameKey(e.name);
    push(ix.byName, words.join(' '), e);
    push(ix.byNameWords, [...words].sort().join(' '), e);
  }
  return ix;
}

/** How a row's holder matched: one employee, several (the preview asks which), or none. */
export type HolderMatch = { kind: 'one'; employee: HolderCandidate; by: 'nip' | 'username' | 'email' | 'name' } | { kind: 'many'; candidates: HolderCandidate[]; by: 'username' | 'email' | 'name' } | { kind: 'none' };

/**
 * Finds the employee a row names, by NIP, then username (a NIP, or an email's local part),
 * then email, then name (same words, in any order): the first key that finds anyone decides.
 */
export function matchHolder(ref: HolderRef, ix: HolderIndex): HolderMatch {
  const digits = (s: string) => s.replace(/\s+/g, '');
  const steps: ['nip' | 'username' | 'email' | 'name', HolderCandidate[] | undefined][] = [
    ['nip', ref.nip ? ix.byNip.get(digits(ref.nip)) : undefined],
    ['username', ref.username ? (ix.byNip.get(digits(ref.username)) ?? ix.byLocal.get(ref.username.trim().toLowerCase().split('@')[0]!) ?? ix.byEmail.get(ref.username.trim().toLowerCase())) : undefined],
    ['email', ref.email ? ix.byEmail.get(ref.email.trim().toLowerCase()) : undefined],
    ['name', ref.name ? (ix.byName.get(nameKey(ref.name).join(' ')) ?? ix.byNameWords.get(nameKey(ref.name).sort().join(' '))) : undefined],
  ];
  for (const [by, found] of steps) {
    if (!found || found.length === 0) continue;
    if (found.length === 1) return { kind: 'one', employee: found[0]!, by };
    if (by === 'nip') return { kind: 'one', employee: found[0]!, by };
    return { kind: 'many', candidates: found, by };
  }
  return { kind: 'none' };
}

/** The choice "keep it in stock, the holder as a note" in the preview's holder question. */
export const KEEP_IN_STOCK = '__stock';

/**
 * The holder problems of the rows checked: a holder nobody matches, or several employees who
 * do. Each carries the choices the preview offers; a row whose choice is made (`picks`, by the
 * row's asset id) has no problem left.
 */
export function holderProblems(rows: readonly ImportRow[], ix: HolderIndex, picks: Readonly<Record<string, string>>): (RowProblem & { choices: { value: string; candidate?: HolderCandidate }[] })[] {
  const out: (RowProblem & { choices: { value: string; candidate?: HolderCandidate }[] })[] = [];
  rows.forEach((r, row) => {
    if (!r.holder || picks[r.input.id]) return;
    const match = matchHolder(r.holder, ix);
    if (match.kind === 'one') return;
    const field = r.holder.name ? 'holderName' : r.holder.username ? 'holderUsername' : r.holder.email ? 'holderEmail' : 'holderNip';
    const stock = { value: KEEP_IN_STOCK };
    if (match.kind === 'many') out.push({ row, field, message: 'asset.import.errors.holderAmbiguous', params: { value: holderText(r.holder), count: match.candidates.length }, choices: [...match.candidates.map((c) => ({ value: c.id, candidate: c })), stock] });
    else out.push({ row, field, message: 'asset.import.errors.holderUnknown', params: { value: holderText(r.holder) }, choices: [stock] });
  });
  return out;
}

/** The asset inputs to import: each row with its holder's employee id (matched, or picked in the preview), or in stock. */
export function resolveHolders(rows: readonly ImportRow[], ix: HolderIndex, picks: Readonly<Record<string, string>>): AssetInput[] {
  return rows.map((r) => {
    if (!r.holder) return r.input;
    const pick = picks[r.input.id];
    const match = matchHolder(r.holder, ix);
    const holderId = pick ? (pick === KEEP_IN_STOCK ? undefined : pick) : match.kind === 'one' ? match.employee.id : undefined;
    return holderId ? { ...r.input, holderId, importedHolder: undefined } : r.input;
  });
}

/** The export's columns (Snipe-IT-compatible names, so the file imports back here or there). */
export const EXPORT_COLUMNS = [
  'Asset Tag', 'Serial Number', 'Category', 'Manufacturer', 'Item Name', 'Model Name', 'Model Number', 'Purchase Date', 'Purchase Cost', 'Supplier', 'Company', 'Warranty Months', 'Warranty Expires',
  'Status', 'Condition', 'Location', 'Checked Out To', 'Accessories', 'Last Maintenance', 'Notes',
] as const;

/** One asset as an export row. */
export function exportRow(a: AssetState, holderName: string): string[] {
  return [
    a.tag,
    a.serial,
    a.category,
    a.brand,
    a.name ?? '',
    a.model,
    a.modelNumber ?? '',
    a.purchaseDate ?? '',
    a.purchaseCost === undefined ? '' : String(a.purchaseCost),
    a.supplier ?? '',
    a.company ?? '',
    a.warrantyMonths === undefined ? '' : String(a.warrantyMonths),
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
