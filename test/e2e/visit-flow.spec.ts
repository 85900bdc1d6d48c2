/**
 * The whole server-room visit (DOMAIN.md §1), by three people on one console: setup, users,
 * registration with two scanned devices, separation of duties, approval, badge, entry, the
 * board and the evacuation list, check-out with device reconciliation, archive, a correction,
 * and the printed form rendered to PDF by Chromium's print engine.
 */
import { expect, test } from '@playwright/test';
import {
  approveVisit,
  checkOut,
  createUser,
  goToRoute,
  issueBadge,
  openNav,
  openVisit,
  panels,
  pdfContains,
  pdfText,
  recordEntry,
  registerVisit,
  setUpOffice,
  signIn,
  signOut,
  visitData,
} from './pages';

test('a visit from registration to the archived, printed form', async ({ page }) => {
  // The whole walk, with its PBKDF2 sign-ins, nears a minute on a busy machine.
  test.setTimeout(120_000);
  const visit = visitData();
  const [laptop, disk] = visit.devices as [(typeof visit.devices)[0], (typeof visit.devices)[0]];

  const office = await test.step('first-run setup: office profile and first admin', () => setUpOffice(page));

  await test.step('the admin creates an officer and an approver', async () => {
    await createUser(page, 'Budi Hartono', 'budi', ['officer']);
    await createUser(page, 'Sari Wulandari', 'sari', ['approver']);
    await signOut(page);
  });

  const id = await test.step('the officer registers a visitor with two scanned devices', async () => {
    await signIn(page, 'budi');
    const id = await registerVisit(page, visit);
    await expect(page.getByText('Menunggu persetujuan', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: laptop.serial, exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: disk.serial, exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: laptop.brandModel, exact: true })).toBeVisible();
    await expect(page.getByText('Identitas ditahan di meja')).toBeVisible();
    return id;
  });

  await test.step('the registering officer cannot approve', async () => {
    await expect(page.getByRole('button', { name: 'Setujui', exact: true })).toHaveCount(0);
    await expect(panels.decide(page)).toHaveCount(0);
    await expect(page.getByText('Menunggu keputusan pemberi persetujuan.')).toBeVisible();
    await signOut(page);
  });

  await test.step('another user, the approver, approves', async () => {
    await signIn(page, 'sari');
    await openNav(page, 'Menunggu Persetujuan');
    await expect(page.getByRole('link', { name: visit.visitorName })).toBeVisible();
    await approveVisit(page, id, visit.visitorName);
    await expect(page.getByText('Disetujui oleh Sari Wulandari')).toBeVisible();
    await signOut(page);
  });

  await test.step('the officer issues a badge and records entry', async () => {
    await signIn(page, 'budi');
    await openVisit(page, id, visit.visitorName);
    await expect(panels.badge(page).getByText('20 kartu tersedia')).toBeVisible();
    await expect(panels.badge(page).getByLabel('Petugas pendamping')).toHaveValue(/.+/);
    await issueBadge(page);
    await expect(page.getByText('Kartu B-01 sudah diserahkan.', { exact: false })).toBeVisible();
    await recordEntry(page);
    await expect(page.getByText('Di dalam', { exact: true })).toBeVisible();
  });

  await test.step('the board "Di Dalam Sekarang" shows the visitor', async () => {
    await openNav(page, 'Di Dalam Sekarang');
    await expect(page.getByRole('heading', { level: 1, name: 'Di dalam ruang server sekarang' })).toBeVisible();
    await expect(page.getByTestId('stat-inside')).toContainText('1');
    const row = page.getByTestId('inside-table').getByRole('row', { name: new RegExp(visit.visitorName) });
    await expect(row).toBeVisible();
    await expect(row).toContainText('B-01');
    await expect(row).toContainText('Budi Hartono');
  });

  await test.step('the evacuation list PDF names the visitor inside', async () => {
    await page.getByRole('button', { name: 'Cetak daftar evakuasi' }).click();
    const list = page.getByTestId('evacuation-list');
    await expect(list).toContainText(visit.visitorName);
    const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    expect(pdfContains(text, 'DAFTAR EVAKUASI RUANG SERVER'), text).toBe(true);
    expect(pdfContains(text, visit.visitorName), text).toBe(true);
    expect(pdfContains(text, 'Jumlah: 1 orang'), text).toBe(true);
  });

  await test.step('check-out: one device scanned, the other left inside with a reason', async () => {
    await openVisit(page, id, visit.visitorName);
    await expect(checkOut.device(page, laptop.serial)).toContainText('Belum dicocokkan');
    // A scanner sends whatever case the label has; matching ignores it.
    await checkOut.scan(page, laptop.serial.toLowerCase());
    await expect(checkOut.device(page, laptop.serial)).toContainText('Cocok, dibawa keluar');
    await checkOut.declareLeft(page, disk.serial, 'Dipasang sebagai pengganti disk rusak');
    await expect(checkOut.device(page, disk.serial)).toContainText('Ditinggal di dalam');
    await checkOut.outcome(page).fill('Server telah diperbaiki dan berfungsi kembali');
    await checkOut.badgeReturned(page).check();
    await checkOut.idReturned(page).check();
    await checkOut.submit(page).click();
    await expect(panels.archive(page)).toBeVisible();
    await expect(page.getByText('Sudah keluar', { exact: true })).toBeVisible();
    await expect(page.getByText('Identitas ditahan di meja')).toHaveCount(0);
    await expect(page.getByRole('cell', { name: 'Ditinggal di dalam: Dipasang sebagai pengganti disk rusak' })).toBeVisible();
  });

  await test.step('archive: read-only, only a correction can be added', async () => {
    await panels.archive(page).locator('..').getByRole('button', { name: 'Arsipkan', exact: true }).click();
    // Archiving is irreversible: the console asks first.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Arsipkan', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Kunjungan ini sudah diarsipkan: hanya bisa dibaca.' })).toBeVisible();
    for (const panel of [panels.decide, panels.badge, panels.enter, panels.checkOut, panels.activity, panels.cancel, panels.archive]) {
      await expect(panel(page)).toHaveCount(0);
    }
    await expect(panels.correct(page)).toBeVisible();
    await page.getByLabel('Isi koreksi (data asli tidak diubah)').fill('Nomor telepon pengunjung yang benar 081298765432');
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await expect(page.getByText('Nomor telepon pengunjung yang benar 081298765432')).toBeVisible();
    await expect(page.getByText('Koreksi ditambahkan')).toBeVisible();
    await expect(page.getByLabel('Isi koreksi (data asli tidak diubah)')).toHaveValue('');
  });

  await test.step('the form as a PDF (A4, Chromium print engine)', async () => {
    await goToRoute(page, `/print/visit/${id}`);
    const form = page.getByTestId('visit-form');
    await expect(form).toContainText(visit.visitorName);
    await expect(form).toContainText(disk.serial);
    const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    for (const phrase of ['FORMULIR AKSES RUANG SERVER', visit.visitorName, laptop.serial, disk.serial, office.name, 'Dibawa keluar (cocok)', 'Dipasang sebagai pengganti disk rusak', 'Server telah diperbaiki dan berfungsi kembali', 'Sari Wulandari']) {
      expect(pdfContains(text, phrase), `PDF text should contain "${phrase}":\n${text}`).toBe(true);
    }
    // The print toolbar is screen-only.
    expect(pdfContains(text, 'Simpan PDF')).toBe(false);
  });
});
