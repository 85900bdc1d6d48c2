/**
 * BENCH_ONLY=signing, the page side: the cost per event of signing and verifying an event's
 * content hash with WebCrypto's Ed25519 (what the console uses) and with @noble/curves (the
 * JavaScript alternative), in this Chromium, on the same events.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { contentHash, type DomainEvent } from '@shared/events';
import { newUserKey, signedMessage, signHash, webVerifier } from '@shared/signing';
import { newId } from '@shared/ids';
import { fromHex, toHex } from '@shared/hash';

export interface SigningBenchResult {
  n: number;
  /** Microseconds per event. */
  contentHashUs: number;
  webcrypto: { signSeqUs: number; signParUs: number; verifySeqUs: number; verifyParUs: number };
  noble: { signUs: number; verifyUs: number };
}

declare global {
  interface Window {
    benchSigning(o: { n: number }): Promise<SigningBenchResult>;
  }
}

const us = (ms: number, n: number) => Math.round((ms * 1000) / n * 10) / 10;

window.benchSigning = async ({ n }) => {
  const events: Pick<DomainEvent, 'id' | 'kind' | 'recordId' | 'type' | 'payload' | 'actorId' | 'deviceId' | 'at'>[] = Array.from({ length: n }, (_, i) => ({
    id: newId(), kind: 'visit', recordId: newId(), type: 'visit.activityNoted', payload: { text: `Pemeriksaan rak server ${i}` }, actorId: newId(), deviceId: newId(), at: new Date().toISOString(),
  }));
  let t = performance.now();
  const hashes = events.map((e) => contentHash(e));
  const contentHashUs = us(performance.now() - t, n);
  const { material, key } = await newUserKey('bench-password-1', 1000);
  // Warm-up, then sequential (one command's event at a time) and parallel (an import's events).
  await Promise.all(hashes.slice(0, 50).map((h) => signHash(key, h)));
  t = performance.now();
  const sigs: string[] = [];
  for (const h of hashes) sigs.push(await signHash(key, h));
  const signSeqUs = us(performance.now() - t, n);
  t = performance.now();
  await Promise.all(hashes.map((h) => signHash(key, h)));
  const signParUs = us(performance.now() - t, n);
  const verify = webVerifier();
  await verify(material.publicKey, signedMessage(hashes[0]!), sigs[0]!);
  t = performance.now();
  for (let i = 0; i < n; i++) if (!(await verify(material.publicKey, signedMessage(hashes[i]!), sigs[i]!))) throw new Error('verify failed');
  const verifySeqUs = us(performance.now() - t, n);
  t = performance.now();
  const oks = await Promise.all(hashes.map((h, i) => verify(material.publicKey, signedMessage(h), sigs[i]!)));
  if (oks.some((x) => !x)) throw new Error('verify failed');
  const verifyParUs = us(performance.now() - t, n);
  // @noble/curves on the same messages (a seed of its own; the same message bytes).
  const secret = ed25519.utils.randomSecretKey();
  const pub = ed25519.getPublicKey(secret);
  const m = Math.min(n, 500);
  ed25519.sign(signedMessage(hashes[0]!), secret);
  t = performance.now();
  const nsigs = hashes.slice(0, m).map((h) => toHex(ed25519.sign(signedMessage(h), secret)));
  const signUs = us(performance.now() - t, m);
  t = performance.now();
  for (let i = 0; i < m; i++) if (!ed25519.verify(fromHex(nsigs[i]!), signedMessage(hashes[i]!), pub)) throw new Error('noble verify failed');
  const verifyUs = us(performance.now() - t, m);
  return { n, contentHashUs, webcrypto: { signSeqUs, signParUs, verifySeqUs, verifyParUs }, noble: { signUs, verifyUs } };
};
