/**
 * Return (Berita Acara Pengembalian): every line of the handover still out is checked item by
 * item — scanned back (returned), flagged missing with a note, or kept when only part of a kit
 * is replaced. Returned devices go to awaiting wipe; the form prints with both signatures.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONDITIONS, type Condition } from '../../../shared/domain/asset/state';
import { RETURN_REASONS, type DocItem, type ReturnReason } from '../../../shared/domain/handover/state';
import { newId } from '../../../shared/ids';
import { normaliseSerial } from '../../../shared/validators/serial';
import { db } from '../../store';
import { useCommand } from '../../app/hooks';
import { SignatureSection } from '../../components/kit/SignatureSection';
import { navigate } from '../../app/router';
import { Empty, Field, FailureBanner, PageHeader } from '../../components/ui';
import { ScanInput, useAccessoryText, useEmployeeNames } from './parts';
import { FormActions } from '../../components/kit/FormActions';

type Result = '' | 'returned' | 'missing' | 'kept';
interface Line extends DocItem {
  key: string;
  check: Result;
  cond: Condition;
  note: string;
}

export function ReturnScreen({ handoverId }: { handoverId: string }) {
  const { t } = useTranslation();
  const { run, failure, setFailure, busy } = useCommand();
  const data = useLiveQuery(async () => {
    const doc = await db.handovers.get(handoverId);
    if (!doc) return null;
    const assets = await db.assets.bulkGet([...new Set(doc.items.map((i) => i.assetId))]);
    const out = new Set(assets.filter((a) => a && a.status === 'assigned' && a.handoverId === doc.id).map((a) => a!.id));
    return { doc, out };
  }, [handoverId]);
  const employees = useEmployeeNames(data?.doc ? [data.doc.employeeId] : []);
  const accessoryText = useAccessoryText();
  const [lines, setLines] = useState<Line[] | null>(null);
  const [reason, setReason] = useState<ReturnReason>('resignation');
  const [text, setText] = useState({ notes: '', witnessName: '', witnessTitle: '' });
  const [paper, setPaper] = useState(false);
  const [sig, setSig] = useState<{ officer?: string; employee?: string }>({});
  const [scanError, setScanError] = useState<string | undefined>();
  if (data === undefined) return <Empty>{t('common.loading')}</Empty>;
  if (data === null) return <Empty>{t('common.notFound')}</Empty>;
  const { doc, out } = data;
  const current: Line[] =
    lines ?? doc.items.filter((i) => out.has(i.assetId)).map((i) => ({ ...i, key: `${i.assetId}/${i.accessoryId ?? ''}`, check: '' as Result, cond: i.condition, note: '' }));
  const update = (key: string, patch: Partial<Line>) => setLines(current.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  if (current.length === 0) return <Empty>{t('handover.errors.nothingOut')}</Empty>;

  const scan = (code: string) => {
    const s = normaliseSerial(code);
    const line = current.find((l) => l.serial === s || (!l.accessoryId && l.tag.toUpperCase() === code.trim().toUpperCase()));
    if (!line) return setScanError(t('handover.errors.notInKit', { code }));
    setScanError(undefined);
    update(line.key, { check: 'returned' });
  };

  const submit = async () => {
    const open = current.find((l) => !l.check);
    if (open) return setFailure({ code: 'unreconciled', message: 'handover.errors.unreconciled', params: { serial: open.serial || open.description } });
    const id = newId();
    const ok = await run({
      type: 'handover.return',
      input: {
        id,
        handoverId: doc.id,
        reason,
        items: current.map((l) => ({ assetId: l.assetId, accessoryId: l.accessoryId, result: l.check as Exclude<Result, ''>, condition: l.cond, note: l.note })),
        ...text,
        signatures: paper ? {} : sig,
        signedOnPaper: paper,
      },
    });
    if (ok) navigate(`/print/assets/doc/${id}`);
  };
  const fieldError = (f: string) => (failure?.field === f ? failure.message : undefined);
  const done = current.filter((l) => l.check).length;

  return (
    <form
      noValidate
      aria-labelledby="return-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <PageHeader id="return-title" title={t('handover.return.title')} subtitle={t('handover.return.subtitle', { docNo: doc.docNo, name: employees.get(doc.employeeId)?.name ?? '' })} />
      <FailureBanner failure={failure} />
      <section className="card">
        <div className="grid-3">
          <Field label={t('handover.fields.reason')} htmlFor="r-reason" error={fieldError('reason')}>
            <select id="r-reason" value={reason} onChange={(e) => setReason(e.target.value as ReturnReason)}>
              {RETURN_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`handover.reason.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <ScanInput id="r-scan" label={t('handover.return.scan')} onScan={scan} error={scanError} autoFocus />
          <div className="field">
            <span className="hint" role="status" data-testid="return-progress">
              {t('handover.return.progress', { done, total: current.length })}
            </span>
          </div>
        </div>
        <table className="table kit-table" data-testid="return-lines">
          <thead>
            <tr>
              <th>{t('asset.fields.tag')}</th>
              <th>{t('asset.fields.serial')}</th>
              <th>{t('handover.fields.item')}</th>
              <th>{t('handover.return.check')}</th>
              <th>{t('asset.fields.condition')}</th>
              <th>{t('handover.return.note')}</th>
            </tr>
          </thead>
          <tbody>
            {current.map((l) => (
              <tr key={l.key} className={l.check === 'missing' ? 'line-missing' : l.check === 'kept' ? 'line-kept' : ''} data-serial={l.serial}>
                <td className="mono">{l.accessoryId ? '' : l.tag}</td>
                <td className="mono">{l.serial || '—'}</td>
                <td>{l.accessoryId ? `↳ ${accessoryText(l.description)}` : l.description}</td>
                <td>
                  <select aria-label={`${t('handover.return.check')} ${l.serial || l.description}`} value={l.check} onChange={(e) => update(l.key, { check: e.target.value as Result })}>
                    <option value="">{t('handover.return.unchecked')}</option>
                    <option value="returned">{t('handover.result.returned')}</option>
                    <option value="missing">{t('handover.result.missing')}</option>
                    <option value="kept">{t('handover.result.kept')}</option>
                  </select>
                </td>
                <td>
                  <select aria-label={`${t('asset.fields.condition')} ${l.serial || l.description}`} value={l.cond} disabled={l.check === 'missing'} title={l.check === 'missing' ? t('handover.print.notSeen') : undefined} onChange={(e) => update(l.key, { cond: e.target.value as Condition })}>
                    {CONDITIONS.map((c) => (
                      <option key={c} value={c}>
                        {t(`asset.condition.${c}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input type="text" aria-label={`${t('handover.return.note')} ${l.serial || l.description}`} value={l.note} onChange={(e) => update(l.key, { note: e.target.value })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <SignatureSection
        idPrefix="r"
        texts={text}
        onTexts={(patch) => setText({ ...text, ...patch })}
        signers={[
          { key: 'officer', label: t('handover.return.sigOfficer') },
          { key: 'employee', label: t('handover.return.sigEmployee') },
        ]}
        onSign={(key, v) => setSig((s) => ({ ...s, [key]: v }))}
        onPaper={paper}
        setOnPaper={setPaper}
        errorOf={fieldError}
      />
      <FormActions submitLabel={t('handover.return.submit')} busy={busy} onCancel={() => history.back()} sticky />
    </form>
  );
}
