/**
 * Handover (Berita Acara Serah Terima): pick the employee, scan each device or accessory serial
 * into the kit, note the email and access IT prepared, both parties sign (on screen or on
 * paper), and the assets become assigned in one commit. Then the form prints.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notIssuable } from '../../../shared/domain/asset/commands';
import { assetName, CONDITIONS, type AssetState, type Condition } from '../../../shared/domain/asset/state';
import { newId } from '../../../shared/ids';
import { db } from '../../store';
import { assetByCode } from '../../store/queries/assets';
import { useCommand } from '../../app/hooks';
import { SignatureSection } from '../../components/kit/SignatureSection';
import { navigate, useRoute } from '../../app/router';
import { Field, FailureBanner, PageHeader } from '../../components/ui';
import { EmployeePicker } from '../../components/EmployeePicker';
import { ScanInput } from './parts';
import { FormActions } from '../../components/kit/FormActions';

interface KitLine {
  asset: AssetState;
  condition: Condition;
  accessoryIds: string[];
}

export function HandoverScreen() {
  const { t } = useTranslation();
  const route = useRoute();
  const params = new URLSearchParams(route.split('?')[1] ?? '');
  const { run, failure, busy } = useCommand();
  const [employeeId, setEmployeeId] = useState(params.get('employee') ?? '');
  const [kit, setKit] = useState<KitLine[]>([]);
  const [scanError, setScanError] = useState<string | undefined>();
  const [text, setText] = useState({ emailPrepared: '', accessPrepared: '', notes: '', witnessName: '', witnessTitle: '' });
  const [paper, setPaper] = useState(false);
  const [sig, setSig] = useState<{ officer?: string; employee?: string }>({});
  const preset = params.get('asset');
  useLiveQuery(async () => {
    if (!preset || kit.length > 0) return null;
    const a = await db.assets.get(preset);
    if (a && !notIssuable(a)) setKit([{ asset: a, condition: a.condition, accessoryIds: a.accessories.filter((x) => !x.missing).map((x) => x.id) }]);
    return null;
  }, [preset]);

  const add = async (code: string) => {
    const a = await assetByCode(db, code);
    if (!a) return setScanError(t('asset.errors.unknownCode', { code }));
    if (kit.some((l) => l.asset.id === a.id)) return setScanError(t('handover.errors.duplicateItem'));
    const refusal = notIssuable(a);
    if (refusal) return setScanError(t(refusal.message, { ...refusal.params, status: t(`asset.status.${a.status}`) }));
    setScanError(undefined);
    setKit((k) => [...k, { asset: a, condition: a.condition, accessoryIds: a.accessories.filter((x) => !x.missing).map((x) => x.id) }]);
  };

  const submit = async () => {
    const id = newId();
    const ok = await run({
      type: 'handover.issue',
      input: { id, employeeId, items: kit.map((l) => ({ assetId: l.asset.id, condition: l.condition, accessoryIds: l.accessoryIds })), ...text, signatures: paper ? {} : sig, signedOnPaper: paper },
    });
    if (ok) navigate(`/print/assets/doc/${id}`);
  };
  const fieldError = (f: string) => (failure?.field === f || failure?.field?.startsWith(`${f}.`) ? failure.message : undefined);

  return (
    <form
      noValidate
      aria-labelledby="handover-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <PageHeader id="handover-title" title={t('handover.form.title')} subtitle={t('handover.form.subtitle')} />
      <FailureBanner failure={failure} />
      <section className="card">
        <div className="grid-3">
          <EmployeePicker id="h-employee" label={t('handover.fields.employee')} value={employeeId} onChange={setEmployeeId} error={fieldError('employeeId')} />
          <Field label={t('handover.fields.emailPrepared')} htmlFor="h-email" hint={t('handover.form.emailHint')}>
            <input id="h-email" value={text.emailPrepared} onChange={(e) => setText({ ...text, emailPrepared: e.target.value })} />
          </Field>
          <Field label={t('handover.fields.accessPrepared')} htmlFor="h-access" hint={t('handover.form.accessHint')}>
            <input id="h-access" value={text.accessPrepared} onChange={(e) => setText({ ...text, accessPrepared: e.target.value })} />
          </Field>
        </div>
      </section>
      <section className="card">
        <h2>{t('handover.form.kit')}</h2>
        <div className="scan-row">
          <ScanInput id="h-scan" label={t('handover.form.scan')} onScan={(c) => void add(c)} error={scanError} autoFocus />
        </div>
        {fieldError('items') && (
          <div className="field-error" role="alert">
            {t(fieldError('items')!, failure?.params ?? {})}
          </div>
        )}
        {kit.length > 0 && (
          <table className="table kit-table" data-testid="kit">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('asset.fields.tag')}</th>
                <th>{t('asset.fields.serial')}</th>
                <th>{t('asset.fields.brandModel')}</th>
                <th>{t('asset.fields.accessories')}</th>
                <th>{t('asset.fields.condition')}</th>
                <th aria-label={t('common.actions')} />
              </tr>
            </thead>
            <tbody>
              {kit.map((l, i) => (
                <tr key={l.asset.id}>
                  <td>{i + 1}</td>
                  <td className="mono">{l.asset.tag}</td>
                  <td className="mono">{l.asset.serial}</td>
                  <td>
                    {assetName(l.asset)}
                  </td>
                  <td>
                    {l.asset.accessories
                      .filter((x) => !x.missing)
                      .map((x) => (
                        <label key={x.id} className="small" style={{ display: 'block', fontWeight: 'normal' }}>
                          <input
                            type="checkbox"
                            checked={l.accessoryIds.includes(x.id)}
                            onChange={(e) =>
                              setKit(kit.map((k, j) => (j === i ? { ...k, accessoryIds: e.target.checked ? [...k.accessoryIds, x.id] : k.accessoryIds.filter((id) => id !== x.id) } : k)))
                            }
                          />{' '}
                          {t(`asset.accessory.${x.kind}`)} <span className="mono">{x.serial}</span>
                        </label>
                      ))}
                  </td>
                  <td>
                    <select aria-label={`${t('asset.fields.condition')} ${i + 1}`} value={l.condition} onChange={(e) => setKit(kit.map((k, j) => (j === i ? { ...k, condition: e.target.value as Condition } : k)))}>
                      {CONDITIONS.map((c) => (
                        <option key={c} value={c}>
                          {t(`asset.condition.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="btn btn-link" onClick={() => setKit(kit.filter((_, j) => j !== i))}>
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <SignatureSection
        idPrefix="h"
        texts={text}
        onTexts={(patch) => setText({ ...text, ...patch })}
        signers={[
          { key: 'officer', label: t('handover.form.sigOfficer') },
          { key: 'employee', label: t('handover.form.sigEmployee') },
        ]}
        onSign={(key, v) => setSig((s) => ({ ...s, [key]: v }))}
        onPaper={paper}
        setOnPaper={setPaper}
        witnessHint={t('handover.form.witnessHint')}
        errorOf={fieldError}
      />
      <FormActions submitLabel={t('handover.form.submit')} busy={busy} onCancel={() => history.back()} sticky />
    </form>
  );
}
