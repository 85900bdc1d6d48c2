// @vitest-environment jsdom
/**
 * Asset labels: the QR code and the Code 128 barcode come out of the two bwip-js encoders the
 * template imports one by one (not the library's default export with every encoder).
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LabelsTemplate, labelQrText } from '@renderer/features/assets/print/LabelsTemplate';
import type { AssetState } from '@shared/domain/asset/state';
import type { OrgState } from '@shared/domain/org/state';

afterEach(cleanup);

describe('asset labels', () => {
  it('draws a QR code of tag and serial and a Code 128 barcode of the serial as SVG', () => {
    const asset = { id: 'a1', tag: 'TIK-2026-0001', serial: 'PF3ABC12', brand: 'Lenovo', model: 'ThinkPad E14' } as unknown as AssetState;
    render(<LabelsTemplate org={{ name: 'Dinas Kominfo' } as OrgState} assets={[asset]} />);
    const label = screen.getByTestId('labels');
    const qr = label.querySelector('.label-qr svg');
    const bar = label.querySelector('.label-barcode svg');
    expect(qr).not.toBeNull();
    expect(bar).not.toBeNull();
    // A QR code is a grid of modules; a Code 128 symbol of 8 characters has dozens of bars.
    expect(qr!.innerHTML.length).toBeGreaterThan(500);
    expect(bar!.innerHTML.length).toBeGreaterThan(500);
    expect(labelQrText(asset)).toBe('TIK-2026-0001|PF3ABC12');
    expect(label.textContent).toContain('TIK-2026-0001');
  });
});
