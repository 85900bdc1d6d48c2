/**
 * The monthly management report (DOMAIN.md §7): tickets met and breached, a device and an
 * incident recorded in November 2026 (the browser's clock is set with page.clock), then on
 * 2 December the report opens on November by default; its figures on screen, in the printed
 * PDF (read back) and in the XLSX export (read back with exceljs).
 */
import { expect, test, type Page } from '@playwright/test';
import { goToRoute, openNav, pdfContains, pdfText, setUpOffice } from './pages';

/** Monday 16 November 2026, 10:00 WITA (the e2e office is in WITA). */
const MON_16_NOV_1000_WITA = new Date('2026-11-16T02:00:00.000Z');
/** Wednesday 2 December 2026, 10:00 WITA: November's report is due. */
const WED_2_DEC_1000_WITA = new Date('2026-12-02T02:00:00.000Z');

async function recordTicket(page: Page, t: { subject: string; priority: 'high' | 'medium' | 'low'; received?: string }) {
  await openNav(page, 'Catat Tiket');
  await expect(page.getByRole('heading', { name: 'Catat Tiket', level: 1 })).toBeVisible();
  await page.getByLabel('Saluran').selectOption('phone');
  if (t.received) await page.getByLabel(/^Diterima pada/).fill(t.received);
  await page.getByLabel('Nama pelapor').fill('Siti Aminah');
  await page.getByLabel('Unit / bagian').fill('Bagian Keuangan');
  await page.getByLabel('Kontak (telepon atau email)').fill('0812-1111-2222');
  await page.getByLabel('Kategori').selectOption('hardware');
  await page.getByLabel('Prioritas').selectOption(t.priority);
  await page.getByLabel('Ringkasan masalah').fill(t.subject);
  await page.getByLabel('Uraian masalah').fill('Perangkat tidak dapat digunakan sejak pagi.');
  await page.getByRole('button', { name: 'Simpan tiket' }).click();
  await expect(page.getByRole('heading', { name: t.subject, level: 1 })).toBeVisible();
}

/** On the ticket's page, as the admin: classify (same priority), start and resolve. */
async function resolveTicket(page: Page, priority: string) {
  await page.locator('#cl-priority').selectOption(priority);
  await page.getByRole('button', { name: 'Simpan klasifikasi' }).click();
  await expect(page.locator('.tstatus')).toHaveText('Terklasifikasi');
  await page.getByRole('button', { name: 'Mulai kerjakan' }).click();
  await expect(page.locator('.tstatus')).toHaveText('Dikerjakan');
  await page.getByLabel('Penyelesaian').fill('Perangkat diperbaiki dan diuji bersama pengguna.');
  await page.getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(page.locator('.tstatus')).toHaveText('Menunggu konfirmasi');
}

