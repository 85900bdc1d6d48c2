/** Saves the sender's current print view as an A4 PDF where the user chooses. */
import type { WebContents } from 'electron';
import { join } from 'node:path';
import { z } from 'zod';
import { chooseSavePath, type SaveDeps } from './dialog';
import { fileNameSchema } from './file-name';

export const savePdfRequest = z.strictObject({ fileName: fileNameSchema(['.pdf']) });
export type SavePdfInput = z.output<typeof savePdfRequest>;

/** Renders first (so a rendering failure never shows a dialog), then asks, then writes. */
export async function savePdf(deps: SaveDeps, sender: WebContents, req: SavePdfInput): Promise<{ path: string } | null> {
  const pdf = await sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  const path = await chooseSavePath(deps, sender, join(deps.defaultDir(), req.fileName), { name: 'PDF', extensions: ['pdf'] });
  if (path === null) return null;
  await deps.writeFile(path, pdf);
  return { path };
}
