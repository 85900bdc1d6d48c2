/**
 * Sign-in throttling in Chromium: five failed attempts lock a username on this console for
 * 30 s (the browser's clock is controlled with page.clock), the right password is refused
 * while locked, the lock survives a reload, and a success clears the count. A username nobody
 * has is locked the same way. A deactivated account answers a wrong password like any other
 * (and counts it); only the right password says it is deactivated. The wait counts down by
 * itself and the message goes away when the lock ends.
 */
import { expect, test, type Page } from '@playwright/test';
import { alertWith, BUDI, createUser, PASSWORD, setUpOffice, signOut } from './pages';

const WRONG = 'Nama pengguna atau kata sandi salah.';
const waitId = (s: number) => `Terlalu banyak percobaan. Coba lagi dalam ${s} detik.`;
const INACTIVE = 'Akun ini dinonaktifkan. Hubungi admin.';

/** One attempt; waits until the screen has answered (the password field is emptied). */
async function attempt(page: Page, username: string, password: string, labels = { username: 'Nama pengguna', password: 'Kata sandi', submit: 'Masuk' }) {
  await page.getByLabel(labels.username, { exact: true }).fill(username);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await expect(page.getByLabel(labels.password, { exact: true })).toHaveValue('', { timeout: 20_000 });
}

test('five wrong passwords lock the username for 30 s, even after a reload; then the right password signs in', async ({ page }) => {
  await setUpOffice(page);
  await signOut(page);
  const t0 = Date.now();
  await page.clock.setFixedTime(t0);

  for (let i = 1; i <= 4; i++) {
    await attempt(page, 'admin', `salah-${i}`);
    await expect(alertWith(page, WRONG)).toBeVisible();
  }
  await attempt(page, 'admin', 'salah-5');
  await expect(alertWith(page, waitId(30))).toBeVisible();
  await expect(page.getByLabel('Nama pengguna', { exact: true })).toHaveValue('admin');

  // The right password is refused while the lock lasts, without being checked.
  await page.clock.setFixedTime(t0 + 10_000);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(alertWith(page, waitId(20))).toBeVisible();
  await expect(page.getByLabel('Nama pengguna', { exact: true })).toHaveValue('admin');
  await expect(page.getByRole('heading', { name: 'Masuk ke konsol' })).toBeVisible();

  // The count is kept on the device: a reload does not clear it.
  await page.reload();
  await page.clock.setFixedTime(t0 + 15_000);
  await attempt(page, 'Admin', PASSWORD);
  await expect(alertWith(page, waitId(15))).toBeVisible();

  // 30 s after the fifth failure the right password signs in...
  await page.clock.setFixedTime(t0 + 31_000);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Keluar akun', exact: true })).toBeVisible({ timeout: 20_000 });

  // ...and the success cleared the count: the next wrong password is just wrong.
  await signOut(page);
  await attempt(page, 'admin', 'salah-6');
  await expect(alertWith(page, WRONG)).toBeVisible();
});

test('a username nobody has is locked the same way (English)', async ({ page }) => {
  await setUpOffice(page);
  await signOut(page);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  await page.clock.setFixedTime(Date.now());
  const en = { username: 'Username', password: 'Password', submit: 'Sign in' };
  for (let i = 1; i <= 4; i++) {
    await attempt(page, 'tidak.ada', `salah-${i}`, en);
    await expect(alertWith(page, 'Wrong username or password.')).toBeVisible();
  }
  await attempt(page, 'tidak.ada', 'salah-5', en);
  await expect(alertWith(page, 'Too many attempts. Try again in 30 seconds.')).toBeVisible();
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue('tidak.ada');
});

test('a deactivated account: a wrong password is just wrong (and counted), only the right one says deactivated', async ({ page }) => {
  await setUpOffice(page);
  await createUser(page, BUDI.name, BUDI.username, BUDI.roles);
  const row = page.getByTestId(`user-${BUDI.username}`);
  await row.getByRole('button', { name: 'Nonaktifkan', exact: true }).click();
  await expect(row.getByRole('button', { name: 'Aktifkan', exact: true })).toBeVisible();
  await signOut(page);
  await page.clock.setFixedTime(Date.now());

  await attempt(page, BUDI.username, 'salah-1');
  await expect(alertWith(page, WRONG)).toBeVisible();
  await attempt(page, BUDI.username, PASSWORD);
  await expect(alertWith(page, INACTIVE)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Masuk ke konsol' })).toBeVisible();

  // Wrong passwords on it count toward the throttle like any other failure.
  for (let i = 2; i <= 4; i++) {
    await attempt(page, BUDI.username, `salah-${i}`);
    await expect(alertWith(page, WRONG)).toBeVisible();
    await expect(alertWith(page, INACTIVE)).toHaveCount(0);
  }
  await attempt(page, BUDI.username, 'salah-5');
  await expect(alertWith(page, waitId(30))).toBeVisible();
});

test('the wait counts down each second and the message goes away when the lock ends', async ({ page }) => {
  await setUpOffice(page);
  await signOut(page);
  const t0 = Date.now();
  await page.clock.install({ time: t0 });
  await page.clock.pauseAt(t0 + 1000);

  for (let i = 1; i <= 4; i++) await attempt(page, 'admin', `salah-${i}`);
  await attempt(page, 'admin', 'salah-5');
  await expect(alertWith(page, waitId(30))).toBeVisible();

  await page.clock.runFor(1000);
  await expect(alertWith(page, waitId(29))).toBeVisible();
  await page.clock.runFor(4000);
  await expect(alertWith(page, waitId(25))).toBeVisible();
  await page.clock.runFor(24_000);
  await expect(alertWith(page, waitId(1))).toBeVisible();
  await page.clock.runFor(1000);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The lock is over: the right password signs in (the console needs its timers running).
  await page.clock.resume();
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Keluar akun', exact: true })).toBeVisible({ timeout: 20_000 });
});

test('the lock screen answers and throttles the same way, and clears the wait when the lock ends', async ({ page }) => {
  await setUpOffice(page);
  await page.getByRole('button', { name: 'Kunci', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Konsol terkunci' })).toBeVisible();
  const t0 = Date.now();
  await page.clock.setFixedTime(t0);
  await expect(page.getByLabel('Nama pengguna', { exact: true })).toHaveValue('admin');
  /** One unlock attempt (the username is fixed on this screen). */
  const unlock = async (password: string) => {
    await page.getByLabel('Kata sandi', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Buka kunci', exact: true }).click();
    await expect(page.getByLabel('Kata sandi', { exact: true })).toHaveValue('', { timeout: 20_000 });
  };

  for (let i = 1; i <= 4; i++) {
    await unlock(`salah-${i}`);
    await expect(alertWith(page, WRONG)).toBeVisible();
  }
  await unlock('salah-5');
  await expect(alertWith(page, waitId(30))).toBeVisible();
  // The screen's own timer follows the clock: no new attempt needed to see the wait shrink or end.
  await page.clock.setFixedTime(t0 + 12_000);
  await expect(alertWith(page, waitId(18))).toBeVisible();
  await page.clock.setFixedTime(t0 + 30_000);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Buka kunci', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Keluar akun', exact: true })).toBeVisible({ timeout: 20_000 });
});
