/**
 * The conflict inbox's record labels and links, for every record kind; a record no longer
 * stored shows its id, unlinked; the loader reads each kind with one bulkGet.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleDb } from '@renderer/store/db';
import { idsByKind, linkOf, loadRecordStates, recordLink } from '@renderer/features/sync/record-label';
import { RECORD_KINDS, type RecordKind } from '@shared/events';
import type { StateOf } from '@shared/domain/registry';

const state = <K extends RecordKind>(_kind: K, fields: Record<string, unknown>) => fields as unknown as StateOf[K];

describe('recordLink', () => {
  it('names and links every kind of record', () => {
    expect(recordLink('visit', 'v1', state('visit', { id: 'v1', visitorName: 'Andi Wijaya' }))).toEqual({ label: 'Andi Wijaya', href: '#/visits/v1' });
    expect(recordLink('ticket', 't1', state('ticket', { id: 't1', docNo: 'TIK/TKT/20260309/ABCDE', subject: 'Printer lantai 2 macet' }))).toEqual({
      label: 'TIK/TKT/20260309/ABCDE · Printer lantai 2 macet',
      href: '#/tickets/t1',
    });
    expect(recordLink('incident', 'i1', state('incident', { id: 'i1', docNo: 'TIK/INS/20260309/12345', title: 'Port scan' }))).toEqual({ label: 'TIK/INS/20260309/12345', href: '#/incidents/i1' });
    expect(recordLink('asset', 'a1', state('asset', { id: 'a1', tag: 'LPT-001', serial: '5CD1234XYZ' }))).toEqual({ label: 'LPT-001 · 5CD1234XYZ', href: '#/assets/a1' });
    expect(recordLink('employee', 'e1', state('employee', { id: 'e1', name: 'Siti Rahma', nip: '198501012010012001' }))).toEqual({
      label: 'Siti Rahma · NIP 198501012010012001',
      href: '#/employees/e1',
    });
    expect(recordLink('restore', 'r1', state('restore', { id: 'r1', docNo: 'TIK/RST/20260309/ABCDE', employee: { name: 'Andi Wijaya' } }))).toEqual({
      label: 'TIK/RST/20260309/ABCDE · Andi Wijaya',
      href: '#/restore/r1',
    });
    expect(recordLink('handover', 'h1', state('handover', { id: 'h1', docNo: 'TIK/BAST/20260309/00001' }))).toEqual({ label: 'TIK/BAST/20260309/00001', href: '#/print/assets/doc/h1' });
    expect(recordLink('user', 'u1', state('user', { id: 'u1', displayName: 'Rahmat Hidayat', username: 'rahmat' }))).toEqual({ label: 'Rahmat Hidayat', href: '#/admin/users' });
    expect(recordLink('org', 'org', state('org', { id: 'org', name: 'Diskominfo' }))).toEqual({ label: 'Diskominfo', href: '#/admin/settings' });
    expect(recordLink('opsday', '2026-03-09', state('opsday', { id: '2026-03-09', checks: {} }))).toEqual({ label: '2026-03-09', href: '#/ops/2026-03-09' });
  });

  it('shows the id, unlinked, of a record no longer stored, whatever its kind', () => {
    for (const kind of RECORD_KINDS) expect(recordLink(kind, 'gone-1', undefined)).toEqual({ label: 'gone-1' });
  });

  it('falls back to the id when the readable fields are empty', () => {
    expect(recordLink('asset', 'a2', state('asset', { id: 'a2', tag: '', serial: '' }))).toEqual({ label: 'a2', href: '#/assets/a2' });
    expect(recordLink('employee', 'e2', state('employee', { id: 'e2', name: 'Budi', nip: '' })).label).toBe('Budi');
  });
});

describe('loadRecordStates', () => {
  const opened: ConsoleDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });

  it('groups ids by kind, each once', () => {
    const grouped = idsByKind([
      { kind: 'visit', recordId: 'v1' },
      { kind: 'asset', recordId: 'a1' },
      { kind: 'visit', recordId: 'v1' },
      { kind: 'visit', recordId: 'v2' },
    ]);
    expect(Object.fromEntries(grouped)).toEqual({ visit: ['v1', 'v2'], asset: ['a1'] });
  });

  it('reads each kind with one bulkGet and labels present and missing records', async () => {
    const db = new ConsoleDb(`test-${crypto.randomUUID()}`);
    opened.push(db);
    await db.visits.put(state('visit', { id: 'v1', visitorName: 'Andi Wijaya', status: 'inside' }));
    await db.assets.put(state('asset', { id: 'a1', tag: 'LPT-001', serial: '5CD1234XYZ', keys: [] }));
    const visitBulk = vi.spyOn(db.visits, 'bulkGet');
    const assetBulk = vi.spyOn(db.assets, 'bulkGet');
    const visitGet = vi.spyOn(db.visits, 'get');
    const events = [
      { kind: 'visit' as const, recordId: 'v1' },
      { kind: 'visit' as const, recordId: 'v-gone' },
      { kind: 'visit' as const, recordId: 'v1' },
      { kind: 'asset' as const, recordId: 'a1' },
    ];
    const states = await loadRecordStates(db, events);
    expect(visitBulk).toHaveBeenCalledTimes(1);
    expect(assetBulk).toHaveBeenCalledTimes(1);
    expect(visitGet).not.toHaveBeenCalled();
    expect(events.map((e) => linkOf(states, e))).toEqual([
      { label: 'Andi Wijaya', href: '#/visits/v1' },
      { label: 'v-gone' },
      { label: 'Andi Wijaya', href: '#/visits/v1' },
      { label: 'LPT-001 · 5CD1234XYZ', href: '#/assets/a1' },
    ]);
  });
});
