/**
 * First run → "Pulihkan dari cadangan": a fresh console takes a desk's backup file and its
 * passphrase (src/renderer/store/backup.ts restoreBackup). Any refusal says why and writes
 * nothing; after a restore the console shows the sign-in screen of the restored office. A token
 * the sync transport may still hold (this profile's keychain or storage) is forgotten first: the
 * restored console has a new device key, so it connects again through the transport (an admin's
 * sign-in with replaceKey, src/renderer/sync/connect.ts).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Failure } from '@shared/result';
import { FailureBanner, Field } from '@renderer/components/ui';
import { db } from '@renderer/store';
import { restoreBackup } from '@renderer/store/backup';
import { platform } from '@renderer/platform';
import { FormActions } from '@renderer/components/kit/FormActions';

const restoreFormSchema = z.object({
  file: z.custom<File | null>((v) => typeof File !== 'undefined' && v instanceof File, 'backup.errors.noFile').transform((v) => v!),
  passphrase: z.string(),
});
type RestoreFormIn = z.input<typeof restoreFormSchema>;

export function RestoreForm() {
  const { t } = useTranslation();
  const { register, control, handleSubmit, setValue, formState } = useForm<RestoreFormIn, unknown, z.output<typeof restoreFormSchema>>({
    resolver: zodResolver(restoreFormSchema),
    defaultValues: { file: null, passphrase: '' },
  });
  const [failure, setFailure] = useState<Failure | null>(null);
  const onSubmit = handleSubmit(async ({ file, passphrase }) => {
    setFailure(null);
    try {
      await platform.sync.disconnect().catch((error: unknown) => console.error('sync disconnect failed', error));
      const r = await restoreBackup(db, new Uint8Array(await file.arrayBuffer()), passphrase);
      if (!r.ok) {
        setFailure(r.error);
        if (r.error.code === 'wrong-passphrase') setValue('passphrase', '');
      }
    } catch (error) {
      console.error('restore failed', error);
      setFailure({ code: 'failed', message: 'errors.storeFailed' });
    }
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('backup.restore.title')}>
      <FailureBanner failure={failure} />
      <div className="grid-2">
        <Field label={t('backup.restore.file')} htmlFor="restore-file" hint={t('backup.restore.fileHint')} error={formState.errors.file?.message}>
          <Controller
            control={control}
            name="file"
            render={({ field }) => <input id="restore-file" type="file" accept=".mjbak,application/octet-stream" name={field.name} ref={field.ref} onBlur={field.onBlur} onChange={(e) => field.onChange(e.target.files?.[0] ?? null)} />}
          />
        </Field>
        <Field label={t('backup.restore.passphrase')} htmlFor="restore-passphrase">
          <input id="restore-passphrase" type="password" autoComplete="off" {...register('passphrase')} />
        </Field>
      </div>
      <p className="hint">{t('backup.restore.afterwards')}</p>
      <FormActions submitLabel={t('backup.restore.submit')} busyLabel={t('backup.restore.restoring')} busy={formState.isSubmitting} />
    </form>
  );
}
