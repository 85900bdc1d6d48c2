/**
 * Leavers (#/leavers): every employee marked "Berhenti", since when, and what remains — access
 * to revoke (SOP-IT-003) and assets to collect (SOP 2) — with links to each request, asset and
 * return form, and, for the IT team, revoking all of one person's access at once.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../app/session-store';
import { Empty, PageHeader } from '../../components/ui';
import { db } from '../../store';
import { leaverHasOpenItems, leavers } from '../../store/queries/leavers';
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
      <PageHeader title={t('leavers.title')} subtitle={t('leavers.subtitle')} />
      <section className="card">
        <label className="leavers-filter">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
          {t('leavers.openOnly')}
        </label>
        {rows === undefined ? (
          <Empty>{t('common.loading')}</Empty>
        ) : rows.length === 0 ? (
          <Empty>{openOnly ? t('leavers.noneOpen') : t('leavers.none')}</Empty>
        ) : (
          <table className="table leavers-table" data-testid="leavers">
            <thead>
              <tr>
                <th>{t('leavers.employee')}</th>
                <th>{t('leavers.since')}</th>
                <th>{t('leavers.remaining')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.employee.id} data-employee={l.employee.name}>
                  <td>
                    <a href={`#/employees/${l.employee.id}`}>
                      <strong>{l.employee.name}</strong>
                    </a>
                    <div className="muted small">
                      NIP <span className="mono">{l.employee.nip}</span> · {l.employee.department}
                    </div>
                  </td>
                  <td>{l.since ? day(l.since) : '—'}</td>
                  <td>
                    {leaverHasOpenItems(l) ? <LeaverItems leaver={l} canCollect={it} /> : <span className="muted">{t('leavers.allDone')}</span>}
                    {it && <RevokeAll leaver={l} compact />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
