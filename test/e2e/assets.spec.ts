/**
 * IT assets (DOMAIN.md §2) end to end in Chromium: a technician registers employees and a laptop
 * with its charger, hands it over with both signatures drawn on screen, records maintenance,
 * takes it back with the charger missing, is refused a reissue before the wipe, records the
 * wipe (verified by someone else) and reissues it to another employee. The printed handover and
 * return forms are read back from the PDF. Then a 5,000-row Snipe-IT-style CSV with 20 bad rows:
 * reported by row, nothing imported until they are excluded, then imported in one go.
 */
import { expect, test, type Page } from '@playwright/test';
import { addEmployee, alertWith, createUser, goToRoute, openNav, PASSWORD, pdfContains, pdfText, setUpOffice, signIn, signOut } from './pages';

const LAPTOP = { serial: 'PF3KX9A1', tag: 'TIK-LT-0001', brand: 'Lenovo', model: 'ThinkPad T14 Gen 4', charger: 'CHG65W-77812' };
const SITI = { nip: '198703122010012004', name: 'Siti Rahmawati', department: 'Bidang Keuangan', position: 'Analis Anggaran', email: 'siti.rahmawati@makassarkota.go.id' };
const DEWI = { nip: '199105052019032011', name: 'Dewi Lestari', department: 'Bidang Perencanaan', position: 'Perencana', email: '' };

/** Draws a short stroke on a signature pad. */
async function sign(page: Page, testId: string): Promise<void> {
  const pad = page.getByTestId(testId);
  await pad.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 80);
  await page.mouse.down();
  for (const [dx, dy] of [[60, 40], [110, 90], [160, 35], [220, 85], [280, 50]] as const) await page.mouse.move(box.x + dx, box.y + dy, { steps: 4 });
  await page.mouse.up();
}

/** Scans an employee's NIP into the handover's picker (the scanner types it and Enter). */
async function pickEmployee(page: Page, nip: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: 'Pegawai penerima' });
  await picker.fill(nip);
  await expect(page.getByRole('option').first()).toContainText(nip);
  await picker.press('Enter');
  await expect(page.getByTestId('h-employee-chosen')).toContainText(`NIP ${nip}`);
}

async function scan(page: Page, label: string, code: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.fill(code);
  await input.press('Enter');
}

async function printedText(page: Page): Promise<string> {
  await expect(page.getByTestId('handover-doc')).toBeVisible();
  return pdfText(await page.pdf({ format: 'A4', printBackground: true }));
}

