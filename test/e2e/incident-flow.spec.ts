/**
 * A network-security incident through all 12 steps (DOMAIN.md §4) by four people in four roles
 * on one console: the report from a helpdesk ticket with evidence (and a file over the limit
 * refused), whose turn it is at every step (others see "waiting for"), the hard branch, one
 * rework loop 9 → 7, a violation and the admin's sanction, and the printed Formulir Laporan
 * Insiden IT and Laporan Penyelesaian Gangguan read back from Chromium's PDFs.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { alertWith, createUser, goToRoute, openNav, pdfContains, pdfText, setUpOffice, signIn, signOut } from './pages';

const BUDI = { name: 'Budi Hartono', username: 'budi' }; // officer
const RINA = { name: 'Rina Kusuma', username: 'rina' }; // security lead
const DEDI = { name: 'Dedi Saputra', username: 'dedi' }; // technician
const TITLE = 'Serangan brute force ke VPN kantor';

/** On the incident's page, as the person whose turn it is: completes the step with a note (and an outcome). */
async function completeStep(page: Page, step: number, note: string, outcome?: RegExp): Promise<void> {
  const panel = page.getByTestId('turn-panel');
  await expect(panel).toContainText(`Langkah ${step} dari 12`);
  if (outcome) await panel.getByRole('radio', { name: outcome }).check();
  await panel.getByLabel('Catatan', { exact: true }).fill(note);
  await panel.getByRole('button', { name: `Selesaikan langkah ${step}` }).click();
  await expect(page.getByTestId('step-history')).toContainText(note);
}

