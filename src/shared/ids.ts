import { v7 } from 'uuid';

/** A new time-ordered identifier (UUIDv7) for events and records. */
export function newId(): string {
  return v7();
}
