/**
 * The visit log's name filter reads the `[nameKey+registeredAt]` index: a visit row carries,
 * beside its state, the first letters of its visitor's name (db.ts writes it and hides it from
 * readers). Kept apart from db.ts so the queries need not load Dexie to compute it.
 */

/** How many first letters of a visitor's name the index keys on. */
export const VISIT_NAME_KEY_LENGTH = 3;

/** A visit row's `nameKey`: the first letters of its visitor's name (lower case). */
export const visitNameKey = (nameLower: string) => nameLower.slice(0, VISIT_NAME_KEY_LENGTH);