test('handover → maintenance → return with a missing charger → wipe → reissue', async ({ page }) => {
  test.setTimeout(120_000);
  await test.step('setup: an office, a technician', async () => {
    await setUpOffice(page);
    await createUser(page, 'Teguh Santoso', 'teguh', ['technician']);
    await signOut(page);
    await signIn(page, 'teguh');
  });

  await test.step('employees, with a duplicate NIP refused', async () => {
    await addEmployee(page, SITI);
    await addEmployee(page, DEWI);
    const form = page.getByRole('form', { name: 'Tambah pegawai' });
    await form.getByLabel('NIP').fill(SITI.nip);
    await form.getByLabel('Nama', { exact: true }).fill('Orang Lain');
    await form.getByLabel('Unit kerja').fill('Sekretariat');
    await form.getByRole('button', { name: 'Tambah' }).click();
    await expect(alertWith(page, `NIP ${SITI.nip} sudah terdaftar.`)).toBeVisible();
    await expect(form.getByLabel('Nama', { exact: true })).toHaveValue('Orang Lain');
  });

  const assetUrl = await test.step('a laptop with its charger, serials scanned', async () => {
    await openNav(page, 'Inventaris aset');
    await page.getByRole('button', { name: 'Aset baru' }).click();
    await page.getByLabel('Nomor seri', { exact: true }).fill(LAPTOP.serial.toLowerCase());
    await page.getByLabel('Kode aset').fill(LAPTOP.tag);
    await page.getByLabel('Merek').fill(LAPTOP.brand);
    await page.getByLabel('Model', { exact: true }).fill(LAPTOP.model);
    await page.getByLabel('Lokasi').fill('Gudang TIK lt. 2');
    await scan(page, 'Pindai seri kelengkapan', LAPTOP.charger);
    await page.getByLabel('Keterangan 1').fill('Adaptor 65W USB-C');
    await page.getByRole('button', { name: 'Simpan aset' }).click();
    await expect(page.getByRole('heading', { name: `${LAPTOP.tag} · ${LAPTOP.brand} ${LAPTOP.model}` })).toBeVisible();
    await expect(page.getByText('Tersedia', { exact: true }).first()).toBeVisible();
    return new URL(page.url()).hash.slice(1);
  });

  await test.step('a second asset with the same serial is refused, nothing written', async () => {
    await goToRoute(page, '/assets/new');
    await page.getByLabel('Nomor seri', { exact: true }).fill(LAPTOP.serial);
    await page.getByLabel('Kode aset').fill('TIK-LT-0999');
    await page.getByLabel('Merek').fill('Dell');
    await page.getByLabel('Model', { exact: true }).fill('Latitude 5440');
    await page.getByRole('button', { name: 'Simpan aset' }).click();
    await expect(alertWith(page, `Nomor seri ${LAPTOP.serial} sudah terdaftar pada aset lain.`).first()).toBeVisible();
    await expect(page.getByLabel('Model', { exact: true })).toHaveValue('Latitude 5440');
  });

  await test.step('handover to Siti, both signatures drawn; the BAST prints', async () => {
    await openNav(page, 'Serah terima');
    // Typed: the start of the name, then the match is chosen from the list.
    await page.getByRole('combobox', { name: 'Pegawai penerima' }).fill('siti');
    await page.getByRole('option', { name: new RegExp(SITI.name) }).click();
    await expect(page.getByTestId('h-employee-chosen')).toContainText(`NIP ${SITI.nip}`);
    await scan(page, 'Pindai nomor seri atau kode aset', LAPTOP.serial);
    await expect(page.getByTestId('kit').getByRole('cell', { name: LAPTOP.serial })).toBeVisible();
    await page.getByLabel('Akun email yang disiapkan').fill(SITI.email);
    await page.getByLabel('Akses sistem yang disiapkan').fill('SIMPEG, SIPD, VPN');
    await page.getByLabel('Mengetahui (nama atasan)').fill('Ir. Rahmat Hidayat');
    await page.getByLabel('Jabatan atasan').fill('Kepala Bidang Keuangan');
    // Unsigned: refused with a clear message, nothing written.
    await page.getByRole('button', { name: 'Serahkan dan cetak berita acara' }).click();
    await expect(alertWith(page, 'Petugas IT belum menandatangani').first()).toBeVisible();
    await sign(page, 'sig-officer');
    await sign(page, 'sig-employee');
    await page.getByRole('button', { name: 'Serahkan dan cetak berita acara' }).click();
    const text = await printedText(page);
    for (const phrase of ['BERITA ACARA SERAH TERIMA PERANGKAT TEKNOLOGI INFORMASI', SITI.name, SITI.nip, 'Teguh Santoso', LAPTOP.serial, LAPTOP.charger, LAPTOP.tag, 'Yang Menyerahkan', 'Yang Menerima', 'Mengetahui', 'Ir. Rahmat Hidayat', 'SIMPEG, SIPD, VPN', '/BAST/', 'Ditandatangani secara elektronik']) {
      expect(pdfContains(text, phrase), `handover PDF should contain "${phrase}":\n${text}`).toBe(true);
    }
    // Both drawn signatures are in their boxes.
    await expect(page.getByTestId('handover-doc').locator('img.sig-image')).toHaveCount(2);
  });

  await test.step('maintenance with the SOP 5 checklist', async () => {
    await goToRoute(page, assetUrl);
    await expect(page.getByText('Dipakai', { exact: true }).first()).toBeVisible();
    for (const label of ['Antivirus aktif', 'OS diperbarui (patch)', 'Kata sandi terpasang', 'Kebijakan media lepas dipatuhi']) await page.getByLabel(label).check();
    await page.getByRole('button', { name: 'Simpan pemeliharaan' }).click();
    await expect(page.getByTestId('maintenance-history').getByText('Teguh Santoso')).toBeVisible();
  });

  await test.step('return: the laptop comes back, the charger is missing; the return form prints', async () => {
    await openNav(page, 'Pegawai');
    await page.getByRole('link', { name: SITI.name }).click();
    await page.getByRole('link', { name: 'Pengembalian' }).click();
    await scan(page, 'Pindai barang yang kembali', LAPTOP.serial);
    await expect(page.getByTestId('return-progress')).toHaveText('1 dari 2 barang diperiksa');
    // Not every item checked: refused, nothing written.
    await page.getByRole('button', { name: 'Catat pengembalian dan cetak' }).click();
    await expect(alertWith(page, `Barang ${LAPTOP.charger} belum diperiksa`)).toBeVisible();
    await page.getByLabel(`Hasil pemeriksaan ${LAPTOP.charger}`).selectOption('missing');
    await page.getByLabel(`Keterangan ${LAPTOP.charger}`).fill('Tertinggal di hotel saat dinas luar');
    await sign(page, 'sig-officer');
    await sign(page, 'sig-employee');
    await page.getByRole('button', { name: 'Catat pengembalian dan cetak' }).click();
    const text = await printedText(page);
    for (const phrase of ['BERITA ACARA PENGEMBALIAN PERANGKAT TEKNOLOGI INFORMASI', SITI.name, 'Teguh Santoso', LAPTOP.serial, LAPTOP.charger, 'TIDAK ADA (HILANG)', 'Tertinggal di hotel', 'Pengunduran diri', '/BAPB/', '/BAST/', 'Yang Menyerahkan', 'Yang Menerima', 'Mengetahui', 'penghapusan data (wipe)']) {
      expect(pdfContains(text, phrase), `return PDF should contain "${phrase}":\n${text}`).toBe(true);
    }
  });

  await test.step('no reissue before the wipe', async () => {
    await goToRoute(page, '/handovers/new');
    await pickEmployee(page, DEWI.nip);
    await scan(page, 'Pindai nomor seri atau kode aset', LAPTOP.serial);
    await expect(alertWith(page, `Aset ${LAPTOP.tag} (seri ${LAPTOP.serial}) menunggu penghapusan data dan tidak dapat diserahkan sebelum wipe dicatat.`)).toBeVisible();
    await expect(page.getByTestId('kit')).toHaveCount(0);
  });

  await test.step('the wipe, verified by another person, returns it to stock', async () => {
    await goToRoute(page, assetUrl);
    await expect(page.getByText('Menunggu wipe', { exact: true }).first()).toBeVisible();
    await page.getByLabel('Alat / perangkat lunak').fill('nwipe 0.34');
    await page.getByLabel('Pemeriksa').selectOption({ label: 'Teguh Santoso' });
    await page.getByRole('button', { name: 'Catat wipe' }).click();
    await expect(alertWith(page, 'Pemeriksa harus orang lain, bukan operator.')).toBeVisible();
    await page.getByLabel('Pemeriksa').selectOption({ label: 'Andi Pratama' });
    // Picking the verifier's name is not enough: they countersign with their own password.
    await expect(page.getByTestId('cosign')).toContainText('Tanda tangan Andi Pratama');
    await page.getByRole('button', { name: 'Catat wipe' }).click();
    await expect(alertWith(page, 'Kata sandi Andi Pratama salah.')).toBeVisible();
    await page.getByLabel('Kata sandi Andi Pratama').fill('BukanSandinya1');
    await page.getByRole('button', { name: 'Catat wipe' }).click();
    await expect(alertWith(page, 'Kata sandi Andi Pratama salah.')).toBeVisible();
    await expect(page.getByText('Menunggu wipe', { exact: true }).first()).toBeVisible();
    await page.getByLabel('Kata sandi Andi Pratama').fill(PASSWORD);
    await page.getByRole('button', { name: 'Catat wipe' }).click();
    await expect(page.getByTestId('wipe-history').getByText('nwipe 0.34')).toBeVisible();
    // The audit trail shows both signatures on the wipe.
    await expect(page.getByTestId('audit-trail').getByText('Ditandatangani Teguh Santoso bersama Andi Pratama')).toBeVisible();
    await expect(page.getByText('Tersedia', { exact: true }).first()).toBeVisible();
  });

  await test.step('reissue to Dewi, signed on paper; the chain of custody shows both holders', async () => {
    await page.getByRole('button', { name: 'Serahkan' }).click();
    await pickEmployee(page, DEWI.nip);
    await expect(page.getByTestId('kit').getByRole('cell', { name: LAPTOP.serial })).toBeVisible();
    await page.getByLabel(/Ditandatangani di kertas/).check();
    await page.getByRole('button', { name: 'Serahkan dan cetak berita acara' }).click();
    const text = await printedText(page);
    expect(pdfContains(text, DEWI.name)).toBe(true);
    expect(pdfContains(text, LAPTOP.charger), 'the missing charger is not handed over again').toBe(false);
    expect(pdfContains(text, 'Ditandatangani di atas kertas')).toBe(true);
    await goToRoute(page, assetUrl);
    const custody = page.getByTestId('custody');
    await expect(custody.getByRole('link', { name: SITI.name })).toBeVisible();
    await expect(custody.getByRole('link', { name: DEWI.name })).toBeVisible();
    await expect(custody.getByText('1 kelengkapan hilang')).toBeVisible();
  });
});

