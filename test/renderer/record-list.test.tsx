// @vitest-environment jsdom
/**
 * The kit's RecordList (jsdom): loading and empty states in the UI language, a filter that
 * narrows the rows and goes back to the first page, the pager, the count beside the title,
 * and rows that open their record by link (keyboard) or by a click elsewhere on the row.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@renderer/i18n';
import { RecordList, type Column } from '@renderer/components/kit/RecordList';

interface Row {
  id: string;
  name: string;
  kind: 'a' | 'b';
}

const columns: Column<Row>[] = [
  { key: 'name', header: 'Nama', link: true, cell: (r) => r.name },
  { key: 'kind', header: 'Jenis', className: 'mono', cell: (r) => r.kind },
];

afterEach(async () => {
  cleanup();
  location.hash = '';
  await i18n.changeLanguage('id');
});

const all: Row[] = Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, name: `Baris ${i}`, kind: i % 2 ? 'b' : 'a' }));

/** A list of `all`, two rows a page, with a kind filter, as a screen would hold it. */
function Harness() {
  const [kind, setKind] = useState<'' | 'a' | 'b'>('');
  const [page, setPage] = useState(0);
  const matching = all.filter((r) => !kind || r.kind === kind);
  return (
    <RecordList
      title="Daftar"
      count={matching.length}
      filters={
        <label>
          Jenis
          <select
            value={kind}
            onChange={(e) => {
              setPage(0);
              setKind(e.target.value as typeof kind);
            }}
          >
            <option value="">semua</option>
            <option value="a">a</option>
            <option value="b">b</option>
          </select>
        </label>
      }
      testId="rows"
      columns={columns}
      rows={matching.slice(page * 2, page * 2 + 2)}
      rowKey={(r) => r.id}
      rowHref={(r) => `/things/${r.id}`}
      empty="Tidak ada data."
      pager={{ page, hasMore: matching.length > (page + 1) * 2, setPage }}
    />
  );
}

const names = () => within(screen.getByTestId('rows')).getAllByRole('link').map((a) => a.textContent);

describe('RecordList', () => {
  it('says it is loading while the rows are undefined, in the UI language', async () => {
    render(<RecordList title="Daftar" columns={columns} rows={undefined} rowKey={(r: Row) => r.id} empty="Tidak ada data." testId="rows" />);
    expect(screen.getByText('Memuat…')).toBeTruthy();
    expect(screen.queryByTestId('rows')).toBeNull();
    cleanup();
    await i18n.changeLanguage('en');
    render(<RecordList title="List" columns={columns} rows={undefined} rowKey={(r: Row) => r.id} empty="Nothing." />);
    expect(screen.getByText('Loading…')).toBeTruthy();
  });

  it('shows the empty text and no table when there are no rows', () => {
    render(<RecordList title="Daftar" columns={columns} rows={[]} rowKey={(r: Row) => r.id} empty="Tidak ada data." testId="rows" />);
    expect(screen.getByText('Tidak ada data.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders the header, the columns and one row per record, with the count beside the title', () => {
    render(<Harness />);
    expect(screen.getByRole('heading', { level: 1, name: 'Daftar' })).toBeTruthy();
    expect(screen.getByTestId('page-count').textContent).toBe('5 data');
    const table = screen.getByTestId('rows');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Nama', 'Jenis']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('a', { selector: 'td' }).className).toBe('mono');
  });

  it('pages forwards and back, disabling what cannot be done', () => {
    render(<Harness />);
    const prev = screen.getByRole('button', { name: 'Sebelumnya' }) as HTMLButtonElement;
    const next = screen.getByRole('button', { name: 'Berikutnya' }) as HTMLButtonElement;
    expect(names()).toEqual(['Baris 0', 'Baris 1']);
    expect(prev.disabled).toBe(true);
    fireEvent.click(next);
    expect(names()).toEqual(['Baris 2', 'Baris 3']);
    expect(screen.getByText('Halaman 2')).toBeTruthy();
    fireEvent.click(next);
    expect(names()).toEqual(['Baris 4']);
    expect(next.disabled).toBe(true);
    fireEvent.click(prev);
    expect(names()).toEqual(['Baris 2', 'Baris 3']);
  });

  it('filters the rows and goes back to the first page', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Berikutnya' }));
    fireEvent.change(screen.getByLabelText('Jenis'), { target: { value: 'b' } });
    expect(names()).toEqual(['Baris 1', 'Baris 3']);
    expect(screen.getByText('Halaman 1')).toBeTruthy();
    expect(screen.getByTestId('page-count').textContent).toBe('2 data');
  });

  it('links each row to its record and opens it on a click anywhere on the row', () => {
    render(<Harness />);
    const link = screen.getByRole('link', { name: 'Baris 1' });
    expect(link.getAttribute('href')).toBe('#/things/r1');
    fireEvent.click(within(screen.getByTestId('rows')).getByText('b', { selector: 'td' }));
    expect(location.hash).toBe('#/things/r1');
  });
});
