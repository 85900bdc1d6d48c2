import { describe, expect, it } from 'vitest';
import { workCalendar } from '@shared/calendar';
import type { AccessRequestState } from '@shared/domain/access/state';
import type { AssetState } from '@shared/domain/asset/state';
import type { IncidentState } from '@shared/domain/incident/state';
import type { TicketState } from '@shared/domain/ticket/state';
import type { VisitState } from '@shared/domain/visit/state';
import { monthlyReport, monthName, monthRange, previousMonth, reportMonthFor, type MonthlyReportInput } from '@shared/report/monthly';
import type { OfficeZone } from '@shared/office-time';

const HOUR = 3_600_000;

function ticket(p: Partial<TicketState> & { receivedAt: string }): TicketState {
  const priority = p.priority ?? 'medium';
  return {
    id: p.id ?? p.receivedAt,
    docNo: 'X/TKT/1',
    status: 'new',
    channel: 'phone',
    requester: { name: 'Budi', department: 'Umum', contact: '0812' },
    category: 'hardware',
    subject: 'Printer macet',
    description: 'Printer lantai 2 macet',
    priority,
    sla: { priority, amount: 24, unit: 'hours', basis: 'calendar', budgetMs: 24 * HOUR },
    clock: { usedMs: 0, runningSince: p.receivedAt, dueAt: new Date(Date.parse(p.receivedAt) + 24 * HOUR).toISOString() },
    recordedBy: 'u1',
    reopenCount: 0,
    comments: [],
    updatedAt: p.receivedAt,
    hlc: '0',
    ...p,
  } as TicketState;
}

function asset(p: Partial<AssetState>): AssetState {
  return {
    id: p.id ?? 'a1', tag: 'LP-1', serial: 'SN1', category: 'laptop', brand: 'Lenovo', model: 'T14', status: 'in_stock', condition: 'good', location: '', notes: '',
    accessories: [], keys: [], textLower: '', locationLower: '', custody: [], maintenance: [], wipes: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', hlc: '0',
    ...p,
  } as AssetState;
}

function incident(p: Partial<IncidentState> & { reportedAt: string }): IncidentState {
  return { id: p.reportedAt, docNo: 'X/INS/1', title: 'Phishing', status: 'open', step: 1, turnRole: 'officer', severity: 'medium', category: 'phishing', reworkCount: 0, history: [], ...p } as IncidentState;
}

function input(p: Partial<MonthlyReportInput> & { zone?: OfficeZone } = {}): MonthlyReportInput {
  const zone = p.zone ?? 'WITA';
  return { month: '2026-11', zone, calendar: workCalendar(zone), tickets: [], assets: [], incidents: [], access: [], visits: [], now: '2026-12-02T02:00:00.000Z', ...p };
}

describe('month helpers', () => {
  it('computes the month range in the office zone and names it', () => {
    expect(monthRange('2026-11', 'WITA')).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(monthRange('2026-12', 'WIT').to).toBe('2026-12-31T15:00:00.000Z');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(reportMonthFor('2026-12-01')).toBe('2026-11');
    expect(monthName('2026-02', 'id')).toBe('Februari 2026');
    expect(monthName('2026-08', 'en')).toBe('August 2026');
  });
});

