/**
 * What is stored stays stored: the visit survives a page reload and a browser restart (same
 * profile), and the language choice survives a reload. The session does not: a reload asks
 * for the password again.
 */
import { chromium, expect, test, type Page } from '@playwright/test';
import {
  BUDI,
  openNav,
  registerVisit,
  setUpOffice,
  setUpOfficeWithUsers,
  signIn,
  signOut,
  uniqueDb,
  visitData,
} from './pages';

/** Finds a visit in "Log Kunjungan" by the start of the visitor's name. */
async function findInLog(page: Page, namePrefix: string, visitorName: string) {
  await openNav(page, 'Log Kunjungan');
  const filters = page.getByRole('search', { name: 'Saring log kunjungan' });
  await filters.getByLabel('Nama lengkap pengunjung').fill(namePrefix);
  await filters.getByRole('button', { name: 'Terapkan' }).click();
  const row = page.getByTestId('visit-log').getByRole('row', { name: new RegExp(visitorName) });
  await expect(row).toBeVisible();
  await expect(page.getByTestId('visit-log').getByRole('row')).toHaveCount(2); // header + the visit
  return row;
}

test('a registered visit survives a page reload', async ({ page }) => {
  const office = await setUpOfficeWithUsers(page, [BUDI]);
  await signIn(page, BUDI.username);
  const v = visitData();
  const id = await registerVisit(page, v);

  await page.reload();
  // Within the idle-lock time a reload keeps the session (session-reload.spec.ts): no sign-in.
  // The hash route survived the reload, so the visit is shown straight away.
  await expect(page).toHaveURL(`${office.path}#/visits/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: v.visitorName })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'LPT-5CG1234XYZ', exact: true })).toBeVisible();
  await expect(page.getByText('Menunggu persetujuan', { exact: true })).toBeVisible();
  await findInLog(page, 'rud', v.visitorName);
});

test('a registered visit survives a browser restart', async ({ baseURL }, testInfo) => {
  const { launchOptions } = testInfo.project.use;
  const userDataDir = testInfo.outputPath('profile');
  const launch = () =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath: launchOptions?.executablePath,
      args: launchOptions?.args,
      baseURL,
      viewport: { width: 1366, height: 768 },
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
    });
  const db = uniqueDb('restart');
  const v = visitData({ visitorName: 'Rahmat Hidayat', idNumber: '7371011203850001' });

  const first = await launch();
  let id: string;
  try {
    const page = first.pages()[0] ?? (await first.newPage());
    await setUpOfficeWithUsers(page, [BUDI], { db });
    await signIn(page, BUDI.username);
    id = await registerVisit(page, v);
  } finally {
    await first.close();
  }

  const second = await launch();
  try {
    const page = second.pages()[0] ?? (await second.newPage());
    await page.goto(`/?db=${db}`);
    // The office is still set up (sign-in, not first-run setup), and Budi still exists.
    await signIn(page, BUDI.username);
    const row = await findInLog(page, 'Rah', v.visitorName);
    await row.getByRole('link', { name: v.visitorName }).click();
    await expect(page).toHaveURL(new RegExp(`#/visits/${id}$`));
    await expect(page.getByRole('cell', { name: 'HDD-WD-7781A', exact: true })).toBeVisible();
    await expect(page.getByText('Menunggu persetujuan', { exact: true })).toBeVisible();
  } finally {
    await second.close();
  }
});

test('English stays chosen across a reload', async ({ page }) => {
  await setUpOffice(page);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('button', { name: 'EN', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const label of ['Inside now', 'Visit log', 'Users', 'Settings']) await expect(nav.getByRole('link', { name: label })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Inside the server room now' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  await expect(page.getByText('Di dalam ruang server sekarang')).toHaveCount(0);

  await page.reload();
  // The session is kept across the reload (session-reload.spec.ts), in English.
  await expect(page.getByRole('button', { name: 'EN', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Visit log' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Inside the server room now' })).toBeVisible();

  // And back to Indonesian.
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Di dalam ruang server sekarang' })).toBeVisible();
  await signOut(page);
});