/** The figure next to a label in a section of the report screen. */
function figure(page: Page, section: string, label: string) {
  return page.getByTestId(`report-${section}`).locator('table.report-facts tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('td');
}

test('the monthly report shows November: SLA met and breached, devices, incidents; printed to PDF and exported to XLSX', async ({ page }) => {
  await page.clock.setFixedTime(MON_16_NOV_1000_WITA);
  const office = await setUpOffice(page);

  await test.step('November: a High ticket resolved in time, one resolved six days late, a Low one left open', async () => {
    await recordTicket(page, { subject: 'Laptop bendahara mati', priority: 'high' });
    await resolveTicket(page, 'high');
    await expect(page.getByTestId('sla-clock')).toHaveAttribute('data-level', 'paused');
    await recordTicket(page, { subject: 'Server absensi tidak bisa diakses', priority: 'high', received: '2026-11-10T08:00' });
    await resolveTicket(page, 'high');
    await recordTicket(page, { subject: 'Mouse ruang rapat rusak', priority: 'low' });
  });

  await test.step('a laptop in stock and an incident reported', async () => {
    await openNav(page, 'Inventaris aset');
    await page.getByRole('button', { name: 'Aset baru' }).click();
    await page.getByLabel('Nomor seri', { exact: true }).fill('5CD2345XYZ');
    await page.getByLabel('Kode aset').fill('TIK-LT-0101');
    await page.getByLabel('Merek').fill('HP');
    await page.getByLabel('Model', { exact: true }).fill('ProBook 440 G9');
    await page.getByRole('button', { name: 'Simpan aset' }).click();
    await expect(page.getByRole('heading', { name: 'TIK-LT-0101 · HP ProBook 440 G9' })).toBeVisible();

    await openNav(page, 'Laporkan Insiden');
    await page.getByLabel('Judul insiden').fill('Email phishing ke bagian keuangan');
    await page.getByLabel('Kategori').selectOption('phishing');
    await page.getByLabel('Tingkat keparahan').selectOption('medium');
    await page.getByLabel('Sistem terdampak').fill('Email kantor');
    await page.getByLabel('Uraian kejadian').fill('Tiga pegawai menerima email berisi tautan login palsu.');
    await page.getByLabel('Nama pelapor').fill('Siti Aminah');
    await page.getByRole('button', { name: 'Simpan laporan' }).click();
    await page.waitForURL(/#\/incidents\/[0-9a-f-]{36}$/);
  });

  await page.clock.setFixedTime(WED_2_DEC_1000_WITA);

  await test.step('on 2 December the report opens on November with its figures', async () => {
    await openNav(page, 'Laporan Bulanan');
    await expect(page.getByRole('heading', { level: 1, name: 'Laporan Bulanan · November 2026' })).toBeVisible();
    await expect(page.getByLabel('Bulan laporan')).toHaveValue('11/2026');
    await expect(figure(page, 'tickets', 'Jumlah permintaan')).toHaveText('3');
    await expect(figure(page, 'tickets', 'Sesuai SLA')).toHaveText('1');
    await expect(figure(page, 'tickets', 'Melewati SLA')).toHaveText('2');
    await expect(figure(page, 'tickets', 'Persentase sesuai SLA')).toHaveText(/^33,3\s?%$/);
    const high = page.getByTestId('report-tickets').locator('table.report-table tr', { has: page.getByRole('rowheader', { name: 'Tinggi', exact: true }) });
    await expect(high.locator('td')).toHaveText(['2', '1', '1', '0']);
    await expect(figure(page, 'assets', 'Jumlah perangkat')).toHaveText('1');
    await expect(figure(page, 'incidents', 'Insiden dilaporkan')).toHaveText('1');
    await expect(figure(page, 'incidents', 'Belum selesai')).toHaveText('1');
    await expect(page.getByTestId('report-backups')).toContainText('Tidak ada catatan backup untuk bulan ini.');
    for (const c of ['tickets', 'assets', 'incidents']) await expect(page.getByTestId(`chart-${c}`)).toHaveAttribute('data-ready', 'true');
    // October had nothing.
    await page.getByLabel('Bulan laporan').fill('2026-10');
    await expect(page.getByRole('heading', { level: 1, name: 'Laporan Bulanan · Oktober 2026' })).toBeVisible();
    await expect(figure(page, 'tickets', 'Jumlah permintaan')).toHaveText('0');
    await goToRoute(page, '/reports?month=2026-11');
    await expect(figure(page, 'tickets', 'Jumlah permintaan')).toHaveText('3');
  });

  await test.step('the printed report, read back from the PDF', async () => {
    await page.getByRole('button', { name: 'Cetak / PDF' }).click();
    const doc = page.getByTestId('report-doc');
    await expect(doc).toContainText('LAPORAN BULANAN TEKNOLOGI INFORMASI');
    for (const c of ['tickets', 'assets', 'incidents']) await expect(doc.getByTestId(`chart-${c}`)).toHaveAttribute('data-ready', 'true');
    const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    for (const phrase of [
      office.name.toUpperCase(),
      'LAPORAN BULANAN TEKNOLOGI INFORMASI',
      'Periode: November 2026',
      '1. Permintaan Dukungan Teknis',
      'Jumlah permintaan 3',
      'Sesuai SLA 1',
      'Melewati SLA 2',
      '2. Status Perangkat',
      'Jumlah perangkat 1',
      '3. Insiden Keamanan',
      'Insiden dilaporkan 1',
      'Tidak ada catatan backup untuk bulan ini.',
      'Tidak ada catatan permintaan restore untuk bulan ini.',
      'Disusun oleh, Tim IT',
    ]) expect(pdfContains(text, phrase), `the PDF should contain "${phrase}":\n${text}`).toBe(true);
  });

  await test.step('the XLSX export, read back', async () => {
    await page.getByRole('button', { name: 'Kembali' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Laporan Bulanan · November 2026' })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe('laporan-bulanan-ti-2026-11.xlsx');
    const mod = await import('exceljs');
    const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Informasi', 'Dukungan Teknis', 'Perangkat', 'Insiden', 'Jaringan', 'Backup', 'Akses Sistem', 'Ruang Server']);
    const rows = (name: string) => {
      const out = new Map<string, unknown[]>();
      wb.getWorksheet(name)!.eachRow((row) => {
        const [label, ...rest] = (row.values as unknown[]).slice(1);
        if (typeof label === 'string' && !out.has(label)) out.set(label, rest);
      });
      return out;
    };
    expect(rows('Informasi').get('Periode')).toEqual(['November 2026']);
    const support = rows('Dukungan Teknis');
    expect(support.get('Uraian')).toEqual(['Jumlah']);
    expect(support.get('Jumlah permintaan')).toEqual([3]);
    expect(support.get('Sesuai SLA')).toEqual([1]);
    expect(support.get('Melewati SLA')).toEqual([2]);
    expect(support.get('Tinggi')).toEqual([2, 1, 1, 0]);
    expect(support.get('Rendah')).toEqual([1, 0, 1, 0]);
    expect(rows('Perangkat').get('Tersedia')).toEqual([1]);
    expect(rows('Insiden').get('Insiden dilaporkan')).toEqual([1]);
    expect(rows('Backup').get('Tidak ada catatan backup untuk bulan ini.')).toEqual([]);
  });

  await test.step('in English the screen is English; the print stays Indonesian', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Monthly report · November 2026' })).toBeVisible();
    await expect(figure(page, 'tickets', 'SLA breached')).toHaveText('2');
    await page.getByRole('button', { name: 'Print / PDF' }).click();
    const doc = page.getByTestId('report-doc');
    await expect(doc).toContainText('LAPORAN BULANAN TEKNOLOGI INFORMASI');
    await expect(doc).toContainText('Periode: November 2026');
    await expect(doc).toContainText('Melewati SLA');
    await expect(doc).not.toContainText('SLA breached');
  });
});
