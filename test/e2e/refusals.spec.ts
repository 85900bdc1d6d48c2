/**
 * Refusals: each one shows a clear Indonesian message, changes nothing, and keeps what the
 * user typed so it can be corrected in place.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  alertWith,
  BUDI,
  checkOut,
  fillVisitForm,
  issueBadge,
  openRegisterForm,
  openNav,
  openVisit,
  panels,
  recordEntry,
  registerAndApprove,
  registerForm,
  registerVisit,
  SARI,
  setUpOffice,
  setUpOfficeWithUsers,
  signIn,
  signOut,
  submitVisit,
  visitData,
  type VisitData,
} from './pages';

const FIX_ERRORS = 'Periksa kembali isian yang ditandai merah. Data yang sudah Anda ketik tetap tersimpan di formulir.';

/** Every typed value of the registration form is still there. */
async function expectFormKeeps(page: Page, v: VisitData) {
  await expect(registerForm.visitorName(page)).toHaveValue(v.visitorName);
  await expect(registerForm.organisation(page)).toHaveValue(v.organisation);
  await expect(registerForm.idType(page)).toHaveValue(v.idType ?? 'ktp');
  await expect(registerForm.phone(page)).toHaveValue(v.phone);
  await expect(registerForm.purpose(page)).toHaveValue(v.purpose);
  await expect(registerForm.workPlan(page)).toHaveValue(v.workPlan);
  for (const [i, d] of v.devices.entries()) {
    await expect(registerForm.serial(page, i + 1)).toHaveValue(d.serial);
    await expect(registerForm.brandModel(page, i + 1)).toHaveValue(d.brandModel);
  }
}

