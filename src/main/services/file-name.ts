/**
 * Validation of what the renderer sends to be written to disk: file names (one safe path
 * segment with an expected extension) and payload sizes. Hostile names are refused rather
 * than repaired, so the renderer learns its name was wrong instead of saving elsewhere.
 */
import { z } from 'zod';

export const MAX_FILE_NAME_LENGTH = 200;
/** Largest file the renderer may ask to save. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Longest `data` string accepted: the base64 length of MAX_FILE_BYTES. */
export const MAX_DATA_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4;

// Letters and digits of any script, space and a few punctuation marks. No separators (/ \),
// no ':' (drive letters, NTFS streams), no control characters or NUL, no wildcards.
const SAFE_NAME = /^[\p{L}\p{N} ._,()[\]+&'-]+$/u;
// Device names Windows refuses as file names, with or without an extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Why `name` is not acceptable as a file name with one of `extensions`, or null when it is. */
export function fileNameProblem(name: string, extensions: readonly string[]): string | null {
  if (name.length < 1 || name.length > MAX_FILE_NAME_LENGTH) return 'length';
  if (!SAFE_NAME.test(name)) return 'characters';
  if (name.includes('..')) return 'dots';
  if (/^[. ]|[. ]$/.test(name)) return 'edges';
  if (WINDOWS_RESERVED.test(name)) return 'reserved';
  const lower = name.toLowerCase();
  const ext = extensions.find((e) => lower.endsWith(e));
  if (!ext || lower.length === ext.length) return 'extension';
  return null;
}

/** A zod schema for a file name that must end with one of `extensions` (e.g. ['.pdf']). */
export function fileNameSchema(extensions: readonly string[]) {
  return z
    .string()
    .max(MAX_FILE_NAME_LENGTH)
    .superRefine((name, ctx) => {
      const problem = fileNameProblem(name, extensions);
      if (problem) ctx.addIssue({ code: 'custom', message: `fileName: ${problem}` });
    });
}

/** The extension of a validated name, without the dot, lower case ('pdf', 'csv'). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}