/** A Snipe-IT-style export: 5,000 rows, 20 of them bad (10 repeated serials, 5 bad dates, 5 unknown categories). */
function inventoryCsv(): { csv: string; bad: number[] } {
  const lines = ['Asset Tag,Serial Number,Model name,Manufacturer,Category,Location,Purchase Date,Status,Checked Out To'];
  const bad: number[] = [];
  const cats = ['Laptops', 'Desktops', 'Monitors', 'Printers', 'Mobile Phones'];
  for (let i = 0; i < 5000; i++) {
    const row = i + 2;
    let serial = `SN-IMP-${String(i).padStart(5, '0')}`;
    let date = `2024-${String((i % 12) + 1).padStart(2, '0')}-15`;
    let cat = cats[i % cats.length]!;
    if (i >= 100 && i < 110) {
      serial = `SN-IMP-${String(i - 100).padStart(5, '0')}`;
      bad.push(row);
    } else if (i >= 2000 && i < 2005) {
      date = '31/02/2024';
      bad.push(row);
    } else if (i >= 4000 && i < 4005) {
      cat = 'Kulkas';
      bad.push(row);
    }
    lines.push(`INV-${String(i).padStart(5, '0')},${serial},Model ${i % 37},Lenovo,${cat},Gedung A,${date},Ready to Deploy,`);
  }
  return { csv: lines.join('\n'), bad };
}

