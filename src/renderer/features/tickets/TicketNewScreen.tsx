/** Reception: a request from any channel becomes a ticket; its SLA clock starts at the reception time. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { officeCalendar, type OrgState } from '@shared/domain/org/state';
import { slaFor } from '@shared/domain/ticket/sla';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_CHANNELS, ticketReceptionSchema } from '@shared/domain/ticket/state';
import { newId } from '@shared/ids';
import { useCommand, useOrg } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { Empty, Field, FailureBanner, PageHeader } from '@renderer/components/ui';
import { fromOfficeInput, toOfficeInput } from '@shared/office-time';
import { slaTargetText } from './SlaClock';
import './tickets.css';
import { db } from '@renderer/store';
import { nipKey, type EmployeeState } from '@shared/domain/employee/state';
import { DateTextField } from '@renderer/components/DateInputs';
import { FormActions } from '@renderer/components/kit/FormActions';

const ticketForm = ticketReceptionSchema.extend({ receivedLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'ticket.errors.receivedAt') });
type FormIn = z.input<typeof ticketForm>;
type FormOut = z.output<typeof ticketForm>;

export function TicketNewScreen() {
  const { t } = useTranslation();
  const org = useOrg();
  // The form's default reception time is "now" in the office's zone: wait for the office.
  if (!org) return <Empty>{t('common.loading')}</Empty>;
  return <TicketNewForm org={org} />;
}

function TicketNewForm({ org }: { org: OrgState }) {
  const { t } = useTranslation();
  const { run, failure, setFailure, busy } = useCommand();
  const zone = org.timeZone;
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(ticketForm),
    defaultValues: {
      channel: 'phone', receivedLocal: toOfficeInput(new Date().toISOString(), zone), requesterName: '', requesterNip: '', requesterDepartment: '', requesterContact: '',
      category: 'hardware', priority: 'medium', subject: '', description: '', assetSerial: '',
    },
  });
  const { register, handleSubmit, formState, setFocus, setError, getValues, setValue } = form;
  // A NIP that matches an employee on file fills the requester's details and links the ticket
  // to that employee (their assets and access are one click away from the ticket).
  const [employee, setEmployee] = useState<EmployeeState | null>(null);
  const lookUpNip = async (raw: string) => {
    const nip = raw.replace(/\D/g, '');
    const found = nip ? ((await db.employees.where('keys').equals(nipKey(nip)).first()) ?? null) : null;
    setEmployee(found);
    if (!found) return;
    if (!getValues('requesterName').trim()) setValue('requesterName', found.name);
    if (!getValues('requesterDepartment').trim()) setValue('requesterDepartment', found.department);
    if (!getValues('requesterContact').trim() && found.email) setValue('requesterContact', found.email);
  };
  const e = formState.errors;
  const cal = officeCalendar(org);

  const onSubmit = handleSubmit(async ({ receivedLocal, ...v }) => {
    const receivedAt = fromOfficeInput(receivedLocal, zone);
    if (!receivedAt) return setError('receivedLocal', { message: 'ticket.errors.receivedAt' });
    const id = newId();
    const linked = employee && employee.nip === (v.requesterNip ?? '').replace(/\D/g, '') ? employee.id : undefined;
    const okay = await run({
      type: 'ticket.receive',
      input: { ...v, requesterNip: v.requesterNip || undefined, assetSerial: v.assetSerial || undefined, requesterEmployeeId: linked, receivedAt, id },
    });
    if (okay) navigate(`/tickets/${id}`);
  });
  // A refusal on receivedAt belongs to the reception-time field.
  const receivedError = e.receivedLocal?.message ?? (failure?.field === 'receivedAt' ? failure.message : undefined);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="ticket-new-title">
      <PageHeader id="ticket-new-title" title={t('ticket.new.title')} subtitle={t('ticket.new.subtitle')} />
      {failure?.field !== 'receivedAt' && <FailureBanner failure={failure} />}
      {Object.keys(e).length > 0 && (
        <div className="banner banner-error" role="alert">
          {t('common.fixErrors')}
        </div>
      )}
      <section className="card">
        <h2>{t('ticket.new.requesterSection')}</h2>
        <div className="grid-3">
          <Field label={t('ticket.fields.channel')} htmlFor="channel" error={e.channel?.message}>
            <select id="channel" {...register('channel')} autoFocus>
              {TICKET_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`ticket.channel.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('ticket.fields.receivedAt', { zone })} htmlFor="receivedLocal" error={receivedError} hint={t('ticket.new.receivedHint')}>
            <DateTextField kind="datetime" id="receivedLocal" control={form.control} name="receivedLocal" onValueChange={() => failure?.field === 'receivedAt' && setFailure(null)} />
          </Field>
          <div />
          <Field label={t('ticket.fields.requesterName')} htmlFor="requesterName" error={e.requesterName?.message}>
            <input id="requesterName" {...register('requesterName')} autoComplete="off" />
          </Field>
          <Field
            label={t('ticket.fields.requesterNip')}
            htmlFor="requesterNip"
            error={e.requesterNip?.message}
            hint={employee ? t('ticket.new.employeeFound', { name: employee.name, position: employee.position || employee.department }) : t('ticket.new.nipHint')}
          >
            <input id="requesterNip" {...register('requesterNip', { onBlur: (ev) => void lookUpNip(ev.target.value) })} inputMode="numeric" autoComplete="off" />
          </Field>
          <Field label={t('ticket.fields.requesterDepartment')} htmlFor="requesterDepartment" error={e.requesterDepartment?.message}>
            <input id="requesterDepartment" {...register('requesterDepartment')} autoComplete="off" />
          </Field>
          <Field label={t('ticket.fields.requesterContact')} htmlFor="requesterContact" error={e.requesterContact?.message} hint={t('ticket.new.contactHint')}>
            <input id="requesterContact" {...register('requesterContact')} autoComplete="off" />
          </Field>
        </div>
      </section>
      <section className="card">
        <h2>{t('ticket.new.problemSection')}</h2>
        <div className="grid-3">
          <Field label={t('ticket.fields.category')} htmlFor="category" error={e.category?.message}>
            <select id="category" {...register('category')}>
              {TICKET_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`ticket.category.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('ticket.fields.priority')} htmlFor="priority" error={e.priority?.message} hint={t('ticket.new.priorityHint')}>
            <select id="priority" {...register('priority')}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`ticket.priority.${p}`)} — {slaTargetText(t, slaFor(cal, org.sla, p))}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('ticket.fields.assetSerial')} htmlFor="assetSerial" error={e.assetSerial?.message} hint={t('ticket.new.serialHint')}>
            <input
              id="assetSerial"
              className="mono"
              {...register('assetSerial')}
              autoComplete="off"
              onKeyDown={(ev) => {
                // Scanners end with Enter: go on to the next field instead of submitting.
                if (ev.key === 'Enter') {
                  ev.preventDefault();
                  setFocus('subject');
                }
              }}
            />
          </Field>
          <Field label={t('ticket.fields.subject')} htmlFor="subject" error={e.subject?.message} wide>
            <input id="subject" {...register('subject')} autoComplete="off" />
          </Field>
          <Field label={t('ticket.fields.description')} htmlFor="description" error={e.description?.message} wide>
            <textarea id="description" rows={4} {...register('description')} />
          </Field>
        </div>
      </section>
      <FormActions submitLabel={t('ticket.new.submit')} busy={busy || formState.isSubmitting} onCancel={() => navigate('/tickets')} sticky />
    </form>
  );
}
