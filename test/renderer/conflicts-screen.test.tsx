// @vitest-environment jsdom
/**
 * The conflict inbox (jsdom, fake-indexeddb): refused events of several kinds are named by
 * their translated event label and their record's label, linked to the record's screen; a
 * record no longer stored shows its id.
 */
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '@renderer/i18n';
import { db } from '@renderer/store';
import { ConflictsScreen } from '@renderer/features/sync/ConflictsScreen';
import type { DomainEvent, RecordKind } from '@shared/events';

afterEach(async () => {
  cleanup();
  await Promise.all(db.tables.map((t) => t.clear()));
});

let n = 0;
const rejected = (kind: RecordKind, recordId: string, type: string): DomainEvent => {
  n += 1;
  return {
    id: `e${n}`, kind, recordId, type, payload: {}, actorId: 'u0', deviceId: 'd1', deviceSeq: n,
    hlc: `2026-03-09T01:00:00.000Z-${String(n).padStart(4, '0')}`, at: '2026-03-09T01:00:00.000Z', prevHash: '', hash: `h${n}`,
    status: 'rejected', reason: 'errors.forbidden',
  };
};

describe('ConflictsScreen', () => {
  it('names and links the record of every refused event, whatever its kind', async () => {
    await db.tickets.put({ id: 't1', docNo: 'TIK/TKT/20260309/ABCDE', subject: 'Printer lantai 2 macet' } as never);
    await db.assets.put({ id: 'a1', tag: 'LPT-001', serial: '5CD1234XYZ', keys: [] } as never);
    await db.employees.put({ id: 'p1', name: 'Siti Rahma', nip: '198501012010012001', keys: [] } as never);
    await db.events.bulkPut([
      rejected('ticket', 't1', 'ticket.assigned'),
      rejected('asset', 'a1', 'asset.statusSet'),
      rejected('employee', 'p1', 'employee.updated'),
      rejected('incident', 'gone-incident', 'incident.reported'),
    ]);
    render(<ConflictsScreen />);
    const table = await screen.findByTestId('conflicts');
    const link = await within(table).findByRole('link', { name: 'TIK/TKT/20260309/ABCDE · Printer lantai 2 macet' });
    expect(link.getAttribute('href')).toBe('#/tickets/t1');
    expect(within(table).getByRole('link', { name: 'LPT-001 · 5CD1234XYZ' }).getAttribute('href')).toBe('#/assets/a1');
    expect(within(table).getByRole('link', { name: 'Siti Rahma · NIP 198501012010012001' }).getAttribute('href')).toBe('#/employees/p1');
    const gone = within(table).getByText('gone-incident');
    expect(gone.closest('a')).toBeNull();
    for (const label of ['Ditugaskan', 'Status aset diubah', 'Data pegawai diubah', 'Insiden dilaporkan']) expect(within(table).getByText(label)).toBeTruthy();
  });
});
