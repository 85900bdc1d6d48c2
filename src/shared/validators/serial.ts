/** Serial numbers as typed by people or barcode scanners. */

/** Trims, upper-cases and drops inner whitespace, so "sn 12ab " and "SN12AB" match. */
export function normaliseSerial(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '');
}

/** A serial is 2-64 letters, digits and - _ / . : after normalising. */
export function isValidSerial(raw: string): boolean {
  return /^[A-Z0-9][A-Z0-9\-_/.:]{1,63}$/.test(normaliseSerial(raw));
}
