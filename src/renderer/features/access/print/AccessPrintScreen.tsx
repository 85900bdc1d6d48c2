/**
 * Print preview of the access request form (#/print/access/:id), with the same toolbar as the
 * other forms: print or save a PDF through the platform bridge.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '@renderer/store';
import { useOrg, useUsers } from '@renderer/app/hooks';
import { match } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { PrintToolbar } from '@renderer/print/PrintToolbar';
import { AccessRequestTemplate, type PrintUser } from './AccessRequestTemplate';
import '@renderer/print/print.css';
import './access-print.css';

export function AccessPrintScreen({ route }: { route: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const user = useSessionStore((s) => s.user);
  const users = useUsers();
  const id = match('/print/access/:id', route)?.id;
  const request = useLiveQuery(async () => (id ? ((await db.accessRequests.get(id)) ?? null) : null), [id]);
  const people = useMemo(() => new Map<string, PrintUser>([...users].map(([uid, u]) => [uid, { name: u.displayName, nip: u.nip }])), [users]);
  const [printedAt] = useState(() => new Date().toISOString());
  if (!org || !user) return null;
  const fileName = request ? `Permintaan-Akses-${request.docNo.replace(/[^\w-]+/g, '-')}.pdf` : 'dokumen.pdf';
  return (
    <div className="print-screen">
      <PrintToolbar fileName={fileName} />
      <div className="paper">
        {request ? <AccessRequestTemplate org={org} request={request} users={people} printedAt={printedAt} printedBy={user.displayName} /> : <p>{request === null ? t('common.notFound') : t('common.loading')}</p>}
      </div>
    </div>
  );
}
