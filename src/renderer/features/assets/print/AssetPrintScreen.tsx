/**
 * Print preview of the asset printouts: handover and return forms (#/print/assets/doc/:id) and
 * label sheets (#/print/assets/labels?ids=…), with the same toolbar as the other forms: print
 * or save a PDF through the platform bridge.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetState } from '@shared/domain/asset/state';
import { db } from '@renderer/store';
import { fileStamp } from '@shared/office-time';
import { useOrg, useUsers } from '@renderer/app/hooks';
import { match } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { HandoverDocTemplate } from './HandoverDocTemplate';
import { LabelsTemplate } from './LabelsTemplate';
import '@renderer/print/print.css';
import './asset-print.css';
import { PrintToolbar } from '@renderer/print/PrintToolbar';

export function AssetPrintScreen({ route }: { route: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const user = useSessionStore((s) => s.user);
  const users = useUsers();
  const docId = match('/print/assets/doc/:id', route)?.id;
  const labelIds = route.startsWith('/print/assets/labels') ? (new URLSearchParams(route.split('?')[1] ?? '').get('ids') ?? '').split(',').filter(Boolean) : [];
  const data = useLiveQuery(async () => {
    if (docId) {
      const doc = await db.handovers.get(docId);
      if (!doc) return null;
      const employee = await db.employees.get(doc.employeeId);
      const original = doc.handoverId ? await db.handovers.get(doc.handoverId) : undefined;
      return { doc, employee, original, assets: [] as AssetState[] };
    }
    if (labelIds.length > 0) return { assets: (await db.assets.bulkGet(labelIds)).filter((a): a is AssetState => !!a) };
    return null;
  }, [docId, labelIds.join(',')]);
  const [printedAt] = useState(() => new Date().toISOString());
  if (!org || !user) return null;

  let content = null;
  let fileName = 'dokumen.pdf';
  if (data && 'doc' in data && data.doc) {
    const officer = users.get(data.doc.officerId);
    content = (
      <HandoverDocTemplate
        org={org}
        doc={data.doc}
        employee={data.employee}
        officer={officer ? { name: officer.displayName, nip: officer.nip } : undefined}
        handoverDocNo={data.original?.docNo}
        printedAt={printedAt}
        printedBy={user.displayName}
      />
    );
    fileName = `${data.doc.docType === 'return' ? 'BA-Pengembalian' : 'BA-Serah-Terima'}-${data.doc.docNo.replace(/[^\w-]+/g, '-')}.pdf`;
  } else if (data && data.assets.length > 0) {
    content = <LabelsTemplate org={org} assets={data.assets} />;
    fileName = `Label-Aset-${fileStamp(printedAt, org.timeZone)}.pdf`;
  }

  return (
    <div className="print-screen">
      <PrintToolbar fileName={fileName} />
      <div className={`paper${docId ? '' : ' paper-labels'}`}>{content ?? <p>{data === null ? t('common.notFound') : t('common.loading')}</p>}</div>
    </div>
  );
}
