/** The asset's events: inventory, custody (from handover documents), maintenance, wipes (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { ACCESSORY_KINDS, ASSET_CATEGORIES, CONDITIONS, MANUAL_STATUSES, WIPE_METHODS } from './state';

/** An accessory as the asset carries it: its id given, its serial normalised; `missing` once flagged at a return. */
const accessory = z.strictObject({ id: z.string(), kind: z.enum(ACCESSORY_KINDS), serial: z.string(), description: z.string(), missing: z.boolean().optional() });

/** The inventory fields as `assetFieldsSchema` gives them. */
const fields = z.strictObject({
  tag: z.string(),
  serial: z.string(),
  category: z.enum(ASSET_CATEGORIES),
  brand: z.string(),
  model: z.string(),
  purchaseDate: z.string().optional(),
  warrantyEnd: z.string().optional(),
  condition: z.enum(CONDITIONS),
  location: z.string(),
  notes: z.string(),
  name: z.string().optional(),
  modelNumber: z.string().optional(),
  purchaseCost: z.number().optional(),
  supplier: z.string().optional(),
  company: z.string().optional(),
  warrantyMonths: z.number().optional(),
});

export const assetEvents = {
  'asset.created': fields.extend({
    accessories: z.array(accessory.omit({ missing: true })),
    /** A manual status given at creation or import (in stock when absent). */
    status: z.enum(MANUAL_STATUSES).optional(),
    /** Imported from a spreadsheet: the holder named there. */
    importedHolder: z.string().optional(),
  }),
  /** Only the fields that changed. */
  'asset.updated': fields.partial().extend({ accessories: z.array(accessory).optional() }),
  'asset.statusSet': z.strictObject({ status: z.enum(MANUAL_STATUSES), reason: z.string() }),
  /** The asset side of a handover document. */
  'asset.assigned': z.strictObject({
    handoverId: z.string(),
    docNo: z.string(),
    employeeId: z.string(),
    condition: z.enum(CONDITIONS),
    at: z.string(),
    /** The holder came with an inventory import (the document is the import's record, not a signed BAST). */
    source: z.literal('import').optional(),
  }),
  /** The asset side of a return document. */
  'asset.returned': z.strictObject({
    returnId: z.string(),
    docNo: z.string(),
    condition: z.enum(CONDITIONS),
    deviceMissing: z.boolean(),
    missingAccessoryIds: z.array(z.string()),
    at: z.string(),
  }),
  'asset.maintained': z.strictObject({
    id: z.string(),
    checklist: z.strictObject({ antivirus: z.boolean(), osPatched: z.boolean(), passwordSet: z.boolean(), removableMedia: z.boolean() }),
    condition: z.enum(CONDITIONS),
    notes: z.string(),
    at: z.string(),
  }),
  'asset.wiped': z.strictObject({ method: z.enum(WIPE_METHODS), tool: z.string(), operatorId: z.string(), verifierId: z.string(), notes: z.string(), at: z.string() }),
};
