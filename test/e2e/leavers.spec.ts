/**
 * Leavers (issue 12, items 18-19) in Chromium, in Indonesian with the English screens checked
 * for the same items: once an employee is marked "Berhenti", no step gives them access any more
 * (the IT Manager's approval is refused with the reason; recording an account is no longer
 * offered and the request says why); the employee's header says "Berhenti sejak <date>"; the
 * technicians' "Pekerjaan Saya" lists the leaver with what remains; the leavers list shows who
 * left, since when, what to revoke, with links; all of one person's access is revoked at once
 * (after a confirmation, one signed access.revoke each); the fully revoked request reads
 * "Dicabut" / "Revoked", not "Selesai diberikan".
 */
import { expect, test, type Page } from '@playwright/test';
import { addEmployee, alertWith, createUser, goToRoute, openNav, setUpOffice, signIn, signOut } from './pages';
import { fillAccessRequest } from './helpers/access';

const ANDI = { nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis Keuangan' };
const SHOTS = 'docs/screenshots';

async function shot(page: Page, name: string, lang: 'id' | 'en') {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/leavers-${name}-${lang}.png`, fullPage: true });
}

/** The desk records a request for Andi for these systems; returns its document number and route. */
async function submitRequest(page: Page, systems: string[]): Promise<{ docNo: string; url: string }> {
  await openNav(page, 'Ajukan Akses');
  await fillAccessRequest(page, 'Pegawai di Sub Bagian Keuangan memerlukan akses untuk tugas hariannya.');
  for (const s of systems) await page.locator('.access-system-row').filter({ hasText: s }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Ajukan ke IT Manager' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^Permintaan akses .+\/PAS\// });
  await expect(heading).toBeVisible();
  return { docNo: (await heading.textContent())!.replace('Permintaan akses ', ''), url: page.url() };
}

const hashOf = (url: string) => new URL(url).hash.slice(1);

test('a resigned employee gets no new access; leavers list, My work, revoke all, "Dicabut" (id and en)', async ({ page }) => {
  test.setTimeout(180_000);
  await setUpOffice(page);
  await createUser(page, 'Teguh Santoso', 'teguh', ['technician']);
  await addEmployee(page, ANDI);
  const employeeUrl = await (async () => {
    await page.getByTestId('employees').getByRole('link', { name: ANDI.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: ANDI.name })).toBeVisible();
    await expect(page.locator('.page-header .status')).toHaveText('Aktif');
    return page.url();
  })();
  await signOut(page);

  // The IT team records three requests: Email (will be given), HRIS (approved, not yet given), VPN (awaiting the decision).
  await signIn(page, 'teguh');
  const email = await submitRequest(page, ['Email']);
  const hris = await submitRequest(page, ['HRIS']);
  const vpn = await submitRequest(page, ['VPN']);
  await signOut(page);

  await signIn(page, 'admin');
  for (const r of [email, hris]) {
    await goToRoute(page, hashOf(r.url));
    await expect(page.getByRole('heading', { level: 1, name: `Permintaan akses ${r.docNo}` })).toBeVisible();
    await page.getByRole('button', { name: 'Setujui' }).click();
    await expect(page.locator('.page-header .status')).toHaveText('Disetujui, sedang dibuatkan');
  }
  await signOut(page);

  await signIn(page, 'teguh');
  await goToRoute(page, hashOf(email.url));
  await page.getByLabel('Akun Email').fill('andi.wijaya@dinas.go.id');
  await page.getByRole('button', { name: 'Catat diberikan' }).click();
  await expect(page.locator('.page-header .status')).toHaveText('Selesai diberikan');

  // Andi resigns.
  await goToRoute(page, hashOf(employeeUrl));
  await page.getByRole('button', { name: 'Ubah', exact: true }).click();
  await page.getByLabel('Status').selectOption('resigned');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  const today = await page.evaluate(() => new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date()));
  await expect(page.getByTestId('employee-status')).toHaveText(`Berhenti sejak ${today}`);
  await expect(page.getByTestId('resigned-access')).toContainText('masih memiliki 1 akses sistem aktif');
  await expect(page.getByTestId('revoke-all')).toHaveText('Cabut semua akses (1)');
  await shot(page, 'employee', 'id');

  // Item 18: the approved HRIS request can no longer be given — the request says why, no account form.
  await goToRoute(page, hashOf(hris.url));
  await expect(page.getByTestId('access-employee-resigned')).toHaveText(/Andi Wijaya sudah berhenti: akses baru tidak dapat disetujui atau dibuat lagi/);
  await expect(page.getByLabel('Akun HRIS')).toHaveCount(0);
  await expect(page.getByTestId('access-items').locator('tr[data-system="HRIS"]')).toContainText('Belum dibuat');
  await shot(page, 'access-resigned', 'id');

  // Item 19: My work lists the leaver with what remains.
  await openNav(page, 'Pekerjaan Saya');
  const mine = page.getByTestId('mywork-leavers-open');
  await expect(mine.getByRole('heading', { name: 'Pegawai berhenti: cabut akses, tarik aset' })).toBeVisible();
  await expect(mine.getByTestId('mywork-leavers')).toContainText(ANDI.name);
  await expect(mine.getByTestId('mywork-leavers')).toContainText(`Email, ${hris.docNo}`);
  await expect(mine.getByTestId('mywork-leavers')).toContainText(today);
  await shot(page, 'mywork', 'id');

  // The leavers list: who, since when, what remains, with links.
  await mine.getByRole('link', { name: 'Buka daftar pegawai berhenti' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pegawai berhenti' })).toBeVisible();
  const row = page.getByTestId('leavers').locator('tr[data-employee="Andi Wijaya"]');
  await expect(row).toContainText(today);
  await expect(row).toContainText('1 akses aktif');
  await expect(row.getByTestId('leaver-access').getByRole('link', { name: 'Email' })).toHaveAttribute('href', `#${hashOf(email.url)}`);
  await expect(row.getByTestId('leaver-access').getByRole('link', { name: hris.docNo })).toBeVisible();
  await expect(row).toContainText('0 aset dipegang');
  await expect(row.getByRole('link', { name: ANDI.name })).toHaveAttribute('href', `#${hashOf(employeeUrl)}`);
  await shot(page, 'list', 'id');
  await row.getByTestId('revoke-all').click();
  await expect(row.getByTestId('revoke-all-confirm')).toContainText('Cabut semua akses Andi Wijaya?');
  await expect(row.getByTestId('revoke-all-confirm')).toContainText('andi.wijaya@dinas.go.id');
  await expect(row.getByTestId('revoke-all-confirm')).toContainText(`Tutup permintaan ${hris.docNo}`);
  await shot(page, 'revoke-confirm', 'id');
  // Cancelling the confirmation changes nothing.
  await row.getByRole('button', { name: 'Batal' }).click();
  await expect(row.getByTestId('revoke-all')).toBeVisible();

  // The English screens say the same.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leavers' })).toBeVisible();
  await expect(row).toContainText('1 active access');
  await expect(row.getByTestId('revoke-all')).toHaveText('Revoke all access (1)');
  await shot(page, 'list', 'en');
  await row.getByTestId('revoke-all').click();
  await expect(row.getByTestId('revoke-all-confirm')).toContainText("Revoke all of Andi Wijaya's access?");
  await shot(page, 'revoke-confirm', 'en');
  await row.getByRole('button', { name: 'Cancel' }).click();
  await goToRoute(page, hashOf(employeeUrl));
  const todayEn = await page.evaluate(() => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Makassar', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date()));
  await expect(page.getByTestId('employee-status')).toHaveText(`Resigned since ${todayEn}`);
  await shot(page, 'employee', 'en');
  await goToRoute(page, hashOf(hris.url));
  await expect(page.getByTestId('access-employee-resigned')).toHaveText(/Andi Wijaya has resigned: no new access can be approved or created any more/);
  await shot(page, 'access-resigned', 'en');
  await goToRoute(page, '/my-work');
  await expect(page.getByTestId('mywork-leavers-open').getByRole('heading', { name: 'Leavers: revoke access, collect assets' })).toBeVisible();
  await shot(page, 'mywork', 'en');
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await signOut(page);

  // Item 18 at the IT Manager's desk: approving the VPN request for a leaver is refused, with the reason.
  await signIn(page, 'admin');
  await goToRoute(page, hashOf(vpn.url));
  await page.getByRole('button', { name: 'Setujui' }).click();
  await expect(alertWith(page, 'Andi Wijaya sudah berhenti: akses baru tidak dapat disetujui atau dibuat lagi')).toBeVisible();
  await expect(page.locator('.page-header .status')).toHaveText('Menunggu keputusan');

  // Revoke all, confirmed: the Email access is revoked, the HRIS remainder closed.
  await openNav(page, 'Berhenti kerja');
  await row.getByTestId('revoke-all').click();
  await row.getByRole('button', { name: 'Ya, cabut 1 akses' }).click();
  await expect(page.getByTestId('leavers')).toHaveCount(0);
  await expect(page.getByText('Tidak ada pegawai berhenti yang masih memiliki akses atau aset.')).toBeVisible();
  await page.getByLabel('Hanya yang masih ada akses atau aset').uncheck();
  await expect(row).toContainText('Semua akses sudah dicabut dan aset sudah kembali.');

  // The fully revoked request reads "Dicabut", not "Selesai diberikan"; each revocation is its own signed event.
  await goToRoute(page, hashOf(email.url));
  await expect(page.locator('.page-header .status')).toHaveText('Dicabut');
  await expect(page.getByTestId('access-items').locator('tr[data-system="Email"]')).toContainText('Dicabut Andi Pratama');
  await expect(page.getByTestId('access-items').locator('tr[data-system="Email"]')).toContainText('Pegawai berhenti');
  await shot(page, 'access-revoked', 'id');
  await goToRoute(page, hashOf(hris.url));
  await expect(page.locator('.page-header .status')).toHaveText('Dibatalkan');
  await openNav(page, 'Permintaan Akses');
  await expect(page.getByTestId('access-requests').locator('tr').filter({ hasText: email.docNo })).toContainText('Dicabut');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await goToRoute(page, hashOf(email.url));
  await expect(page.locator('.page-header .status')).toHaveText('Revoked');
  await shot(page, 'access-revoked', 'en');
  await page.getByRole('button', { name: 'ID', exact: true }).click();
});
