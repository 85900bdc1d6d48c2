/**
 * Print previews of an incident: the Formulir Laporan Insiden IT (#/print/incident/:id) and the
 * Laporan Penyelesaian Gangguan (#/print/incident-completion/:id), with the toolbar that prints
 * or saves a PDF through the platform bridge.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '@renderer/store';
import { useOrg, useUserNames, useUsers } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { PrintToolbar } from '@renderer/print/PrintToolbar';
import { IncidentCompletionTemplate, IncidentReportTemplate } from './IncidentReportTemplate';
import '@renderer/print/print.css';

export function IncidentPrintScreen({ id, completion }: { id: string; completion: boolean }) {
  const { t } = useTranslation();
  const org = useOrg();
  const user = useSessionStore((s) => s.user);
  const names = useUserNames();
  const users = useUsers();
  const incident = useLiveQuery(async () => (await db.incidents.get(id)) ?? null, [id]);
  const [printedAt] = useState(() => new Date().toISOString());
  if (!org || !user) return null;
  const fileName = incident ? `${completion ? 'Laporan-Penyelesaian-Gangguan' : 'Formulir-Laporan-Insiden-IT'}-${incident.docNo.replace(/[^\w-]+/g, '-')}.pdf` : 'dokumen.pdf';
  let doc = <p>{incident === null ? t('common.notFound') : t('common.loading')}</p>;
  if (incident) {
    const props = { org, incident, names, nips: new Map([...users].map(([uid, u]) => [uid, u.nip ?? ''])), printedAt, printedBy: user.displayName };
    doc = completion ? <IncidentCompletionTemplate {...props} /> : <IncidentReportTemplate {...props} />;
  }
  return (
    <div className="print-screen">
      <PrintToolbar fileName={fileName} />
      <div className="paper">{doc}</div>
    </div>
  );
}