test('a 5,000-row import with 20 bad rows: reported by row, nothing imported until resolved', async ({ page }) => {
  test.setTimeout(180_000);
  await setUpOffice(page);
  await goToRoute(page, '/assets/import');
  const { csv, bad } = inventoryCsv();
  await page.getByLabel('Berkas CSV / XLSX').setInputFiles({ name: 'snipeit-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-summary')).toHaveText('4980 baris siap, 20 baris bermasalah, 0 dikecualikan.', { timeout: 30_000 });
  // The Snipe-IT columns were recognised.
  await expect(page.getByLabel('Nomor seri', { exact: true })).toHaveValue('1');
  await expect(page.getByLabel('Pemegang: nama')).toHaveValue('8');
  const errors = page.getByTestId('import-errors');
  for (const row of bad) await expect(errors.locator(`tr[data-row="${row}"]`)).toHaveCount(1);
  await expect(errors.locator('tr[data-row="102"]')).toContainText('juga ada di baris 2');
  await expect(errors.locator('tr[data-row="2002"]')).toContainText('Tanggal tidak valid');
  await expect(errors.locator('tr[data-row="4002"]')).toContainText('Kategori tidak dikenal');
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  // Nothing is in the store yet.
  expect(await assetCount(page)).toBe(0);
  // Fix one row in place, exclude the rest.
  await errors.getByLabel('Tanggal pembelian 2002').fill('2024-02-29');
  await errors.getByLabel('Tanggal pembelian 2002').press('Enter');
  await expect(page.getByTestId('import-summary')).toHaveText('4981 baris siap, 19 baris bermasalah, 0 dikecualikan.', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Kecualikan semua baris bermasalah' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('4981 baris siap, 0 baris bermasalah, 19 dikecualikan.');
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toContainText('4981 aset diimpor.', { timeout: 60_000 });
  expect(await assetCount(page)).toBe(4981);
  await openNav(page, 'Inventaris aset');
  await page.getByLabel('Kode aset / nomor seri').fill('SN-IMP-04999');
  await page.getByLabel('Kode aset / nomor seri').press('Enter');
  await expect(page.getByRole('heading', { name: 'INV-04999 · Lenovo Model 4' })).toBeVisible();
});

async function assetCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const dbName = `meja-it-${new URLSearchParams(location.search).get('db')}`;
    return new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(dbName);
      req.onsuccess = () => {
        const tx = req.result.transaction('assets', 'readonly');
        const c = tx.objectStore('assets').count();
        c.onsuccess = () => resolve(c.result);
        c.onerror = () => reject(c.error);
      };
      req.onerror = () => reject(req.error);
    });
  });
}

