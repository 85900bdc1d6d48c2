/** IT assets (DOMAIN.md §2, SOP 2 and 5). */
import { defineKind, labelOf } from '../kind';
import {
  assetAssign, assetCreate, assetImport, assetMaintain, assetReceiveBack, assetSetStatus, assetUpdate, assetWipe,
} from './commands';
import { assetEvents } from './events';
import { applyAsset } from './fold';

export const assetKind = defineKind({
  kind: 'asset',
  events: assetEvents,
  fold: applyAsset,
  commands: {
    'asset.create': assetCreate,
    'asset.import': assetImport,
    'asset.update': assetUpdate,
    'asset.setStatus': assetSetStatus,
    'asset.assign': assetAssign,
    'asset.receiveBack': assetReceiveBack,
    'asset.maintain': assetMaintain,
    'asset.wipe': assetWipe,
  },
  table: 'assets',
  label: (s) => labelOf(s.tag, s.serial),
  route: (id) => `#/assets/${id}`,
});
