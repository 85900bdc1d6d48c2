/**
 * The server's data directory is private to the account that runs it: folders 0700, files
 * 0600 (the sync store holds every record, password verifier and wrapped key of the office; the
 * TLS folder holds the server's private key). main.ts sets the process umask to 077 before
 * anything is created, and tightens the server's own folders at start and once the store is
 * open: PGlite writes some files with explicit modes whatever the umask (its initdb's 0666,
 * its relation-cache files 0644). The folder's 0700 is what keeps other accounts out either way.
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

/** What the server keeps in DATA_DIR (and a mount point's lost+found); anything else is not its own. */
const OWN_ENTRIES = new Set(['pglite', 'tls', 'lost+found']);
/** The folders under DATA_DIR whose whole contents are the server's. */
const OWN_TREES = ['pglite', 'tls'];

/** Tightens the server's own folders in DATA_DIR (the embedded database, the TLS key), never anything else in it. */
export function tightenDataDir(dir: string): number {
  if (process.platform === 'win32') return 0;
  return OWN_TREES.reduce((n, sub) => n + tightenTree(join(dir, sub)), 0);
}

/**
 * Prepares DATA_DIR at start: the umask for whatever is created from now on, the folder 0700
 * and the server's own folders in it tightened. A DATA_DIR that also holds other things (a
 * mistaken `DATA_DIR=/home/budi`) keeps its own mode, and its other contents are never touched:
 * the names are returned so that the server can say so.
 */
export function prepareDataDir(dir: string): { foreign: string[] } {
  if (process.platform !== 'win32') process.umask(PRIVATE_UMASK);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const foreign = readdirSync(dir).filter((name) => !OWN_ENTRIES.has(name));
  if (foreign.length === 0) chmodSync(dir, PRIVATE_DIR_MODE);
  tightenDataDir(dir);
  return { foreign };
}
