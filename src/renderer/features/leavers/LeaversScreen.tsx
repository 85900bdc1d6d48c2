/**
 * Leavers (#/leavers): every employee marked "Berhenti", since when, and what remains — access
 * to revoke (SOP-IT-003) and assets to collect (SOP 2) — with links to each request, asset and
 * return form, and, for the IT team, revoking all of one person's access at once.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '@renderer/app/session-store';
import { RecordList } from '@renderer/components/kit/RecordList';
import { db } from '@renderer/store';
import { leaverHasOpenItems, leavers } from '@renderer/store/queries/leavers';
import { LeaverItems, useFormatDay } from './parts';
import { RevokeAll } from './RevokeAll';
import { can } from '@shared/domain/can';

export function LeaversScreen() {
  const { t } = useTranslation();
  const day = useFormatDay();
  const me = useSessionStore((s) => s.user);
  const [openOnly, setOpenOnly] = useState(true);
  const rows = useLiveQuery(() => leavers(db, { openOnly }), [openOnly]);
  const it = can(me, 'access.revoke');
  return (
    <div>
      <RecordList
        title={t('leavers.title')}
        subtitle={t('leavers.subtitle')}
        count={rows?.length}
        filters={
          <label className="leavers-filter">
            <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
            {t('leavers.openOnly')}
          </label>
        }
        testId="leavers"
        tableClassName="leavers-table"
        rows={rows}
        rowKey={(l) => l.employee.id}
        rowProps={(l) => ({ 'data-employee': l.employee.name })}
        empty={openOnly ? t('leavers.noneOpen') : t('leavers.none')}
        columns={[
          {
            key: 'employee',
            header: t('leavers.employee'),
            cell: (l) => (
              <>
                <a href={`#/employees/${l.employee.id}`}>
                  <strong>{l.employee.name}</strong>
                </a>
                <div className="muted small">
                  NIP <span className="mono">{l.employee.nip}</span> · {l.employee.department}
                </div>
              </>
            ),
          },
          { key: 'since', header: t('leavers.since'), cell: (l) => (l.since ? day(l.since) : '—') },
          {
            key: 'remaining',
            header: t('leavers.remaining'),
            cell: (l) => (
              <>
                {leaverHasOpenItems(l) ? <LeaverItems leaver={l} canCollect={it} /> : <span className="muted">{t('leavers.allDone')}</span>}
                {it && <RevokeAll leaver={l} compact />}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
