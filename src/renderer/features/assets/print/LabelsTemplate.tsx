/**
 * Asset labels on an A4 sheet (3 × 8 labels of 70 × 37 mm, the common sticker sheet): the
 * office name, the tag, a QR code of tag and serial, and a Code 128 barcode of the serial that
 * the desk's scanner reads back. Barcodes are SVG from bwip-js, rendered in the browser.
 */
import { code128, drawingSVG, qrcode, type RenderOptions } from 'bwip-js/browser';
import { assetName, type AssetState } from '@shared/domain/asset/state';
import type { OrgState } from '@shared/domain/org/state';

/**
 * The two symbologies a label prints, imported one by one: bwip-js's default export links all
 * of its ~100 encoders (1.6 MB), these two take a fraction of it.
 */
const ENCODERS = { qrcode, code128 } as const;

function svg(bcid: keyof typeof ENCODERS, text: string, extra: Record<string, unknown> = {}): string {
  try {
    return ENCODERS[bcid]({ bcid, text, ...extra } as RenderOptions, drawingSVG());
  } catch {
    return '';
  }
}

/** What the QR code holds: tag and serial, readable by any phone. */
export const labelQrText = (a: Pick<AssetState, 'tag' | 'serial'>) => `${a.tag}|${a.serial}`;

export function LabelsTemplate({ org, assets }: { org: OrgState; assets: AssetState[] }) {
  return (
    <div className="label-sheet" data-testid="labels">
      {assets.map((a) => (
        <div className="asset-label" key={a.id}>
          <div className="label-qr" dangerouslySetInnerHTML={{ __html: svg('qrcode', labelQrText(a), { eclevel: 'M' }) }} />
          <div className="label-text">
            <div className="label-org">{org.name}</div>
            <div className="label-tag">{a.tag}</div>
            <div className="label-model">
              {assetName(a)}
            </div>
            <div className="label-barcode" dangerouslySetInnerHTML={{ __html: svg('code128', a.serial, { height: 7, includetext: true, textsize: 8 }) }} />
          </div>
        </div>
      ))}
    </div>
  );
}