/** A personnel office's XLSX: NIPs as text, one NIP Excel turned into a number, one NIP twice. */
async function personnelXlsx(): Promise<Buffer> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pegawai');
  ws.addRow(['No', 'NIP Baru', 'Nama Lengkap', 'Unit Kerja', 'Jabatan', 'E-mail', 'Status Pegawai']);
  ws.addRow([1, SITI.nip, SITI.name, SITI.department, SITI.position, SITI.email, 'PNS']);
  ws.addRow([2, Number(DEWI.nip), DEWI.name, DEWI.department, DEWI.position, '', 'PNS']);
  ws.addRow([3, '19920303 201503 1 002', 'Andi Wijaya', 'Bidang TIK', 'Pranata Komputer', 'andi@makassarkota.go.id', 'PPPK']);
  ws.addRow([4, SITI.nip, 'Siti R. (duplikat)', SITI.department, SITI.position, '', 'PNS']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the personnel list imports from XLSX: bad NIPs reported by row, then a re-import updates who moved', async ({ page }) => {
  await setUpOffice(page);
  await openNav(page, 'Pegawai');
  await page.getByRole('button', { name: 'Impor CSV/XLSX' }).click();
  await page.getByLabel('Berkas CSV / XLSX').setInputFiles({ name: 'daftar-pegawai.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await personnelXlsx() });
  await expect(page.getByTestId('import-summary')).toHaveText('2 baris siap, 2 baris bermasalah, 0 dikecualikan.');
  await expect(page.getByLabel('NIP', { exact: true })).toHaveValue('1');
  const errors = page.getByTestId('import-errors');
  await expect(errors.locator('tr[data-row="3"]')).toContainText('NIP tersimpan sebagai angka di Excel');
  await expect(errors.locator('tr[data-row="5"]')).toContainText(`NIP ${SITI.nip} sudah ada di baris 2 berkas ini.`);
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  // Type the NIP as text where Excel lost it; leave the duplicate out.
  await errors.getByLabel('NIP 3').fill(DEWI.nip);
  await errors.getByLabel('NIP 3').press('Enter');
  await expect(page.getByTestId('import-summary')).toHaveText('3 baris siap, 1 baris bermasalah, 0 dikecualikan.');
  await errors.locator('tr[data-row="5"]').getByRole('button', { name: 'Kecualikan' }).click();
  await expect(page.getByTestId('import-plan')).toHaveText('3 pegawai baru, 0 diperbarui, 0 tidak berubah.');
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toContainText('3 pegawai ditambahkan atau diperbarui.');
  await page.getByRole('link', { name: 'Lihat daftar pegawai' }).click();
  const list = page.getByTestId('employees');
  await expect(list.locator('tbody tr')).toHaveCount(3);
  await expect(list.getByRole('row', { name: /Andi Wijaya/ })).toContainText('199203032015031002');

  // A month later: Andi moved to another unit and Dewi resigned; Siti is unchanged.
  const csv = ['NIP;Nama;Unit Kerja;Jabatan;Email;Status', `${SITI.nip};${SITI.name};${SITI.department};${SITI.position};${SITI.email};Aktif`, '199203032015031002;Andi Wijaya;Bidang Aplikasi Informatika;Pranata Komputer Ahli Muda;andi@makassarkota.go.id;Aktif', `'${DEWI.nip};${DEWI.name};${DEWI.department};${DEWI.position};;Pensiun`].join('\n');
  await page.getByRole('button', { name: 'Impor CSV/XLSX' }).click();
  await page.getByLabel('Berkas CSV / XLSX').setInputFiles({ name: 'pegawai-desember.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-plan')).toHaveText('0 pegawai baru, 2 diperbarui, 1 tidak berubah.');
  await page.getByRole('button', { name: 'Simpan 2 pegawai' }).click();
  await expect(page.getByTestId('import-done')).toContainText('2 pegawai ditambahkan atau diperbarui.');
  await page.getByRole('link', { name: 'Lihat daftar pegawai' }).click();
  await expect(list.locator('tbody tr')).toHaveCount(3);
  await expect(list.getByRole('row', { name: /Andi Wijaya/ })).toContainText('Bidang Aplikasi Informatika');
  await expect(list.getByRole('row', { name: /Dewi Lestari/ })).toContainText('Berhenti');
  // The employee's own page shows the new position.
  await list.getByRole('link', { name: 'Andi Wijaya' }).click();
  await expect(page.getByText('Pranata Komputer Ahli Muda')).toBeVisible();
});
