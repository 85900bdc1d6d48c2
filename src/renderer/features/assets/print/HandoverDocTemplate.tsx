/**
 * Berita Acara Serah Terima (handover) and Berita Acara Pengembalian (return) of IT equipment:
 * A4, letterhead, document number, item table (tag, serial, description, condition), and the
 * signature blocks Yang Menyerahkan / Yang Menerima / Mengetahui — drawn signatures printed in
 * their boxes, or blank boxes with the names when signed on paper. Always in Indonesian.
 */
import type { OrgState } from '@shared/domain/org/state';
import type { EmployeeState } from '@shared/domain/employee/state';
import type { HandoverState } from '@shared/domain/handover/state';
import { splitAccessoryText } from '@shared/domain/asset/state';
import { formatDay, formatPrintDateTime, formatWeekday, localDate } from '@shared/office-time';
import i18n from '@renderer/i18n';
import { Letterhead } from '@renderer/print/Letterhead';

interface Party {
  name?: string;
  nip?: string;
  position?: string;
  signature?: string;
}

function SignedBox({ role, party }: { role: string; party: Party }) {
  return (
    <div className="sig-box">
      <div className="sig-role">{role}</div>
      <div className="sig-space sig-image-space">{party.signature && <img src={party.signature} alt="" className="sig-image" />}</div>
      <div className="sig-name">{party.name ? `( ${party.name} )` : '( ............................................ )'}</div>
      {party.nip !== undefined && <div className="sig-nip">NIP. {party.nip || '..............................'}</div>}
    </div>
  );
}

interface Props {
  org: OrgState;
  doc: HandoverState;
  employee?: EmployeeState;
  officer?: { name: string; nip?: string };
  /** The original handover's number, on a return. */
  handoverDocNo?: string;
  printedAt: string;
  printedBy: string;
}

export function HandoverDocTemplate({ org, doc, employee, officer, handoverDocNo, printedAt, printedBy }: Props) {
  const t = i18n.getFixedT('id');
  const isReturn = doc.docType === 'return';
  // Accessory lines are stored as "<kind>: <description>": print the kind in Indonesian.
  const accessory = (text: string) => {
    const parts = splitAccessoryText(text);
    return parts ? `${t(`asset.accessory.${parts.kind}`)}${parts.description ? `: ${parts.description}` : ''}` : text;
  };
  const day = formatWeekday(localDate(doc.at, org.timeZone), 'id');
  const emp: Party = { name: employee?.name, nip: employee?.nip ?? '', position: employee ? `${employee.position}${employee.position ? ', ' : ''}${employee.department}` : '', signature: doc.signatures.employee };
  const it: Party = { name: officer?.name, nip: officer?.nip ?? '', position: t('handover.print.officerPosition'), signature: doc.signatures.officer };
  const [first, second] = isReturn ? [emp, it] : [it, emp];
  const party = (p: Party) => (
    <table className="kv">
      <tbody>
        <tr><th>{t('handover.print.name')}</th><td>{p.name ?? '—'}</td></tr>
        <tr><th>NIP</th><td>{p.nip || '—'}</td></tr>
        <tr><th>{t('handover.print.position')}</th><td>{p.position || '—'}</td></tr>
      </tbody>
    </table>
  );
  return (
    <article className="print-doc handover-doc" data-testid="handover-doc">
      <Letterhead org={org} />
      <h1 className="doc-title">{isReturn ? t('handover.print.returnTitle') : doc.imported ? t('handover.print.importedTitle') : t('handover.print.handoverTitle')}</h1>
      <div className="doc-number">
        {t('print.docNo')}: {doc.docNo}
      </div>
      <p>{t('handover.print.opening', { day, date: formatDay(doc.at, org.timeZone, 'id', 'print') })}</p>
      <h2>1. {t('handover.print.firstPartyLabel')}</h2>
      {party(first)}
      <h2>2. {t('handover.print.secondPartyLabel')}</h2>
      {party(second)}
      {doc.imported && <p className="flag">{t('handover.print.importedNote')}</p>}
      <p>{isReturn ? t('handover.print.returnStatement', { docNo: handoverDocNo ?? '—', reason: t(`handover.reason.${doc.reason ?? 'other'}`) }) : t('handover.print.handoverStatement')}</p>
      <table className="grid">
        <thead>
          <tr>
            <th className="num">No</th>
            <th>{t('handover.print.tag')}</th>
            <th>{t('handover.print.serial')}</th>
            <th>{t('handover.print.description')}</th>
            <th>{t('handover.print.condition')}</th>
            {isReturn && <th>{t('handover.print.result')}</th>}
          </tr>
        </thead>
        <tbody>
          {doc.items.map((item, i) => (
            <tr key={`${item.assetId}/${item.accessoryId ?? ''}`}>
              <td className="num">{i + 1}</td>
              <td className="mono">{item.accessoryId ? '' : item.tag}</td>
              <td className="mono">{item.serial || '—'}</td>
              <td>{item.accessoryId ? `— ${t('handover.print.accessory')} ${accessory(item.description)}` : item.description}</td>
              {/* A line not handed back has no condition anyone saw: say so rather than print the one it left with. */}
              <td>{isReturn && item.result === 'missing' ? t('handover.print.notSeen') : t(`asset.condition.${item.condition}`)}</td>
              {isReturn && (
                <td>
                  {item.result === 'missing' ? <strong>{t('handover.result.missing').toUpperCase()}</strong> : t(`handover.result.${item.result ?? 'returned'}`)}
                  {item.note ? ` — ${item.note}` : ''}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!isReturn && (
        <>
          <h2>{t('handover.print.prepared')}</h2>
          <table className="kv">
            <tbody>
              <tr><th>{t('handover.fields.emailPrepared')}</th><td>{doc.emailPrepared || '—'}</td></tr>
              <tr><th>{t('handover.fields.accessPrepared')}</th><td>{doc.accessPrepared || '—'}</td></tr>
            </tbody>
          </table>
        </>
      )}
      {isReturn && doc.items.some((i) => i.result === 'missing') && <p className="flag">{t('handover.print.missingFlag', { count: doc.items.filter((i) => i.result === 'missing').length })}</p>}
      {doc.notes && <p>{t('handover.fields.notes')}: {doc.notes}</p>}
      <p>{isReturn ? t('handover.print.returnClosing') : t('handover.print.handoverClosing')}</p>
      <div className="signatures">
        <SignedBox role={t('handover.print.giver')} party={first} />
        <SignedBox role={t('handover.print.receiver')} party={second} />
        <SignedBox role={`${t('handover.print.witness')}${doc.witnessTitle ? `, ${doc.witnessTitle}` : ''}`} party={{ name: doc.witnessName || undefined, nip: '' }} />
      </div>
      <div className="doc-footer">
        {doc.signedOnPaper ? t('handover.print.signedOnPaper') : t('handover.print.signedOnScreen')} · {t('print.printedAt', { at: formatPrintDateTime(printedAt, org.timeZone, 'id'), by: printedBy })}
      </div>
    </article>
  );
}
