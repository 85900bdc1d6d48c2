/**
 * Secrets the main process keeps (the sync server's device token, with its server and pin:
 * src/main/sync/transport.ts), encrypted with the operating system's keychain through
 * Electron's safeStorage and stored as userData/secrets/<name>.bin. When the keychain is
 * unavailable the secret is refused, never written in plain text. No IPC channel reads or
 * writes them: the renderer never sees the token.
 */
import type { SafeStorage } from 'electron';
import { join } from 'node:path';
import type { SecretName } from '../../shared/platform';
import { BridgeFailure } from '../ipc/handle';

/** Longest secret accepted, in characters. */
export const MAX_SECRET_CHARS = 4096;

export const SECRET_NAMES = ['sync-token'] as const satisfies readonly SecretName[];

// The file of each secret: names are looked up, never pasted into a path.
const SECRET_FILES: Record<SecretName, string> = { 'sync-token': 'sync-token.bin' };

export interface ReadSecretInput {
  name: SecretName;
}

export interface WriteSecretInput {
  name: SecretName;
  /** At most MAX_SECRET_CHARS; null deletes. */
  value: string | null;
}

export interface SecretDeps {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;
  /** True when safeStorage fell back to a built-in password (Linux 'basic_text'), which is
   *  no better than plain text; treated as no keychain. */
  weakBackend?: () => boolean;
  /** The folder of the secret files: userData/secrets. */
  dir: () => string;
  /** Creates `dir` (and its parents) when missing. */
  mkdir: (path: string) => Promise<void>;
  /** Rejects with code ENOENT when the file does not exist. */
  readFile: (path: string) => Promise<Uint8Array>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  /** Rejects with code ENOENT when the file does not exist. */
  unlink: (path: string) => Promise<void>;
}

const isMissing = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'ENOENT';

function keychainAvailable(deps: SecretDeps): boolean {
  return deps.safeStorage.isEncryptionAvailable() && !(deps.weakBackend?.() ?? false);
}

/** The secret, or null when none is stored or the file cannot be decrypted (corrupt, or
 *  written under another keychain). Other file errors reject. */
export async function readSecret(deps: SecretDeps, req: ReadSecretInput): Promise<{ value: string | null }> {
  let data: Uint8Array;
  try {
    data = await deps.readFile(join(deps.dir(), SECRET_FILES[req.name]));
  } catch (error) {
    if (isMissing(error)) return { value: null };
    throw error;
  }
  if (!deps.safeStorage.isEncryptionAvailable()) return { value: null };
  try {
    return { value: deps.safeStorage.decryptString(Buffer.from(data)) };
  } catch {
    return { value: null };
  }
}

/** Encrypts and stores the secret ({stored:true}); null deletes it ({stored:false}).
 *  Throws BridgeFailure('errors.bridge.noKeychain') without writing when there is no keychain. */
export async function writeSecret(deps: SecretDeps, req: WriteSecretInput): Promise<{ stored: boolean }> {
  const path = join(deps.dir(), SECRET_FILES[req.name]);
  if (req.value === null) {
    try {
      await deps.unlink(path);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    return { stored: false };
  }
  if (req.value.length > MAX_SECRET_CHARS) throw new BridgeFailure('errors.bridge.invalid-input');
  if (!keychainAvailable(deps)) throw new BridgeFailure('errors.bridge.noKeychain');
  const encrypted = deps.safeStorage.encryptString(req.value);
  await deps.mkdir(deps.dir());
  await deps.writeFile(path, encrypted);
  return { stored: true };
}
