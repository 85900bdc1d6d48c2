// @vitest-environment jsdom
/**
 * The kit's FormActions (jsdom): cancel then the primary submit; cancel asks before throwing
 * away a filled form (useFormDraft's discard) and leaves only when the user agrees; busy
 * disables the submit and can say so; extra buttons sit between cancel and submit.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '@renderer/i18n';
import { FormActions } from '@renderer/components/kit/FormActions';
import { useFormDraft } from '@renderer/components/FormDraft';

afterEach(async () => {
  cleanup();
  localStorage.clear();
  await i18n.changeLanguage('id');
});

interface Values {
  note: string;
}

/** A form with a draft, as the long forms hold it. */
function DraftForm({ onLeave, onSubmit }: { onLeave: () => void; onSubmit: (v: Values) => void }) {
  const form = useForm<Values>({ defaultValues: { note: '' } });
  const drafts = useFormDraft(form, 'kit-test', { empty: { note: '' } });
  return (
    <form onSubmit={form.handleSubmit(onSubmit)}>
      {drafts.dialog}
      <label htmlFor="note">Catatan</label>
      <input id="note" {...form.register('note')} />
      <FormActions submitLabel="Kirim" discard={drafts.discard} onCancel={onLeave} />
    </form>
  );
}

describe('FormActions', () => {
  it('puts cancel before the primary submit, with the labels in the UI language', async () => {
    render(<FormActions submitLabel="Simpan" onCancel={() => undefined} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Batal', 'Simpan']);
    expect(buttons[1]!.getAttribute('type')).toBe('submit');
    expect(buttons[1]!.className).toContain('btn-primary');
    cleanup();
    await i18n.changeLanguage('en');
    render(<FormActions submitLabel="Save" onCancel={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('has no cancel without onCancel, and places extra buttons before the submit', () => {
    render(
      <FormActions submitLabel="Masuk">
        <button type="button">Ganti pengguna</button>
      </FormActions>,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Ganti pengguna', 'Masuk']);
  });

  it('disables the submit while busy and shows the busy label', () => {
    const { rerender } = render(<FormActions submitLabel="Kirim" busyLabel="Menyimpan…" busy={false} />);
    const submit = screen.getByRole('button') as HTMLButtonElement;
    expect(submit.disabled).toBe(false);
    rerender(<FormActions submitLabel="Kirim" busyLabel="Menyimpan…" busy />);
    expect(submit.disabled).toBe(true);
    expect(submit.getAttribute('aria-busy')).toBe('true');
    expect(submit.textContent).toBe('Menyimpan…');
  });

  it('leaves an empty form at once', async () => {
    const onLeave = vi.fn();
    render(<DraftForm onLeave={onLeave} onSubmit={() => undefined} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Batal' })));
    expect(onLeave).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
  });

  it('asks before throwing away a filled form: kept on "keep", left on "discard"', async () => {
    const onLeave = vi.fn();
    render(<DraftForm onLeave={onLeave} onSubmit={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Catatan'), { target: { value: 'printer lantai 2' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Batal' })));
    const dialog = await screen.findByRole('alertdialog', { hidden: true }); // jsdom does not open a <dialog>
    expect(dialog.textContent).toContain(i18n.t('desk.discard.title'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: i18n.t('desk.discard.keep'), hidden: true })));
    expect(onLeave).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Catatan') as HTMLInputElement).value).toBe('printer lantai 2');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Batal' })));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: i18n.t('desk.discard.confirm'), hidden: true })));
    expect(onLeave).toHaveBeenCalledOnce();
  });

  it('submits the form', async () => {
    const onSubmit = vi.fn();
    render(<DraftForm onLeave={() => undefined} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('Catatan'), { target: { value: 'x' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kirim' })));
    expect(onSubmit).toHaveBeenCalledOnce();
    expect(onSubmit.mock.calls[0]![0]).toEqual({ note: 'x' });
  });
});
