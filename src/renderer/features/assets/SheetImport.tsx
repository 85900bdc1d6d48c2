/**
 * A spreadsheet import (CSV or XLSX), whatever it brings in: the column mapping is guessed
 * from the header and can be changed; every row is checked (its own fields, then keys repeated
 * in the file or taken in the office) and its problems listed by spreadsheet row. Bad rows are
 * fixed in place or excluded; nothing is imported until none is left, and then everything is
 * imported in ONE commit. What differs per import (fields, conversion, checks, the command,
 * the texts) is its ImportSpec.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '@shared/domain/registry';
import { newId } from '@shared/ids';
import type { CellProblem, ColumnMapping, RowProblem, RowResult } from '@shared/sheet';
import { useCommand } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { Empty, FailureBanner, PageHeader } from '@renderer/components/ui';
import { platform } from '@renderer/platform';
import { leftOutCsv, readSheet, type Sheet } from './spreadsheet';

export interface ImportSpec<F extends string, I, Found> {
  /** The import's own texts, in the user's language. */
  texts: { title: string; subtitle: string; hint: string; submit: (count: number) => string; done: (count: number) => string };
  /** Where "done" links to, and Cancel goes. */
  listRoute: string;
  listLabel: string;
  fields: readonly F[];
  fieldLabel: (field: string) => string;
  guess: (headers: readonly string[]) => ColumnMapping<F>;
  convert: (cells: readonly unknown[], m: ColumnMapping<F>, id: string) => RowResult<I>;
  /** What the office already holds for these rows (asked once per conversion). */
  lookup: (rows: I[]) => Promise<Found>;
  /**
   * Problems across the kept rows: keys repeated in the file or taken in the office. A problem
   * with `choices` is a question the preview asks (which employee holds it?); the answer is
   * kept in `picks` by the row's id (`rowId`) and the problem goes away once answered.
   */
  check: (rows: I[], found: Found, picks: Readonly<Record<string, string>>) => (RowProblem & { choices?: { value: string; label: string }[] })[];
  /** The one command that imports the checked rows, and how many rows it changes; null when nothing would change. */
  command: (rows: I[], found: Found, picks: Readonly<Record<string, string>>) => { command: Command; count: number } | null;
  /** A row's stable id, for the answers to the preview's questions. */
  rowId?: (row: I) => string;
  /** A line above the problems describing what the import will do (e.g. new vs updated). */
  plan?: (rows: I[], found: Found, picks: Readonly<Record<string, string>>) => ReactNode;
}

const SHOWN = 200;

