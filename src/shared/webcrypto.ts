/**
 * The few WebCrypto calls the domain needs, typed here because src/shared compiles with no DOM
 * and no Node types. Browsers, Electron's renderer and Node ≥ 20 all provide `globalThis.crypto`.
 */

/** A WebCrypto key, opaque to the domain (a DOM `CryptoKey`). */
export interface CryptoKeyLike {
  readonly type: string;
  readonly extractable: boolean;
}

type Bytes = Uint8Array;
type Alg = string | { name: string; [k: string]: unknown };

export interface WebCryptoLike {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: {
    importKey(format: 'raw' | 'pkcs8' | 'spki', key: Bytes | ArrayBuffer, alg: Alg, extractable: boolean, usages: string[]): Promise<CryptoKeyLike>;
    exportKey(format: 'raw' | 'pkcs8' | 'spki' | 'jwk', key: CryptoKeyLike): Promise<ArrayBuffer>;
    deriveBits(alg: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Bytes; iterations: number }, key: CryptoKeyLike, length: number): Promise<ArrayBuffer>;
    deriveKey(alg: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Bytes; iterations: number }, key: CryptoKeyLike, derived: Alg, extractable: boolean, usages: string[]): Promise<CryptoKeyLike>;
    generateKey(alg: Alg, extractable: boolean, usages: string[]): Promise<{ publicKey: CryptoKeyLike; privateKey: CryptoKeyLike }>;
    wrapKey(format: 'pkcs8', key: CryptoKeyLike, wrappingKey: CryptoKeyLike, alg: Alg): Promise<ArrayBuffer>;
    unwrapKey(format: 'pkcs8', wrapped: Bytes, unwrappingKey: CryptoKeyLike, unwrapAlg: Alg, keyAlg: Alg, extractable: boolean, usages: string[]): Promise<CryptoKeyLike>;
    sign(alg: Alg, key: CryptoKeyLike, data: Bytes): Promise<ArrayBuffer>;
    verify(alg: Alg, key: CryptoKeyLike, signature: Bytes, data: Bytes): Promise<boolean>;
    encrypt(alg: { name: 'AES-GCM'; iv: Bytes; additionalData?: Bytes }, key: CryptoKeyLike, data: Bytes): Promise<ArrayBuffer>;
    decrypt(alg: { name: 'AES-GCM'; iv: Bytes; additionalData?: Bytes }, key: CryptoKeyLike, data: Bytes): Promise<ArrayBuffer>;
    digest(alg: 'SHA-256', data: Bytes): Promise<ArrayBuffer>;
  };
}

/** The platform's WebCrypto implementation. */
export function webCrypto(): WebCryptoLike {
  const c = (globalThis as unknown as { crypto?: WebCryptoLike }).crypto;
  if (!c?.subtle) throw new Error('WebCrypto is not available');
  return c;
}
