// @vitest-environment jsdom
/**
 * The date, time and date-time fields (DateInputs.tsx): typed day first and 24-hour in both UI
 * languages, the value handed to the form unchanged ("YYYY-MM-DD", "HH:mm", "YYYY-MM-DDTHH:mm"),
 * unreadable text refused at the field and kept, arrow keys stepping the value.
 */
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '@renderer/i18n';
import { DateTextInput } from '@renderer/components/DateInputs';
import type { InputKind } from '@shared/office-time';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('id');
});

function Harness({ kind, initial, onValue }: { kind: InputKind; initial: string; onValue: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateTextInput kind={kind} aria-label="field" value={value} onChange={(v) => (setValue(v), onValue(v))} />
      <button type="button" onClick={() => setValue('2027-01-02T08:00')}>
        reset
      </button>
    </>
  );
}

describe('DateTextInput', () => {
  it('shows the submitted value day first with the format as placeholder, and hands back the same value shape', () => {
    const onValue = vi.fn();
    render(<Harness kind="datetime" initial="2026-10-05T14:05" onValue={onValue} />);
    const input = screen.getByLabelText('field') as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(input.value).toBe('05/10/2026 14:05');
    expect(input.placeholder).toBe('HH/BB/TTTT JJ:MM');
    fireEvent.change(input, { target: { value: '6/10/2026 7.30' } });
    expect(onValue).toHaveBeenLastCalledWith('2026-10-06T07:30');
    fireEvent.blur(input);
    expect(input.value).toBe('06/10/2026 07:30');
  });

  it('refuses unreadable text at the field, keeps it, and hands it on so the form refuses it too', () => {
    const onValue = vi.fn();
    render(<Harness kind="date" initial="" onValue={onValue} />);
    const input = screen.getByLabelText('field') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '31/02/2026' } });
    expect(onValue).toHaveBeenLastCalledWith('31/02/2026');
    expect(screen.queryByRole('alert')).toBeNull(); // not while typing
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toBe('Tanggal tidak terbaca. Tulis HH/BB/TTTT, misalnya 05/10/2026.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe('31/02/2026');
  });

  it('steps with the arrow keys and follows a value set from outside', () => {
    const onValue = vi.fn();
    render(<Harness kind="datetime" initial="2026-12-31T23:00" onValue={onValue} />);
    const input = screen.getByLabelText('field') as HTMLInputElement;
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.value).toBe('01/01/2027 23:00');
    expect(onValue).toHaveBeenLastCalledWith('2027-01-01T23:00');
    fireEvent.click(screen.getByText('reset'));
    expect(input.value).toBe('02/01/2027 08:00');
  });

  it('in English: the same day-first, 24-hour format and an English message', async () => {
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    render(<Harness kind="time" initial="07:30" onValue={() => undefined} />);
    const input = screen.getByLabelText('field') as HTMLInputElement;
    expect(input.placeholder).toBe('HH:MM');
    fireEvent.change(input, { target: { value: '7:30 PM' } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toBe('Time not recognised. Type HH:MM (24-hour), e.g. 14:05.');
  });
});
