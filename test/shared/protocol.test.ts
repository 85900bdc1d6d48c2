/**
 * A console of one schema version can fold every record kind the office's events carry: a new
 * kind (or an incompatible event change) bumps SCHEMA_VERSION, so an older console is told to
 * update rather than pull events it cannot read. This tripwire fails when a kind is added
 * without a new version.
 */
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '@shared/events';
import { folds } from '@shared/domain/registry';
import { SCHEMA_VERSION } from '@shared/sync/protocol';

const KINDS_OF_VERSION: Record<number, readonly string[]> = {
  1: ['org', 'user', 'visit'],
  2: ['org', 'user', 'visit', 'employee', 'asset', 'handover', 'ticket', 'incident', 'access', 'opsday', 'restore'],
  // Signed events (each carries its command and its actor's signature): the same kinds.
  3: ['org', 'user', 'visit', 'employee', 'asset', 'handover', 'ticket', 'incident', 'access', 'opsday', 'restore'],
};

describe('the sync schema version', () => {
  it('names exactly the record kinds this console folds', () => {
    expect([...RECORD_KINDS].sort()).toEqual([...KINDS_OF_VERSION[SCHEMA_VERSION]!].sort());
    expect(Object.keys(folds).sort()).toEqual([...RECORD_KINDS].sort());
  });
});