export function SheetImport<F extends string, I, Found>({ spec }: { spec: ImportSpec<F, I, Found> }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [fileName, setFileName] = useState('');
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [ids, setIds] = useState<string[]>([]);
  const [mapping, setMapping] = useState<ColumnMapping<F> | null>(null);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [lookedUp, setLookedUp] = useState<{ of: unknown; value: Found } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [picks, setPicks] = useState<Record<string, string>>({});
  /** Why each excluded row was excluded (its problems when it was). */
  const [excludedWhy, setExcludedWhy] = useState<Map<number, CellProblem[]>>(new Map());
  /** After an import: the rows left out, to fix and import again. */
  const [leftOut, setLeftOut] = useState<{ fileName: string; headers: string[]; rows: { row: number; cells: unknown[]; problems: string }[] } | null>(null);
  const [saveMessage, setSaveMessage] = useState<string | null>(null);

  const converted = useMemo(() => (sheet && mapping ? sheet.rows.map((cells, i) => spec.convert(cells, mapping, ids[i]!)) : []), [sheet, mapping, ids, spec]);
  // What the office holds of these rows' keys, asked once per conversion.
  useEffect(() => {
    const rows = converted.map((c) => c.input).filter((x): x is I => x !== undefined);
    let live = true;
    void spec.lookup(rows).then((value) => live && setLookedUp({ of: converted, value }));
    return () => {
      live = false;
    };
  }, [converted, spec]);
  // Only the answer for the rows on screen counts (an edit or a new file asks again).
  const found = lookedUp && lookedUp.of === converted ? lookedUp.value : null;
  const kept = useMemo(() => converted.map((c, i) => ({ c, i })).filter(({ c, i }) => c.input !== undefined && !excluded.has(i)), [converted, excluded]);
  const problems = useMemo(() => {
    const byRow = new Map<number, (CellProblem & { choices?: { value: string; label: string }[] })[]>();
    converted.forEach((c, i) => c.problems.length > 0 && !excluded.has(i) && byRow.set(i, [...c.problems]));
    if (found !== null) {
      for (const p of spec.check(kept.map(({ c }) => c.input!), found, picks)) {
        const i = kept[p.row]!.i;
        // "also on row n" counts rows checked; show the spreadsheet's row number (header = row 1).
        const params = p.params?.other !== undefined ? { ...p.params, other: kept[Number(p.params.other) - 1]!.i + 2 } : p.params;
        byRow.set(i, [...(byRow.get(i) ?? []), { field: p.field, message: p.message, params, choices: p.choices }]);
      }
    }
    return [...byRow].sort(([a], [b]) => a - b);
  }, [converted, excluded, found, kept, spec, picks]);
  const badRows = new Set(problems.map(([i]) => i));
  const good = kept.filter(({ i }) => !badRows.has(i)).map(({ c }) => c.input!);
  const planned = found !== null && problems.length === 0 && good.length > 0 ? spec.command(good, found, picks) : null;
  const exclude = (rows: number[]) => {
    const why = new Map(excludedWhy);
    for (const i of rows) why.set(i, problems.find(([r]) => r === i)?.[1] ?? []);
    setExcludedWhy(why);
    setExcluded(new Set([...excluded, ...rows]));
  };

  const load = async (file: File) => {
    setDone(null);
    setReadError(null);
    setLeftOut(null);
    setSaveMessage(null);
    setPicks({});
    setExcludedWhy(new Map());
    try {
      const s = await readSheet(file);
      if (s.headers.length === 0 || s.rows.length === 0) throw new Error('empty');
      setFileName(file.name);
      setIds(s.rows.map(() => newId()));
      setMapping(spec.guess(s.headers));
      setExcluded(new Set());
      setSheet(s);
    } catch {
      setSheet(null);
      setReadError(t('sheetImport.errors.unreadable'));
    }
  };

  const editCell = (row: number, field: F, value: string) => {
    if (!sheet || !mapping || mapping[field] < 0) return;
    const rows = sheet.rows.slice();
    const cells = rows[row]!.slice();
    cells[mapping[field]] = value;
    rows[row] = cells;
    setSheet({ ...sheet, rows });
  };

  const submit = async () => {
    if (!planned) return;
    if (await run(planned.command)) {
      setDone(planned.count);
      if (sheet && excluded.size > 0) {
        const text = (list: CellProblem[]) => list.map((p) => `${isField(p.field) ? spec.fieldLabel(p.field) : p.field}: ${t(p.message, p.params ?? {})}`).join('; ');
        setLeftOut({
          fileName,
          headers: sheet.headers,
          rows: [...excluded].sort((a, b) => a - b).map((i) => ({ row: i + 2, cells: sheet.rows[i]!, problems: text(excludedWhy.get(i) ?? []) || t('sheetImport.leftOut.byHand') })),
        });
      }
      setSheet(null);
    }
  };

  const isField = (f: string): f is F => (spec.fields as readonly string[]).includes(f);
  return (
    <div>
      <PageHeader title={spec.texts.title} subtitle={spec.texts.subtitle} />
      <FailureBanner failure={failure} />
      {done !== null && (
        <div className="banner banner-ok" role="status" data-testid="import-done">
          {spec.texts.done(done)} <a href={`#${spec.listRoute}`}>{spec.listLabel}</a>
        </div>
      )}
      <section className="card">
        <div className="field">
          <label htmlFor="import-file">{t('sheetImport.file')}</label>
          {/* The browser's own file button speaks the browser's language; this one speaks the user's. */}
          <div className="file-pick">
            <input id="import-file" className="visually-hidden" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => e.target.files?.[0] && void load(e.target.files[0])} />
            <label htmlFor="import-file" className="btn" aria-hidden="true">
              {t('sheetImport.choose')}
            </label>
            <span className="file-name">{fileName || t('sheetImport.noFile')}</span>
          </div>
        </div>
        {readError && (
          <div className="field-error" role="alert">
            {readError}
          </div>
        )}
        <p className="hint">{spec.texts.hint}</p>
      </section>
      {sheet && mapping && (
        <>
          <section className="card">
            <h2>{t('sheetImport.mapping', { file: fileName, count: sheet.rows.length })}</h2>
            <div className="import-mapping">
              {spec.fields.map((f) => (
                <label key={f} className="field">
                  <span>{spec.fieldLabel(f)}</span>
                  <select aria-label={spec.fieldLabel(f)} value={mapping[f]} onChange={(e) => setMapping({ ...mapping, [f]: Number(e.target.value) })}>
                    <option value={-1}>{t('sheetImport.notImported')}</option>
                    {sheet.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </section>
          <section className="card">
            <h2>{t('sheetImport.check')}</h2>
            <p role="status" data-testid="import-summary">
              {t('sheetImport.summary', { ready: good.length, bad: problems.length, excluded: excluded.size })}
            </p>
            {spec.plan && found !== null && problems.length === 0 && good.length > 0 && (
              <p role="status" data-testid="import-plan">
                {spec.plan(good, found, picks)}
              </p>
            )}
            {problems.length > 0 && (
              <>
                <div className="inline-actions">
                  <button type="button" className="btn" onClick={() => exclude(problems.map(([i]) => i))}>
                    {t('sheetImport.excludeAll')}
                  </button>
                </div>
                <div className="import-errors">
                  <table className="table" data-testid="import-errors">
                    <thead>
                      <tr>
                        <th>{t('sheetImport.row')}</th>
                        <th>{t('sheetImport.problem')}</th>
                        <th>{t('sheetImport.fix')}</th>
                        <th aria-label={t('common.actions')} />
                      </tr>
                    </thead>
                    <tbody>
                      {problems.slice(0, SHOWN).map(([i, list]) => (
                        <tr key={i} data-row={i + 2}>
                          <td>{i + 2}</td>
                          <td>
                            {list.map((p, k) => (
                              <div key={k}>
                                <strong>{isField(p.field) ? spec.fieldLabel(p.field) : p.field}</strong>: {t(p.message, p.params ?? {})}
                              </div>
                            ))}
                          </td>
                          <td>
                            {list
                              .filter((p) => p.choices)
                              .map((p, k) => (
                                <select
                                  key={`choice-${k}`}
                                  aria-label={`${t('sheetImport.choose')} ${i + 2}`}
                                  data-testid={`choice-${i + 2}`}
                                  value=""
                                  onChange={(e) => {
                                    const id = spec.rowId?.(converted[i]!.input!);
                                    if (id && e.target.value) setPicks({ ...picks, [id]: e.target.value });
                                  }}
                                >
                                  <option value="">{t('sheetImport.pick')}</option>
                                  {p.choices!.map((c) => (
                                    <option key={c.value} value={c.value}>
                                      {c.label}
                                    </option>
                                  ))}
                                </select>
                              ))}
                            {[...new Set(list.filter((p) => !p.choices).map((p) => p.field))]
                              .filter((f): f is F => isField(f) && mapping[f] >= 0)
                              .map((f) => (
                                <input
                                  key={f}
                                  aria-label={`${spec.fieldLabel(f)} ${i + 2}`}
                                  defaultValue={String(sheet.rows[i]![mapping[f]] ?? '')}
                                  onBlur={(e) => editCell(i, f, e.target.value)}
                                  onKeyDown={(e) => e.key === 'Enter' && editCell(i, f, (e.target as HTMLInputElement).value)}
                                />
                              ))}
                          </td>
                          <td>
                            <button type="button" className="btn btn-small" onClick={() => exclude([i])}>
                              {t('sheetImport.exclude')}
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {problems.length > SHOWN && <p className="hint">{t('sheetImport.more', { count: problems.length - SHOWN })}</p>}
                </div>
              </>
            )}
            {excluded.size > 0 && (
              <button
                type="button"
                className="btn btn-link"
                onClick={() => {
                  setExcluded(new Set());
                  setExcludedWhy(new Map());
                }}
              >
                {t('sheetImport.includeAgain')}
              </button>
            )}
          </section>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => navigate(spec.listRoute)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn-primary" disabled={busy || !planned} onClick={() => void submit()} data-testid="import-submit">
              {spec.texts.submit(planned?.count ?? good.length)}
            </button>
          </div>
        </>
      )}
      {leftOut && (
        <section className="card" data-testid="import-left-out" aria-labelledby="left-out-title">
          <h2 id="left-out-title">{t('sheetImport.leftOut.title', { count: leftOut.rows.length })}</h2>
          <p className="hint">{t('sheetImport.leftOut.hint')}</p>
          <div className="import-errors">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('sheetImport.row')}</th>
                  <th>{t('sheetImport.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {leftOut.rows.slice(0, SHOWN).map((r) => (
                  <tr key={r.row} data-row={r.row}>
                    <td>{r.row}</td>
                    <td>{r.problems}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="inline-actions">
            <button
              type="button"
              className="btn"
              onClick={async () => {
                const data = leftOutCsv(leftOut.headers, leftOut.rows, { row: t('sheetImport.leftOut.rowColumn'), problems: t('sheetImport.leftOut.problemColumn') });
                const base = leftOut.fileName.replace(/\.(csv|xlsx)$/i, '');
                const r = await platform.saveFile({ fileName: `${base}-${t('sheetImport.leftOut.fileSuffix')}.csv`, mimeType: 'text/csv', data });
                setSaveMessage(r.ok ? (r.data ? t('sheetImport.leftOut.saved', { count: leftOut.rows.length }) : null) : t(r.error.message));
              }}
            >
              {t('sheetImport.leftOut.download')}
            </button>
            {saveMessage && <span role="status">{saveMessage}</span>}
          </div>
        </section>
      )}
      {!sheet && done === null && !readError && <Empty>{t('sheetImport.empty')}</Empty>}
    </div>
  );
}
