/** The asset fold: inventory fields, status, chain of custody, maintenance and wipes. */
import type { DomainEvent } from '../../events';
import type { Apply } from '../types';
import { assetKeys, type Accessory, type AssetState, type AssetStatus, type Condition, type MaintenanceChecklist, type WipeRecord } from './state';

type P = Record<string, unknown>;

const text = (a: Pick<AssetState, 'brand' | 'model'>) => `${a.brand} ${a.model}`.toLowerCase();

export const applyAsset: Apply<AssetState> = (state, e: DomainEvent) => {
  const p = e.payload as P;
  if (e.type === 'asset.created') {
    const base = {
      id: e.recordId,
      tag: p.tag as string,
      serial: p.serial as string,
      category: p.category as AssetState['category'],
      brand: p.brand as string,
      model: p.model as string,
      purchaseDate: (p.purchaseDate as string) || undefined,
      warrantyEnd: (p.warrantyEnd as string) || undefined,
      status: ((p.status as AssetStatus) ?? 'in_stock') as AssetStatus,
      condition: p.condition as Condition,
      location: (p.location as string) ?? '',
      notes: (p.notes as string) ?? '',
      accessories: (p.accessories as Accessory[]) ?? [],
      importedHolder: (p.importedHolder as string) || undefined,
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
      const next = { ...s, ...(p as Partial<AssetState>) };
      return { ...next, keys: assetKeys(next), textLower: text(next), locationLower: next.location.toLowerCase() };
    }
    case 'asset.statusSet':
      return { ...s, status: p.status as AssetStatus, maintBase: undefined };
    case 'asset.assigned': {
      const at = (p.at as string) ?? e.at;
      return {
        ...s,
        status: 'assigned',
        holderId: p.employeeId as string,
        handoverId: p.handoverId as string,
        condition: p.condition as Condition,
        maintBase: at,
        custody: [...s.custody, { employeeId: p.employeeId as string, handoverId: p.handoverId as string, handoverDocNo: p.docNo as string, from: at, conditionOut: p.condition as Condition }],
      };
    }
    case 'asset.returned': {
      const missing = (p.missingAccessoryIds as string[]) ?? [];
      const deviceMissing = p.deviceMissing === true;
      const at = (p.at as string) ?? e.at;
      const custody = s.custody.map((c, i) =>
        i === s.custody.length - 1 && !c.to
          ? { ...c, to: at, returnId: p.returnId as string, returnDocNo: p.docNo as string, conditionIn: p.condition as Condition, missing: missing.length ? missing : undefined }
          : c,
      );
      return {
        ...s,
        status: deviceMissing ? 'lost' : 'awaiting_wipe',
        condition: p.condition as Condition,
        holderId: undefined,
        handoverId: undefined,
        maintBase: undefined,
        accessories: s.accessories.map((a) => (missing.includes(a.id) ? { ...a, missing: true } : a)),
        custody,
      };
    }
    case 'asset.maintained': {
      const at = (p.at as string) ?? e.at;
      return {
        ...s,
        condition: p.condition as Condition,
        lastMaintenanceAt: at,
        maintBase: s.status === 'assigned' ? at : s.maintBase,
        maintenance: [...s.maintenance, { id: p.id as string, at, by: e.actorId, checklist: p.checklist as MaintenanceChecklist, condition: p.condition as Condition, notes: (p.notes as string) ?? '' }],
      };
    }
    case 'asset.wiped':
      return { ...s, status: 'in_stock', wipes: [...s.wipes, p as unknown as WipeRecord] };
    default:
      return s;
  }
};
