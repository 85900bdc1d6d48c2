// @vitest-environment jsdom
/**
 * The forms moved onto react-hook-form + zod (jsdom, the console's own database): each refuses
 * bad input before any command is sent — every message at its field, all at once, the typed
 * values kept — and commits nothing; a good submit still commits. Settings lists (access
 * systems, backup jobs), maintenance intervals, the Users screen's password form, the access
 * grant, the backup passphrase, the incident's violation, sanction and analysis forms, the
 * inventory filter, the operations day's forms, and the action panels of tickets, visits, restore
 * and access requests (decisions with two buttons: the refusal needs its reason), the visit's
 * check-out (messages naming the device's serial) and the calendar's cuti bersama panel (its own
 * forms inside the calendar's form).
 */
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import i18n from '@renderer/i18n';
import { db } from '@renderer/store';
import { backupKey } from '@renderer/store/backup';
import { useSessionStore } from '@renderer/app/session-store';
import { commitAs, testKey, type TestCommand } from '../fixtures/signing';
import { BackupJobsCard } from '@renderer/features/ops/BackupJobsCard';
import { IntervalSettings } from '@renderer/features/assets/MaintenanceScreen';
import { UsersScreen } from '@renderer/features/admin/UsersScreen';
import { AccessDetailScreen } from '@renderer/features/access/AccessDetailScreen';
import { BackupPanel } from '@renderer/features/backup/BackupPanel';
import { AnalysisPanel, ViolationsPanel } from '@renderer/features/incidents/IncidentPanels';
import { InventoryScreen } from '@renderer/features/assets/InventoryScreen';
import { OpsDayScreen } from '@renderer/features/ops/OpsDayScreen';
import { TicketActions } from '@renderer/features/tickets/TicketActions';
import { VisitActions } from '@renderer/features/visits/VisitActions';
import { CheckOutPanel } from '@renderer/features/visits/CheckOutPanel';
import { CalendarScreen } from '@renderer/features/admin/CalendarScreen';
import { PerformCard, UserCard } from '@renderer/features/restore/RestoreDetailScreen';
import type { TicketState } from '@shared/domain/ticket/state';
import type { VisitState } from '@shared/domain/visit/state';
import type { RestoreState } from '@shared/domain/restore/state';
import { ORG_ID, type OrgState } from '@shared/domain/org/state';
import type { IncidentState } from '@shared/domain/incident/state';
import type { PasswordHash, UserState } from '@shared/domain/user/state';
import { hashPassword } from '@shared/password';
import type { Actor } from '@shared/roles';

const ADMIN = crypto.randomUUID();
const OFFICER = crypto.randomUUID();
const APPROVER = crypto.randomUUID();
const TECH = crypto.randomUUID();
const EMPLOYEE = crypto.randomUUID();
const admin: Actor = { userId: ADMIN, roles: ['admin'] };
const officer: Actor = { userId: OFFICER, roles: ['officer'] };

let password: PasswordHash;
async function must(actor: Actor, command: TestCommand) {
  const r = await commitAs(db, actor, command);
  if (!r.ok) throw new Error(`${command.type} refused: ${r.error.message}`);
}
const org = async () => (await db.org.get(ORG_ID)) as OrgState;
const signIn = async (id: string) => useSessionStore.setState({ user: (await db.users.get(id)) as UserState, key: (await testKey(id)).key });
const events = () => db.events.count();
const tr = (key: string, params?: Record<string, unknown>) => i18n.t(key, params);

/** An employee and an access request for their email, submitted by the officer: its id. */
async function submittedAccessRequest(): Promise<string> {
  await must(admin, { type: 'employee.create', input: { id: EMPLOYEE, nip: '199203032015031002', name: 'Andi Wijaya', department: 'Keuangan', position: 'Analis', email: '', status: 'active' } });
  const id = crypto.randomUUID();
  await must(officer, {
    type: 'access.submit',
    input: {
      id,
      employeeId: EMPLOYEE,
      requester: { name: 'Hendra Gunawan', position: 'Kepala Sub Bagian Keuangan' },
      divisionHead: { name: 'Dra. Ratna Sari', position: 'Kepala Bidang Keuangan' },
      need: 'Pegawai baru di Sub Bagian Keuangan: perlu email dinas untuk surat-menyurat.',
      items: [{ system: 'Email', level: 'write', scope: '' }],
    },
  });
  return id;
}

