/** The asset fold: inventory fields, status, chain of custody, maintenance and wipes. */
import type { Fold } from '../kind';
import type { assetEvents } from './events';
import { assetKeys, type AssetState } from './state';

const text = (a: Pick<AssetState, 'brand' | 'model'>) => `${a.brand} ${a.model}`.toLowerCase();

export const applyAsset: Fold<AssetState, typeof assetEvents> = (state, e) => {
  if (e.type === 'asset.created') {
    const p = e.payload;
    const base = {
      id: e.recordId,
      tag: p.tag,
      serial: p.serial,
      category: p.category,
      brand: p.brand,
      model: p.model,
      purchaseDate: p.purchaseDate || undefined,
      warrantyEnd: p.warrantyEnd || undefined,
      status: p.status ?? 'in_stock',
      condition: p.condition,
      location: p.location ?? '',
      notes: p.notes ?? '',
      name: p.name || undefined,
      modelNumber: p.modelNumber || undefined,
      purchaseCost: p.purchaseCost,
      supplier: p.supplier || undefined,
      company: p.company || undefined,
      warrantyMonths: p.warrantyMonths,
      accessories: p.accessories ?? [],
      importedHolder: p.importedHolder || undefined,
      custody: [],
      maintenance: [],
      wipes: [],
      createdAt: e.at,
      updatedAt: e.at,
      hlc: e.hlc,
    };
    return { ...base, keys: assetKeys(base), textLower: text(base), locationLower: base.location.toLowerCase() };
  }
  if (!state) return state as never;
  const s: AssetState = { ...state, updatedAt: e.at, hlc: e.hlc };
  switch (e.type) {
    case 'asset.updated': {
      const next = { ...s, ...e.payload };
      return { ...next, keys: assetKeys(next), textLower: text(next), locationLower: next.location.toLowerCase() };
    }
    case 'asset.statusSet':
      return { ...s, status: e.payload.status, maintBase: undefined };
    case 'asset.assigned': {
      const p = e.payload;
      const at = p.at ?? e.at;
      return {
        ...s,
        status: 'assigned',
        holderId: p.employeeId,
        handoverId: p.handoverId,
        condition: p.condition,
        maintBase: at,
        custody: [...s.custody, { employeeId: p.employeeId, handoverId: p.handoverId, handoverDocNo: p.docNo, from: at, conditionOut: p.condition, ...(p.source ? { source: p.source } : {}) }],
      };
    }
    case 'asset.returned': {
      const p = e.payload;
      const missing = p.missingAccessoryIds ?? [];
      const deviceMissing = p.deviceMissing === true;
      const at = p.at ?? e.at;
      const custody = s.custody.map((c, i) =>
        i === s.custody.length - 1 && !c.to
          ? { ...c, to: at, returnId: p.returnId, returnDocNo: p.docNo, conditionIn: p.condition, missing: missing.length ? missing : undefined }
          : c,
      );
      return {
        ...s,
        status: deviceMissing ? 'lost' : 'awaiting_wipe',
        condition: p.condition,
        holderId: undefined,
        handoverId: undefined,
        maintBase: undefined,
        accessories: s.accessories.map((a) => (missing.includes(a.id) ? { ...a, missing: true } : a)),
        custody,
      };
    }
    case 'asset.maintained': {
      const p = e.payload;
      const at = p.at ?? e.at;
      return {
        ...s,
        condition: p.condition,
        lastMaintenanceAt: at,
        maintBase: s.status === 'assigned' ? at : s.maintBase,
        maintenance: [...s.maintenance, { id: p.id, at, by: e.actorId, checklist: p.checklist, condition: p.condition, notes: p.notes ?? '' }],
      };
    }
    case 'asset.wiped':
      return { ...s, status: 'in_stock', wipes: [...s.wipes, e.payload] };
    default:
      return s;
  }
};
