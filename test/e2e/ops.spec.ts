/**
 * Daily operations (SOP 3-4) in Chromium, in Indonesian, on a fixed office day (Monday 2 March
 * 2026, 10.00 WITA): the morning network check with one problem (a problem without a note is
 * refused and the choices stay), a disruption opened and resolved with its time, two backup
 * results (a failure without a cause refused) shown in the 7-day grid, a weekly verification, a
 * server maintenance entry (no task ticked refused), the audit trail, and the previous day.
 */
import { expect, test, type Page } from '@playwright/test';
import { alertWith, createUser, openNav, setUpOffice, signIn, signOut } from './pages';

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('an office day: network check with a problem, a disruption resolved, backups and a verification, server maintenance', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-03-02T02:00:00Z'));
  await setUpOffice(page);
  await createUser(page, 'Teguh Santoso', 'teguh', ['technician']);
  await signOut(page);
  await signIn(page, 'teguh');
  await openNav(page, 'Operasional hari ini');
  await expect(page.getByRole('heading', { level: 1, name: 'Operasional Harian' })).toBeVisible();
  await expect(page.locator('p.subtitle')).toContainText('2 Mar 2026');

  // Morning check: nothing chosen is refused; a problem needs a note, and the choices stay.
  const net = region(page, 'Pemeriksaan jaringan pagi');
  await net.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
  await expect(alertWith(net, 'Pilih hasil paling sedikit satu item.')).toBeVisible();
  for (const item of ['Koneksi internet', 'Jaringan LAN', 'VPN', 'Server']) await net.getByLabel(`Hasil ${item}`, { exact: true }).selectOption({ label: 'Normal' });
  await net.getByLabel('Hasil WiFi').selectOption({ label: 'Bermasalah' });
  await net.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
  await expect(alertWith(net, 'Tulis catatan masalahnya (min. 5 karakter).')).toBeVisible();
  await expect(net.getByLabel('Hasil Koneksi internet')).toHaveValue('ok');
  await expect(net.getByLabel('Hasil WiFi')).toHaveValue('bad');
  await net.getByLabel('Catatan WiFi').fill('Access point lantai 2 tidak memancarkan sinyal');
  await net.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
  await expect(net.getByText('Pemeriksaan jaringan tersimpan.')).toBeVisible();
  const wifiRow = page.getByTestId('network-check').locator('tr[data-item="wifi"]');
  await expect(wifiRow).toContainText('Bermasalah');
  await expect(wifiRow).toContainText('Access point lantai 2 tidak memancarkan sinyal');
  await expect(page.getByTestId('network-check').locator('tr[data-item="vpn"]')).toContainText('Normal');

  // A disruption: refused without a source, then recorded and resolved; its time is shown.
  const dis = region(page, 'Gangguan');
  await dis.getByLabel('Sistem yang terdampak').fill('WiFi lantai 2');
  await dis.getByRole('button', { name: 'Simpan gangguan' }).click();
  await expect(alertWith(dis, 'Pilih sumber masalah.')).toBeVisible();
  await expect(dis.getByLabel('Sistem yang terdampak')).toHaveValue('WiFi lantai 2');
  await dis.getByLabel('Sumber masalah').selectOption({ label: 'Router' });
  await dis.getByLabel('Mulai terjadi').fill('2026-03-02T09:15');
  await dis.getByLabel('Tindakan perbaikan').fill('Restart access point dan router lantai 2');
  await dis.getByRole('button', { name: 'Simpan gangguan' }).click();
  await expect(dis.getByText('Gangguan tercatat.')).toBeVisible();
  const item = page.getByTestId('disruptions').locator('li[data-disruption="WiFi lantai 2"]');
  await expect(item).toContainText('Belum selesai');
  await item.getByLabel('Penyelesaian').fill('Access point diganti dengan unit cadangan');
  await item.getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(item).toContainText('Selesai');
  await expect(item.getByTestId('duration')).toHaveText('45 menit');

  // Backups: a failure needs its cause; the 7-day grid shows today's results and the empty days.
  const bak = region(page, 'Backup harian');
  await bak.getByLabel('Hasil Server file harian (Lokal)').selectOption({ label: 'Berhasil' });
  await bak.getByLabel('Hasil Database aplikasi (Cloud)').selectOption({ label: 'Gagal' });
  await bak.getByRole('button', { name: 'Simpan hasil backup' }).click();
  await expect(alertWith(bak, 'Tulis penyebab kegagalannya (min. 5 karakter).')).toBeVisible();
  await bak.getByLabel('Catatan Database aplikasi (Cloud)').fill('Kuota penyimpanan cloud penuh');
  await bak.getByRole('button', { name: 'Simpan hasil backup' }).click();
  await expect(bak.getByText('Hasil backup tersimpan.')).toBeVisible();
  const grid = page.getByTestId('backup-grid');
  await expect(grid.locator('tr[data-job="Server file harian (local)"] td[data-date="2026-03-02"]')).toContainText('Berhasil');
  await expect(grid.locator('tr[data-job="Database aplikasi (cloud)"] td[data-date="2026-03-02"]')).toContainText('Gagal');
  await expect(grid.locator('tr[data-job="Server file harian (local)"] td[data-date="2026-03-01"]')).toHaveText('Tidak ada');
  await expect(grid.locator('td[data-date="2026-02-24"]').first()).toHaveText('Tidak ada');

  // The weekly verification.
  const ver = region(page, 'Verifikasi backup mingguan');
  await expect(ver.getByText('Belum ada verifikasi backup dalam 7 hari terakhir.')).toBeVisible();
  await ver.getByLabel('Pekerjaan yang diverifikasi').selectOption('Database aplikasi');
  await ver.getByLabel('Di-restore ke').fill('Server uji VM-TEST');
  await ver.getByRole('button', { name: 'Simpan verifikasi' }).click();
  await expect(alertWith(ver, 'Pilih hasilnya.')).toBeVisible();
  await ver.getByLabel('Hasil verifikasi').selectOption({ label: 'Data utuh' });
  await ver.getByLabel('Catatan').fill('Data per 1 Maret terbaca lengkap');
  await ver.getByRole('button', { name: 'Simpan verifikasi' }).click();
  await expect(ver.getByText('Verifikasi tersimpan.')).toBeVisible();
  await expect(page.getByTestId('verifications')).toContainText('Database aplikasi → Server uji VM-TEST');
  await expect(ver.getByText('Verifikasi terakhir: 2 Mar 2026')).toBeVisible();

  // Server maintenance: at least one task.
  const mnt = region(page, 'Pemeliharaan server mingguan');
  await mnt.getByLabel('Nama server').fill('SRV-FILE-01');
  await mnt.getByRole('button', { name: 'Simpan pemeliharaan' }).click();
  await expect(alertWith(mnt, 'Centang paling sedikit satu pekerjaan pemeliharaan.')).toBeVisible();
  await mnt.getByLabel('Pembaruan sistem/patch').check();
  await mnt.getByLabel('Kapasitas disk').check();
  await mnt.getByLabel('Log diperiksa').check();
  await mnt.getByLabel('Catatan').fill('Disk D: 81%, arsip lama dipindah ke NAS');
  await mnt.getByRole('button', { name: 'Simpan pemeliharaan' }).click();
  await expect(page.getByTestId('maintenance')).toContainText('SRV-FILE-01: Pembaruan sistem/patch, Kapasitas disk, Log diperiksa');

  // The audit trail names every step.
  const trail = page.getByTestId('audit-trail');
  for (const text of ['Pemeriksaan jaringan dicatat', 'Gangguan dicatat', 'Gangguan selesai', 'Hasil backup dicatat', 'Verifikasi backup dicatat', 'Pemeliharaan server dicatat'])
    await expect(trail.getByText(text).first()).toBeVisible();

  // The previous day has nothing; the next-day button brings back today.
  await page.getByRole('button', { name: '← Hari sebelumnya' }).click();
  await expect(page).toHaveURL(/#\/ops\/2026-03-01$/);
  await expect(page.getByText('Tidak ada gangguan tercatat pada hari ini.')).toBeVisible();
  await page.getByRole('button', { name: 'Hari berikutnya →' }).click();
  await expect(page).toHaveURL(/#\/ops\/2026-03-02$/);
  await expect(page.getByTestId('maintenance')).toContainText('SRV-FILE-01');
  await expect(page.getByRole('button', { name: 'Hari berikutnya →' })).toBeDisabled();
});

test('a console left open on today’s operations turns to the new day after midnight', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T15:58:30Z') }); // Monday 23.58 WITA
  await setUpOffice(page);
  await openNav(page, 'Operasional hari ini');
  await expect(page.locator('p.subtitle')).toContainText('2 Mar 2026');
  await page.clock.runFor('03:00');
  await expect(page.locator('p.subtitle')).toContainText('3 Mar 2026');
  await expect(page.getByRole('button', { name: 'Hari berikutnya →' })).toBeDisabled();
});
