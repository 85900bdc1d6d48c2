/**
 * Print preview: the official form as it will print, with a toolbar (hidden when printing)
 * to print or save a PDF through the platform bridge — Electron's printToPDF on desktop, the
 * browser's print dialog on the web.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../store';
import { visitsInside } from '../store/queries/visits';
import { useOrg, useUserNames, useUsers } from '../app/hooks';
import { match } from '../app/router';
import { useSessionStore } from '../app/session-store';
import { VisitFormTemplate } from './templates/VisitFormTemplate';
import { EvacuationListTemplate } from './templates/EvacuationListTemplate';
import { IncidentCompletionTemplate, IncidentReportTemplate } from './templates/IncidentReportTemplate';
import './print.css';
import { PrintToolbar } from './PrintToolbar';

export function PrintScreen({ route }: { route: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const user = useSessionStore((s) => s.user);
  const names = useUserNames();
  const users = useUsers();
  const visitId = match('/print/visit/:id', route)?.id;
  const visit = useLiveQuery(async () => (visitId ? ((await db.visits.get(visitId)) ?? null) : null), [visitId]);
  const incidentMatch = match('/print/incident/:id', route) ?? match('/print/incident-completion/:id', route);
  const incidentId = incidentMatch?.id;
  const incident = useLiveQuery(async () => (incidentId ? ((await db.incidents.get(incidentId)) ?? null) : null), [incidentId]);
  const inside = useLiveQuery(() => (route === '/print/evacuation' ? visitsInside(db) : Promise.resolve([])), [route]);
  const printedAt = new Date().toISOString();
  if (!org || !user) return null;

  let doc = null;
  let fileName = 'dokumen.pdf';
  if (visitId && visit) {
    doc = <VisitFormTemplate org={org} visit={visit} names={names} nips={new Map([...users].map(([id, u]) => [id, u.nip ?? '']))} printedAt={printedAt} printedBy={user.displayName} />;
    fileName = `Formulir-Akses-Ruang-Server-${visit.docNo.replace(/[^\w-]+/g, '-')}.pdf`;
  } else if (incidentId && incident) {
    const nips = new Map([...users].map(([id, u]) => [id, u.nip ?? '']));
    const completion = route.startsWith('/print/incident-completion/');
    const props = { org, incident, names, nips, printedAt, printedBy: user.displayName };
    doc = completion ? <IncidentCompletionTemplate {...props} /> : <IncidentReportTemplate {...props} />;
    fileName = `${completion ? 'Laporan-Penyelesaian-Gangguan' : 'Formulir-Laporan-Insiden-IT'}-${incident.docNo.replace(/[^\w-]+/g, '-')}.pdf`;
  } else if (route === '/print/evacuation' && inside) {
    doc = <EvacuationListTemplate org={org} visits={inside} names={names} printedAt={printedAt} printedBy={user.displayName} />;
    fileName = `Daftar-Evakuasi-Ruang-Server-${printedAt.slice(0, 16).replace(/[^\d]/g, '')}.pdf`;
  }

  return (
    <div className="print-screen">
      <PrintToolbar fileName={fileName} />
      <div className="paper">{doc ?? <p>{visit === null && incident === null ? t('common.notFound') : t('common.loading')}</p>}</div>
    </div>
  );
}
