/**
 * Print previews of the server-room desk: a visit's Formulir Akses Ruang Server
 * (#/print/visit/:id) and the evacuation list of who is inside now (#/print/evacuation), with
 * the toolbar that prints or saves a PDF through the platform bridge.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '@renderer/store';
import { visitsInside } from '@renderer/store/queries/visits';
import { fileStamp } from '@shared/office-time';
import { useOrg, useUserNames, useUsers } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { PrintToolbar } from '@renderer/print/PrintToolbar';
import { VisitFormTemplate } from './VisitFormTemplate';
import { EvacuationListTemplate } from './EvacuationListTemplate';
import '@renderer/print/print.css';

export function VisitPrintScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const user = useSessionStore((s) => s.user);
  const names = useUserNames();
  const users = useUsers();
  const visit = useLiveQuery(async () => (await db.visits.get(id)) ?? null, [id]);
  const [printedAt] = useState(() => new Date().toISOString());
  if (!org || !user) return null;
  const fileName = visit ? `Formulir-Akses-Ruang-Server-${visit.docNo.replace(/[^\w-]+/g, '-')}.pdf` : 'dokumen.pdf';
  return (
    <div className="print-screen">
      <PrintToolbar fileName={fileName} />
      <div className="paper">
        {visit ? (
          <VisitFormTemplate org={org} visit={visit} names={names} nips={new Map([...users].map(([uid, u]) => [uid, u.nip ?? '']))} printedAt={printedAt} printedBy={user.displayName} />
        ) : (
          <p>{visit === null ? t('common.notFound') : t('common.loading')}</p>
        )}
      </div>
    </div>
  );
}

export function EvacuationPrintScreen() {
  const { t } = useTranslation();
  const org = useOrg();
  const user = useSessionStore((s) => s.user);
  const names = useUserNames();
  const inside = useLiveQuery(() => visitsInside(db), []);
  const [printedAt] = useState(() => new Date().toISOString());
  if (!org || !user) return null;
  const fileName = `Daftar-Evakuasi-Ruang-Server-${fileStamp(printedAt, org.timeZone, true)}.pdf`;
  return (
    <div className="print-screen">
      <PrintToolbar fileName={fileName} />
      <div className="paper">{inside ? <EvacuationListTemplate org={org} visits={inside} names={names} printedAt={printedAt} printedBy={user.displayName} /> : <p>{t('common.loading')}</p>}</div>
    </div>
  );
}
