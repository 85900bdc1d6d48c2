/**
 * IT assets (DOMAIN.md §2, SOP 2 and SOP 5): inventory fields and statuses, accessories with
 * their own serials, the chain of custody, maintenance and data-wipe records.
 */
import { z } from 'zod';
import { isValidSerial, normaliseSerial } from '../../validators/serial';

export const ASSET_CATEGORIES = ['laptop', 'pc', 'monitor', 'printer', 'phone', 'network', 'server', 'storage', 'peripheral'] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

export const ASSET_STATUSES = ['in_stock', 'assigned', 'maintenance', 'awaiting_wipe', 'retired', 'lost'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const CONDITIONS = ['good', 'fair', 'damaged'] as const;
export type Condition = (typeof CONDITIONS)[number];

export const ACCESSORY_KINDS = ['charger', 'bag', 'dock', 'mouse', 'keyboard', 'cable', 'other'] as const;
export type AccessoryKind = (typeof ACCESSORY_KINDS)[number];

export const WIPE_METHODS = ['nist_clear', 'nist_purge', 'overwrite_1', 'overwrite_3', 'crypto_erase', 'factory_reset', 'destroy'] as const;

/** Statuses an admin or technician may set by hand (the rest follow handover, return and wipe). */
export const MANUAL_STATUSES = ['in_stock', 'maintenance', 'retired', 'lost'] as const;

/** Months between maintenance visits when the office has not set one for the category (SOP 2: every 3 months). */
export const DEFAULT_MAINTENANCE_MONTHS = 3;

export interface Accessory {
  id: string;
  kind: AccessoryKind;
  /** Normalised (see normaliseSerial); '' when the accessory has none. */
  serial: string;
  description: string;
  /** Flagged missing at a return. */
  missing?: boolean;
}

/** One holder in the chain of custody. */
export interface CustodyEntry {
  employeeId: string;
  handoverId: string;
  handoverDocNo: string;
  from: string;
  conditionOut: Condition;
  to?: string;
  returnId?: string;
  returnDocNo?: string;
  conditionIn?: Condition;
  /** Accessories not handed back. */
  missing?: string[];
  /** The holder came with an inventory import (no handover was signed here). */
  source?: 'import';
}

/** SOP 5 security hygiene, checked at every maintenance visit. */
export interface MaintenanceChecklist {
  antivirus: boolean;
  osPatched: boolean;
  passwordSet: boolean;
  removableMedia: boolean;
}

export interface MaintenanceRecord {
  id: string;
  at: string;
  by: string;
  checklist: MaintenanceChecklist;
  condition: Condition;
  notes: string;
}

export interface WipeRecord {
  at: string;
  method: (typeof WIPE_METHODS)[number];
  tool: string;
  operatorId: string;
  verifierId: string;
  notes: string;
}

export interface AssetState {
  id: string;
  tag: string;
  /** Normalised. */
  serial: string;
  category: AssetCategory;
  brand: string;
  model: string;
  purchaseDate?: string;
  warrantyEnd?: string;
  status: AssetStatus;
  condition: Condition;
  location: string;
  notes: string;
  /** Extra inventory fields (Snipe-IT's and GLPI's): the asset's own name, the maker's model number, money and paperwork. */
  name?: string;
  modelNumber?: string;
  /** In the office's currency, as a plain number. */
  purchaseCost?: number;
  supplier?: string;
  company?: string;
  warrantyMonths?: number;
  accessories: Accessory[];
  /** Unique keys, indexed (multiEntry): 'T:<tag>', 'S:<serial>' and 'S:<accessory serial>'. */
  keys: string[];
  /** Lower-case brand + model, for the inventory filter. */
  textLower: string;
  /** Lower-case location, indexed alone and with status and category for the location filter. */
  locationLower: string;
  holderId?: string;
  handoverId?: string;
  /** While assigned: the instant the maintenance interval counts from (last maintenance or handover). Indexed with the category. */
  maintBase?: string;
  lastMaintenanceAt?: string;
  custody: CustodyEntry[];
  maintenance: MaintenanceRecord[];
  wipes: WipeRecord[];
  /** Imported from a spreadsheet: the holder named there (free text). */
  importedHolder?: string;
  createdAt: string;
  updatedAt: string;
  hlc: string;
}

const optionalDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'asset.errors.date')]).optional();

export const accessoryInputSchema = z.object({
  id: z.string().min(1).optional(),
  kind: z.enum(ACCESSORY_KINDS),
  serial: z.string().trim().refine((s) => s === '' || isValidSerial(s), 'asset.errors.serialFormat'),
  description: z.string().trim().max(120, 'asset.errors.tooLong'),
});

