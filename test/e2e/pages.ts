/**
 * Page objects and helpers for the end-to-end tests. Locators are by role, label or test id,
 * in the UI's default language (Indonesian) unless a helper takes `lang`. Every step waits for
 * a visible outcome (no sleeps). Passwords go through PBKDF2 (600k iterations), so each
 * sign-in and each created user costs about a second: tests sign in only when they must.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const PASSWORD = 'Rahasia123';

export type Lang = 'id' | 'en';
export type Role = 'officer' | 'approver' | 'technician' | 'security_lead' | 'admin' | 'auditor';

/** Role titles as the user screen shows them (id.json `roles`). */
const ROLE_TITLES: Record<Role, string> = {
  officer: 'Petugas IT Server',
  approver: 'Pemberi Persetujuan',
  technician: 'Tim Teknis',
  security_lead: 'Kasi Keamanan Jaringan',
  admin: 'Admin',
  auditor: 'Auditor',
};

/** The few labels the helpers need in both languages (id.json / en.json). */
const L = {
  id: {
    setupTitle: 'Pengaturan awal Meja IT',
    orgName: 'Nama instansi / perusahaan',
    unit: 'Unit kerja',
    timeZone: 'Zona waktu kantor',
    address: 'Alamat (untuk kop surat)',
    fullName: 'Nama lengkap',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    passwordAgain: 'Ulangi kata sandi',
    setupSubmit: 'Simpan dan mulai',
    signInTitle: 'Masuk ke konsol',
    signIn: 'Masuk',
    signOut: 'Keluar akun',
  },
  en: {
    setupTitle: 'Set up Meja IT',
    orgName: 'Agency / company name',
    unit: 'Unit',
    timeZone: 'Office time zone',
    address: 'Address (for the letterhead)',
    fullName: 'Full name',
    username: 'Username',
    password: 'Password',
    passwordAgain: 'Repeat password',
    setupSubmit: 'Save and start',
    signInTitle: 'Sign in to the console',
    signIn: 'Sign in',
    signOut: 'Sign out',
  },
} as const;

/** A database name no other test uses (the renderer opens IndexedDB `meja-it-<name>`). */
export function uniqueDb(prefix = 'e2e'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface Office {
  db: string;
  /** `/?db=<db>`: the console's address for this test. */
  path: string;
  name: string;
  unit: string;
  address: string;
  admin: { name: string; username: string };
}

/**
 * Opens a fresh console and completes first-run setup: the office profile and the first admin,
 * who is then signed in. `lang: 'en'` switches the setup screen to English first.
 */
export async function setUpOffice(page: Page, opts: { lang?: Lang; db?: string; name?: string } = {}): Promise<Office> {
  const lang = opts.lang ?? 'id';
  const l = L[lang];
  const db = opts.db ?? uniqueDb();
  const office: Office = {
    db,
    path: `/?db=${db}`,
    name: opts.name ?? 'Dinas Komunikasi dan Informatika Kota Makassar',
    unit: 'Bidang Teknologi Informasi dan Komunikasi',
    address: 'Jl. Jend. Ahmad Yani No. 2, Makassar 90111',
    admin: { name: 'Andi Pratama', username: 'admin' },
  };
  await page.goto(office.path);
  await expect(page.getByRole('heading', { name: L.id.setupTitle })).toBeVisible();
  if (lang === 'en') {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { name: l.setupTitle })).toBeVisible();
  }
  await page.getByLabel(l.orgName).fill(office.name);
  await page.getByLabel(l.unit, { exact: true }).fill(office.unit);
  await page.getByLabel(l.timeZone).selectOption('WITA');
  await page.getByLabel(l.address).fill(office.address);
  await page.getByLabel(l.fullName, { exact: true }).fill(office.admin.name);
  await page.getByLabel(l.username, { exact: true }).fill(office.admin.username);
  await page.getByLabel(l.password, { exact: true }).fill(PASSWORD);
  await page.getByLabel(l.passwordAgain).fill(PASSWORD);
  await page.getByRole('button', { name: l.setupSubmit }).click();
  await expect(page.getByRole('button', { name: l.signOut, exact: true })).toBeVisible({ timeout: 20_000 });
  return office;
}

