/**
 * Daily operations (DOMAIN.md §6, SOP 3-4): one record per office day, id = the office-local
 * date; the morning network check (latest per item), disruptions opened and resolved later
 * with their time, backup results per job and target, verifications, the weekly server
 * maintenance log; two consoles' events on one day merge; every command replayed by the
 * server with the same rules; and the backup summary the monthly report reads.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '@shared/ids';
import { foldRecord } from '@shared/domain/registry';
import { groupByCommand } from '@shared/sync/replay';
import { backupSummary } from '@shared/domain/ops/summary';
import { emptyDay, type OpsDayState } from '@shared/domain/ops/state';
import type { DomainEvent } from '@shared/events';
import { actorOf, testUser, TEST_ORG, World } from './world';

const OFFICER = testUser('officer', ['officer']);
const TECH = testUser('tech', ['technician']);
const ADMIN = testUser('admin', ['admin']);
const AUDITOR = testUser('auditor', ['auditor']);
const APPROVER = testUser('approver', ['approver']);
const USERS = [OFFICER, TECH, ADMIN, AUDITOR, APPROVER];

// World's clock: 2026-03-02T01:00Z = 08.00 WIB on 2 March 2026.
const DAY = '2026-03-02';
const day = (w: World, date = DAY) => w.get<OpsDayState>('opsday', date);

const allOk = (date = DAY) => ({
  date,
  items: [
    { item: 'internet', ok: true, note: '' },
    { item: 'lan', ok: true, note: '' },
    { item: 'wifi', ok: false, note: 'AP lantai 2 mati, sudah di-restart' },
    { item: 'vpn', ok: true, note: '' },
    { item: 'servers', ok: true, note: '' },
  ],
});

describe('daily operations: the office day', () => {
  it('records the morning check; re-checking an item keeps the latest, the events keep the history', async () => {
    const w = new World(USERS);
    await w.ok('opsday.checkNetwork', allOk(), actorOf(OFFICER));
    expect(day(w)).toMatchObject({ id: DAY, checks: { wifi: { ok: false, note: 'AP lantai 2 mati, sudah di-restart', by: OFFICER.id }, internet: { ok: true } } });
    w.advanceHours(2);
    await w.ok('opsday.checkNetwork', { date: DAY, items: [{ item: 'wifi', ok: true, note: 'Normal kembali' }] }, actorOf(TECH));
    expect(day(w).checks.wifi).toMatchObject({ ok: true, note: 'Normal kembali', by: TECH.id, at: w.now });
    expect(w.events.filter((e) => e.payload.item === 'wifi')).toHaveLength(2);
    expect(Object.keys(day(w).checks).sort()).toEqual(['internet', 'lan', 'servers', 'vpn', 'wifi']);
    const server = await w.replayOnServer();
    expect(server.get('opsday', DAY)).toEqual(day(w));
  });

  it('refuses bad checks: a problem without a note, an item twice, nothing checked, a day not begun, the wrong roles', async () => {
    const w = new World(USERS);
    expect(await w.refused('opsday.checkNetwork', { date: DAY, items: [{ item: 'vpn', ok: false, note: '' }] }, actorOf(OFFICER))).toMatchObject({ message: 'ops.errors.problemNote', field: 'items.0.note' });
    expect((await w.refused('opsday.checkNetwork', { date: DAY, items: [{ item: 'vpn', ok: true, note: '' }, { item: 'vpn', ok: true, note: '' }] }, actorOf(OFFICER))).message).toBe('ops.errors.itemTwice');
    expect((await w.refused('opsday.checkNetwork', { date: DAY, items: [] }, actorOf(OFFICER))).message).toBe('ops.errors.noChecks');
    expect((await w.refused('opsday.checkNetwork', { date: DAY, items: [{ item: 'printer', ok: true, note: '' }] }, actorOf(OFFICER))).message).toBe('ops.errors.item');
    expect((await w.refused('opsday.checkNetwork', allOk('2026-02-30'), actorOf(OFFICER))).message).toBe('ops.errors.date');
    expect((await w.refused('opsday.checkNetwork', allOk('2026-03-03'), actorOf(OFFICER))).message).toBe('ops.errors.futureDay');
    for (const u of [AUDITOR, APPROVER]) expect((await w.refused('opsday.checkNetwork', allOk(), actorOf(u))).message).toBe('errors.forbidden');
    // A past day can still be filled in.
    await w.ok('opsday.checkNetwork', allOk('2026-02-27'), actorOf(OFFICER));
    // In WIT (UTC+9) 01.00Z is already 10.00 on the same day; at 16.00Z it is the next day.
    const wit = new World(USERS, { ...TEST_ORG, timeZone: 'WIT' });
    wit.now = '2026-03-02T16:00:00.000Z';
    await wit.ok('opsday.checkNetwork', allOk('2026-03-03'), actorOf(OFFICER));
  });

  it('opens a disruption on its start day, resolves it the next day on the same record, with the time it took', async () => {
    const w = new World(USERS);
    const disruptionId = newId();
    const open = { date: DAY, disruptionId, source: 'isp', system: 'Internet kantor', startedAt: '2026-03-02T07:40:00+07:00', actions: 'Menghubungi call center ISP, tiket 12345' };
    await w.ok('opsday.openDisruption', open, actorOf(OFFICER));
    expect(day(w)).toMatchObject({ openDisruptions: 1, disruptions: [{ id: disruptionId, source: 'isp', startedAt: '2026-03-02T00:40:00.000Z', openedBy: OFFICER.id }] });
    expect((await w.refused('opsday.openDisruption', open, actorOf(OFFICER))).message).toBe('errors.exists');
    // Next morning: the ISP fixed it overnight; it is resolved on 2 March's record.
    w.advanceHours(24);
    const resolve = { date: DAY, disruptionId, resolvedAt: '2026-03-03T07:55:00+07:00', resolution: 'Kabel fiber putus, diperbaiki teknisi ISP' };
    expect(await w.refused('opsday.resolveDisruption', { ...resolve, resolvedAt: '2026-03-02T07:00:00+07:00' }, actorOf(TECH))).toMatchObject({ message: 'ops.errors.resolvedBeforeStart', field: 'resolvedAt' });
    expect(await w.refused('opsday.resolveDisruption', { ...resolve, resolvedAt: '2026-03-04T07:00:00+07:00' }, actorOf(TECH))).toMatchObject({ message: 'ops.errors.resolvedFuture', field: 'resolvedAt' });
    expect((await w.refused('opsday.resolveDisruption', { ...resolve, resolution: 'ok' }, actorOf(TECH))).message).toBe('ops.errors.resolution');
    expect((await w.refused('opsday.resolveDisruption', { ...resolve, disruptionId: 'x' }, actorOf(TECH))).message).toBe('errors.notFound');
    expect((await w.refused('opsday.resolveDisruption', resolve, actorOf(AUDITOR))).message).toBe('errors.forbidden');
    await w.ok('opsday.resolveDisruption', resolve, actorOf(TECH));
    expect(day(w)).toMatchObject({ openDisruptions: 0, disruptions: [{ resolvedAt: '2026-03-03T00:55:00.000Z', resolvedBy: TECH.id, minutes: 24 * 60 + 15, resolution: resolve.resolution }] });
    expect((await w.refused('opsday.resolveDisruption', resolve, actorOf(TECH))).message).toBe('ops.errors.alreadyResolved');
    expect(w.get('opsday', '2026-03-03')).toBeUndefined();
    const server = await w.replayOnServer();
    expect(server.get('opsday', DAY)).toEqual(day(w));
  });

  it('refuses a disruption that started on another day, in the future, or without source or system', async () => {
    const w = new World(USERS);
    const open = { date: DAY, disruptionId: newId(), source: 'router', system: 'LAN lantai 3', startedAt: '2026-03-02T07:00:00+07:00', actions: '' };
    expect(await w.refused('opsday.openDisruption', { ...open, startedAt: '2026-03-01T23:30:00+07:00' }, actorOf(OFFICER))).toMatchObject({ message: 'ops.errors.startedOtherDay', field: 'startedAt' });
    expect(await w.refused('opsday.openDisruption', { ...open, startedAt: '2026-03-02T09:00:00+07:00' }, actorOf(OFFICER))).toMatchObject({ message: 'ops.errors.startedFuture', field: 'startedAt' });
    expect((await w.refused('opsday.openDisruption', { ...open, startedAt: 'kemarin' }, actorOf(OFFICER))).message).toBe('ops.errors.startedAt');
    expect((await w.refused('opsday.openDisruption', { ...open, source: 'alien' }, actorOf(OFFICER))).message).toBe('ops.errors.source');
    expect((await w.refused('opsday.openDisruption', { ...open, system: ' ' }, actorOf(OFFICER))).message).toBe('ops.errors.system');
    await w.ok('opsday.openDisruption', open, actorOf(OFFICER));
  });

  it("records backups per job and target from the office's list (latest wins) and weekly verifications", async () => {
    const w = new World(USERS);
    const runs = [
      { job: 'Server file harian', target: 'local', ok: true, note: '' },
      { job: 'server file harian', target: 'cloud', ok: false, note: 'Upload ke cloud timeout' },
      { job: 'Database aplikasi', target: 'local', ok: true, note: '' },
    ];
    await w.ok('opsday.recordBackup', { date: DAY, runs }, actorOf(OFFICER));
    expect(day(w).backups.map((b) => [b.job, b.target, b.ok])).toEqual([
      ['Server file harian', 'local', true],
      ['Server file harian', 'cloud', false],
      ['Database aplikasi', 'local', true],
    ]);
    // The cloud upload is re-run and recorded again: the latest result counts.
    w.advanceHours(3);
    await w.ok('opsday.recordBackup', { date: DAY, runs: [{ job: 'Server file harian', target: 'cloud', ok: true, note: 'Diulang manual' }] }, actorOf(TECH));
    expect(day(w).backups).toHaveLength(3);
    expect(day(w).backups.find((b) => b.target === 'cloud')).toMatchObject({ ok: true, by: TECH.id });

    expect(await w.refused('opsday.recordBackup', { date: DAY, runs: [{ job: 'Foto liburan', target: 'local', ok: true, note: '' }] }, actorOf(OFFICER))).toMatchObject({ message: 'ops.errors.unknownJob', field: 'runs.0.job' });
    expect(await w.refused('opsday.recordBackup', { date: DAY, runs: [{ job: 'Database aplikasi', target: 'cloud', ok: false, note: '' }] }, actorOf(OFFICER))).toMatchObject({ message: 'ops.errors.failureNote', field: 'runs.0.note' });
    expect((await w.refused('opsday.recordBackup', { date: DAY, runs: [runs[0], runs[0]] }, actorOf(OFFICER))).message).toBe('ops.errors.runTwice');
    expect((await w.refused('opsday.recordBackup', { date: DAY, runs: [{ ...runs[0], target: 'nas' }] }, actorOf(OFFICER))).message).toBe('ops.errors.target');
    expect((await w.refused('opsday.recordBackup', { date: DAY, runs: [] }, actorOf(OFFICER))).message).toBe('ops.errors.noRuns');

    const verification = { date: DAY, verificationId: newId(), job: 'Database aplikasi', restoredTo: 'Server uji (VM-TEST)', ok: true, note: 'Data 1 Maret utuh' };
    await w.ok('opsday.verifyBackup', verification, actorOf(TECH));
    expect(await w.refused('opsday.verifyBackup', { ...verification, verificationId: newId(), ok: false, note: '' }, actorOf(TECH))).toMatchObject({ message: 'ops.errors.failureNote', field: 'note' });
    expect((await w.refused('opsday.verifyBackup', { ...verification, verificationId: newId(), restoredTo: '' }, actorOf(TECH))).message).toBe('ops.errors.restoredTo');
    expect((await w.refused('opsday.verifyBackup', { ...verification, verificationId: newId(), job: 'Lain' }, actorOf(TECH))).message).toBe('ops.errors.unknownJob');
    expect((await w.refused('opsday.verifyBackup', verification, actorOf(TECH))).message).toBe('errors.exists');
    expect(day(w).verifications).toEqual([expect.objectContaining({ job: 'Database aplikasi', restoredTo: 'Server uji (VM-TEST)', ok: true, by: TECH.id })]);

    // An office with its own job list.
    const own = new World(USERS, { ...TEST_ORG, backupJobs: ['SIMPEG harian'] });
    expect((await own.refused('opsday.recordBackup', { date: DAY, runs: [runs[0]] }, actorOf(OFFICER))).message).toBe('ops.errors.unknownJob');
    await own.ok('opsday.recordBackup', { date: DAY, runs: [{ job: 'simpeg harian', target: 'cloud', ok: true, note: '' }] }, actorOf(OFFICER));
    expect(day(own).backups[0]!.job).toBe('SIMPEG harian');
    await w.replayOnServer();
    await own.replayOnServer();
  });

  it('logs the weekly server maintenance: the IT team only, at least one task', async () => {
    const w = new World(USERS);
    const entry = { date: DAY, entryId: newId(), server: 'SRV-FILE-01', tasks: ['updates', 'diskSpace', 'logsReviewed'], notes: 'Disk C: 78%, patch KB5034441 terpasang' };
    await w.ok('opsday.logMaintenance', entry, actorOf(TECH));
    expect(day(w).maintenance).toEqual([expect.objectContaining({ server: 'SRV-FILE-01', tasks: ['updates', 'diskSpace', 'logsReviewed'], by: TECH.id })]);
    expect((await w.refused('opsday.logMaintenance', { ...entry, entryId: newId() }, actorOf(OFFICER))).message).toBe('errors.forbidden');
    expect((await w.refused('opsday.logMaintenance', { ...entry, entryId: newId(), tasks: [] }, actorOf(ADMIN))).message).toBe('ops.errors.tasks');
    expect((await w.refused('opsday.logMaintenance', { ...entry, entryId: newId(), tasks: ['defrag'] }, actorOf(ADMIN))).message).toBe('ops.errors.tasks');
    expect((await w.refused('opsday.logMaintenance', { ...entry, entryId: newId(), server: '' }, actorOf(ADMIN))).message).toBe('ops.errors.server');
    expect((await w.refused('opsday.logMaintenance', entry, actorOf(ADMIN))).message).toBe('errors.exists');
    await w.replayOnServer();
  });

  it("merges two consoles' events on one day, whatever order they arrive in, and the server accepts both", async () => {
    const a = new World(USERS);
    const b = new World(USERS);
    b.now = '2026-03-02T01:30:00.000Z';
    await a.ok('opsday.checkNetwork', allOk(), actorOf(OFFICER));
    await a.ok('opsday.recordBackup', { date: DAY, runs: [{ job: 'Server file harian', target: 'local', ok: true, note: '' }] }, actorOf(OFFICER));
    // The second console, not yet synced, re-checks WiFi and records other backups and a disruption.
    await b.ok('opsday.checkNetwork', { date: DAY, items: [{ item: 'wifi', ok: true, note: 'AP diganti' }] }, actorOf(TECH));
    await b.ok('opsday.recordBackup', { date: DAY, runs: [{ job: 'Database aplikasi', target: 'cloud', ok: false, note: 'Kuota cloud penuh' }] }, actorOf(TECH));
    await b.ok('opsday.openDisruption', { date: DAY, disruptionId: newId(), source: 'power', system: 'Ruang server', startedAt: '2026-03-02T08:10:00+07:00', actions: 'UPS aktif, genset dinyalakan' }, actorOf(TECH));
    const bEvents = b.events.map((e) => ({ ...e, deviceId: 'dev-b' }));
    const all: DomainEvent[] = [...a.events, ...bEvents];
    const merged = foldRecord('opsday', all)!;
    expect(foldRecord('opsday', [...all].reverse())).toEqual(merged);
    expect(merged.checks.wifi).toMatchObject({ ok: true, by: TECH.id });
    expect(merged.checks.internet).toMatchObject({ ok: true, by: OFFICER.id });
    expect(merged.backups.map((r) => `${r.job}/${r.target}`).sort()).toEqual(['Database aplikasi/cloud', 'Server file harian/local']);
    expect(merged).toMatchObject({ id: DAY, openDisruptions: 1 });

    // The server receives b's events first (b synced first), then a's: each command replayed.
    const server = new World(USERS);
    for (const group of [...groupByCommand(bEvents), ...groupByCommand(a.events)]) expect(await server.accept(group), group[0]!.type).toEqual({ ok: true, data: true });
    // Arrival order left aside, the fold of all events in HLC order is the devices' state.
    expect(foldRecord('opsday', [...bEvents, ...a.events])).toEqual(merged);
  });
});

describe('backupSummary', () => {
  const d = (id: string, runs: [boolean, 'local' | 'cloud'][], verifications: boolean[] = []): OpsDayState => ({
    ...emptyDay(id, `${id}T01:00:00.000Z`, ''),
    backups: runs.map(([ok, target], i) => ({ job: `Job ${i}`, target, ok, note: '', at: '', by: 'u' })),
    verifications: verifications.map((ok, i) => ({ id: `v${i}`, job: 'Job 0', restoredTo: 'VM', ok, note: '', at: '', by: 'u' })),
  });

  it('counts runs, successes, failures, days recorded and verifications within the period only', () => {
    const days = [
      d('2026-02-28', [[false, 'local']]),
      d('2026-03-01', [[true, 'local'], [true, 'cloud']]),
      d('2026-03-02', [[true, 'local'], [false, 'cloud']], [true, false]),
      d('2026-03-03', [], [true]),
      d('2026-03-31', [[true, 'local']]),
      d('2026-04-01', [[false, 'cloud']], [false]),
    ];
    expect(backupSummary(days, '2026-03-01', '2026-03-31')).toEqual({ daysRecorded: 3, runs: 5, succeeded: 4, failed: 1, successRate: 0.8, verifications: 3, verificationsOk: 2 });
  });

  it('reports no success rate when nothing was recorded', () => {
    expect(backupSummary([], '2026-03-01', '2026-03-31')).toEqual({ daysRecorded: 0, runs: 0, succeeded: 0, failed: 0, successRate: null, verifications: 0, verificationsOk: 0 });
    expect(backupSummary([d('2026-03-05', [], [true])], '2026-03-01', '2026-03-31')).toMatchObject({ daysRecorded: 0, runs: 0, successRate: null, verifications: 1, verificationsOk: 1 });
  });
});