test('registration with empty required fields names each one and saves nothing', async ({ page }) => {
  await setUpOfficeWithUsers(page, [BUDI]);
  await signIn(page, BUDI.username);
  await openRegisterForm(page);
  await registerForm.submit(page).click();
  await expect(alertWith(page, FIX_ERRORS)).toBeVisible();
  for (const message of [
    'Nama lengkap wajib diisi (minimal 3 karakter).',
    'Instansi / perusahaan wajib diisi.',
    'Nomor tanda pengenal wajib diisi.',
    'Nomor telepon tidak valid; gunakan format 08… atau +62….',
    'Keperluan wajib diisi (minimal 5 karakter).',
    'Rencana kerja wajib diisi (minimal 5 karakter).',
  ]) {
    await expect(alertWith(page, message)).toBeVisible();
  }
  await expect(page).toHaveURL(/#\/visits\/new$/);

  // Typing one field clears its message and keeps the others.
  await registerForm.visitorName(page).fill('Rudi Hermawan');
  await expect(alertWith(page, 'Nama lengkap wajib diisi')).toHaveCount(0);
  await expect(alertWith(page, 'Instansi / perusahaan wajib diisi.')).toBeVisible();
  await expect(registerForm.visitorName(page)).toHaveValue('Rudi Hermawan');

  await openNav(page, 'Log Kunjungan');
  await expect(page.getByText('Tidak ada kunjungan yang cocok.')).toBeVisible();
});

test('registration refuses a malformed NIK and keeps every other typed value', async ({ page }) => {
  await setUpOfficeWithUsers(page, [BUDI]);
  await signIn(page, BUDI.username);
  await openRegisterForm(page);
  const v = visitData({ idNumber: '317101120385' });
  await fillVisitForm(page, v);

  const cases: [nik: string, message: string][] = [
    ['317101120385', 'NIK harus tepat 16 digit.'],
    ['31710112038500AB', 'NIK hanya boleh berisi angka.'],
    ['3171013212850001', 'Tanggal lahir pada NIK (digit 7–12) tidak mungkin.'], // 32 Desember
    ['3171013002850001', 'Tanggal lahir pada NIK (digit 7–12) tidak mungkin.'], // 30 Februari
  ];
  for (const [nik, message] of cases) {
    await test.step(`NIK ${nik}`, async () => {
      await registerForm.idNumber(page).fill(nik);
      await registerForm.submit(page).click();
      await expect(alertWith(page, message)).toBeVisible();
      await expect(alertWith(page, FIX_ERRORS)).toBeVisible();
      await expect(page).toHaveURL(/#\/visits\/new$/);
      await expect(registerForm.idNumber(page)).toHaveValue(nik);
      await expectFormKeeps(page, v);
    });
  }

  // The kept values are the real ones: correcting the NIK alone is enough.
  await registerForm.idNumber(page).fill('3171011203850001');
  await expect(alertWith(page, FIX_ERRORS)).toHaveCount(0);
  await submitVisit(page, v.visitorName);
  await expect(page.getByRole('cell', { name: 'HDD-WD-7781A', exact: true })).toBeVisible();
  await expect(page.getByText('••••••••••••0001')).toBeVisible();
});

test('an officer who is also an approver cannot approve a visit they registered', async ({ page }) => {
  await setUpOfficeWithUsers(page, [{ name: 'Dewi Lestari', username: 'dewi', roles: ['officer', 'approver'] }]);
  await signIn(page, 'dewi');
  const v = visitData();
  const id = await registerVisit(page, v);
  await expect(page.getByText('Anda mendaftarkan kunjungan ini; pemberi persetujuan lain yang harus memutuskan.')).toBeVisible();
  await expect(panels.decide(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Setujui', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tolak', exact: true })).toHaveCount(0);

  // The approval queue does not list it (separation of duties, issue 12 item 3), and says why.
  await openNav(page, 'Menunggu Persetujuan');
  await expect(page.getByRole('link', { name: v.visitorName })).toHaveCount(0);
  await expect(page.getByTestId('own-awaiting')).toContainText('1 kunjungan yang Anda daftarkan sendiri menunggu pemberi persetujuan lain');
  await openVisit(page, id, v.visitorName);
  await expect(page.getByText('pemberi persetujuan lain yang harus memutuskan')).toBeVisible();
  await expect(panels.decide(page)).toHaveCount(0);
  await expect(page.getByText('Menunggu persetujuan', { exact: true })).toBeVisible();
});

test('a badge that is out with another visitor cannot be issued again', async ({ page }) => {
  await setUpOfficeWithUsers(page, [BUDI, SARI]);
  const first = visitData();
  const second = visitData({ visitorName: 'Siti Rahmawati', idNumber: '3171015506900002', organisation: 'CV Jaringan Prima', devices: [] });
  const [firstId, secondId] = await registerAndApprove(page, [first, second]);

  await openVisit(page, firstId!, first.visitorName);
  await issueBadge(page, 'B-01');
  await expect(panels.enter(page)).toBeVisible();

  await openVisit(page, secondId!, second.visitorName);
  const badgePanel = panels.badge(page);
  await expect(badgePanel.getByText('19 kartu tersedia')).toBeVisible();
  await issueBadge(page, 'B-01');
  await expect(alertWith(badgePanel, 'Kartu akses B-01 sedang dipakai pengunjung lain. Pilih kartu lain.')).toBeVisible();
  await expect(badgePanel.getByLabel('Kartu akses')).toHaveValue('B-01');
  await expect(badgePanel.getByLabel('Petugas pendamping')).toHaveValue(/.+/);
  await expect(panels.enter(page)).toHaveCount(0);

  // A badge that is not in the office's pool is refused too, then a free one works.
  await issueBadge(page, 'B-99');
  await expect(alertWith(badgePanel, 'Kartu akses B-99 tidak ada dalam daftar kartu kantor.')).toBeVisible();
  await expect(badgePanel.getByLabel('Kartu akses')).toHaveValue('B-99');
  await issueBadge(page, 'B-02');
  await expect(page.getByText('Kartu B-02 sudah diserahkan.')).toBeVisible();
});

test('check-out with a device neither scanned nor declared left inside is refused', async ({ page }) => {
  await setUpOfficeWithUsers(page, [BUDI, SARI]);
  const v = visitData();
  const [laptop, disk] = v.devices as [VisitData['devices'][0], VisitData['devices'][0]];
  const [id] = await registerAndApprove(page, [v]);
  await openVisit(page, id!, v.visitorName);
  await issueBadge(page);
  await recordEntry(page);

  const outcome = 'Server telah diperbaiki dan berfungsi kembali';
  await checkOut.scan(page, laptop.serial);
  await checkOut.scan(page, 'UNKNOWN-999');
  await expect(page.getByTestId('unknown-serials')).toContainText('UNKNOWN-999');
  await checkOut.outcome(page).fill(outcome);
  await checkOut.badgeReturned(page).check();
  await checkOut.idReturned(page).check();
  await checkOut.submit(page).click();

  const panel = panels.checkOut(page);
  await expect(alertWith(panel, `Perangkat ${disk.serial} belum dicocokkan. Pindai nomor serinya atau nyatakan ditinggal di dalam beserta alasannya.`)).toBeVisible();
  await expect(checkOut.device(page, laptop.serial)).toContainText('Cocok, dibawa keluar');
  await expect(checkOut.device(page, disk.serial)).toContainText('Belum dicocokkan');
  await expect(page.getByTestId('unknown-serials')).toContainText('UNKNOWN-999');
  await expect(checkOut.outcome(page)).toHaveValue(outcome);
  await expect(checkOut.badgeReturned(page)).toBeChecked();
  await expect(checkOut.idReturned(page)).toBeChecked();
  await expect(page.getByText('Di dalam', { exact: true })).toBeVisible();

  // Declared left inside but without a reason: refused, naming the device.
  await panel.getByRole('checkbox', { name: `Perangkat ${disk.serial} ditinggal di dalam` }).check();
  await checkOut.submit(page).click();
  await expect(alertWith(panel, `Tuliskan alasan perangkat ${disk.serial} ditinggal di dalam.`)).toBeVisible();
  await expect(checkOut.device(page, laptop.serial)).toContainText('Cocok, dibawa keluar');

  // With a reason it goes through, and the stray serial is flagged on the record.
  await panel.getByLabel(`Alasan ${disk.serial} ditinggal`).fill('Dipasang sebagai pengganti disk rusak');
  await checkOut.submit(page).click();
  await expect(panels.archive(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Nomor seri keluar yang tidak tercatat saat masuk' })).toContainText('UNKNOWN-999');
});

test('a wrong password is refused at sign-in', async ({ page }) => {
  const office = await setUpOffice(page);
  await signOut(page);
  const username = page.getByLabel('Nama pengguna');
  const password = page.getByLabel('Kata sandi', { exact: true });
  await username.fill(office.admin.username);
  await password.fill('SalahSandi99');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(alertWith(page, 'Nama pengguna atau kata sandi salah.')).toBeVisible();
  await expect(username).toHaveValue(office.admin.username);
  await expect(password).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Masuk ke konsol' })).toBeVisible();

  // An unknown user gets the same message (no hint which one was wrong).
  await username.fill('tidakada');
  await password.fill('SalahSandi99');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(username).toHaveValue('tidakada');
  await expect(password).toHaveValue('');
  await expect(alertWith(page, 'Nama pengguna atau kata sandi salah.')).toBeVisible();

  await signIn(page, office.admin.username);
});