/** The message shown for a field: the element its aria-describedby names as its error. */
function errorAt(field: HTMLElement): string | null {
  const id = (field.getAttribute('aria-describedby') ?? '').split(' ').find((x) => x.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}
const click = (name: string, scope: Pick<typeof screen, 'getByRole'> = screen) => act(async () => fireEvent.click(scope.getByRole('button', { name })));
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

beforeAll(async () => {
  password = await hashPassword('Rahasia123', 1000);
});
beforeEach(async () => {
  await must(admin, {
    type: 'org.setUp',
    input: {
      profile: { name: 'Dinas Komunikasi dan Informatika', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1, Bandung', timeZone: 'WIB', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15 },
      admin: { id: ADMIN, username: 'kepala.tik', displayName: 'Kepala Bidang TIK', roles: ['admin'], password },
    },
  });
  await must(admin, { type: 'user.create', input: { id: OFFICER, username: 'budi', displayName: 'Budi Santoso', roles: ['officer'], password } });
  await must(admin, { type: 'user.create', input: { id: TECH, username: 'rahmat', displayName: 'Rahmat Hidayat', roles: ['technician'], password } });
  await must(admin, { type: 'user.create', input: { id: APPROVER, username: 'yusuf', displayName: 'Yusuf Manajer', roles: ['approver'], password } });
  await signIn(ADMIN);
});
afterEach(async () => {
  cleanup();
  useSessionStore.setState({ user: null, key: null });
  await i18n.changeLanguage('id');
  await Promise.all(db.tables.map((x) => x.clear()));
});
afterAll(() => db.close());

describe('settings lists (LinesForm)', () => {
  it('backup jobs: an empty list and a too-long line are refused at the text area, naming the line; a good list is saved', async () => {
    render(<BackupJobsCard org={await org()} />);
    const box = screen.getByLabelText<HTMLTextAreaElement>(tr('ops.settings.label'));
    const before = await events();
    type(box, '  \n ');
    await click(tr('ops.settings.save'));
    expect(errorAt(box)).toBe(tr('ops.errors.jobsEmpty'));
    type(box, `Server file\n${'x'.repeat(81)}`);
    await click(tr('ops.settings.save'));
    await waitFor(() => expect(errorAt(box)).toBe(tr('ops.settings.line', { line: 2, error: tr('ops.errors.tooLong') })));
    expect(box.value).toBe(`Server file\n${'x'.repeat(81)}`);
    expect(await events()).toBe(before);
    type(box, 'Server file\nDatabase SIMPEG ');
    await click(tr('ops.settings.save'));
    await waitFor(async () => expect((await org()).backupJobs).toEqual(['Server file', 'Database SIMPEG']));
    expect(await screen.findByText(tr('ops.settings.saved'))).toBeTruthy();
  });
});

describe('maintenance intervals', () => {
  it('refuses every interval outside 1–24 at its own field at once, keeps the typed values, commits nothing', async () => {
    render(<IntervalSettings org={await org()} />);
    const laptop = screen.getByLabelText<HTMLInputElement>(`${tr('asset.maintenance.intervalMonths')} ${tr('asset.category.laptop')}`);
    const printer = screen.getByLabelText<HTMLInputElement>(`${tr('asset.maintenance.intervalMonths')} ${tr('asset.category.printer')}`);
    const before = await events();
    type(laptop, '30');
    type(printer, '');
    await click(tr('common.save'));
    await waitFor(() => expect(errorAt(laptop)).toBe(tr('asset.errors.interval')));
    expect(errorAt(printer)).toBe(tr('asset.errors.interval'));
    expect(laptop.value).toBe('30');
    expect(await events()).toBe(before);
    type(laptop, '6');
    type(printer, '12');
    await click(tr('common.save'));
    await waitFor(async () => expect((await org()).maintenanceMonths).toMatchObject({ laptop: 6, printer: 12 }));
  });
});

describe('users: the password form', () => {
  it('refuses a short password at its field and commits nothing', async () => {
    render(<UsersScreen />);
    const row = await screen.findByTestId('user-budi');
    await click(tr('common.edit'), within(row));
    const field = within(row).getByLabelText<HTMLInputElement>(tr('users.newPassword'));
    const before = await events();
    type(field, 'pendek');
    await click(tr('users.setPassword'), within(row));
    await waitFor(() => expect(errorAt(field)).toBe(tr('users.errors.passwordShort')));
    expect(field.value).toBe('pendek');
    expect(await events()).toBe(before);
  });
});

describe('access request: the grant form', () => {
  it('refuses an empty account at its input and commits nothing; records a good one', async () => {
    const id = await submittedAccessRequest();
    await must(admin, { type: 'access.decide', input: { id, approved: true, note: '' } });
    await signIn(TECH);
    render(<AccessDetailScreen id={id} />);
    const account = await screen.findByLabelText<HTMLInputElement>(tr('access.detail.accountFor', { system: 'Email' }));
    const note = screen.getByLabelText<HTMLInputElement>(tr('access.detail.grantNoteFor', { system: 'Email' }));
    const before = await events();
    type(note, 'x'.repeat(501));
    await click(tr('access.detail.grant'));
    await waitFor(() => expect(errorAt(account)).toBe(tr('access.errors.account')));
    expect(errorAt(note)).toBe(tr('access.errors.tooLong'));
    expect(note.value).toBe('x'.repeat(501));
    expect(await events()).toBe(before);
    type(account, 'andi.w@dinas.go.id');
    type(note, 'Kuota 10 GB');
    await click(tr('access.detail.grant'));
    await waitFor(async () => expect((await db.accessRequests.get(id))?.grants[0]?.account).toBe('andi.w@dinas.go.id'));
  });
});

describe('backup panel: the passphrase', () => {
  it('shows a short passphrase and a mismatch at their fields at once, stores no key', async () => {
    render(<BackupPanel />);
    const pass = screen.getByLabelText<HTMLInputElement>(tr('backup.passphrase.label'));
    const again = screen.getByLabelText<HTMLInputElement>(tr('backup.passphrase.again'));
    type(pass, 'pendek');
    type(again, 'lain');
    await click(tr('backup.passphrase.save'));
    await waitFor(() => expect(errorAt(pass)).toBe(tr('backup.errors.passphraseShort')));
    expect(errorAt(again)).toBe(tr('backup.errors.passphraseMismatch'));
    expect(pass.value).toBe('pendek');
    expect(await backupKey(db)).toBeFalsy();
  });
});

describe('incident panels', () => {
  const incident = (over: Partial<IncidentState> = {}) =>
    ({ id: crypto.randomUUID(), status: 'open', violations: [], actions: '', rootCause: '', mitigation: '', lessonsLearned: '', ...over }) as IncidentState;

  it('a violation without person and rule: both messages at their fields, nothing committed', async () => {
    render(<ViolationsPanel incident={incident()} />);
    const person = screen.getByLabelText<HTMLInputElement>(tr('incident.violations.person'));
    const rule = screen.getByLabelText<HTMLInputElement>(tr('incident.violations.rule'));
    const description = screen.getByLabelText<HTMLTextAreaElement>(tr('incident.violations.description'));
    const before = await events();
    type(person, 'An');
    type(description, 'Berbagi akun VPN');
    await click(tr('incident.violations.record'));
    await waitFor(() => expect(errorAt(person)).toBe(tr('incident.errors.violationPerson')));
    expect(errorAt(rule)).toBe(tr('incident.errors.violationRule'));
    expect(description.value).toBe('Berbagi akun VPN');
    expect(await events()).toBe(before);
  });

  it('a sanction too short is refused at its field', async () => {
    const v = { id: 'v1', person: 'Andi Wijaya', rule: 'SOP jaringan', description: '', recordedBy: ADMIN, recordedAt: '2026-03-09T01:00:00.000Z' };
    render(<ViolationsPanel incident={incident({ violations: [v] as IncidentState['violations'] })} />);
    const sanction = screen.getByLabelText<HTMLInputElement>(tr('incident.violations.sanction'), { exact: true });
    const before = await events();
    type(sanction, 'ok');
    await click(tr('incident.violations.decide'));
    await waitFor(() => expect(errorAt(sanction)).toBe(tr('incident.errors.sanction')));
    expect(sanction.value).toBe('ok');
    expect(await events()).toBe(before);
  });

  it('the analysis: a field too long is refused at its field and the form stays open', async () => {
    render(<AnalysisPanel incident={incident()} />);
    await click(tr('common.edit'));
    const rootCause = screen.getByLabelText<HTMLTextAreaElement>(tr('incident.fields.rootCause'));
    const before = await events();
    type(rootCause, 'x'.repeat(4001));
    await click(tr('common.save'));
    await waitFor(() => expect(errorAt(rootCause)).toBe(tr('incident.errors.tooLong')));
    expect(rootCause.value).toHaveLength(4001);
    expect(await events()).toBe(before);
  });
});

describe('inventory filter', () => {
  it('keeps what was typed while a status is chosen, and the status summary sets the select', async () => {
    render(<InventoryScreen />);
    const q = screen.getByLabelText<HTMLInputElement>(tr('asset.inventory.search'));
    const status = screen.getByLabelText<HTMLSelectElement>(tr('asset.fields.status'));
    type(q, 'SN-123');
    await act(async () => fireEvent.change(status, { target: { value: 'in_stock' } }));
    expect(q.value).toBe('SN-123');
    expect(status.value).toBe('in_stock');
    await act(async () => fireEvent.click(within(screen.getByLabelText(tr('asset.inventory.byStatus'))).getByRole('button', { name: new RegExp(`^${tr('asset.status.in_stock')}`) })));
    expect(status.value).toBe('');
    await click(tr('asset.inventory.find'));
    expect(q.value).toBe('SN-123');
  });
});

describe('operations day', () => {
  it('refuses each form’s bad input at its fields at once, keeps the values, commits nothing', async () => {
    render(<OpsDayScreen />);
    const before = await events();
    // Network check: nothing chosen → the form's message; a problem without its note → at its line.
    const net = (await screen.findByTestId('network-check')).closest('section')!;
    await click(tr('ops.network.save'), within(net));
    expect(within(net).getByRole('alert').textContent).toBe(tr('ops.errors.noChecks'));
    const wifi = within(net).getByLabelText<HTMLSelectElement>(tr('ops.network.resultFor', { item: tr('ops.item.wifi') }));
    fireEvent.change(wifi, { target: { value: 'bad' } });
    await click(tr('ops.network.save'), within(net));
    const wifiRow = net.querySelector<HTMLElement>('tr[data-item="wifi"]')!;
    await waitFor(() => expect(within(wifiRow).getByRole('alert').textContent).toBe(tr('ops.errors.problemNote')));
    expect(wifi.value).toBe('bad');
    // A new disruption: source and system at their fields at once, the typed actions kept.
    const actions = screen.getByLabelText<HTMLTextAreaElement>(tr('ops.disruption.actions'));
    type(actions, 'Restart router');
    await click(tr('ops.disruption.save'));
    await waitFor(() => expect(errorAt(screen.getByLabelText(tr('ops.disruption.source')))).toBe(tr('ops.errors.source')));
    expect(errorAt(screen.getByLabelText(tr('ops.disruption.system')))).toBe(tr('ops.errors.system'));
    expect(actions.value).toBe('Restart router');
    // Backups: a failure without its cause, at its line.
    const backupForm = screen.getByTestId('backup-form');
    const first = within(backupForm).getAllByRole('combobox')[0] as HTMLSelectElement;
    fireEvent.change(first, { target: { value: 'bad' } });
    await click(tr('ops.backup.save'));
    await waitFor(() => expect(within(backupForm).getByRole('alert').textContent).toBe(tr('ops.errors.failureNote')));
    // Verification: job, restored-to and result at once.
    const job = screen.getByLabelText(tr('ops.verify.job'));
    await click(tr('ops.verify.save'));
    await waitFor(() => expect(errorAt(job)).toBe(tr('ops.errors.job')));
    expect(errorAt(screen.getByLabelText(tr('ops.verify.restoredTo')))).toBe(tr('ops.errors.restoredTo'));
    expect(errorAt(screen.getByLabelText(tr('ops.verify.result')))).toBe(tr('ops.errors.result'));
    // Maintenance: the server and at least one task.
    const server = screen.getByLabelText<HTMLInputElement>(tr('ops.maintenance.server'));
    await click(tr('ops.maintenance.save'));
    await waitFor(() => expect(errorAt(server)).toBe(tr('ops.errors.server')));
    expect(server.closest('form')!.querySelector('fieldset.has-error')?.textContent).toContain(tr('ops.errors.tasks'));
    expect(await events()).toBe(before);
  });
});

describe('action panels', () => {
  it('access decision: sending back without the reason is refused at the note, nothing committed', async () => {
    const id = await submittedAccessRequest();
    render(<AccessDetailScreen id={id} />);
    const note = await screen.findByLabelText<HTMLTextAreaElement>(tr('access.detail.decisionNote'));
    const before = await events();
    type(note, 'Kurang');
    await click(tr('access.detail.returnForRevision'));
    await waitFor(() => expect(errorAt(note)).toBe(tr('access.errors.returnReason')));
    expect(note.value).toBe('Kurang');
    expect(await events()).toBe(before);
    expect((await db.accessRequests.get(id))?.status).toBe('submitted');
  });

  it('ticket: resolving without what was done, and sending back without what is still wrong, are refused at their fields', async () => {
    await signIn(TECH);
    const ticket = { id: crypto.randomUUID(), status: 'in_progress', category: 'hardware', priority: 'medium', requester: { name: 'Siti Aminah' } } as unknown as TicketState;
    const { unmount } = render(<TicketActions ticket={ticket} />);
    const resolution = screen.getByLabelText<HTMLTextAreaElement>(tr('ticket.fields.resolution'));
    const before = await events();
    type(resolution, 'ok');
    await click(tr('ticket.resolve.submit'));
    await waitFor(() => expect(errorAt(resolution)).toBe(tr('ticket.errors.resolution')));
    expect(resolution.value).toBe('ok');
    unmount();
    await signIn(OFFICER);
    render(<TicketActions ticket={{ ...ticket, status: 'resolved' } as TicketState} />);
    const note = document.getElementById('confirmNote')!;
    const by = screen.getByLabelText<HTMLInputElement>(tr('ticket.fields.confirmedBy'));
    type(by, 'S');
    await click(tr('ticket.confirm.reopen'));
    await waitFor(() => expect(errorAt(note)).toBe(tr('ticket.errors.reopenReason')));
    expect(errorAt(by)).toBe(tr('ticket.errors.confirmedBy'));
    expect(await events()).toBe(before);
  });

  it('visit: a refusal and a cancellation without their reasons are refused at the field, before any confirm dialog', async () => {
    await signIn(APPROVER);
    const visit = { id: crypto.randomUUID(), status: 'awaiting_approval', registeredBy: OFFICER, visitorName: 'Rina Marlina', devices: [] } as unknown as VisitState;
    const { unmount } = render(<VisitActions visit={visit} />);
    const reason = screen.getByLabelText<HTMLTextAreaElement>(tr('visit.decide.reason'));
    const before = await events();
    await click(tr('visit.decide.refuse'));
    await waitFor(() => expect(errorAt(reason)).toBe(tr('visit.errors.refuseReason')));
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
    unmount();
    await signIn(OFFICER);
    render(<VisitActions visit={{ ...visit, registeredBy: ADMIN } as VisitState} />);
    const cancel = screen.getByLabelText<HTMLTextAreaElement>(tr('visit.fields.cancelReason'));
    type(cancel, 'x');
    await click(tr('visit.cancel.submit'));
    await waitFor(() => expect(errorAt(cancel)).toBe(tr('visit.errors.cancelReason')));
    expect(cancel.value).toBe('x');
    expect(await events()).toBe(before);
  });

  it('restore: the user’s refusal needs its reason; the restore needs its end, not before its start, and what was restored', async () => {
    const r = { id: crypto.randomUUID(), employee: { name: 'Andi Wijaya' } } as unknown as RestoreState;
    const before = await events();
    const { unmount } = render(<UserCard r={r} zone="WIB" />);
    const note = screen.getByLabelText<HTMLTextAreaElement>(tr('restore.detail.userNote'));
    await click(tr('restore.detail.userRefuse'));
    await waitFor(() => expect(errorAt(note)).toBe(tr('restore.errors.refuseReason')));
    unmount();
    render(<PerformCard r={r} zone="WIB" />);
    const completed = screen.getByLabelText<HTMLInputElement>(tr('restore.detail.completedAt'));
    const restored = screen.getByLabelText<HTMLTextAreaElement>(tr('restore.detail.restored'));
    await click(tr('restore.detail.perform'));
    await waitFor(() => expect(errorAt(completed)).toBe(tr('restore.errors.completedAt')));
    expect(errorAt(restored)).toBe(tr('restore.errors.restored'));
    const started = screen.getByLabelText<HTMLInputElement>(tr('restore.detail.startedAt'));
    type(started, '2026-03-09T10:00');
    type(completed, '2026-03-09T09:00');
    type(restored, 'Folder Laporan 2026');
    await click(tr('restore.detail.perform'));
    await waitFor(() => expect(errorAt(completed)).toBe(tr('restore.errors.completedBeforeStart')));
    expect(completed.value).toBe('2026-03-09T09:00');
    expect(await events()).toBe(before);
  });
});

describe('the last hand-rolled forms', () => {
  it('check-out: every problem at its field at once, the device’s serial in its message; a scan keeps the focus; nothing committed', async () => {
    await signIn(OFFICER);
    const devices = [
      { id: crypto.randomUUID(), kind: 'laptop', serial: 'LPT-5CG1234XYZ', brandModel: 'HP EliteBook 840' },
      { id: crypto.randomUUID(), kind: 'disk', serial: 'HDD-WD-7781A', brandModel: 'WD Gold 4TB' },
    ];
    const visit = { id: crypto.randomUUID(), status: 'inside', badge: 'B-01', idType: 'ktp', devices } as unknown as VisitState;
    render(<CheckOutPanel visit={visit} />);
    const before = await events();
    const scanField = screen.getByLabelText<HTMLInputElement>(tr('visit.checkout.scanLabel'));
    scanField.focus();
    type(scanField, 'lpt-5cg1234xyz');
    fireEvent.keyDown(scanField, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('reconcile-LPT-5CG1234XYZ').textContent).toContain(tr('visit.checkout.matched')));
    expect(scanField.value).toBe('');
    expect(document.activeElement).toBe(scanField);
    const outcome = screen.getByLabelText<HTMLTextAreaElement>(tr('visit.fields.outcome'));
    type(outcome, 'ok');
    await click(tr('visit.checkout.submit'));
    await waitFor(() => expect(screen.getByTestId('checkout-problems').textContent).toBe(tr('desk.checkout.problems', { count: 4 })));
    expect(errorAt(outcome)).toBe(tr('visit.errors.outcome'));
    const left = screen.getByRole<HTMLInputElement>('checkbox', { name: tr('visit.checkout.declareLeft', { serial: 'HDD-WD-7781A' }) });
    expect(errorAt(left)).toBe(tr('visit.errors.deviceUnresolved', { serial: 'HDD-WD-7781A' }));
    expect(errorAt(screen.getByRole('checkbox', { name: tr('visit.checkout.badgeReturned', { badge: 'B-01' }) }))).toBe(tr('visit.errors.badgeNotReturned'));
    expect(errorAt(screen.getByRole('checkbox', { name: tr('visit.checkout.idReturned', { idType: tr('visit.idTypes.ktp') }) }))).toBe(tr('visit.errors.idNotReturned'));
    expect(outcome.value).toBe('ok');
    // Declared left inside without a reason: the message follows at once, naming the device.
    await act(async () => fireEvent.click(left));
    const reason = await screen.findByLabelText<HTMLInputElement>(tr('visit.checkout.leftReason', { serial: 'HDD-WD-7781A' }));
    await waitFor(() => expect(errorAt(reason)).toBe(tr('visit.errors.leftInsideReason', { serial: 'HDD-WD-7781A' })));
    expect(errorAt(left)).toBeNull();
    expect(await events()).toBe(before);
  });

  it('calendar: a bad cuti bersama date and unreadable pasted lines are refused at their fields, nothing added or committed', async () => {
    render(<CalendarScreen />);
    const date = await screen.findByLabelText<HTMLInputElement>(tr('calendar.daysOff.date'));
    const paste = screen.getByLabelText<HTMLTextAreaElement>(tr('calendar.daysOff.paste'));
    const before = await events();
    await click(tr('calendar.daysOff.addOne'));
    await waitFor(() => expect(errorAt(date)).toBe(tr('calendar.errors.date')));
    await click(tr('calendar.daysOff.importPasted'));
    await waitFor(() => expect(errorAt(paste)).toBe(tr('calendar.daysOff.nothing')));
    type(paste, '2026-03-23; Cuti bersama Idul Fitri\nbukan tanggal\n31/02/2026');
    await click(tr('calendar.daysOff.importPasted'));
    await waitFor(() => expect(errorAt(paste)).toBe(tr('calendar.daysOff.badLines', { lines: '2, 3' })));
    expect(paste.value).toBe('2026-03-23; Cuti bersama Idul Fitri\nbukan tanggal\n31/02/2026');
    expect(screen.queryByTestId('days-off')).toBeNull();
    // A good list is added to the calendar's form (saved with it, not before).
    type(paste, '2026-03-23; Cuti bersama Idul Fitri\n24/03/2026');
    await click(tr('calendar.daysOff.importPasted'));
    await waitFor(() => expect(screen.getByTestId('days-off').querySelectorAll('tbody tr')).toHaveLength(2));
    expect(screen.getByTestId('daysoff-message').textContent).toBe(tr('calendar.daysOff.added', { count: 2 }));
    expect(errorAt(paste)).toBeNull();
    expect(await events()).toBe(before);
  });
});
