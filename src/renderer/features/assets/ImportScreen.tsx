/**
 * Inventory import from CSV or XLSX: the column mapping is guessed from the header (Snipe-IT's
 * export names included) and can be changed; every row is checked (fields, dates, categories,
 * tags and serials unique in the file and in the office) and its problems listed by spreadsheet
 * row. Bad rows are fixed in place or excluded; nothing is imported until none is left, and
 * then everything is imported in ONE commit.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyProblems, takenKeys } from '../../../shared/domain/asset/commands';
import { guessMapping, IMPORT_FIELDS, rowToInput, type ColumnMapping, type ImportField } from '../../../shared/domain/asset/import';
import type { AssetInput } from '../../../shared/domain/asset/state';
import { newId } from '../../../shared/ids';
import { db } from '../../store';
import { dexieLookups } from '../../store/commit';
import { useCommand } from '../../app/hooks';
import { navigate } from '../../app/router';
import { Empty, FailureBanner, PageHeader } from '../../components/ui';
import { readSheet, type Sheet } from './spreadsheet';

interface Problem {
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

const SHOWN = 200;

export function ImportScreen() {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [fileName, setFileName] = useState('');
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [ids, setIds] = useState<string[]>([]);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [taken, setTaken] = useState<Record<string, string>>({});
  const [readError, setReadError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);

  const converted = useMemo(() => (sheet && mapping ? sheet.rows.map((cells, i) => rowToInput(cells, mapping, ids[i]!)) : []), [sheet, mapping, ids]);
  // Tags and serials already in the office, asked once per conversion.
  useEffect(() => {
    const rows = converted.map((c) => c.input).filter((x): x is AssetInput => !!x);
    let live = true;
    void takenKeys(dexieLookups(db), rows).then((found) => live && setTaken(found));
    return () => {
      live = false;
    };
  }, [converted]);
  const problems = useMemo(() => {
    const byRow = new Map<number, Problem[]>();
    converted.forEach((c, i) => c.problems.length > 0 && !excluded.has(i) && byRow.set(i, [...c.problems]));
    const kept = converted.map((c, i) => ({ c, i })).filter(({ c, i }) => c.input && !excluded.has(i));
    for (const p of keyProblems(kept.map(({ c }) => c.input!), taken)) {
      const i = kept[p.row]!.i;
      const params = p.params?.other !== undefined ? { ...p.params, other: kept[Number(p.params.other) - 1]!.i + 2 } : p.params;
      byRow.set(i, [...(byRow.get(i) ?? []), { field: p.field, message: p.message, params }]);
    }
    return [...byRow].sort(([a], [b]) => a - b);
  }, [converted, excluded, taken]);
  const badRows = new Set(problems.map(([i]) => i));
  const ready = converted.filter((c, i) => c.input && !excluded.has(i) && !badRows.has(i)).length;

  const load = async (file: File) => {
    setDone(null);
    setReadError(null);
    try {
      const s = await readSheet(file);
      if (s.headers.length === 0 || s.rows.length === 0) throw new Error('empty');
      setFileName(file.name);
      setIds(s.rows.map(() => newId()));
      setMapping(guessMapping(s.headers));
      setExcluded(new Set());
      setSheet(s);
    } catch {
      setSheet(null);
      setReadError(t('asset.import.errors.unreadable'));
    }
  };

  const editCell = (row: number, field: ImportField, value: string) => {
    if (!sheet || !mapping || mapping[field] < 0) return;
    const rows = sheet.rows.slice();
    const cells = rows[row]!.slice();
    cells[mapping[field]] = value;
    rows[row] = cells;
    setSheet({ ...sheet, rows });
  };

  const submit = async () => {
    const rows = converted.filter((c, i) => c.input && !excluded.has(i)).map((c) => c.input!);
    if (await run({ type: 'asset.import', input: { rows } })) {
      setDone(rows.length);
      setSheet(null);
    }
  };

  return (
    <div>
      <PageHeader title={t('asset.import.title')} subtitle={t('asset.import.subtitle')} />
      <FailureBanner failure={failure} />
      {done !== null && (
        <div className="banner banner-ok" role="status" data-testid="import-done">
          {t('asset.import.done', { count: done })}{' '}
          <a href="#/assets">{t('asset.import.toInventory')}</a>
        </div>
      )}
      <section className="card">
        <label className="field" htmlFor="import-file">
          <span>{t('asset.import.file')}</span>
          <input id="import-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => e.target.files?.[0] && void load(e.target.files[0])} />
        </label>
        {readError && (
          <div className="field-error" role="alert">
            {readError}
          </div>
        )}
        <p className="hint">{t('asset.import.hint')}</p>
      </section>
      {sheet && mapping && (
        <>
          <section className="card">
            <h2>{t('asset.import.mapping', { file: fileName, count: sheet.rows.length })}</h2>
            <div className="import-mapping">
              {IMPORT_FIELDS.map((f) => (
                <label key={f} className="field">
                  <span>{t(`asset.import.fields.${f}`)}</span>
                  <select aria-label={t(`asset.import.fields.${f}`)} value={mapping[f]} onChange={(e) => setMapping({ ...mapping, [f]: Number(e.target.value) })}>
                    <option value={-1}>{t('asset.import.notImported')}</option>
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
            <h2>{t('asset.import.check')}</h2>
            <p role="status" data-testid="import-summary">
              {t('asset.import.summary', { ready, bad: problems.length, excluded: excluded.size })}
            </p>
            {problems.length > 0 && (
              <>
                <div className="inline-actions">
                  <button type="button" className="btn" onClick={() => setExcluded(new Set([...excluded, ...problems.map(([i]) => i)]))}>
                    {t('asset.import.excludeAll')}
                  </button>
                </div>
                <div className="import-errors">
                  <table className="table" data-testid="import-errors">
                    <thead>
                      <tr>
                        <th>{t('asset.import.row')}</th>
                        <th>{t('asset.import.problem')}</th>
                        <th>{t('asset.import.fix')}</th>
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
                                <strong>{t(`asset.import.fields.${p.field === 'accessories' ? 'serial' : p.field}`, { defaultValue: p.field })}</strong>: {t(p.message, p.params ?? {})}
                              </div>
                            ))}
                          </td>
                          <td>
                            {[...new Set(list.map((p) => p.field))]
                              .filter((f): f is ImportField => (IMPORT_FIELDS as readonly string[]).includes(f) && mapping[f as ImportField] >= 0)
                              .map((f) => (
                                <input
                                  key={f}
                                  aria-label={`${t(`asset.import.fields.${f}`)} ${i + 2}`}
                                  defaultValue={String(sheet.rows[i]![mapping[f]] ?? '')}
                                  onBlur={(e) => editCell(i, f, e.target.value)}
                                  onKeyDown={(e) => e.key === 'Enter' && editCell(i, f, (e.target as HTMLInputElement).value)}
                                />
                              ))}
                          </td>
                          <td>
                            <button type="button" className="btn btn-small" onClick={() => setExcluded(new Set([...excluded, i]))}>
                              {t('asset.import.exclude')}
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {problems.length > SHOWN && <p className="hint">{t('asset.import.more', { count: problems.length - SHOWN })}</p>}
                </div>
              </>
            )}
            {excluded.size > 0 && (
              <button type="button" className="btn btn-link" onClick={() => setExcluded(new Set())}>
                {t('asset.import.includeAgain')}
              </button>
            )}
          </section>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => navigate('/assets')}>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn-primary" disabled={busy || problems.length > 0 || ready === 0} onClick={() => void submit()} data-testid="import-submit">
              {t('asset.import.submit', { count: ready })}
            </button>
          </div>
        </>
      )}
      {!sheet && done === null && !readError && <Empty>{t('asset.import.empty')}</Empty>}
    </div>
  );
}
