/** Admins edit the office profile (letterhead, time zone, badge pool, numbering, idle lock); the other features' settings cards follow. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { orgProfileSchema, parseBadgePool, type OrgState } from '@shared/domain/org/state';
import { useCommand, useOrg } from '@renderer/app/hooks';
import { Field, FailureBanner, PageHeader } from '@renderer/components/ui';
import { LogoInput } from '@renderer/components/LogoInput';
import { Slot } from '@renderer/app/Slot';
import { FormActions } from '@renderer/components/kit/FormActions';

const settingsForm = orgProfileSchema.omit({ badgePool: true }).extend({ badgePoolText: z.string().trim().min(1, 'setup.errors.badgePool') });
type SettingsIn = z.input<typeof settingsForm>;

function SettingsForm({ org }: { org: OrgState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const form = useForm<SettingsIn, unknown, z.output<typeof settingsForm>>({
    resolver: zodResolver(settingsForm),
    defaultValues: { name: org.name, unit: org.unit, address: org.address, city: org.city ?? '', timeZone: org.timeZone, docPrefix: org.docPrefix, idleLockMinutes: org.idleLockMinutes, logoDataUrl: org.logoDataUrl, badgePoolText: org.badgePool.join(', ') },
  });
  const { register, handleSubmit, formState, setValue, reset, control } = form;
  const logo = useWatch({ control, name: 'logoDataUrl' });
  // Said after a save until the next change: reset() clears formState.isSubmitSuccessful.
  const [saved, setSaved] = useState(false);
  const e = formState.errors;
  const onSubmit = handleSubmit(async ({ badgePoolText, ...v }) => {
    const ok = await run({ type: 'org.update', input: { ...v, logoDataUrl: v.logoDataUrl || undefined, badgePool: parseBadgePool(badgePoolText) } });
    setSaved(ok);
    // The saved values become the form's defaults, so a later change reads as one.
    if (ok) reset(form.getValues());
  });
  return (
    <form className="card" onSubmit={onSubmit} noValidate>
      <FailureBanner failure={failure} />
      {saved && !failure && !formState.isDirty && (
        <div className="banner banner-ok" role="status">
          {t('common.saved')}
        </div>
      )}
      <div className="grid-2">
        <Field label={t('setup.orgName')} htmlFor="s-name" error={e.name?.message} wide>
          <input id="s-name" {...register('name')} />
        </Field>
        <Field label={t('setup.unit')} htmlFor="s-unit" error={e.unit?.message}>
          <input id="s-unit" {...register('unit')} />
        </Field>
        <Field label={t('setup.timeZone')} htmlFor="s-zone">
          <select id="s-zone" {...register('timeZone')}>
            <option value="WIB">{t('zones.WIB')}</option>
            <option value="WITA">{t('zones.WITA')}</option>
            <option value="WIT">{t('zones.WIT')}</option>
          </select>
        </Field>
        <Field label={t('setup.address')} htmlFor="s-address" error={e.address?.message} wide>
          <textarea id="s-address" rows={2} {...register('address')} />
        </Field>
        <Field label={t('setup.city')} htmlFor="s-city" error={e.city?.message} hint={t('setup.cityHint')}>
          <input id="s-city" {...register('city')} />
        </Field>
        <Field label={t('setup.badgePool')} htmlFor="s-badges" error={e.badgePoolText?.message} hint={t('setup.badgePoolHint')}>
          <input id="s-badges" {...register('badgePoolText')} />
        </Field>
        <Field label={t('setup.docPrefix')} htmlFor="s-prefix" error={e.docPrefix?.message}>
          <input id="s-prefix" {...register('docPrefix')} />
        </Field>
        <Field label={t('setup.idleLock')} htmlFor="s-idle" error={e.idleLockMinutes?.message}>
          <input id="s-idle" type="number" min={1} max={240} {...register('idleLockMinutes', { valueAsNumber: true })} />
        </Field>
        <Field label={t('setup.logo')} htmlFor="s-logo" error={e.logoDataUrl?.message}>
          <LogoInput id="s-logo" value={logo} onChange={(v) => setValue('logoDataUrl', v, { shouldDirty: true, shouldValidate: true })} />
        </Field>
      </div>
      <FormActions submitLabel={t('common.save')} busy={busy} />
    </form>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const org = useOrg();
  return (
    <div>
      <PageHeader title={t('nav.settings')} subtitle={t('settings.subtitle')} />
      {org && <SettingsForm org={org} />}
      {/* Each feature's settings cards (the office's systems, backup jobs, the sync server, desk backups, …). */}
      {org && <Slot name="settingsCards" props={{ org }} />}
    </div>
  );
}
