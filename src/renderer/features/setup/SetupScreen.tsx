/** First run: the office profile and the first admin, created in one commit. */
import { zodResolver } from '@hookform/resolvers/zod';
import { lazy, Suspense, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { orgProfileSchema, parseBadgePool } from '@shared/domain/org/state';
import { newPasswordSchema, userProfileSchema } from '@shared/domain/user/state';
import { newId } from '@shared/ids';
import { newCredentials } from '../auth/public';
import type { Failure } from '@shared/result';
import { commit } from '@renderer/store/commit';
import { db } from '@renderer/store';
import { useSessionStore } from '@renderer/app/session-store';
import { Field, FailureBanner } from '@renderer/components/ui';
import { LanguageSwitch } from '@renderer/app/LanguageSwitch';
import { LogoInput } from '@renderer/components/LogoInput';
import { FormActions } from '@renderer/components/kit/FormActions';
import { useEntryValues } from '@renderer/entry/TakeOverEntry';

const setupForm = z
  .object({
    name: orgProfileSchema.shape.name,
    unit: orgProfileSchema.shape.unit,
    address: orgProfileSchema.shape.address,
    timeZone: orgProfileSchema.shape.timeZone,
    badgePoolText: z.string().trim().min(1, 'setup.errors.badgePool'),
    docPrefix: orgProfileSchema.shape.docPrefix,
    idleLockMinutes: orgProfileSchema.shape.idleLockMinutes,
    logoDataUrl: orgProfileSchema.shape.logoDataUrl,
    adminName: userProfileSchema.shape.displayName,
    adminUsername: userProfileSchema.shape.username,
    adminNip: userProfileSchema.shape.nip,
    password: newPasswordSchema,
    passwordAgain: z.string(),
  })
  .refine((v) => v.password === v.passwordAgain, { path: ['passwordAgain'], message: 'users.errors.passwordMismatch' })
  .refine((v) => orgProfileSchema.shape.badgePool.safeParse(parseBadgePool(v.badgePoolText)).success, {
    path: ['badgePoolText'],
    message: 'setup.errors.badgeDuplicate',
  });
type SetupForm = z.input<typeof setupForm>;

// Joining an office server and restoring a backup are the exceptions at first run: their forms are
// fetched when chosen, not with the first screen.
const ConnectServerForm = lazy(() => import('../sync/public').then((m) => ({ default: m.ConnectServerForm })));
const RestoreForm = lazy(() => import('../backup/public').then((m) => ({ default: m.RestoreForm })));

/** What the setup form starts with (also written into the prerendered first screen). */
export const SETUP_DEFAULTS = { name: '', unit: '', address: '', timeZone: 'WIB', badgePoolText: 'B-01..B-20', docPrefix: 'TIK', idleLockMinutes: 10, adminName: '', adminUsername: 'admin', adminNip: '', password: '', passwordAgain: '' } satisfies SetupForm;

export function SetupScreen() {
  const { t } = useTranslation();
  const signIn = useSessionStore((s) => s.signIn);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [joining, setJoining] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const form = useForm<SetupForm, unknown, z.output<typeof setupForm>>({
    resolver: zodResolver(setupForm),
    defaultValues: SETUP_DEFAULTS,
  });
  const { register, handleSubmit, formState, setValue, control } = form;
  const logo = useWatch({ control, name: 'logoDataUrl' });
  const e = formState.errors;
  // What was typed into the prerendered copy of this screen before the app loaded (entry/handoff.ts).
  useEntryValues('setup', (typed) => {
    for (const [name, value] of Object.entries(typed)) {
      if (!(name in SETUP_DEFAULTS)) continue;
      const field = name as keyof typeof SETUP_DEFAULTS;
      setValue(field, field === 'idleLockMinutes' ? (value === '' ? Number.NaN : Number(value)) : value, { shouldDirty: true });
    }
  });

  const onSubmit = handleSubmit(async (v) => {
    const adminId = newId();
    const creds = await newCredentials(v.password, adminId);
    const r = await commit(db, { actor: { userId: adminId, roles: ['admin'] }, key: creds.signingKey }, {
      type: 'org.setUp',
      input: {
        profile: { name: v.name, unit: v.unit, address: v.address, timeZone: v.timeZone, badgePool: parseBadgePool(v.badgePoolText), docPrefix: v.docPrefix, idleLockMinutes: v.idleLockMinutes, logoDataUrl: v.logoDataUrl || undefined },
        admin: { id: adminId, username: v.adminUsername, displayName: v.adminName, nip: v.adminNip || undefined, roles: ['admin'], password: creds.password, key: creds.key },
      },
    });
    if (!r.ok) return setFailure(r.error);
    const admin = await db.users.get(adminId);
    if (admin) signIn(admin, { key: creds.signingKey });
  });

  if (restoring)
    return (
      <div className="center-screen">
        <div className="card setup-card">
          <div className="card-top">
            <div>
              <h1>{t('backup.restore.title')}</h1>
              <p className="subtitle">{t('backup.restore.intro')}</p>
            </div>
            <LanguageSwitch />
          </div>
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <RestoreForm />
          </Suspense>
          <button type="button" className="btn btn-link" onClick={() => setRestoring(false)}>
            {t('sync.join.back')}
          </button>
        </div>
      </div>
    );

  if (joining)
    return (
      <div className="center-screen">
        <div className="card setup-card">
          <div className="card-top">
            <div>
              <h1>{t('sync.join.title')}</h1>
              <p className="subtitle">{t('sync.join.intro')}</p>
            </div>
            <LanguageSwitch />
          </div>
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <ConnectServerForm mode="join" />
          </Suspense>
          <button type="button" className="btn btn-link" onClick={() => setJoining(false)}>
            {t('sync.join.back')}
          </button>
        </div>
      </div>
    );

  return (
    <div className="center-screen">
      <form className="card setup-card" onSubmit={onSubmit} noValidate aria-labelledby="setup-title">
        <div className="card-top">
          <div>
            <h1 id="setup-title">{t('setup.title')}</h1>
            <p className="subtitle">{t('setup.intro')}</p>
          </div>
          <LanguageSwitch />
        </div>
        <FailureBanner failure={failure} />
        <div className="banner banner-info">
          {t('sync.join.question')}{' '}
          <button type="button" className="btn btn-link" onClick={() => setJoining(true)}>
            {t('sync.join.link')}
          </button>
          <br />
          {t('backup.restore.question')}{' '}
          <button type="button" className="btn btn-link" onClick={() => setRestoring(true)}>
            {t('backup.restore.link')}
          </button>
        </div>
        <fieldset>
          <legend>{t('setup.orgSection')}</legend>
          <div className="grid-2">
            <Field label={t('setup.orgName')} htmlFor="name" error={e.name?.message} wide>
              <input id="name" {...register('name')} autoFocus placeholder={t('setup.orgNamePlaceholder')} />
            </Field>
            <Field label={t('setup.unit')} htmlFor="unit" error={e.unit?.message}>
              <input id="unit" {...register('unit')} placeholder={t('setup.unitPlaceholder')} />
            </Field>
            <Field label={t('setup.timeZone')} htmlFor="timeZone" error={e.timeZone?.message}>
              <select id="timeZone" {...register('timeZone')}>
                <option value="WIB">{t('zones.WIB')}</option>
                <option value="WITA">{t('zones.WITA')}</option>
                <option value="WIT">{t('zones.WIT')}</option>
              </select>
            </Field>
            <Field label={t('setup.address')} htmlFor="address" error={e.address?.message} wide>
              <textarea id="address" rows={2} {...register('address')} />
            </Field>
            <Field label={t('setup.badgePool')} htmlFor="badgePoolText" error={e.badgePoolText?.message} hint={t('setup.badgePoolHint')}>
              <input id="badgePoolText" {...register('badgePoolText')} />
            </Field>
            <Field label={t('setup.docPrefix')} htmlFor="docPrefix" error={e.docPrefix?.message} hint={t('setup.docPrefixHint')}>
              <input id="docPrefix" {...register('docPrefix')} />
            </Field>
            <Field label={t('setup.idleLock')} htmlFor="idleLockMinutes" error={e.idleLockMinutes?.message}>
              <input id="idleLockMinutes" type="number" min={1} max={240} {...register('idleLockMinutes', { valueAsNumber: true })} />
            </Field>
            <Field label={t('setup.logo')} htmlFor="logo" error={e.logoDataUrl?.message}>
              <LogoInput id="logo" value={logo} onChange={(v) => setValue('logoDataUrl', v, { shouldValidate: true })} />
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('setup.adminSection')}</legend>
          <div className="grid-2">
            <Field label={t('users.displayName')} htmlFor="adminName" error={e.adminName?.message}>
              <input id="adminName" {...register('adminName')} autoComplete="name" />
            </Field>
            <Field label={t('users.nip')} htmlFor="adminNip" error={e.adminNip?.message} hint={t('users.nipHint')}>
              <input id="adminNip" {...register('adminNip')} inputMode="numeric" />
            </Field>
            <Field label={t('users.username')} htmlFor="adminUsername" error={e.adminUsername?.message}>
              <input id="adminUsername" {...register('adminUsername')} autoComplete="username" />
            </Field>
            <div />
            <Field label={t('users.password')} htmlFor="password" error={e.password?.message} hint={t('users.passwordHint')}>
              <input id="password" type="password" {...register('password')} autoComplete="new-password" />
            </Field>
            <Field label={t('users.passwordAgain')} htmlFor="passwordAgain" error={e.passwordAgain?.message}>
              <input id="passwordAgain" type="password" {...register('passwordAgain')} autoComplete="new-password" />
            </Field>
          </div>
        </fieldset>
        <FormActions submitLabel={t('setup.submit')} busyLabel={t('common.saving')} busy={formState.isSubmitting} />
      </form>
    </div>
  );
}