/** Follows a link in the sidebar (names may carry a count, e.g. "Di Dalam Sekarang 1"). */
export async function openNav(page: Page, label: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: /^(Navigasi utama|Main navigation)$/ });
  await nav.getByRole('link', { name: new RegExp(`^${escapeRegExp(label)}`) }).click();
}

/** Goes to a route inside the console without reloading (the session lives in memory). */
export async function goToRoute(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    location.hash = r;
  }, route);
}

export async function signIn(page: Page, username: string, password = PASSWORD, lang: Lang = 'id'): Promise<void> {
  const l = L[lang];
  await expect(page.getByRole('heading', { name: l.signInTitle })).toBeVisible();
  await page.getByLabel(l.username).fill(username);
  await page.getByLabel(l.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: l.signIn, exact: true }).click();
  await expect(page.getByRole('button', { name: l.signOut, exact: true })).toBeVisible({ timeout: 20_000 });
}

export async function signOut(page: Page, lang: Lang = 'id'): Promise<void> {
  const l = L[lang];
  await page.getByRole('button', { name: l.signOut, exact: true }).click();
  await expect(page.getByRole('heading', { name: l.signInTitle })).toBeVisible();
}

/** As an admin: creates a user with exactly these roles (password PASSWORD). */
export async function createUser(page: Page, name: string, username: string, roles: Role[]): Promise<void> {
  await openNav(page, 'Pengguna');
  const form = page.getByRole('form', { name: 'Pengguna baru' });
  await form.getByLabel('Nama lengkap').fill(name);
  await form.getByLabel('Nama pengguna').fill(username);
  await form.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  for (const [role, title] of Object.entries(ROLE_TITLES)) {
    // The field label "Peran" is tied to the first checkbox too, so its name starts with "Peran ".
    await form.getByRole('checkbox', { name: new RegExp(`^(Peran )?${escapeRegExp(title)} `) }).setChecked(roles.includes(role as Role));
  }
  await form.getByRole('button', { name: 'Buat pengguna' }).click();
  const row = page.getByTestId(`user-${username}`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText(name);
  await expect(form.getByLabel('Nama lengkap')).toHaveValue('');
}

export interface UserData {
  name: string;
  username: string;
  roles: Role[];
}

/** The usual cast: an officer who registers, and an approver who decides. */
export const BUDI: UserData = { name: 'Budi Hartono', username: 'budi', roles: ['officer'] };
export const SARI: UserData = { name: 'Sari Wulandari', username: 'sari', roles: ['approver'] };

/** Sets the office up, has the admin create these users, and signs the admin out. */
export async function setUpOfficeWithUsers(page: Page, users: UserData[], opts: { db?: string } = {}): Promise<Office> {
  const office = await setUpOffice(page, opts);
  for (const u of users) await createUser(page, u.name, u.username, u.roles);
  await signOut(page);
  return office;
}

/** A refusal or field error, shown as an alert. */
export function alertWith(page: Page | Locator, text: string | RegExp): Locator {
  return page.getByRole('alert').filter({ hasText: text });
}

export interface DeviceData {
  serial: string;
  brandModel: string;
  kind?: 'laptop' | 'server' | 'disk' | 'network' | 'tool' | 'phone' | 'other';
}

export interface VisitData {
  visitorName: string;
  organisation: string;
  idType?: 'ktp' | 'sim' | 'passport' | 'employee_card' | 'other';
  idNumber: string;
  phone: string;
  purpose: string;
  workPlan: string;
  devices: DeviceData[];
}

export function visitData(overrides: Partial<VisitData> = {}): VisitData {
  return {
    visitorName: 'Rudi Hermawan',
    organisation: 'PT Data Nusantara',
    idType: 'ktp',
    idNumber: '3171011203850001',
    phone: '081234567890',
    purpose: 'Penggantian disk RAID server aplikasi',
    workPlan: 'Ganti 2 disk yang rusak pada server SIMPEG, rebuild RAID 5, uji layanan.',
    devices: [
      { serial: 'LPT-5CG1234XYZ', brandModel: 'HP EliteBook 840 G8', kind: 'laptop' },
      { serial: 'HDD-WD-7781A', brandModel: 'WD Gold 4TB', kind: 'disk' },
    ],
    ...overrides,
  };
}

/** The registration form (Daftarkan pengunjung ruang server). */
export const registerForm = {
  visitorName: (page: Page) => page.getByLabel('Nama lengkap pengunjung'),
  organisation: (page: Page) => page.getByLabel('Instansi / perusahaan'),
  idType: (page: Page) => page.getByLabel('Jenis tanda pengenal'),
  idNumber: (page: Page) => page.getByLabel('Nomor tanda pengenal'),
  phone: (page: Page) => page.getByLabel('Nomor telepon'),
  purpose: (page: Page) => page.getByLabel('Keperluan', { exact: true }),
  workPlan: (page: Page) => page.getByLabel('Rencana kerja', { exact: true }),
  brandModel: (page: Page, n: number) => page.getByLabel(`Merek / model ${n}`, { exact: true }),
  serial: (page: Page, n: number) => page.getByLabel(`Nomor seri ${n}`, { exact: true }),
  deviceKind: (page: Page, n: number) => page.getByLabel(`Jenis perangkat ${n}`, { exact: true }),
  submit: (page: Page) => page.getByRole('button', { name: 'Simpan dan ajukan persetujuan' }),
};

export async function openRegisterForm(page: Page): Promise<void> {
  await openNav(page, 'Daftarkan Pengunjung');
  await expect(page.getByRole('heading', { name: 'Daftarkan pengunjung ruang server' })).toBeVisible();
}

/**
 * Scans (types, then Enter) a serial into row n of the registration form: the focus moves on
 * to row n+1's serial field; then fills row n's brand and kind.
 */
export async function scanDevice(page: Page, device: DeviceData, n: number): Promise<void> {
  await registerForm.serial(page, n).fill(device.serial);
  await registerForm.serial(page, n).press('Enter');
  await expect(registerForm.serial(page, n)).toHaveValue(device.serial.toUpperCase());
  await expect(registerForm.serial(page, n + 1)).toBeFocused();
  await registerForm.brandModel(page, n).fill(device.brandModel);
  if (device.kind) await registerForm.deviceKind(page, n).selectOption(device.kind);
}

/** Fills the registration form (already open); devices by serial + Enter, one row each. */
export async function fillVisitForm(page: Page, data: VisitData): Promise<void> {
  await registerForm.visitorName(page).fill(data.visitorName);
  await registerForm.organisation(page).fill(data.organisation);
  await registerForm.idType(page).selectOption(data.idType ?? 'ktp');
  await registerForm.idNumber(page).fill(data.idNumber);
  await registerForm.phone(page).fill(data.phone);
  await registerForm.purpose(page).fill(data.purpose);
  await registerForm.workPlan(page).fill(data.workPlan);
  for (const [i, device] of data.devices.entries()) await scanDevice(page, device, i + 1);
}

const VISIT_URL = /#\/visits\/([0-9a-f-]{36})$/;

/** Submits the open registration form and waits for the new visit's page; returns its id. */
export async function submitVisit(page: Page, visitorName: string): Promise<string> {
  await registerForm.submit(page).click();
  await page.waitForURL(VISIT_URL);
  await expect(page.getByRole('heading', { level: 1, name: visitorName })).toBeVisible();
  return VISIT_URL.exec(page.url())![1]!;
}

/** As an officer: registers a visit and returns its id. */
export async function registerVisit(page: Page, data: VisitData): Promise<string> {
  await openRegisterForm(page);
  await fillVisitForm(page, data);
  return submitVisit(page, data.visitorName);
}

export async function openVisit(page: Page, id: string, visitorName?: string): Promise<void> {
  await goToRoute(page, `/visits/${id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Jejak audit' })).toBeVisible();
  if (visitorName) await expect(page.getByRole('heading', { level: 1, name: visitorName })).toBeVisible();
}

/** The action panels of the visit page, by their headings (id.json `visit.*.title`). */
export const panels = {
  decide: (page: Page) => page.getByRole('region', { name: 'Keputusan persetujuan' }),
  badge: (page: Page) => page.getByRole('region', { name: 'Serahkan kartu akses' }),
  enter: (page: Page) => page.getByRole('heading', { level: 2, name: 'Masuk ruang server' }),
  checkOut: (page: Page) => page.getByRole('region', { name: 'Keluar ruang server' }),
  activity: (page: Page) => page.getByRole('heading', { level: 2, name: 'Laporan aktivitas' }),
  cancel: (page: Page) => page.getByRole('heading', { level: 2, name: 'Batalkan kunjungan' }),
  archive: (page: Page) => page.getByRole('heading', { level: 2, name: 'Arsipkan formulir' }),
  correct: (page: Page) => page.getByRole('heading', { level: 2, name: 'Tambah koreksi' }),
};

/** As an approver, on the visit's page: approves it. */
export async function approveVisit(page: Page, id: string, visitorName: string): Promise<void> {
  await openVisit(page, id, visitorName);
  await panels.decide(page).getByRole('button', { name: 'Setujui', exact: true }).click();
  await expect(page.getByText(/^Disetujui oleh /)).toBeVisible();
  await expect(panels.decide(page)).toHaveCount(0);
}

/** As an officer, on an approved visit's page: hands over a badge (the first free one unless given). */
export async function issueBadge(page: Page, badge?: string): Promise<void> {
  const panel = panels.badge(page);
  if (badge) await panel.getByLabel('Kartu akses').fill(badge);
  await panel.getByRole('button', { name: 'Serahkan kartu' }).click();
}

export async function recordEntry(page: Page): Promise<void> {
  await expect(panels.enter(page)).toBeVisible();
  await page.getByRole('button', { name: 'Catat masuk sekarang' }).click();
  await expect(panels.checkOut(page)).toBeVisible();
}

/** The check-out panel. Its scan list is local state: it is lost when the page changes. */
export const checkOut = {
  scan: async (page: Page, serial: string) => {
    const field = panels.checkOut(page).getByLabel('Pindai / ketik nomor seri perangkat yang keluar');
    await field.fill(serial);
    await field.press('Enter');
    await expect(field).toHaveValue('');
  },
  device: (page: Page, serial: string): Locator => page.getByTestId(`reconcile-${serial}`),
  declareLeft: async (page: Page, serial: string, reason: string) => {
    const panel = panels.checkOut(page);
    await panel.getByRole('checkbox', { name: `Perangkat ${serial} ditinggal di dalam` }).check();
    await panel.getByLabel(`Alasan ${serial} ditinggal`).fill(reason);
  },
  outcome: (page: Page) => panels.checkOut(page).getByLabel('Hasil pekerjaan'),
  badgeReturned: (page: Page) => panels.checkOut(page).getByRole('checkbox', { name: /^Kartu akses .* sudah dikembalikan$/ }),
  idReturned: (page: Page) => panels.checkOut(page).getByRole('checkbox', { name: /sudah dikembalikan kepada pengunjung$/ }),
  submit: (page: Page) => panels.checkOut(page).getByRole('button', { name: 'Catat keluar' }),
};

/** Every text item of a PDF, in order, joined by spaces. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await doc.destroy();
  return parts.join(' ');
}

/**
 * Whether a PDF's text contains a phrase, ignoring whitespace and case (a PDF may split a run
 * of text into several items, and the letterhead prints the office name in capitals).
 */
export function pdfContains(text: string, phrase: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, '').toLocaleUpperCase('id');
  return squash(text).includes(squash(phrase));
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * With BUDI and SARI set up and nobody signed in: Budi registers the visits, Sari approves
 * them, and Budi is signed in again at the end. Returns the visits' ids.
 */
export async function registerAndApprove(page: Page, visits: VisitData[]): Promise<string[]> {
  await signIn(page, BUDI.username);
  const ids: string[] = [];
  for (const v of visits) ids.push(await registerVisit(page, v));
  await signOut(page);
  await signIn(page, SARI.username);
  for (const [i, v] of visits.entries()) await approveVisit(page, ids[i]!, v.visitorName);
  await signOut(page);
  await signIn(page, BUDI.username);
  return ids;
}

export interface EmployeeData {
  nip: string;
  name: string;
  department: string;
  position: string;
  email?: string;
}

/** Adds an employee through the Employees screen's form and waits for the list to show them. */
export async function addEmployee(page: Page, e: EmployeeData): Promise<void> {
  await openNav(page, 'Pegawai');
  const form = page.getByRole('form', { name: 'Tambah pegawai' });
  await form.getByLabel('NIP').fill(e.nip);
  await form.getByLabel('Nama', { exact: true }).fill(e.name);
  await form.getByLabel('Unit kerja').fill(e.department);
  await form.getByLabel('Jabatan').fill(e.position);
  await form.getByLabel('Email').fill(e.email ?? '');
  await form.getByRole('button', { name: 'Tambah' }).click();
  await expect(page.getByTestId('employees').getByRole('link', { name: e.name })).toBeVisible();
}
