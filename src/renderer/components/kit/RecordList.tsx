/**
 * The one shape of a list screen: a header (title, count, actions), a filter bar, a table of
 * records whose rows open the record, a pager, and the loading and empty states. Screens give
 * their columns and rows; the markup (test ids, row links, classes) is the same everywhere.
 *
 * Rows are keyboard-friendly: the cell marked `link` holds a real link to the record (Tab
 * reaches it, Enter opens it); a click anywhere else on the row opens the record as well,
 * except on the row's own links, buttons and inputs.
 */
import type { HTMLAttributes, MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '@renderer/app/router';
import { Empty, PageHeader, Pager } from '../ui';

export interface Column<R> {
  /** Unique within the table (React key). */
  key: string;
  /** The column heading (already translated); an empty heading takes `label` as its name. */
  header: ReactNode;
  /** The accessible name of a heading that shows nothing. */
  label?: string;
  cell: (row: R) => ReactNode;
  /** Class of the cells (`mono`, `small`, `nowrap`…), or per row. */
  className?: string | ((row: R) => string | undefined);
  /** Wrap the cell in the link to the row's record (`rowHref`). */
  link?: boolean;
}

export interface PagerState {
  page: number;
  hasMore: boolean;
  setPage: (page: number) => void;
}

export interface RecordListProps<R> {
  /** The page heading; without it the list renders as a card only (a tab's content). */
  title?: string;
  subtitle?: string;
  /** Shown beside the title when known. */
  count?: number;
  actions?: ReactNode;
  /** Between the header and the list's card: banners, tabs, a separate filter form. */
  above?: ReactNode;
  /** The filter bar at the top of the list's card. */
  filters?: ReactNode;
  /** Before the table inside the card (a hint). */
  intro?: ReactNode;
  columns: Column<R>[];
  /** `undefined` while loading. */
  rows: readonly R[] | undefined;
  rowKey: (row: R) => string;
  /** The record's route (`/visits/42`): rows open it and `link` cells link to it. */
  rowHref?: (row: R) => string;
  rowClassName?: (row: R) => string | undefined;
  /** Extra attributes of a row (`data-*` the tests use). */
  rowProps?: (row: R) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  /** What the empty list says. */
  empty: ReactNode;
  testId?: string;
  tableClassName?: string;
  pager?: PagerState;
  /** Render without the surrounding card (the host already draws one). */
  bare?: boolean;
}

const INTERACTIVE = 'a, button, input, select, textarea, label, summary';

/** The table alone (with its loading and empty states), for lists inside another screen's tab. */
export function RecordTable<R>(props: Omit<RecordListProps<R>, 'title' | 'subtitle' | 'count' | 'actions' | 'above' | 'filters' | 'intro' | 'pager' | 'bare'>) {
  const { t } = useTranslation();
  const { columns, rows, rowHref } = props;
  if (!rows) return <Empty>{t('common.loading')}</Empty>;
  if (rows.length === 0) return <Empty>{props.empty}</Empty>;
  const open = (row: R) => (e: MouseEvent<HTMLTableRowElement>) => {
    if ((e.target as Element).closest?.(INTERACTIVE)) return;
    navigate(rowHref!(row));
  };
  return (
    <table className={`table${rowHref ? ' table-click' : ''}${props.tableClassName ? ` ${props.tableClassName}` : ''}`} data-testid={props.testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} aria-label={c.label}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={props.rowKey(row)} className={props.rowClassName?.(row)} onClick={rowHref ? open(row) : undefined} {...props.rowProps?.(row)}>
            {columns.map((c) => {
              const content = c.cell(row);
              return (
                <td key={c.key} className={typeof c.className === 'function' ? c.className(row) : c.className}>
                  {c.link && rowHref ? <a href={`#${rowHref(row)}`}>{content}</a> : content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RecordList<R>(props: RecordListProps<R>) {
  const { title, subtitle, count, actions, above, filters, intro, pager, bare, ...table } = props;
  const body = (
    <>
      {filters}
      {intro}
      <RecordTable {...table} />
      {pager && <Pager {...pager} />}
    </>
  );
  return (
    <>
      {title && <PageHeader title={title} subtitle={subtitle} count={count} actions={actions} />}
      {above}
      {bare ? body : <section className="card">{body}</section>}
    </>
  );
}
