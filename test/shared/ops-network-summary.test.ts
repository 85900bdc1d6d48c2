import { describe, expect, it } from 'vitest';
import { workCalendar } from '@shared/calendar';
import { networkSummary } from '@shared/domain/ops/summary';
import { emptyDay, type OpsDayState } from '@shared/domain/ops/state';
import { monthlyReport } from '@shared/report/monthly';

const at = '2026-10-05T01:00:00.000Z';
function day(id: string, f: (d: OpsDayState) => void): OpsDayState {
  const d = emptyDay(id, at, '');
  f(d);
  return d;
}

describe('the monthly report has the morning network checks and the disruptions', () => {
  const days = [
    day('2026-09-30', (d) => {
      d.checks.internet = { item: 'internet', ok: false, note: '', at, by: 'u' }; // the month before: left out
    }),
    day('2026-10-05', (d) => {
      d.checks.internet = { item: 'internet', ok: true, note: '', at, by: 'u' };
      d.checks.lan = { item: 'lan', ok: false, note: 'switch lt 2', at, by: 'u' };
      d.disruptions.push({ id: 'a', source: 'isp', system: 'Internet', startedAt: at, actions: '', openedAt: at, openedBy: 'u', resolvedAt: at, minutes: 90 });
      d.disruptions.push({ id: 'b', source: 'power', system: 'Server', startedAt: at, actions: '', openedAt: at, openedBy: 'u', resolvedAt: at, minutes: 30 });
    }),
    day('2026-10-06', (d) => {
      d.checks.wifi = { item: 'wifi', ok: true, note: '', at, by: 'u' };
      d.disruptions.push({ id: 'c', source: 'isp', system: 'VPN', startedAt: at, actions: '', openedAt: at, openedBy: 'u' });
    }),
  ];

  it('counts checks per item, disruptions per source and the time to resolve', () => {
    const n = networkSummary(days, '2026-10-01', '2026-10-31');
    expect(n).toMatchObject({ daysChecked: 2, checks: 3, problems: 1, disruptions: 3, resolved: 2, open: 1, avgMinutes: 60, maxMinutes: 90 });
    expect(n.byItem.internet).toEqual({ ok: 1, problem: 0 });
    expect(n.byItem.lan).toEqual({ ok: 0, problem: 1 });
    expect(n.bySource).toMatchObject({ isp: 2, power: 1, router: 0 });
  });

  it('reaches the report, and a month with no records says so (null, not zeroes)', () => {
    const base = { month: '2026-10', zone: 'WIB' as const, calendar: workCalendar('WIB'), tickets: [], assets: [], incidents: [], access: [], visits: [], now: '2026-11-02T00:00:00Z' };
    expect(monthlyReport({ ...base, network: networkSummary(days, '2026-10-01', '2026-10-31') }).network?.disruptions).toBe(3);
    expect(monthlyReport(base).network).toBeNull();
    expect(networkSummary([], '2026-10-01', '2026-10-31')).toMatchObject({ checks: 0, avgMinutes: null });
  });
});
