/** The forms on an asset's page: maintenance visit (SOP 5 checklist), data wipe, manual status. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CONDITIONS, MANUAL_STATUSES, WIPE_METHODS, type AssetState } from '@shared/domain/asset/state';
import { newId } from '@shared/ids';
import { useCommand, useUsers } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import type { UserState } from '@shared/domain/user/state';
import { collectCosigners, type CosignProblem } from '../auth/public';
import { Field, FailureBanner } from '@renderer/components/ui';
import { FormActions } from '@renderer/components/kit/FormActions';

const CHECKS = ['antivirus', 'osPatched', 'passwordSet', 'removableMedia'] as const;

const maintenanceForm = z.object({
  antivirus: z.boolean(),
  osPatched: z.boolean(),
  passwordSet: z.boolean(),
  removableMedia: z.boolean(),
  condition: z.enum(CONDITIONS),
  notes: z.string().trim().max(1000, 'asset.errors.tooLong'),
});

export function MaintenanceForm({ asset }: { asset: AssetState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, reset, formState } = useForm<z.input<typeof maintenanceForm>, unknown, z.output<typeof maintenanceForm>>({
    resolver: zodResolver(maintenanceForm),
    defaultValues: { antivirus: false, osPatched: false, passwordSet: false, removableMedia: false, condition: asset.condition, notes: '' },
  });
  const onSubmit = handleSubmit(async (v) => {
    const { condition, notes, ...checklist } = v;
    if (await run({ type: 'asset.maintain', input: { id: asset.id, maintenanceId: newId(), checklist, condition, notes } })) reset({ antivirus: false, osPatched: false, passwordSet: false, removableMedia: false, condition, notes: '' });
  });
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="maint-title">
      <h2 id="maint-title">{t('asset.maintenance.record')}</h2>
      <FailureBanner failure={failure} />
      <div className="checklist" role="group" aria-label={t('asset.maintenance.checklist')}>
        {CHECKS.map((c) => (
          <label key={c}>
            <input type="checkbox" {...register(c)} /> {t(`asset.maintenance.checks.${c}`)}
          </label>
        ))}
      </div>
      <div className="grid-3">
        <Field label={t('asset.fields.condition')} htmlFor="m-condition">
          <select id="m-condition" {...register('condition')}>
            {CONDITIONS.map((c) => (
              <option key={c} value={c}>
                {t(`asset.condition.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('asset.maintenance.notes')} htmlFor="m-notes" error={failure?.field === 'notes' ? failure.message : formState.errors.notes?.message} hint={t('asset.maintenance.notesHint')} wide>
          <textarea id="m-notes" rows={2} {...register('notes')} />
        </Field>
      </div>
      <FormActions submitLabel={t('asset.maintenance.save')} busy={busy} />
    </form>
  );
}

const wipeForm = z.object({
  method: z.enum(WIPE_METHODS),
  tool: z.string().trim().min(2, 'asset.errors.wipeTool').max(100, 'asset.errors.tooLong'),
  operatorId: z.string().min(1, 'asset.errors.operatorRequired'),
  verifierId: z.string().min(1, 'asset.errors.verifierRequired'),
  notes: z.string().trim().max(1000, 'asset.errors.tooLong'),
});

export function WipeForm({ asset }: { asset: AssetState }) {
  const { t } = useTranslation();
  const me = useSessionStore((s) => s.user);
  const users = useUsers();
  const techs = [...users.values()].filter((u) => u.active && u.roles.some((r) => r === 'technician' || r === 'admin'));
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState, control } = useForm<z.input<typeof wipeForm>, unknown, z.output<typeof wipeForm>>({
    resolver: zodResolver(wipeForm),
    defaultValues: { method: 'nist_purge', tool: '', operatorId: me?.id ?? '', verifierId: '', notes: '' },
  });
  const [operatorId, verifierId] = useWatch({ control, name: ['operatorId', 'verifierId'] });
  // The other party (operator or verifier) countersigns here with their own password.
  const others = [...new Set([operatorId, verifierId])].filter((id) => id && id !== me?.id).map((id) => users.get(id)).filter((u): u is UserState => !!u);
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  const [cosignProblems, setCosignProblems] = useState<Record<string, CosignProblem>>({});
  const e = formState.errors;
  const fieldError = (f: string, own?: string) => (failure?.field === f ? failure.message : own);
  const onSubmit = handleSubmit(async (v) => {
    const collected = await collectCosigners(others, passwords);
    if ('problems' in collected) return setCosignProblems(collected.problems);
    setCosignProblems({});
    if (await run({ type: 'asset.wipe', input: { id: asset.id, ...v } }, { cosigners: collected.signers })) setPasswords({});
  });
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="wipe-title">
      <h2 id="wipe-title">{t('asset.wipe.title')}</h2>
      <p className="hint">{t('asset.wipe.hint')}</p>
      {failure && !failure.field && <FailureBanner failure={failure} />}
      <div className="wipe-grid">
        <Field label={t('asset.wipe.method')} htmlFor="w-method">
          <select id="w-method" {...register('method')}>
            {WIPE_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`asset.wipe.methods.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('asset.wipe.tool')} htmlFor="w-tool" error={fieldError('tool', e.tool?.message)}>
          <input id="w-tool" {...register('tool')} placeholder="DBAN, nwipe, Blancco…" />
        </Field>
        <Field label={t('asset.wipe.operator')} htmlFor="w-operator" error={fieldError('operatorId', e.operatorId?.message)}>
          <select id="w-operator" {...register('operatorId')}>
            <option value="">{t('common.choose')}</option>
            {techs.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('asset.wipe.verifier')} htmlFor="w-verifier" error={fieldError('verifierId', e.verifierId?.message)}>
          <select id="w-verifier" {...register('verifierId')}>
            <option value="">{t('common.choose')}</option>
            {techs.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('asset.fields.notes')} htmlFor="w-notes" wide>
          <textarea id="w-notes" rows={2} {...register('notes')} />
        </Field>
      </div>
      {others.map((u) => (
        <fieldset key={u.id} className="cosign" data-testid="cosign">
          <legend>{t('auth.cosign.title', { name: u.displayName })}</legend>
          <p className="hint">{t('auth.cosign.intro', { name: u.displayName })}</p>
          <Field label={t('auth.cosign.password', { name: u.displayName })} htmlFor={`cosign-${u.id}`} error={cosignProblems[u.id] ? t(cosignProblems[u.id]!.message, cosignProblems[u.id]!.params) : undefined}>
            <input
              id={`cosign-${u.id}`}
              type="password"
              autoComplete="off"
              value={passwords[u.id] ?? ''}
              onChange={(ev) => setPasswords((p) => ({ ...p, [u.id]: ev.target.value }))}
            />
          </Field>
        </fieldset>
      ))}
      <FormActions submitLabel={t('asset.wipe.save')} busy={busy} />
    </form>
  );
}

const statusForm = z.object({ status: z.enum(MANUAL_STATUSES), reason: z.string().trim().min(3, 'asset.errors.reason').max(500, 'asset.errors.tooLong') });

export function StatusForm({ asset }: { asset: AssetState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const options = MANUAL_STATUSES.filter((s) => s !== asset.status);
  const { register, handleSubmit, formState, reset } = useForm<z.input<typeof statusForm>, unknown, z.output<typeof statusForm>>({
    resolver: zodResolver(statusForm),
    defaultValues: { status: options[0] ?? 'in_stock', reason: '' },
  });
  const onSubmit = handleSubmit(async (v) => {
    if (await run({ type: 'asset.setStatus', input: { id: asset.id, ...v } })) reset({ status: options[0] ?? 'in_stock', reason: '' });
  });
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="status-title">
      <h2 id="status-title">{t('asset.statusForm.title')}</h2>
      <FailureBanner failure={failure} />
      <div className="grid-3">
        <Field label={t('asset.statusForm.to')} htmlFor="s-status">
          <select id="s-status" {...register('status')}>
            {options.map((s) => (
              <option key={s} value={s}>
                {t(`asset.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('asset.statusForm.reason')} htmlFor="s-reason" error={formState.errors.reason?.message} wide>
          <input id="s-reason" {...register('reason')} />
        </Field>
      </div>
      <FormActions submitLabel={t('asset.statusForm.save')} busy={busy} variant="plain" />
    </form>
  );
}
