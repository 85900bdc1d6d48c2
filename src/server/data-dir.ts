/**
 * The server's data directory is private to the account that runs it: folders 0700, files
 * 0600 (the sync store holds every record, password verifier and wrapped key of the office; the
 * TLS folder holds the server's private key). main.ts sets the process umask to 077 before
 * anything is created, so PGlite's own files (which PostgreSQL creates 0640 in a cluster made
 * with group access) come out 0600 too, and tightens what an older version left behind.
 * POSIX only: on Windows the folder's ACL is what protects it.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** The umask that makes every new file 0600 and every new folder 0700. */
export const PRIVATE_UMASK = 0o077;

/** Creates a folder (and its parents) 0700; an existing one is set to 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Writes a file readable by its owner only, whatever the umask. */
export function writePrivateFile(path: string, content: string | Uint8Array): void {
  writeFileSync(path, content, { mode: PRIVATE_FILE_MODE });
  chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * Takes group and other permissions away from everything under `dir`, and `dir` itself:
 * folders 0700, files 0600 (symbolic links are not followed). Returns how many entries it
 * changed.
 */
export function tightenTree(dir: string): number {
  let changed = 0;
  const visit = (path: string): void => {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) return;
    const want = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if ((stat.mode & 0o777) !== want) {
      chmodSync(path, want);
      changed++;
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return changed;
}

/** Prepares DATA_DIR at start: the umask for whatever is created from now on, the folder 0700, older contents tightened. */
export function prepareDataDir(dir: string): void {
  if (process.platform !== 'win32') process.umask(PRIVATE_UMASK);
  ensurePrivateDir(dir);
  if (process.platform !== 'win32') tightenTree(dir);
}
