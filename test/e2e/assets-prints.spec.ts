/**
 * Issue 12, items 13-15 in Chromium: a Snipe-IT export (its real column headers, test/e2e/fixtures/
 * snipeit-assets.csv) imports with its holders matched to employees (one asked, as two share a
 * name), the rows left out download as CSV; the return screen names accessories, the asset page
 * offers the return, the wipe form fits its column, a missing accessory prints no condition; and
 * the printouts, rendered by Chromium's print engine and read back with pdftotext (page counts,
 * the fixed lines) and pdftoppm (PNG pages to look at). Indonesian first, English checked too.
 * With SHOTS_DIR set (e.g. docs/screenshots) the screens and printed pages are saved there.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import {
  addEmployee, approveVisit, checkOut, createUser, goToRoute, issueBadge, openNav, openVisit, recordEntry, registerVisit, setUpOffice, signIn, signOut, visitData, type Lang,
} from './pages';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, 'fixtures', 'snipeit-assets.csv');
const SHOTS = process.env['SHOTS_DIR'] ? resolve(process.env['SHOTS_DIR']) : null;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

const SITI = { nip: '198703122010012004', name: 'Siti Rahmawati', department: 'Bidang Keuangan', position: 'Analis Anggaran', email: 'siti.rahmawati@makassarkota.go.id' };
const BUDI_UMUM = { nip: '198905142014021003', name: 'Budi Santoso', department: 'Bagian Umum', position: 'Pengelola BMD', email: 'budi.umum@makassarkota.go.id' };
const BUDI_RENCANA = { nip: '199201182019031007', name: 'Budi Santoso', department: 'Bidang Perencanaan', position: 'Perencana', email: '' };
const DEWI = { nip: '199105052019032011', name: 'Dewi Lestari', department: 'Bidang Perencanaan', position: 'Perencana Ahli Muda', email: 'dewi.lestari@makassarkota.go.id' };

/** Adds an employee through the Employees form (two may share a name: waits for the form to clear, not for a unique link). */
async function addStaff(page: Page, e: { nip: string; name: string; department: string; position: string; email: string }): Promise<void> {
  await openNav(page, 'Pegawai');
  const form = page.getByRole('form', { name: 'Tambah pegawai' });
  await form.getByLabel('NIP').fill(e.nip);
  await form.getByLabel('Nama', { exact: true }).fill(e.name);
  await form.getByLabel('Unit kerja').fill(e.department);
  await form.getByLabel('Jabatan').fill(e.position);
  await form.getByLabel('Email').fill(e.email);
  await form.getByRole('button', { name: 'Tambah' }).click();
  await expect(form.getByLabel('NIP')).toHaveValue('');
  await expect(page.getByTestId('employees')).toContainText(e.department);
}

