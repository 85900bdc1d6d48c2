/**
 * This console's own Ed25519 key pair (src/shared/sync/device-auth.ts): made at first use with
 * WebCrypto, the private key NON-EXTRACTABLE — a CryptoKey that can sign but whose bytes no
 * script can read — and kept in the `meta` table (IndexedDB stores a CryptoKey as it is, by
 * structured clone). Only the public key (raw, hex) ever leaves the device, registered with the
 * server at enrolment. A copy of the IndexedDB files moved to another machine carries the key
 * object; the binding protects against a device id and token used from elsewhere, not against a
 * stolen disk (docs/sync.md, trust model).
 */
import type { Table } from 'dexie';
import { generateDeviceKeyPair, signerFromKey, type DeviceSigner } from '@shared/sync/device-auth';
import type { ConsoleDb } from './db';

/** The key pair's row in `meta`. */
export interface DeviceKeyRow {
  key: 'device-key';
  /** Non-extractable Ed25519 private key (a CryptoKey). */
  privateKey: CryptoKey;
  /** Raw public key, hex (32 bytes). */
  publicKey: string;
  createdAt: string;
}

const table = (db: ConsoleDb) => db.meta as unknown as Table<DeviceKeyRow, string>;

/** Signers already read, per database (the row never changes once written). */
const cache = new WeakMap<ConsoleDb, Promise<DeviceSigner>>();

async function loadOrCreate(db: ConsoleDb): Promise<DeviceSigner> {
  let row = await table(db).get('device-key');
  if (!row) {
    // Made outside any transaction (an IndexedDB transaction would commit while WebCrypto
    // works); add() refuses a second row, so two tabs at first run end up with one key.
    const pair = await generateDeviceKeyPair(false);
    try {
      await table(db).add({ key: 'device-key', privateKey: pair.privateKey as CryptoKey, publicKey: pair.publicKey, createdAt: new Date().toISOString() });
    } catch (error) {
      if ((error as { name?: string } | null)?.name !== 'ConstraintError') throw error;
    }
    row = await table(db).get('device-key');
    if (!row) throw new Error('device key not stored');
  }
  return signerFromKey(row.privateKey, row.publicKey);
}

/** This device's signer; the key pair is made and stored on first use. */
export function deviceSigner(db: ConsoleDb): Promise<DeviceSigner> {
  let p = cache.get(db);
  if (!p) {
    p = loadOrCreate(db);
    cache.set(db, p);
    p.catch(() => cache.delete(db));
  }
  return p;
}