async function as(page: Page, user: { username: string }, id: string): Promise<void> {
  await signIn(page, user.username);
  await goToRoute(page, `/incidents/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

test('an incident through all 12 steps by four people, with one rework loop, printed', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const bigFile = testInfo.outputPath('rekaman-layar.mp4');
  await writeFile(bigFile, Buffer.alloc(11 * 1024 * 1024, 1));
  const office = await setUpOffice(page);
  await createUser(page, BUDI.name, BUDI.username, ['officer']);
  await createUser(page, RINA.name, RINA.username, ['security_lead']);
  await createUser(page, DEDI.name, DEDI.username, ['technician']);
  await signOut(page);

  let id = '';
  let ticketNo = '';
  let ticketUrl = '';
  await test.step('the officer reports it from a ticket, with evidence; a file over 10 MB is refused', async () => {
    await signIn(page, BUDI.username);
    // The helpdesk ticket it starts from, escalated from the ticket's own page.
    await openNav(page, 'Catat Tiket');
    await page.getByLabel('Nama pelapor').fill('Siti Rahma');
    await page.getByLabel('Unit / bagian').fill('Bagian Umum');
    await page.getByLabel('Kontak (telepon atau email)').fill('0812-1111-2222');
    await page.getByLabel('Kategori').selectOption('network');
    await page.getByLabel('Prioritas').selectOption('high');
    await page.getByLabel('Ringkasan masalah').fill('VPN tidak bisa dipakai, akun terkunci');
    await page.getByLabel('Uraian masalah').fill('Sejak pagi semua akun VPN terkunci setelah banyak percobaan login.');
    await page.getByRole('button', { name: 'Simpan tiket' }).click();
    await expect(page.getByRole('heading', { name: 'VPN tidak bisa dipakai, akun terkunci', level: 1 })).toBeVisible();
    ticketNo = /[A-Z0-9.-]+\/TKT\/\d{8}\/[0-9A-F]{5}/.exec((await page.locator('main').textContent()) ?? '')![0];
    ticketUrl = page.url();
    await page.getByRole('button', { name: 'Eskalasi ke insiden keamanan' }).click();
    await expect(page.getByRole('heading', { name: 'Laporkan Insiden Keamanan' })).toBeVisible();
    await expect(page.getByTestId('source-ticket')).toContainText(ticketNo);
    // An empty report is refused field by field and writes nothing.
    await page.getByLabel('Judul insiden').fill('');
    await page.getByRole('button', { name: 'Simpan laporan' }).click();
    await expect(alertWith(page, 'Tulis judul insiden (5-160 karakter).')).toBeVisible();
    await expect(alertWith(page, 'Tulis nama pelapor (minimal 3 huruf).')).toBeVisible();
    await page.getByLabel('Judul insiden').fill(TITLE);
    await page.getByLabel('Kategori').selectOption('intrusion');
    await page.getByLabel('Tingkat keparahan').selectOption('high');
    await page.getByLabel('Sistem terdampak').fill('VPN kantor, Active Directory');
    await page.getByLabel('Uraian kejadian').fill('4.123 percobaan login gagal ke VPN dari 203.0.113.7 sejak pukul 07.10.');
    await page.getByLabel('Nama pelapor').fill('Siti Rahma');
    await page.getByLabel('Kontak pelapor').fill('0812-1111-2222');
    await page.getByLabel('Lampirkan berkas bukti').setInputFiles(bigFile);
    await expect(alertWith(page, 'Berkas "rekaman-layar.mp4" berukuran 11.0 MB, melebihi batas 10 MB per berkas.')).toBeVisible();
    await page.getByLabel('Lampirkan berkas bukti').setInputFiles({ name: 'log-vpn.txt', mimeType: 'text/plain', buffer: Buffer.from('2026-03-02 07:10 login gagal admin dari 203.0.113.7\n'.repeat(200)) });
    await expect(page.getByTestId('new-evidence')).toContainText('log-vpn.txt');
    await page.getByRole('button', { name: 'Simpan laporan' }).click();
    await page.waitForURL(/#\/incidents\/[0-9a-f-]{36}$/);
    id = /#\/incidents\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByTestId('ticket-id')).toHaveText(ticketNo);
    // The ticket links back to the incident (written in the same commit as the report).
    await page.goto(ticketUrl);
    await expect(page.getByRole('link', { name: /INS\// })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Eskalasi ke insiden keamanan' })).toHaveCount(0);
    await goToRoute(page, `/incidents/${id}`);
    await expect(page.getByTestId('evidence-list')).toContainText('log-vpn.txt');
    await expect(page.getByTestId('turn-role')).toHaveText('Petugas IT Server');
    await completeStep(page, 1, 'Laporan dicatat, diteruskan ke Kepala Bidang TIK');
    await expect(page.getByTestId('not-your-turn')).toHaveText('Menunggu Admin.');
    await signOut(page);
  });

  await test.step('the admin finds it under "Menunggu saya" and orders it handled', async () => {
    await signIn(page, office.admin.username);
    await openNav(page, 'Insiden Keamanan');
    await page.getByTestId('tab-mine').click();
    await expect(page.getByTestId('my-incidents')).toContainText(TITLE);
    await page.getByTestId('my-incidents').getByRole('link').first().click();
    await completeStep(page, 2, 'Segera tangani, prioritas tinggi');
    await signOut(page);
  });

  await test.step('steps 3-8 through the hard branch, each by its own role', async () => {
    await as(page, RINA, id);
    await completeStep(page, 3, 'Tim teknis: blokir IP dan periksa log AD');
    await signOut(page);
    await as(page, DEDI, id);
    await completeStep(page, 4, 'Serangan terdistribusi, perlu konsultasi', /^Sulit/);
    await expect(page.getByTestId('not-your-turn')).toHaveText('Menunggu Kasi Keamanan Jaringan.');
    await signOut(page);
    await as(page, RINA, id);
    await completeStep(page, 5, 'Dikonsultasikan dengan Kabid');
    await signOut(page);
    await as(page, { username: office.admin.username }, id);
    await completeStep(page, 6, 'Aktifkan MFA VPN dan geo-blocking');
    await signOut(page);
    await as(page, DEDI, id);
    await completeStep(page, 7, 'Geo-blocking aktif, MFA untuk 40 akun');
    await completeStep(page, 8, 'Hasil dilaporkan ke Kasi Keamanan');
    await signOut(page);
  });

  await test.step('the result check sends it back once (9 → 7), then accepts it', async () => {
    await as(page, RINA, id);
    await completeStep(page, 9, 'Masih ada login dari IP lain di rentang yang sama', /^Belum tuntas/);
    await expect(page.getByTestId('rework-count')).toHaveText('1×');
    await signOut(page);
    await as(page, DEDI, id);
    await completeStep(page, 7, 'Rentang 203.0.113.0/24 diblokir');
    await completeStep(page, 8, 'Perbaikan ulang dilaporkan');
    await signOut(page);
    await as(page, RINA, id);
    await completeStep(page, 9, 'Tidak ada lagi login gagal selama 2 jam', /^Tuntas/);
    await signOut(page);
  });

  await test.step('the admin closes the loop, records a violation and decides the sanction', async () => {
    await as(page, { username: office.admin.username }, id);
    await completeStep(page, 10, 'Laporan penyelesaian diterima');
    await page.getByLabel('Nama pelanggar').fill('Andi Wijaya');
    await page.getByLabel('Aturan yang dilanggar').fill('SOP Penggunaan Jaringan Tahap 2 butir 3: berbagi akun VPN');
    await page.getByRole('button', { name: 'Catat pelanggaran' }).click();
    await expect(page.getByTestId('violation')).toContainText('Andi Wijaya');
    await page.getByLabel('Sanksi', { exact: true }).fill('Teguran tertulis pertama');
    await page.getByRole('button', { name: 'Tetapkan sanksi' }).click();
    await expect(page.getByTestId('violation')).toContainText('Sanksi: Teguran tertulis pertama');
    await page.getByRole('button', { name: 'Ubah' }).click();
    await page.getByLabel('Akar masalah').fill('Kata sandi akun VPN bocor dan dipakai bersama');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText('Kata sandi akun VPN bocor dan dipakai bersama')).toBeVisible();
    await signOut(page);
    await as(page, RINA, id);
    await completeStep(page, 11, 'Tim teknis diberi tahu penanganan selesai');
    await signOut(page);
  });

  await test.step('the officer informs the reporter and the incident closes', async () => {
    await as(page, BUDI, id);
    // Closing asks for the analysis: the root cause recorded at step 10 is already there, the mitigation is typed here.
    await expect(page.getByTestId('turn-panel').getByLabel('Akar masalah')).toHaveValue('Kata sandi akun VPN bocor dan dipakai bersama');
    await page.getByTestId('turn-panel').getByLabel('Mitigasi').fill('MFA wajib untuk VPN; satu akun untuk satu orang');
    await completeStep(page, 12, 'Pelapor (Siti Rahma) diberi tahu melalui telepon');
    await expect(page.getByTestId('closed-summary')).toBeVisible();
    await expect(page.getByTestId('rework-count')).toHaveText('1×');
    const history = page.getByTestId('step-history').locator('tbody tr');
    await expect(history).toHaveCount(15);
  });

  await test.step('the printed incident report and completion report, read back from the PDFs', async () => {
    await goToRoute(page, `/print/incident/${id}`);
    await expect(page.getByTestId('incident-report')).toContainText(TITLE);
    const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    for (const phrase of [
      'FORMULIR LAPORAN INSIDEN IT', office.name, TITLE, ticketNo, 'Siti Rahma', 'Intrusi', 'Tinggi',
      'Masih ada login dari IP lain di rentang yang sama', 'Belum tuntas', 'Jumlah pengulangan (langkah 9 → 7): 1 kali.',
      BUDI.name, RINA.name, DEDI.name, office.admin.name, 'log-vpn.txt', 'Andi Wijaya', 'Teguran tertulis pertama',
      'Kata sandi akun VPN bocor dan dipakai bersama', 'Kasi Keamanan Jaringan', 'Pejabat Administrator',
    ]) {
      expect(pdfContains(text, phrase), `PDF text should contain "${phrase}":\n${text}`).toBe(true);
    }
    expect(pdfContains(text, 'Simpan PDF')).toBe(false);
    await goToRoute(page, `/print/incident-completion/${id}`);
    await expect(page.getByTestId('incident-completion')).toBeVisible();
    const done = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    for (const phrase of ['LAPORAN PENYELESAIAN GANGGUAN', TITLE, 'Tidak ada lagi login gagal selama 2 jam', 'Pelapor (Siti Rahma) diberi tahu melalui telepon', 'target 2-5 hari kerja']) {
      expect(pdfContains(done, phrase), `PDF text should contain "${phrase}":\n${done}`).toBe(true);
    }
  });
});