/** Saves a screenshot of the page (full length) when SHOTS_DIR is set. */
async function shot(page: Page, name: string, lang: Lang): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`), fullPage: true });
}

interface Printed {
  file: string;
  pages: number;
  /** pdftotext -layout of the whole document, or of one page. */
  text: (page?: number) => string;
}

/**
 * The page as Chromium prints it (A4), read back with poppler: pdfinfo for the page count,
 * pdftotext -layout for the text as laid out, pdftoppm for PNG pages (kept with the test's
 * output, and the first and last page in SHOTS_DIR as `<name>-<lang>[-last].png`).
 */
async function printed(page: Page, info: TestInfo, name: string, lang: Lang): Promise<Printed> {
  const file = info.outputPath(`${name}-${lang}.pdf`);
  await writeFile(file, await page.pdf({ format: 'A4', printBackground: true }));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
  const prefix = info.outputPath(`${name}-${lang}-page`);
  execFileSync('pdftoppm', ['-png', '-r', '80', file, prefix]);
  const pngs = readdirSync(dirname(prefix)).filter((f) => f.startsWith(`${name}-${lang}-page`) && f.endsWith('.png')).sort();
  expect(pngs).toHaveLength(pages);
  if (SHOTS) {
    copyFileSync(join(dirname(prefix), pngs[0]!), join(SHOTS, `${name}-${lang}.png`));
    if (pages > 1) copyFileSync(join(dirname(prefix), pngs.at(-1)!), join(SHOTS, `${name}-${lang}-last.png`));
  }
  const text = (p?: number) => execFileSync('pdftotext', ['-layout', ...(p ? ['-f', String(p), '-l', String(p)] : []), file, '-']).toString();
  return { file, pages, text };
}

/** Collapses runs of spaces (pdftotext -layout pads columns). */
const squash = (s: string) => s.replace(/[ \t]+/g, ' ');

const T = {
  id: {
    import: 'Impor inventaris', file: 'Berkas CSV / XLSX', holderName: 'Pemegang: nama', holderUser: 'Pemegang: username', holderEmail: 'Pemegang: email', modelNumber: 'Nomor model', cost: 'Harga beli',
    summaryAsked: '4 baris siap, 2 baris bermasalah, 0 dikecualikan.', summaryReady: '4 baris siap, 0 baris bermasalah, 2 dikecualikan.',
    plan: '4 aset akan diimpor; 3 di antaranya langsung tercatat dipegang 3 pegawai.', excludeAll: 'Kecualikan semua baris bermasalah', done: '4 aset diimpor.',
    leftOut: '2 baris tidak diimpor', download: 'Unduh baris yang dikecualikan (CSV)', problemCol: 'Masalah', rowCol: 'Baris asal',
    ambiguous: 'Ada 2 pegawai bernama "Budi Santoso": pilih pemegangnya.', unknown: 'Pemegang "Rudi Hermawan" tidak ada di daftar pegawai',
    ret: 'Pengembalian', fromImport: 'dari impor', assigned: 'Dipakai', modelNo: 'Nomor model', supplier: 'Pemasok', months: '36 bulan',
  },
  en: {
    import: 'Import inventory', file: 'CSV / XLSX file', holderName: 'Holder: name', holderUser: 'Holder: username', holderEmail: 'Holder: email', modelNumber: 'Model number', cost: 'Purchase cost',
    summaryAsked: '4 rows ready, 2 rows with problems, 0 excluded.', summaryReady: '4 rows ready, 0 rows with problems, 2 excluded.',
    plan: '4 assets will be imported; 3 of them recorded as held by 3 employees.', excludeAll: 'Exclude every row with problems', done: '4 assets imported.',
    leftOut: '2 rows not imported', download: 'Download the excluded rows (CSV)', problemCol: 'Problem', rowCol: 'Source row',
    ambiguous: '2 employees match "Budi Santoso": choose the holder.', unknown: 'Holder "Rudi Hermawan" is not in the employee list',
    ret: 'Return', fromImport: 'from import', assigned: 'Assigned', modelNo: 'Model number', supplier: 'Supplier', months: '36 months',
  },
} as const;

for (const lang of ['id', 'en'] as const) {
  test(`[${lang}] a Snipe-IT export imports with its holders; the excluded rows download as CSV`, async ({ page }, info) => {
    test.setTimeout(120_000);
    const L = T[lang];
    await setUpOffice(page);
    for (const e of [SITI, BUDI_UMUM, BUDI_RENCANA, DEWI]) await addStaff(page, e);
    if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
    await goToRoute(page, '/assets/import');
    await expect(page.getByRole('heading', { level: 1, name: L.import })).toBeVisible();
    await page.getByLabel(L.file).setInputFiles(FIXTURE);

    await test.step("Snipe-IT's columns are recognised", async () => {
      await expect(page.getByLabel(L.holderName)).toHaveValue('0');
      await expect(page.getByLabel(L.holderEmail)).toHaveValue('1');
      await expect(page.getByLabel(L.holderUser)).toHaveValue('2');
      await expect(page.getByLabel(L.modelNumber)).toHaveValue('7');
      await expect(page.getByLabel(L.cost)).toHaveValue('13');
    });

    await test.step('two employees named Budi Santoso: the preview asks which one; an unknown holder and a bad date are problems', async () => {
      const errors = page.getByTestId('import-errors');
      await expect(errors.locator('tr[data-row="3"]')).toContainText(L.ambiguous);
      await expect(errors.locator('tr[data-row="6"]')).toContainText(L.unknown);
      await expect(errors.locator('tr[data-row="7"]')).toBeVisible();
      await shot(page, 'assets-import-holders', lang);
      await page.getByTestId('choice-3').selectOption({ label: `${BUDI_UMUM.name} · NIP ${BUDI_UMUM.nip} · ${BUDI_UMUM.department}` });
      await expect(errors.locator('tr[data-row="3"]')).toHaveCount(0);
      await expect(page.getByTestId('import-summary')).toHaveText(L.summaryAsked);
      await page.getByRole('button', { name: L.excludeAll }).click();
      await expect(page.getByTestId('import-summary')).toHaveText(L.summaryReady);
      await expect(page.getByTestId('import-plan')).toHaveText(L.plan);
      await page.getByTestId('import-submit').click();
      await expect(page.getByTestId('import-done')).toContainText(L.done);
    });

    await test.step('the excluded rows are listed and download as CSV with their problems', async () => {
      const left = page.getByTestId('import-left-out');
      await expect(left.getByRole('heading', { name: L.leftOut })).toBeVisible();
      await expect(left.locator('tr[data-row="6"]')).toContainText('Rudi Hermawan');
      await expect(left.locator('tr[data-row="7"]')).toBeVisible();
      await shot(page, 'assets-import-left-out', lang);
      const [download] = await Promise.all([page.waitForEvent('download'), left.getByRole('button', { name: L.download }).click()]);
      const path = info.outputPath(download.suggestedFilename());
      await download.saveAs(path);
      const csv = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      expect(csv.meta.fields).toEqual([...readFileSync(FIXTURE, 'utf8').split('\n')[0]!.split(','), L.rowCol, L.problemCol]);
      expect(csv.data.map((r) => [r['Asset Tag'], r[L.rowCol]])).toEqual([['TIK-LT-0103', '6'], ['TIK-PR-0401', '7']]);
      expect(csv.data[0]![L.problemCol]).toContain('Rudi Hermawan');
      expect(csv.data[1]!['Purchase Date']).toBe('31/02/2024');
    });

    await test.step('a matched asset lands assigned: no brand twice, custody from import, a return button, the extra fields kept', async () => {
      await goToRoute(page, '/assets');
      await page.getByRole('link', { name: 'TIK-LT-0101' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('TIK-LT-0101 · Lenovo ThinkPad E14');
      await expect(page.getByText(L.assigned, { exact: true }).first()).toBeVisible();
      await expect(page.getByTestId('custody')).toContainText(SITI.name);
      await expect(page.getByTestId('custody')).toContainText(L.fromImport);
      await expect(page.getByText('21JK0004ID')).toBeVisible();
      await expect(page.getByText('PT Datascrip')).toBeVisible();
      await expect(page.getByText(L.months)).toBeVisible();
      await shot(page, 'assets-detail-imported', lang);
      await page.getByRole('button', { name: L.ret, exact: true }).click();
      await expect(page.getByTestId('return-lines')).toContainText('PF4E14A1');
      await goToRoute(page, '/assets');
      await page.getByRole('link', { name: 'TIK-LT-0102' }).click();
      await expect(page.getByTestId('custody')).toContainText(BUDI_UMUM.name);
      await page.getByRole('link', { name: BUDI_UMUM.name }).first().click();
      await expect(page.getByText(BUDI_UMUM.nip).first()).toBeVisible();
    });
  });
}

/** The return screen, the asset page and the wipe form (item 14), and the return form's truth about a missing charger. */
for (const lang of ['id', 'en'] as const) {
  test(`[${lang}] return of a laptop with a missing charger: labels, the return button, the wipe form, the printed condition`, async ({ page }, info) => {
    test.setTimeout(120_000);
    await setUpOffice(page);
    await addEmployee(page, SITI);
    await goToRoute(page, '/assets/new');
    await page.getByLabel('Nomor seri', { exact: true }).fill('PF4E14B7');
    await page.getByLabel('Kode aset').fill('TIK-LT-0110');
    await page.getByLabel('Merek').fill('Lenovo');
    await page.getByLabel('Model', { exact: true }).fill('Lenovo ThinkPad E14 Gen 5');
    const acc = page.getByLabel('Pindai seri kelengkapan');
    await acc.fill('CHG65W-99120');
    await acc.press('Enter');
    await page.getByLabel('Keterangan 1').fill('Adaptor 65W USB-C');
    await page.getByRole('button', { name: 'Simpan aset' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('TIK-LT-0110 · Lenovo ThinkPad E14 Gen 5');
    const assetRoute = new URL(page.url()).hash.slice(1);
    await page.getByRole('button', { name: 'Serahkan' }).click();
    await page.getByRole('combobox', { name: 'Pegawai penerima' }).fill('siti');
    await page.getByRole('option', { name: new RegExp(SITI.name) }).click();
    await expect(page.getByTestId('kit')).toContainText('PF4E14B7');
    await page.getByLabel(/Ditandatangani di kertas/).check();
    await page.getByRole('button', { name: 'Serahkan dan cetak berita acara' }).click();
    await expect(page.getByTestId('handover-doc')).toBeVisible();
    await goToRoute(page, assetRoute);
    if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
    const R = lang === 'id'
      ? { ret: 'Pengembalian', charger: '↳ Charger: Adaptor 65W USB-C', check: 'Hasil pemeriksaan', note: 'Keterangan', submit: 'Catat pengembalian dan cetak', paper: /Ditandatangani di kertas/, method: 'Metode', tool: 'Alat / perangkat lunak' }
      : { ret: 'Return', charger: '↳ Charger: Adaptor 65W USB-C', check: 'Check', note: 'Note', submit: 'Record the return and print', paper: /Signed on paper/, method: 'Method', tool: 'Tool / software' };

    await test.step('the assigned asset offers the return; the return screen names the accessory in words', async () => {
      await goToRoute(page, assetRoute);
      await page.getByRole('button', { name: R.ret, exact: true }).click();
      const lines = page.getByTestId('return-lines');
      await expect(lines).toContainText(R.charger);
      await expect(lines).not.toContainText('charger:');
      await page.getByLabel(`${R.check} PF4E14B7`).selectOption('returned');
      await page.getByLabel(`${R.check} CHG65W-99120`).selectOption('missing');
      await page.getByLabel(`${R.note} CHG65W-99120`).fill('Tertinggal di hotel saat dinas luar');
      await shot(page, 'assets-return-screen', lang);
      await page.getByLabel(R.paper).check();
      await page.getByRole('button', { name: R.submit }).click();
      await expect(page.getByTestId('handover-doc')).toBeVisible();
    });

    await test.step('the return form prints the missing charger without a condition nobody saw', async () => {
      const doc = page.getByTestId('handover-doc');
      const charger = doc.locator('tr', { hasText: 'CHG65W-99120' });
      await expect(charger.locator('td').nth(4)).toHaveText('Tidak diperiksa (hilang)');
      await expect(charger.locator('td').nth(3)).toHaveText('— Kelengkapan: Charger: Adaptor 65W USB-C');
      await expect(doc.locator('tr', { hasText: 'PF4E14B7' }).locator('td').nth(4)).toHaveText('Baik');
      const pdf = await printed(page, info, 'assets-print-return', lang);
      expect(pdf.pages).toBe(1);
      const text = squash(pdf.text());
      expect(text).toContain('Tidak');
      expect(text).toContain('diperiksa');
      expect(text.match(/\bBaik\b/g)).toHaveLength(1);
      // Codes print whole on one line, at the text's size.
      expect(text).toContain('TIK-LT-0110');
      expect(text).toContain('CHG65W-99120');
    });

    await test.step('the wipe form fits its column: the method list is not cut, each label on one line', async () => {
      await goToRoute(page, assetRoute);
      const form = page.getByRole('form', { name: lang === 'id' ? 'Catat penghapusan data (wipe)' : 'Record the data wipe' });
      await form.scrollIntoViewIfNeeded();
      const method = form.getByLabel(R.method, { exact: true });
      await expect(method).toBeVisible();
      const fits = await method.evaluate((el) => {
        const s = el as HTMLSelectElement;
        const box = s.getBoundingClientRect();
        const formBox = s.closest('form')!.getBoundingClientRect();
        const canvas = document.createElement('canvas').getContext('2d')!;
        canvas.font = getComputedStyle(s).font;
        const longest = Math.max(...Array.from({ length: s.options.length }, (_, i) => canvas.measureText(s.options.item(i)!.text).width));
        return { inside: box.right <= formBox.right + 0.5, roomy: longest + 24 <= box.width, debug: `${getComputedStyle(s.closest('.wipe-grid')!).gridTemplateColumns} ${box.width} ${longest} ${canvas.font}` };
      });
      expect({ inside: fits.inside, roomy: fits.roomy }, fits.debug).toEqual({ inside: true, roomy: true });
      for (const label of await form.locator('.field > label').all()) {
        const lines = await label.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '20')));
        expect(lines, await label.textContent() ?? '').toBeLessThanOrEqual(1);
      }
      await form.getByLabel(R.tool).fill('nwipe 0.34');
      await shot(page, 'assets-wipe-form', lang);
    });
  });
}

/** A visit with two devices, inside then out: the form on one page, the evacuation list's table within the page, codes at the text's size. */
for (const lang of ['id', 'en'] as const) {
  test(`[${lang}] the visit form and the evacuation list print whole on A4`, async ({ page }, info) => {
    test.setTimeout(150_000);
    const visit = visitData({ organisation: 'PT Telekomunikasi Indonesia (Persero) Tbk — Witel Sulawesi Selatan', phone: '0811-4123-4567' });
    const [laptop, disk] = visit.devices as [(typeof visit.devices)[0], (typeof visit.devices)[0]];
    await setUpOffice(page);
    await createUser(page, 'Budi Hartono', 'budi', ['officer']);
    await createUser(page, 'Sari Wulandari', 'sari', ['approver']);
    await signOut(page);
    await signIn(page, 'budi');
    const id = await registerVisit(page, visit);
    await signOut(page);
    await signIn(page, 'sari');
    await approveVisit(page, id, visit.visitorName);
    await signOut(page);
    await signIn(page, 'budi');
    await openVisit(page, id, visit.visitorName);
    await issueBadge(page);
    await recordEntry(page);
    // The desk works in Indonesian (the helpers read its labels); the English console prints the same forms.
    if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();

    await test.step('the evacuation list: the table ends inside the page, its last column printed', async () => {
      await goToRoute(page, '/print/evacuation');
      const list = page.getByTestId('evacuation-list');
      await expect(list).toContainText(visit.visitorName);
      await page.emulateMedia({ media: 'print' });
      const overflow = await list.evaluate((el) => {
        const table = el.querySelector('table')!;
        return { table: table.getBoundingClientRect().right, doc: el.getBoundingClientRect().right, scroll: table.scrollWidth - table.clientWidth };
      });
      await page.emulateMedia({ media: null });
      expect(overflow.table).toBeLessThanOrEqual(overflow.doc + 0.5);
      expect(overflow.scroll).toBeLessThanOrEqual(0);
      const pdf = await printed(page, info, 'prints-evacuation', lang);
      expect(pdf.pages).toBe(1);
      const row = squash(pdf.text()).split('\n').find((l) => l.includes(visit.visitorName))!;
      expect(row).toContain('B-01');
      expect(row).toContain('☐');
      const sizes = await list.evaluate((el) => {
        const cell = el.querySelector('td.mono')!;
        return [getComputedStyle(cell).fontSize, getComputedStyle(cell.previousElementSibling!).fontSize];
      });
      expect(sizes[0]).toBe(sizes[1]);
    });

    await test.step('check-out, then the visit form: one page, signatures with it, serials at the text size', async () => {
      await goToRoute(page, `/visits/${id}`);
      if (lang === 'en') await page.getByRole('button', { name: 'ID', exact: true }).click();
      await openVisit(page, id, visit.visitorName);
      await checkOut.scan(page, laptop.serial);
      await checkOut.scan(page, disk.serial);
      await checkOut.outcome(page).fill('Dua disk RAID diganti, rebuild selesai, layanan SIMPEG normal kembali');
      await checkOut.badgeReturned(page).check();
      await checkOut.idReturned(page).check();
      await checkOut.submit(page).click();
      await expect(page.getByRole('button', { name: 'Arsipkan', exact: true })).toBeVisible();
      if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
      await goToRoute(page, `/print/visit/${id}`);
      const form = page.getByTestId('visit-form');
      await expect(form).toContainText(disk.serial);
      const sizes = await form.evaluate((el) => {
        const cell = el.querySelector('td.mono')!;
        return [getComputedStyle(cell).fontSize, getComputedStyle(cell.previousElementSibling!).fontSize];
      });
      expect(sizes[0]).toBe(sizes[1]);
      const pdf = await printed(page, info, 'prints-visit-form', lang);
      expect(pdf.pages).toBe(1);
      const text = squash(pdf.text(1));
      for (const phrase of ['FORMULIR AKSES RUANG SERVER', laptop.serial, disk.serial, 'Sari Wulandari', 'Budi Hartono']) expect(text).toContain(phrase);
    });
  });
}

const INCIDENT = 'Serangan brute force ke VPN kantor';

/** On the incident's page, as the person whose turn it is: completes the step with a note (and an outcome). */
async function completeStep(page: Page, step: number, note: string, outcome?: RegExp): Promise<void> {
  const panel = page.getByTestId('turn-panel');
  await expect(panel).toContainText(new RegExp(`(Langkah|Step) ${step} (dari|of) 12`));
  if (outcome) await panel.getByRole('radio', { name: outcome }).check();
  await panel.locator('#step-note').fill(note);
  await panel.getByRole('button', { name: new RegExp(`^(Selesaikan langkah|Complete step) ${step}$`) }).click();
  await expect(page.getByTestId('step-history')).toContainText(note);
}

/**
 * An incident through the hard branch with two rework loops, closed with its analysis: the
 * closing refuses without root cause and mitigation; the step table prints compact; the rework
 * passes agree with the counter; the completion report prints "Lama penanganan" once.
 */
for (const lang of ['id', 'en'] as const) {
  test(`[${lang}] an incident closes with its analysis; both reports print compact and say each thing once`, async ({ page }, info) => {
    test.setTimeout(300_000);
    await setUpOffice(page);
    await createUser(page, 'Rina Kusuma', 'rina', ['officer', 'security_lead', 'admin']);
    await createUser(page, 'Dedi Saputra', 'dedi', ['technician']);
    await signOut(page);
    const as = async (user: string) => {
      await signIn(page, user, undefined, lang);
      await goToRoute(page, `/incidents/${id}`);
      if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: INCIDENT })).toBeVisible();
    };
    await signIn(page, 'rina');
    await openNav(page, 'Laporkan Insiden');
    await page.getByLabel('Judul insiden').fill(INCIDENT);
    await page.getByLabel('Kategori').selectOption('intrusion');
    await page.getByLabel('Tingkat keparahan').selectOption('high');
    await page.getByLabel('Sistem terdampak').fill('VPN kantor, Active Directory');
    await page.getByLabel('Uraian kejadian').fill('4.123 percobaan login gagal ke VPN dari 203.0.113.7 sejak pukul 07.10.');
    await page.getByLabel('Nama pelapor').fill('Siti Rahma');
    await page.getByLabel('Kontak pelapor').fill('0812-1111-2222');
    await page.getByRole('button', { name: 'Simpan laporan' }).click();
    await page.waitForURL(/#\/incidents\/[0-9a-f-]{36}$/);
    const id = /#\/incidents\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
    await completeStep(page, 1, 'Laporan dicatat, diteruskan ke Kepala Bidang TIK beserta log VPN dari firewall');
    await completeStep(page, 2, 'Segera tangani, prioritas tinggi; koordinasi dengan penyedia layanan internet');
    await completeStep(page, 3, 'Tim teknis: blokir IP sumber, periksa log Active Directory dan akun yang terkunci');
    await signOut(page, lang);
    await as('dedi');
    await completeStep(page, 4, 'Serangan terdistribusi dari beberapa rentang IP, perlu konsultasi pimpinan', /^(Sulit|Hard)/);
    await signOut(page, lang);
    await as('rina');
    await completeStep(page, 5, 'Dikonsultasikan dengan Kepala Bidang TIK: MFA dan geo-blocking disetujui');
    await completeStep(page, 6, 'Aktifkan MFA untuk seluruh akun VPN dan geo-blocking di firewall perimeter');
    const rework = [
      ['Geo-blocking aktif, MFA untuk 40 akun', 'Masih ada login dari rentang 203.0.113.0/24 yang tidak terblokir'],
      ['Rentang 203.0.113.0/24 diblokir, aturan firewall diperbarui', 'Dua akun layanan tanpa MFA masih dipakai dari luar kantor'],
      ['Akun layanan dipindah ke sertifikat, MFA wajib tanpa pengecualian', ''],
    ] as const;
    for (const [pass, [work, finding]] of rework.entries()) {
      await signOut(page, lang);
      await as('dedi');
      await completeStep(page, 7, work);
      await completeStep(page, 8, `Hasil perbaikan ke-${pass + 1} dilaporkan ke Kasi Keamanan Jaringan`);
      await signOut(page, lang);
      await as('rina');
      if (finding) await completeStep(page, 9, finding, /^(Belum tuntas|Not done)/);
      else await completeStep(page, 9, 'Tidak ada lagi login gagal selama 2 jam pemantauan', /^(Tuntas|Done)/);
    }

    await test.step('rework passes are numbered like the counter (2×)', async () => {
      await expect(page.getByTestId('rework-count')).toHaveText('2×');
      const tags = page.getByTestId('step-history').locator('.tag');
      await expect(tags).toHaveText(lang === 'id' ? ['ulang ke-1', 'ulang ke-1', 'ulang ke-1', 'ulang ke-2', 'ulang ke-2', 'ulang ke-2'] : ['rework 1', 'rework 1', 'rework 1', 'rework 2', 'rework 2', 'rework 2']);
    });

    await completeStep(page, 10, 'Laporan penyelesaian diterima dan diperiksa');
    await completeStep(page, 11, 'Tim teknis diberi tahu penanganan selesai');

    await test.step('closing asks for root cause and mitigation, both required, at their fields', async () => {
      const panel = page.getByTestId('turn-panel');
      const [root, mitigation, required] = lang === 'id' ? ['Akar masalah', 'Mitigasi', ['Isi akar masalah sebelum menutup insiden.', 'Isi mitigasi sebelum menutup insiden.']] : ['Root cause', 'Mitigation', ['Enter the root cause before closing the incident.', 'Enter the mitigation before closing the incident.']];
      await panel.locator('#step-note').fill('Pelapor (Siti Rahma) diberi tahu melalui telepon');
      await panel.getByRole('button', { name: /^(Selesaikan langkah|Complete step) 12$/ }).click();
      for (const m of required) await expect(panel.getByRole('alert').filter({ hasText: m })).toBeVisible();
      await expect(panel.locator('#step-note')).toHaveValue('Pelapor (Siti Rahma) diberi tahu melalui telepon');
      await shot(page, 'incidents-closing-analysis', lang);
      await panel.getByLabel(root).fill('Kata sandi akun VPN bocor dan dipakai bersama; akun layanan tanpa MFA');
      await panel.getByLabel(mitigation).fill('MFA wajib untuk semua akun VPN, geo-blocking permanen, akun layanan memakai sertifikat');
      await panel.getByRole('button', { name: /^(Selesaikan langkah|Complete step) 12$/ }).click();
      await expect(page.getByTestId('closed-summary')).toBeVisible();
    });

    await test.step('the incident report: the step table on fewer pages, root cause and mitigation printed', async () => {
      await goToRoute(page, `/print/incident/${id}`);
      await expect(page.getByTestId('incident-report')).toContainText(INCIDENT);
      const pdf = await printed(page, info, 'incidents-print-report', lang);
      expect(pdf.pages).toBeLessThanOrEqual(2);
      const text = squash(pdf.text());
      expect(text).toContain('Kata sandi akun VPN bocor');
      expect(text).toContain('MFA wajib untuk semua akun VPN');
      expect(text).toContain('ulang ke-2');
      expect(text).not.toContain('ulang ke-3');
      expect(text).toContain('Jumlah pengulangan (langkah 9 → 7): 2 kali.');
    });

    await test.step('the completion report prints "Lama penanganan" once', async () => {
      await goToRoute(page, `/print/incident-completion/${id}`);
      await expect(page.getByTestId('incident-completion')).toBeVisible();
      const pdf = await printed(page, info, 'incidents-print-completion', lang);
      expect(pdf.pages).toBe(1);
      const text = squash(pdf.text());
      expect(text.match(/Lama penanganan/g)).toHaveLength(1);
      expect(text).toMatch(/Lama penanganan : \d+\.\d hari kerja \(target 2-5 hari kerja\)/);
      expect(text).toContain('MFA wajib untuk semua akun VPN');
    });
  });
}

/** The monthly report's closing (office city, date and signatures together) and the access form's label colons. */
for (const lang of ['id', 'en'] as const) {
  test(`[${lang}] the monthly report signs off with "Makassar, 1 Desember 2026" beside its signatures; the access form's colons stay on their line`, async ({ page }, info) => {
    test.setTimeout(150_000);
    await page.clock.setFixedTime(new Date('2026-12-01T02:00:00.000Z'));
    await setUpOffice(page);
    await addEmployee(page, SITI);
    await createUser(page, 'Rina Marlina', 'rina', ['officer']);
    if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();

    await test.step('the office profile has a city', async () => {
      await goToRoute(page, '/admin/settings');
      const city = page.getByLabel(lang === 'id' ? 'Kota (untuk tempat dan tanggal surat)' : 'City (for the place and date of documents)');
      await city.fill('Makassar');
      await page.getByRole('button', { name: lang === 'id' ? 'Simpan' : 'Save', exact: true }).first().click();
      // Saved: the profile read back from the store shows it.
      await expect(page.getByRole('button', { name: lang === 'id' ? 'Simpan' : 'Save', exact: true }).first()).toBeEnabled();
      await goToRoute(page, '/assets');
      await goToRoute(page, '/admin/settings');
      await expect(city).toHaveValue('Makassar');
    });

    await test.step('the report: place and date on the same page as both signatures', async () => {
      await goToRoute(page, '/print/report/2026-11');
      await expect(page.getByTestId('report-doc')).toBeVisible();
      await expect(page.getByTestId('report-closing')).toContainText('Makassar, 1 Desember 2026');
      const pdf = await printed(page, info, 'report-print-closing', lang);
      const last = squash(pdf.text(pdf.pages));
      for (const phrase of ['Makassar, 1 Desember 2026', 'Disusun oleh, Tim IT', 'Mengetahui, Pimpinan']) expect(last).toContain(phrase);
      // Nothing but the closing on its own: the page with the signatures holds more than them.
      expect(last.replace(/\s+/g, ' ').length).toBeGreaterThan(200);
    });

    await test.step('the access form: "Kepala divisi :" on one line', async () => {
      await goToRoute(page, '/assets');
      await signOut(page, lang);
      await signIn(page, 'rina', undefined, lang);
      await goToRoute(page, '/access/new');
      await page.getByRole('combobox', { name: lang === 'id' ? 'Pegawai' : 'Employee' }).fill('siti');
      await page.getByRole('option', { name: new RegExp(SITI.name) }).click();
      await page.locator('#req-name').fill('Hendra Gunawan');
      await page.locator('#req-pos').fill('Kepala Sub Bagian Keuangan');
      await page.locator('#head-name').fill('Dra. Ratna Sari Dewi, M.Si.');
      await page.locator('#head-pos').fill('Kepala Bidang Keuangan dan Aset Daerah');
      await page.locator('#need').fill('Pegawai baru: email dinas dan aplikasi keuangan untuk penatausahaan anggaran.');
      await page.locator('.access-system-row').filter({ hasText: 'Email' }).getByRole('checkbox').check();
      await page.getByRole('button', { name: lang === 'id' ? 'Ajukan ke IT Manager' : 'Submit to the IT Manager' }).click();
      await expect(page.getByRole('heading', { level: 1, name: /\/PAS\// })).toBeVisible();
      await page.getByRole('button', { name: lang === 'id' ? 'Cetak formulir' : 'Print the form' }).click();
      await expect(page.getByTestId('access-doc')).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      const colonOnLine = await page.getByTestId('access-doc').evaluate((el) => {
        const th = Array.from(el.querySelectorAll("table.kv th")).find((x) => x.textContent?.trim() === 'Kepala divisi')!;
        const label = th.getBoundingClientRect();
        const colon = getComputedStyle(th, '::after');
        const style = getComputedStyle(th);
        const oneLine = label.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) < 1.9 * parseFloat(style.fontSize);
        return { content: colon.content, position: colon.position, oneLine, debug: `${label.height} ${style.fontSize} ${style.paddingTop}` };
      });
      await page.emulateMedia({ media: null });
      expect({ content: colonOnLine.content, position: colonOnLine.position, oneLine: colonOnLine.oneLine }, colonOnLine.debug).toEqual({ content: '":"', position: 'absolute', oneLine: true });
      const pdf = await printed(page, info, 'access-print-form', lang);
      expect(squash(pdf.text())).toMatch(/Kepala divisi :/);
    });
  });
}