describe('monthlyReport', () => {
  it('counts a ticket received on the last evening of the month (WITA) in that month, and one after local midnight in the next', () => {
    const lastEvening = ticket({ id: 't1', receivedAt: '2026-11-30T15:30:00.000Z' }); // 23.30 WITA, 30 Nov
    const afterMidnight = ticket({ id: 't2', receivedAt: '2026-11-30T16:30:00.000Z' }); // 00.30 WITA, 1 Dec
    const firstMorning = ticket({ id: 't3', receivedAt: '2026-10-31T16:30:00.000Z' }); // 00.30 WITA, 1 Nov
    const r = monthlyReport(input({ tickets: [lastEvening, afterMidnight, firstMorning] }));
    expect(r.tickets.total).toBe(2);
    // The same instants in WIB: 16.30Z is still 30 Nov 23.30 WIB; 31 Oct 16.30Z is 31 Oct 23.30 WIB.
    const wib = monthlyReport(input({ zone: 'WIB', tickets: [lastEvening, afterMidnight, firstMorning] }));
    expect(wib.tickets.total).toBe(2);
    expect(monthlyReport(input({ zone: 'WIB', tickets: [afterMidnight] })).tickets.total).toBe(1);
    expect(monthlyReport(input({ tickets: [afterMidnight] })).tickets.total).toBe(0);
  });

  it('counts SLA met, breached and pending per priority', () => {
    const tickets = [
      ticket({ id: 'met', priority: 'high', receivedAt: '2026-11-03T01:00:00.000Z', status: 'closed', slaMet: true, clock: { usedMs: HOUR } }),
      ticket({ id: 'late', priority: 'high', receivedAt: '2026-11-04T01:00:00.000Z', status: 'resolved', slaMet: false, clock: { usedMs: 30 * HOUR } }),
      // Still open, its 24 h long gone by the end of the month: breached.
      ticket({ id: 'open-late', priority: 'low', receivedAt: '2026-11-10T01:00:00.000Z' }),
      // Reopened after a fix that met the SLA, clock running again and over: breached, not met.
      ticket({ id: 'reopened', priority: 'medium', receivedAt: '2026-11-11T01:00:00.000Z', status: 'in_progress', slaMet: true, reopenCount: 1 }),
      // Received an hour before the month ends and the month is still running: pending.
      ticket({ id: 'fresh', priority: 'medium', receivedAt: '2026-11-30T14:00:00.000Z' }),
    ];
    const r = monthlyReport(input({ tickets, now: '2026-11-30T15:00:00.000Z' }));
    expect(r.complete).toBe(false);
    expect(r.tickets).toMatchObject({ total: 5, met: 1, breached: 3, pending: 1, resolved: 2, closed: 1, open: 3, reopened: 1 });
    expect(r.tickets.byPriority.high).toEqual({ total: 2, met: 1, breached: 1, pending: 0 });
    expect(r.tickets.byPriority.medium).toEqual({ total: 2, met: 0, breached: 1, pending: 1 });
    expect(r.tickets.byPriority.low).toEqual({ total: 1, met: 0, breached: 1, pending: 0 });
    expect(r.tickets.metRate).toBeCloseTo(1 / 4);
    expect(r.tickets.byCategory.hardware).toBe(5);
  });

  it("averages incidents' working days and counts rework loops", () => {
    const incidents = [
      incident({ reportedAt: '2026-11-02T01:00:00.000Z', status: 'closed', closedAt: '2026-11-04T08:00:00.000Z', workingDays: 2, severity: 'high' }),
      incident({ reportedAt: '2026-11-09T01:00:00.000Z', status: 'closed', closedAt: '2026-11-19T08:00:00.000Z', workingDays: 7, reworkCount: 2 }),
      incident({ reportedAt: '2026-11-20T01:00:00.000Z', status: 'closed', closedAt: '2026-11-24T08:00:00.000Z', workingDays: 3.5 }),
      incident({ reportedAt: '2026-11-27T01:00:00.000Z', reworkCount: 1 }),
      incident({ reportedAt: '2026-10-27T01:00:00.000Z' }),
    ];
    const r = monthlyReport(input({ incidents }));
    expect(r.incidents).toMatchObject({ total: 4, closed: 3, open: 1, avgWorkingDays: 4.2, maxWorkingDays: 7, withinTarget: 2, overTarget: 1, reworkLoops: 3, withRework: 2 });
    expect(r.incidents.daysBuckets).toEqual({ upTo2: 1, upTo5: 1, over5: 1 });
    expect(r.incidents.bySeverity.high).toBe(1);
  });

  it('counts maintenance done in the month and assigned assets overdue at its end', () => {
    const assets = [
      // Handed over in June: due in September, overdue at the end of November.
      asset({ id: 'a1', status: 'assigned', maintBase: '2026-06-10T02:00:00.000Z' }),
      // Maintained twice in November: not overdue.
      asset({
        id: 'a2', status: 'assigned', category: 'pc', maintBase: '2026-11-20T02:00:00.000Z',
        maintenance: [
          { id: 'm1', at: '2026-11-05T02:00:00.000Z', by: 'u', checklist: { antivirus: true, osPatched: true, passwordSet: true, removableMedia: true }, condition: 'good', notes: '' },
          { id: 'm2', at: '2026-11-20T02:00:00.000Z', by: 'u', checklist: { antivirus: true, osPatched: true, passwordSet: true, removableMedia: true }, condition: 'good', notes: '' },
          { id: 'm0', at: '2026-10-20T02:00:00.000Z', by: 'u', checklist: { antivirus: true, osPatched: true, passwordSet: true, removableMedia: true }, condition: 'good', notes: '' },
        ],
      }),
      // In stock: never on the schedule.
      asset({ id: 'a3', status: 'in_stock', category: 'monitor' }),
      // Due on 10 December: due soon at the end of November.
      asset({ id: 'a4', status: 'assigned', maintBase: '2026-09-10T02:00:00.000Z' }),
      // Handed over in May, maintained only on 3 December: it was overdue at the end of November.
      asset({
        id: 'a6', status: 'assigned', category: 'pc', maintBase: '2026-12-03T02:00:00.000Z',
        custody: [{ employeeId: 'e', handoverId: 'h', handoverDocNo: 'X/BAST/1', from: '2026-05-04T02:00:00.000Z', conditionOut: 'good' }],
        maintenance: [{ id: 'm9', at: '2026-12-03T02:00:00.000Z', by: 'u', checklist: { antivirus: true, osPatched: true, passwordSet: true, removableMedia: true }, condition: 'good', notes: '' }],
      }),
      // Returned on 20 November after a year: no longer on the schedule at the month's end.
      asset({
        id: 'a7', status: 'awaiting_wipe',
        custody: [{ employeeId: 'e', handoverId: 'h', handoverDocNo: 'X/BAST/2', from: '2025-11-04T02:00:00.000Z', to: '2026-11-20T02:00:00.000Z', conditionOut: 'good' }],
      }),
      // Created after the month: not in November's report.
      asset({ id: 'a5', createdAt: '2026-12-01T08:00:00.000Z' }),
    ];
    const r = monthlyReport(input({ assets }));
    expect(r.assets).toMatchObject({ total: 6, maintenanceDone: 2, assetsMaintained: 1, maintenanceOverdue: 2, maintenanceDueSoon: 1 });
    expect(r.assets.byStatus).toMatchObject({ assigned: 4, in_stock: 1, awaiting_wipe: 1, lost: 0 });
    expect(r.assets.byCategory).toMatchObject({ laptop: 3, pc: 2, monitor: 1 });
    // A six-month interval for laptops: a1 is not overdue any more.
    expect(monthlyReport(input({ assets, maintenanceMonths: { laptop: 6 } })).assets.maintenanceOverdue).toBe(1);
    // In October a6 was overdue too (due early August), a7 was held and last serviced never: overdue.
    expect(monthlyReport(input({ month: '2026-10', assets })).assets.maintenanceOverdue).toBe(3);
  });

  it('counts access request steps and visits in the month', () => {
    const access = [
      {
        submittedAt: '2026-11-12T01:00:00.000Z', status: 'provisioned', decidedAt: '2026-11-12T03:00:00.000Z',
        versions: [{ n: 1, at: '2026-10-30T01:00:00.000Z', returnedAt: '2026-11-02T01:00:00.000Z' }],
        grants: [{ grantedAt: '2026-11-13T01:00:00.000Z' }, { grantedAt: '2026-11-13T02:00:00.000Z', revokedAt: '2026-11-25T01:00:00.000Z' }],
      },
      { submittedAt: '2026-11-20T01:00:00.000Z', status: 'returned', decidedAt: '2026-11-21T01:00:00.000Z', versions: [], grants: [] },
    ] as unknown as AccessRequestState[];
    const visits = [
      { registeredAt: '2026-11-03T01:00:00.000Z', status: 'archived', decision: { approved: true }, enteredAt: '2026-11-03T02:00:00.000Z' },
      { registeredAt: '2026-11-04T01:00:00.000Z', status: 'refused', decision: { approved: false } },
      { registeredAt: '2026-12-01T01:00:00.000Z', status: 'awaiting_approval' },
    ] as unknown as VisitState[];
    const r = monthlyReport(input({ access, visits }));
    expect(r.access).toMatchObject({ submitted: 2, returned: 2, approved: 1, provisioned: 2, revoked: 1 });
    expect(r.access.byStatus).toMatchObject({ provisioned: 1, returned: 1 });
    expect(r.visits).toEqual({ registered: 2, approved: 1, refused: 1, cancelled: 0, entered: 1 });
  });

  it('reports an empty month truthfully, and passes backup summaries through', () => {
    const r = monthlyReport(input());
    expect(r.complete).toBe(true);
    expect(r.asOf).toBe(r.to);
    expect(r.tickets).toMatchObject({ total: 0, met: 0, breached: 0, metRate: null });
    expect(r.incidents).toMatchObject({ total: 0, avgWorkingDays: null, maxWorkingDays: null });
    expect(r.assets.total).toBe(0);
    expect(r.backups).toBeNull();
    expect(r.restores).toBeNull();
    const backups = { daysRecorded: 30, runs: 60, succeeded: 58, failed: 2, successRate: 58 / 60, verifications: 4, verificationsOk: 4 };
    const restores = { requested: 2, completed: 2, withinDeadline: 1, late: 1, notDone: 0 };
    expect(monthlyReport(input({ backups, restores }))).toMatchObject({ backups, restores });
  });

  it('refuses a malformed month', () => {
    expect(() => monthlyReport(input({ month: '2026-13' }))).toThrow();
  });
});
