/** Saves an exported file (CSV, XLSX, JSON, text, PNG) the renderer produced. */
import type { WebContents } from 'electron';
import { join } from 'node:path';
import { z } from 'zod';
import { chooseSavePath, type SaveDeps } from './dialog';
import { extensionOf, fileNameSchema, MAX_DATA_CHARS, MAX_FILE_BYTES } from './file-name';

export const EXPORT_EXTENSIONS = ['.csv', '.xlsx', '.json', '.txt', '.png'] as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9_-]+=[a-z0-9._-]+)*$/i;

/** Byte length of `data` once decoded, or null when it is not valid base64. */
function decodedLength(data: string, encoding: 'utf8' | 'base64'): number | null {
  if (encoding === 'utf8') return Buffer.byteLength(data, 'utf8');
  if (data.length % 4 !== 0 || !BASE64.test(data)) return null;
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}

export const saveFileRequest = z
  .strictObject({
    fileName: fileNameSchema(EXPORT_EXTENSIONS),
    mimeType: z.string().min(3).max(100).regex(MIME_TYPE),
    data: z.string().max(MAX_DATA_CHARS),
    encoding: z.enum(['utf8', 'base64']).optional(),
  })
  .superRefine((req, ctx) => {
    const size = decodedLength(req.data, req.encoding ?? 'utf8');
    if (size === null) ctx.addIssue({ code: 'custom', path: ['data'], message: 'data: not base64' });
    else if (size > MAX_FILE_BYTES) ctx.addIssue({ code: 'custom', path: ['data'], message: 'data: too large' });
  });
export type SaveFileInput = z.output<typeof saveFileRequest>;

const FILTER_NAMES: Record<string, string> = {
  csv: 'CSV',
  xlsx: 'Excel',
  json: 'JSON',
  txt: 'Teks',
  png: 'Gambar PNG',
};

/** Asks where to save and writes the decoded bytes; null when the user cancelled. */
export async function saveFile(deps: SaveDeps, sender: WebContents, req: SaveFileInput): Promise<{ path: string } | null> {
  const ext = extensionOf(req.fileName);
  const path = await chooseSavePath(deps, sender, join(deps.defaultDir(), req.fileName), {
    name: FILTER_NAMES[ext] ?? ext.toUpperCase(),
    extensions: [ext],
  });
  if (path === null) return null;
  await deps.writeFile(path, Buffer.from(req.data, req.encoding ?? 'utf8'));
  return { path };
}
