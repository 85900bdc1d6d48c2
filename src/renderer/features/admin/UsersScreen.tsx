/** Admins create users, set their roles, reset passwords and (de)activate them. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newPasswordSchema, userProfileSchema, type UserState } from '@shared/domain/user/state';
import { newId } from '@shared/ids';
import { newCredentials } from '../auth/public';
import { useSessionStore } from '@renderer/app/session-store';
import { ROLES, type Role } from '@shared/roles';
import { db } from '@renderer/store';
import { useCommand } from '@renderer/app/hooks';
import { Field, FailureBanner, PageHeader } from '@renderer/components/ui';
import { FormActions } from '@renderer/components/kit/FormActions';

const createForm = userProfileSchema.extend({ password: newPasswordSchema });
type CreateIn = z.input<typeof createForm>;

function RoleChecks({ value, onChange, idPrefix }: { value: Role[]; onChange: (r: Role[]) => void; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <div className="role-checks">
      {ROLES.map((r) => (
        <label key={r} className="check" htmlFor={`${idPrefix}-${r}`}>
          <input id={`${idPrefix}-${r}`} type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))} />
          <span>
            <strong>{t(`roles.${r}`)}</strong> <span className="muted small">{t(`roleHints.${r}`)}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

function CreateUser() {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const form = useForm<CreateIn, unknown, z.output<typeof createForm>>({
    resolver: zodResolver(createForm),
    defaultValues: { username: '', displayName: '', nip: '', roles: [], password: '' },
  });
  const { register, handleSubmit, formState, setValue, reset, control } = form;
  const roles = useWatch({ control, name: 'roles' });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    const creds = await newCredentials(v.password);
    const ok = await run({ type: 'user.create', input: { id: newId(), username: v.username, displayName: v.displayName, nip: v.nip || undefined, roles: v.roles, password: creds.password, key: creds.key } });
    if (ok) reset();
  });
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('users.newUser')}</h2>
      <FailureBanner failure={failure} />
      {Object.keys(e).length > 0 && (
        <div className="banner banner-error" role="alert" data-testid="new-user-errors">
          {t('common.fixErrors')}
        </div>
      )}
      <div className="grid-2">
        <Field label={t('users.displayName')} htmlFor="u-name" error={e.displayName?.message}>
          <input id="u-name" {...register('displayName')} />
        </Field>
        <Field label={t('users.nip')} htmlFor="u-nip" error={e.nip?.message} hint={t('users.nipHint')}>
          <input id="u-nip" {...register('nip')} inputMode="numeric" />
        </Field>
        <Field label={t('users.username')} htmlFor="u-username" error={e.username?.message}>
          <input id="u-username" {...register('username')} autoComplete="off" />
        </Field>
        <Field label={t('users.password')} htmlFor="u-password" error={e.password?.message} hint={t('users.passwordHint')}>
          <input id="u-password" type="password" {...register('password')} autoComplete="new-password" />
        </Field>
      </div>
      <fieldset className="roles-fieldset">
        <legend>{t('users.roles')}</legend>
        <RoleChecks idPrefix="u-roles" value={roles} onChange={(r) => setValue('roles', r, { shouldValidate: true })} />
        {e.roles?.message && (
          <div className="field-error" role="alert">
            {t(e.roles.message)}
          </div>
        )}
      </fieldset>
      <FormActions submitLabel={t('users.create')} busy={busy || formState.isSubmitting} />
    </form>
  );
}

const passwordForm = z.object({ password: newPasswordSchema });

/** An admin sets a user's new password (their own too: then the session signs with the new key). */
function PasswordForm({ user, run, busy }: { user: UserState; run: ReturnType<typeof useCommand>['run']; busy: boolean }) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState, reset } = useForm<z.input<typeof passwordForm>, unknown, z.output<typeof passwordForm>>({
    resolver: zodResolver(passwordForm),
    defaultValues: { password: '' },
  });
  const onSubmit = handleSubmit(async ({ password }) => {
    const self = useSessionStore.getState().user?.id === user.id;
    const creds = await newCredentials(password, self ? user.id : undefined);
    if (self) useSessionStore.getState().expectKey(creds.key.keyId);
    if (await run({ type: 'user.setPassword', input: { id: user.id, password: creds.password, key: creds.key } })) {
      reset();
      // An admin setting their own password rotates their key: sign with the new one.
      const session = useSessionStore.getState();
      const fresh = await db.users.get(user.id);
      if (session.user?.id === user.id && fresh) session.signIn(fresh, { key: creds.signingKey });
    } else if (self) useSessionStore.getState().expectKey(null);
  });
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)}>
      <Field label={t('users.newPassword')} htmlFor={`pw-${user.username}`} error={formState.errors.password?.message}>
        <input id={`pw-${user.username}`} type="password" {...register('password')} autoComplete="new-password" />
      </Field>
      <FormActions submitLabel={t('users.setPassword')} busy={busy || formState.isSubmitting} variant="plain" small />
    </form>
  );
}

function UserRow({ user }: { user: UserState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  return (
    <li className="user-row" data-testid={`user-${user.username}`}>
      <div className="user-row-head">
        <div>
          <strong>{user.displayName}</strong> <span className="muted">@{user.username}</span>
          {!user.active && <span className="tag tag-warn">{t('users.inactive')}</span>}
          <div className="small muted">{user.roles.map((r) => t(`roles.${r}`)).join(' · ')}</div>
        </div>
        <div className="row-actions">
          <button type="button" className="btn btn-small" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            {editing ? t('common.close') : t('common.edit')}
          </button>
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => run({ type: 'user.setActive', input: { id: user.id, active: !user.active } })}>
            {user.active ? t('users.deactivate') : t('users.activate')}
          </button>
        </div>
      </div>
      <FailureBanner failure={failure} />
      {editing && (
        <div className="user-edit">
          <RoleChecks idPrefix={`r-${user.username}`} value={roles} onChange={setRoles} />
          <div className="form-actions">
            <button type="button" className="btn btn-primary btn-small" disabled={busy} onClick={() => run({ type: 'user.update', input: { id: user.id, displayName: user.displayName, nip: user.nip, roles } })}>
              {t('users.saveRoles')}
            </button>
          </div>
          <PasswordForm user={user} run={run} busy={busy} />
        </div>
      )}
    </li>
  );
}

export function UsersScreen() {
  const { t } = useTranslation();
  const users = useLiveQuery(() => db.users.orderBy('username').toArray(), []) ?? [];
  return (
    <div>
      <PageHeader title={t('nav.users')} subtitle={t('users.subtitle')} />
      <div className="detail-grid">
        <section className="card">
          <h2>{t('users.list')}</h2>
          <ul className="user-list">
            {users.map((u) => (
              <UserRow key={u.id} user={u} />
            ))}
          </ul>
        </section>
        <CreateUser />
      </div>
    </div>
  );
}
