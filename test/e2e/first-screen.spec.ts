/**
 * The first screen before the application has loaded (issue 13: a start in under a second).
 * index.html carries the setup and sign-in screens prerendered; an inline script shows one while
 * the page parses (src/shared/entry-boot.ts), and the application takes over with what was typed
 * (src/renderer/entry/handoff.ts). Here the application's entry chunk is held back, so the static
 * screen is what the user has: it must take typing, refuse to submit, and hand everything typed
 * (and the focus and caret) to the live screen, in both languages, under the production CSP.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { PASSWORD, setUpOffice, signOut, uniqueDb } from './pages';

/** Holds the application's entry chunk until `release()`: only the prerendered screen is there. */
async function holdApp(page: Page): Promise<{ release: () => void }> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route: Route) => {
    await gate;
    await route.continue();
  });
  return { release };
}

/** CSP refusals and page errors, collected for the whole test. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const entryEmpty = (page: Page) => expect.poll(() => page.evaluate(() => document.getElementById('entry')!.childElementCount), { timeout: 20_000 }).toBe(0);
const focusedField = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id, live: !!document.activeElement?.closest('#root'), caret: (document.activeElement as HTMLInputElement | null)?.selectionStart }));

test('the setup screen is on screen and takes typing before the app has loaded; the app keeps what was typed', async ({ page }) => {
  const errors = watchErrors(page);
  const app = await holdApp(page);
  const db = uniqueDb('first');
  // Not waiting for the load event: the app's script is held back.
  await page.goto(`/?db=${db}`, { waitUntil: 'commit' });

  // The prerendered screen, with its defaults, and nothing of the app yet.
  const entry = page.locator('#entry');
  await expect(entry.getByRole('heading', { name: 'Pengaturan awal Meja IT' })).toBeVisible();
  await expect(entry.locator('#badgePoolText')).toHaveValue('B-01..B-20');
  await expect(entry.locator('#adminUsername')).toHaveValue('admin');
  await expect(entry.locator('#timeZone')).toHaveValue('WIB');
  await expect(entry.getByRole('button', { name: 'Simpan dan mulai' })).toBeDisabled();
  await expect(entry.getByRole('button', { name: 'EN', exact: true })).toBeDisabled();
  await expect(page.locator('#name')).toBeFocused();
  expect(await page.locator('#root').isVisible()).toBe(false);

  // The desk types before the app is there: values, a choice, a cleared default, Enter.
  await entry.locator('#name').fill('Dinas Kominfo Kota Kendari');
  await entry.locator('#timeZone').selectOption('WITA');
  await entry.locator('#docPrefix').fill('');
  await entry.locator('#adminName').fill('Wa Ode Sitti');
  await entry.locator('#adminName').press('Enter');
  await entry.locator('#adminName').press('ArrowLeft');
  await entry.locator('#adminName').press('ArrowLeft');
  await expect(entry.getByRole('heading', { name: 'Pengaturan awal Meja IT' })).toBeVisible();
  expect(page.url()).not.toContain('adminName=');

  app.release();
  await entryEmpty(page);
  // The live screen has every value, the defaults that were not touched, and the focus with its caret.
  await expect(page.locator('#name')).toHaveValue('Dinas Kominfo Kota Kendari');
  await expect(page.locator('#timeZone')).toHaveValue('WITA');
  await expect(page.locator('#docPrefix')).toHaveValue('');
  await expect(page.locator('#badgePoolText')).toHaveValue('B-01..B-20');
  await expect(page.locator('#adminName')).toHaveValue('Wa Ode Sitti');
  expect(await focusedField(page)).toEqual({ id: 'adminName', live: true, caret: 'Wa Ode Sitti'.length - 2 });
  await page.keyboard.type('X');
  await expect(page.locator('#adminName')).toHaveValue('Wa Ode SitXti');

  // The cleared prefix is refused at its field like any typed value; filled in, setup completes.
  await page.locator('#unit').fill('Bidang TIK');
  await page.locator('#address').fill('Jl. Abdullah Silondae No. 8');
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#passwordAgain').fill(PASSWORD);
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
  await expect(page.locator('#docPrefix')).toHaveAttribute('aria-invalid', 'true');
  await page.locator('#docPrefix').fill('TIK');
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
  await expect(page.getByRole('button', { name: 'Keluar akun', exact: true })).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('after setup the next load shows the sign-in screen with the office name; what was typed signs in', async ({ page }) => {
  const errors = watchErrors(page);
  const office = await setUpOffice(page);
  await signOut(page);

  const app = await holdApp(page);
  await page.reload({ waitUntil: 'commit' });
  const entry = page.locator('#entry');
  await expect(entry.getByRole('heading', { name: 'Masuk ke konsol' })).toBeVisible();
  await expect(entry.getByText(office.name, { exact: false })).toBeVisible();
  await expect(page.locator('#username')).toBeFocused();
  await entry.locator('#username').fill(office.admin.username);
  await entry.locator('#password').fill(PASSWORD);
  await entry.locator('#password').press('Enter');
  await expect(entry.getByRole('heading', { name: 'Masuk ke konsol' })).toBeVisible();

  app.release();
  await entryEmpty(page);
  await expect(page.locator('#username')).toHaveValue(office.admin.username);
  await expect(page.locator('#password')).toHaveValue(PASSWORD);
  expect(await focusedField(page)).toMatchObject({ id: 'password', live: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Keluar akun', exact: true })).toBeVisible({ timeout: 20_000 });

  // Signed in, a reload restores the session: no sign-in form is shown meanwhile.
  await page.reload();
  await expect(page.locator('#entry')).toBeEmpty();
  await expect(page.getByRole('button', { name: 'Keluar akun', exact: true })).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('in English when English was chosen on this machine', async ({ page }) => {
  const db = uniqueDb('first-en');
  await page.goto(`/?db=${db}`);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Set up Meja IT' })).toBeVisible();

  const app = await holdApp(page);
  await page.reload({ waitUntil: 'commit' });
  const entry = page.locator('#entry');
  await expect(entry.getByRole('heading', { name: 'Set up Meja IT' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await entry.getByLabel('Agency / company name').fill('Diskominfo Jayapura');
  app.release();
  await entryEmpty(page);
  await expect(page.getByLabel('Agency / company name')).toHaveValue('Diskominfo Jayapura');
  await expect(page.getByRole('heading', { name: 'Set up Meja IT' })).toBeVisible();
});

test('the server sends a CSP that allows no inline script but the first-screen script', async ({ request }) => {
  const res = await request.get('/');
  const csp = res.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]{43}='(;|$)/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  const html = await res.text();
  expect(html.match(/<script>/g)?.length).toBe(1);
  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
  expect(meta).toContain(csp.match(/'sha256-[^']+'/)![0]);
});
