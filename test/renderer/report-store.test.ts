// The monthly report's query reads the month's tickets, incidents and visits through their
// indexes, bounded by the office's local midnight, and the figures the screen, print and
// spreadsheet share (tables.ts) come out formatted per language.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteTestDbs, testDb } from '../fixtures/office';
import { loadMonth, loadMonthlyReport, monthSummaries } from '@renderer/store/queries/report';
import type { OpsDayState } from '@shared/domain/ops/state';
import type { RestoreState } from '@shared/domain/restore/state';
import { formatValue, reportSections } from '@renderer/features/report/tables';
import type { IncidentState } from '@shared/domain/incident/state';
import type { OrgState } from '@shared/domain/org/state';
import type { TicketState } from '@shared/domain/ticket/state';
import type { VisitState } from '@shared/domain/visit/state';

afterEach(deleteTestDbs);

const org = { id: 'org', name: 'Dinas Kominfo', timeZone: 'WITA' } as OrgState;
const HOUR = 3_600_000;
const ticket = (id: string, receivedAt: string) =>
  ({
    id, receivedAt, status: 'closed', priority: 'high', category: 'network', slaMet: true, reopenCount: 0,
    sla: { priority: 'high', amount: 4, unit: 'hours', basis: 'working', budgetMs: 4 * HOUR }, clock: { usedMs: HOUR },
  }) as unknown as TicketState;

describe('the monthly report query', () => {
  it("reads only the month's rows, bounded by local midnight in the office's zone", async () => {
    const db = testDb();
    await db.tickets.bulkPut([
      ticket('before', '2026-10-31T15:59:59.999Z'), // 23.59 WITA, 31 Oct
      ticket('first', '2026-10-31T16:00:00.000Z'), // 00.00 WITA, 1 Nov
      ticket('last', '2026-11-30T15:59:00.000Z'), // 23.59 WITA, 30 Nov
      ticket('after', '2026-11-30T16:00:00.000Z'), // 00.00 WITA, 1 Dec
    ]);
    await db.incidents.bulkPut([
      { id: 'i1', reportedAt: '2026-11-05T01:00:00.000Z', status: 'open', severity: 'low', reworkCount: 0 } as unknown as IncidentState,
      { id: 'i2', reportedAt: '2026-12-05T01:00:00.000Z', status: 'open', severity: 'low', reworkCount: 0 } as unknown as IncidentState,
    ]);
    await db.visits.bulkPut([
      // Registered late on 31 October, entered after midnight: counted as entered in November.
      { id: 'v1', registeredAt: '2026-10-31T15:30:00.000Z', enteredAt: '2026-10-31T16:10:00.000Z', status: 'checked_out', decision: { approved: true } } as unknown as VisitState,
      { id: 'v2', registeredAt: '2026-10-20T01:00:00.000Z', status: 'archived' } as unknown as VisitState,
    ]);
    const rows = await loadMonth(db, '2026-11', org);
    expect(rows.tickets.map((t) => t.id).sort()).toEqual(['first', 'last']);
    expect(rows.incidents.map((i) => i.id)).toEqual(['i1']);
    expect(rows.visits.map((v) => v.id)).toEqual(['v1']);
    const report = await loadMonthlyReport(db, '2026-11', org, new Date('2026-12-01T02:00:00.000Z'));
    expect(report.tickets).toMatchObject({ total: 2, met: 2 });
    expect(report.visits).toMatchObject({ registered: 0, entered: 1 });
    expect(report.backups).toBeNull();
  });
});

describe('the report figures', () => {
  it('formats shares and working days per language, and keeps every row for the spreadsheet', async () => {
    expect(formatValue({ v: 1 / 3, kind: 'pct' }, 'id')).toMatch(/^33,3\s?%$/);
    expect(formatValue({ v: 1 / 3, kind: 'pct' }, 'en')).toMatch(/^33\.3\s?%$/);
    expect(formatValue({ v: 4.25, kind: 'days' }, 'id')).toBe('4,3');
    expect(formatValue({ v: null, kind: 'days' }, 'id')).toBe('—');
    const db = testDb();
    const report = await loadMonthlyReport(db, '2026-11', org, new Date('2026-12-01T02:00:00.000Z'));
    const t = ((k: string) => k) as never;
    const sections = reportSections(report, t, (iso) => iso);
    expect(sections.map((s) => s.key)).toEqual(['tickets', 'assets', 'incidents', 'network', 'backups', 'access', 'visits']);
    const backups = sections.find((s) => s.key === 'backups')!;
    expect(backups.facts).toEqual([]);
    expect(backups.notes).toEqual(['report.backups.noBackups', 'report.backups.noRestores']);
    const categories = sections.find((s) => s.key === 'assets')!.tables[1]!;
    expect(categories.sparse).toBe(true);
    expect(categories.rows).toHaveLength(9);
  });
});

describe("the month's backup and restore summaries", () => {
  const day = (id: string, runs: [boolean, boolean], verified?: boolean) =>
    ({
      id, checks: {}, disruptions: [], openDisruptions: 0, maintenance: [], createdAt: '', updatedAt: '', hlc: '',
      backups: [
        { job: 'Server file harian', target: 'local', ok: runs[0], note: '', at: '', by: 'u' },
        { job: 'Database aplikasi', target: 'cloud', ok: runs[1], note: '', at: '', by: 'u' },
      ],
      verifications: verified === undefined ? [] : [{ id: 'v', job: 'Database aplikasi', restoredTo: 'SRV-TEST', ok: verified, note: '', at: '', by: 'u' }],
    }) as unknown as OpsDayState;
  const restore = (id: string, requestedAt: string, status: string, late?: boolean) => ({ id, requestedAt, status, late }) as unknown as RestoreState;

  it("reads the month's office days and restore requests into the report; a month without records says so", async () => {
    const db = testDb();
    await db.opsDays.bulkPut([day('2026-10-31', [true, true]), day('2026-11-01', [true, false], true), day('2026-11-30', [true, true]), day('2026-12-01', [false, false])]);
    await db.restores.bulkPut([
      restore('r-oct', '2026-10-31T15:00:00.000Z', 'completed'), // 23.00 WITA, 31 Oct
      restore('r1', '2026-11-02T02:00:00.000Z', 'completed', false),
      restore('r2', '2026-11-20T02:00:00.000Z', 'completed', true),
      restore('r3', '2026-11-30T15:30:00.000Z', 'refused'), // 23.30 WITA, 30 Nov
    ]);
    const { backups, restores } = await monthSummaries(db, '2026-11', org);
    expect(backups).toMatchObject({ daysRecorded: 2, runs: 4, succeeded: 3, failed: 1, successRate: 0.75, verifications: 1, verificationsOk: 1 });
    expect(restores).toMatchObject({ requested: 3, completed: 2, withinDeadline: 1, late: 1, notDone: 1 });
    // September: nothing recorded — no summaries, so the report says there are no records.
    expect(await monthSummaries(db, '2026-09', org)).toEqual({ backups: undefined, restores: undefined });
    const report = await loadMonthlyReport(db, '2026-11', { ...org, docPrefix: 'TIK' } as OrgState, new Date('2026-12-02T00:00:00.000Z'));
    expect(report.backups).toMatchObject({ runs: 4 });
    expect(report.restores).toMatchObject({ requested: 3 });
  });
});
