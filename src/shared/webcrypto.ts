/**
 * The few WebCrypto calls the domain needs, typed here because src/shared compiles with no DOM
 * and no Node types. Browsers, Electron's renderer and Node ≥ 20 all provide `globalThis.crypto`.
 */
export interface WebCryptoLike {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: {
    importKey(format: 'raw', key: Uint8Array, alg: string, extractable: boolean, usages: string[]): Promise<unknown>;
    deriveBits(alg: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number }, key: unknown, length: number): Promise<ArrayBuffer>;
  };
}

/** The platform's WebCrypto implementation. */
export function webCrypto(): WebCryptoLike {
  const c = (globalThis as unknown as { crypto?: WebCryptoLike }).crypto;
  if (!c?.subtle) throw new Error('WebCrypto is not available');
  return c;
}
