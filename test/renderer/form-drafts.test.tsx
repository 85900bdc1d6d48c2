// @vitest-environment jsdom
/**
 * Drafts of long forms keep what the form holds beside its fields (`extra`): the access
 * request's ticked systems, the incident report's evidence file references. A change of the
 * extra state alone is kept, a remount restores it, discarding the draft empties it, and the
 * access form's rows come back by system name.
 */
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n from '@renderer/i18n';
import { draftKey, loadDraft, saveDraft } from '@renderer/app/drafts';
import { useSessionStore } from '@renderer/app/session-store';
import { useFormDraft } from '@renderer/components/FormDraft';
import { restoreRows, type Row } from '@renderer/features/access/draft-rows';
import { db } from '@renderer/store';
import type { UserState } from '@shared/domain/user/state';

const USER = { id: 'u-1', username: 'budi', displayName: 'Budi', roles: ['officer'] } as unknown as UserState;
const KEY = () => draftKey(db.name, USER.id, 'harness');

beforeEach(async () => {
  localStorage.clear();
  useSessionStore.setState({ user: USER });
  await i18n.changeLanguage('id');
});
afterEach(() => {
  cleanup();
  useSessionStore.setState({ user: null });
});

/** A form with one text field and a list of ticked names kept outside react-hook-form. */
function Harness() {
  const [ticked, setTicked] = useState<string[]>([]);
  const form = useForm<{ note: string }>({ defaultValues: { note: '' } });
  const drafts = useFormDraft(form, 'harness', {
    empty: { note: '' },
    extra: { value: ticked, empty: [], hasContent: (l) => l.length > 0, restore: (saved) => setTicked(Array.isArray(saved) ? (saved as string[]) : []) },
  });
  return (
    <div>
      {drafts.dialog}
      {drafts.banner}
      <input aria-label="note" {...form.register('note')} />
      <button type="button" onClick={() => setTicked((l) => [...l, `S${l.length + 1}`])}>
        tick
      </button>
      <output data-testid="ticked">{ticked.join(',')}</output>
    </div>
  );
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 350)));

describe('form drafts with extra state', () => {
  it('keeps a change of the extra state alone and restores it on the next mount', async () => {
    const first = render(<Harness />);
    fireEvent.click(screen.getByText('tick'));
    fireEvent.click(screen.getByText('tick'));
    await settle();
    expect(loadDraft(KEY())?.extra).toEqual(['S1', 'S2']);
    first.unmount();

    render(<Harness />);
    await settle();
    expect(screen.getByTestId('ticked').textContent).toBe('S1,S2');
    expect(screen.getByTestId('draft-restored')).toBeTruthy();
    // Typing keeps the restored extra state with the fields.
    fireEvent.input(screen.getByLabelText('note'), { target: { value: 'catatan' } });
    await settle();
    expect(loadDraft(KEY())).toMatchObject({ values: { note: 'catatan' }, extra: ['S1', 'S2'] });
  });

  it('writes a pending draft with its extra state when the form closes', async () => {
    const first = render(<Harness />);
    fireEvent.click(screen.getByText('tick'));
    await act(async () => {});
    first.unmount();
    expect(loadDraft(KEY())?.extra).toEqual(['S1']);
  });

  it('discarding the draft empties the extra state and drops the draft', async () => {
    saveDraft(KEY(), { note: '' }, new Date(), ['S1']);
    render(<Harness />);
    await settle();
    expect(screen.getByTestId('ticked').textContent).toBe('S1');
    fireEvent.click(screen.getByRole('button', { name: 'Buang draf' }));
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Buang draf', hidden: true }));
    await settle();
    expect(screen.getByTestId('ticked').textContent).toBe('');
    expect(loadDraft(KEY())).toBeUndefined();
  });
});

describe('restoreRows (access request draft)', () => {
  const rows: Row[] = [
    { system: 'SIMPEG', checked: false, level: 'read', scope: '' },
    { system: 'Email dinas', checked: false, level: 'read', scope: '' },
  ];

  it('puts ticks, levels and scopes back by system name, case-insensitively', () => {
    const out = restoreRows(rows, [{ system: 'simpeg', checked: true, level: 'write', scope: 'Bagian umum' }]);
    expect(out).toEqual([
      { system: 'SIMPEG', checked: true, level: 'write', scope: 'Bagian umum' },
      { system: 'Email dinas', checked: false, level: 'read', scope: '' },
    ]);
  });

  it('brings back a ticked system no longer on the list, drops an unticked one and anything malformed', () => {
    const out = restoreRows(rows, [
      { system: 'Aplikasi lama', checked: true, level: 'read', scope: '' },
      { system: 'Dihapus', checked: false, level: 'read', scope: '' },
      { system: 'SIMPEG', checked: true, level: 'superuser', scope: '' },
      null,
      'x',
    ]);
    expect(out.map((r) => [r.system, r.checked])).toEqual([
      ['SIMPEG', false],
      ['Email dinas', false],
      ['Aplikasi lama', true],
    ]);
    expect(restoreRows(rows, 'not a list')).toEqual(rows);
  });
});
