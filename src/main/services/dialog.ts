/**
 * What the file-saving services need from Electron, as plain parameters so tests can run
 * them in Node: the save dialog (anchored to the window that asked) and a file write.
 */
import type { SaveDialogOptions, WebContents } from 'electron';

export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string;
}

export interface SaveDeps {
  /** Shows the save dialog over the window of `owner`. */
  showSaveDialog: (owner: WebContents, options: SaveDialogOptions) => Promise<SaveDialogResult>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  /** The folder the dialog opens in (the user's Documents). */
  defaultDir: () => string;
}

/** Asks where to save; null when the user cancelled. */
export async function chooseSavePath(
  deps: SaveDeps,
  owner: WebContents,
  defaultPath: string,
  filter: { name: string; extensions: string[] },
): Promise<string | null> {
  const result = await deps.showSaveDialog(owner, {
    defaultPath,
    filters: [filter],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return null;
  return result.filePath;
}