/** The inventory fields of an asset as typed or imported. */
export const assetFieldsSchema = z.object({
  tag: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,39}$/, 'asset.errors.tag'),
  serial: z.string().trim().refine(isValidSerial, 'asset.errors.serialFormat'),
  category: z.enum(ASSET_CATEGORIES, { error: 'asset.errors.category' }),
  brand: z.string().trim().min(1, 'asset.errors.brand').max(60, 'asset.errors.tooLong'),
  model: z.string().trim().min(1, 'asset.errors.model').max(80, 'asset.errors.tooLong'),
  purchaseDate: optionalDate,
  warrantyEnd: optionalDate,
  condition: z.enum(CONDITIONS),
  location: z.string().trim().max(120, 'asset.errors.tooLong'),
  notes: z.string().trim().max(1000, 'asset.errors.tooLong'),
  name: z.string().trim().max(120, 'asset.errors.tooLong').optional(),
  modelNumber: z.string().trim().max(80, 'asset.errors.tooLong').optional(),
  purchaseCost: z.number({ error: 'asset.errors.cost' }).nonnegative('asset.errors.cost').max(1e13, 'asset.errors.cost').optional(),
  supplier: z.string().trim().max(120, 'asset.errors.tooLong').optional(),
  company: z.string().trim().max(120, 'asset.errors.tooLong').optional(),
  warrantyMonths: z.number({ error: 'asset.errors.warrantyMonths' }).int('asset.errors.warrantyMonths').min(0, 'asset.errors.warrantyMonths').max(240, 'asset.errors.warrantyMonths').optional(),
});
export type AssetFields = z.infer<typeof assetFieldsSchema>;

/** A new asset, with its accessories; serials unique within it. */
export const assetInputSchema = assetFieldsSchema
  .extend({
    id: z.string().uuid(),
    accessories: z.array(accessoryInputSchema).max(20, 'asset.errors.tooManyAccessories'),
    status: z.enum(MANUAL_STATUSES).optional(),
    importedHolder: z.string().trim().max(120).optional(),
    /** Import only: the employee (matched in the import preview) who holds the asset now; it lands assigned. */
    holderId: z.string().min(1).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.purchaseDate && a.warrantyEnd && a.warrantyEnd < a.purchaseDate) ctx.addIssue({ code: 'custom', path: ['warrantyEnd'], message: 'asset.errors.warrantyBeforePurchase' });
    const seen = new Set([normaliseSerial(a.serial)]);
    a.accessories.forEach((x, i) => {
      const s = normaliseSerial(x.serial);
      if (!s) return;
      if (seen.has(s)) ctx.addIssue({ code: 'custom', path: ['accessories', i, 'serial'], message: 'asset.errors.serialDuplicate' });
      seen.add(s);
    });
  });
export type AssetInput = z.infer<typeof assetInputSchema>;

/**
 * An asset's name as people read it: brand and model, without the brand twice when the model
 * already starts with it (Snipe-IT's model names often do: "Lenovo ThinkPad E14").
 */
export function assetName(a: { brand: string; model: string }): string {
  const brand = a.brand.trim();
  const model = a.model.trim();
  if (!brand || brand === '-' || model.toLowerCase() === brand.toLowerCase() || model.toLowerCase().startsWith(`${brand.toLowerCase()} `)) return model || brand;
  return `${brand} ${model}`.trim();
}

/**
 * A document's accessory line is stored as "<kind>: <description>" (or the kind alone): splits
 * it so that screens and prints can name the kind in the reader's language. Null when the text
 * does not start with a known kind.
 */
export function splitAccessoryText(text: string): { kind: AccessoryKind; description: string } | null {
  const m = /^(\w+)(?::\s*(.*))?$/s.exec(text.trim());
  if (!m || !(ACCESSORY_KINDS as readonly string[]).includes(m[1]!)) return null;
  return { kind: m[1] as AccessoryKind, description: (m[2] ?? '').trim() };
}

/** The unique key of a tag (case-insensitive). */
export const tagKey = (tag: string): string => `T:${tag.trim().toUpperCase()}`;
/** The unique key of a serial (device or accessory). */
export const serialKey = (serial: string): string => `S:${normaliseSerial(serial)}`;

/** Every unique key an asset holds. */
export function assetKeys(a: { tag: string; serial: string; accessories: readonly { serial: string }[] }): string[] {
  return [tagKey(a.tag), serialKey(a.serial), ...a.accessories.filter((x) => x.serial).map((x) => serialKey(x.serial))];
}

/** Adds calendar months to an instant (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}

/** The office's maintenance interval for a category, in months. */
export function maintenanceMonths(settings: Partial<Record<string, number>> | undefined, category: AssetCategory): number {
  return settings?.[category] ?? DEFAULT_MAINTENANCE_MONTHS;
}

/** Days within which a coming maintenance counts as due. */
export const DUE_SOON_DAYS = 14;

/**
 * When an assigned asset's next maintenance falls due, and whether it is overdue or due soon.
 * Only assigned assets are on the maintenance schedule (SOP 2: each device in use).
 */
export function maintenanceDue(
  a: Pick<AssetState, 'status' | 'maintBase' | 'category'>,
  settings: Partial<Record<string, number>> | undefined,
  now: string,
): { dueAt: string; state: 'ok' | 'due' | 'overdue' } | null {
  if (a.status !== 'assigned' || !a.maintBase) return null;
  const dueAt = addMonths(a.maintBase, maintenanceMonths(settings, a.category));
  if (dueAt < now) return { dueAt, state: 'overdue' };
  if (Date.parse(dueAt) - Date.parse(now) <= DUE_SOON_DAYS * 86_400_000) return { dueAt, state: 'due' };
  return { dueAt, state: 'ok' };
}
