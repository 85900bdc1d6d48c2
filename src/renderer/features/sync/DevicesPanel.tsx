/** Settings → devices: every desk and laptop enrolled on the server; an admin revokes one at once. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '@renderer/store';
import { deviceMeta } from '@renderer/store/commit';
import { SyncError, type DeviceInfo } from '@renderer/sync/api';
import { syncSession } from '@renderer/sync/sync-client';
import { platform } from '@renderer/platform';
import { useFormatDateTime, useUserNames } from '@renderer/app/hooks';

export function DevicesPanel() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [thisDevice, setThisDevice] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const [version, setVersion] = useState(0);
  useEffect(() => {
    // Reload when this device connects (or reconnects) to a server.
    const reload = () => setVersion((v) => v + 1);
    window.addEventListener('meja-it:sync-config', reload);
    return () => window.removeEventListener('meja-it:sync-config', reload);
  }, []);
  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<{ devices: DeviceInfo[] | null; problem: string | null; thisDevice: string }> => {
      const thisDevice = (await deviceMeta(db)).deviceId;
      const session = await syncSession(db, platform.sync);
      if (!session) return { devices: null, problem: null, thisDevice };
      try {
        return { devices: (await session.transport.devices()).devices, problem: null, thisDevice };
      } catch (e) {
        return { devices: null, problem: e instanceof SyncError ? e.messageKey : 'sync.errors.server', thisDevice };
      }
    };
    void load().then((r) => {
      if (cancelled) return;
      setDevices(r.devices);
      setProblem(r.problem);
      setThisDevice(r.thisDevice);
    });
    return () => {
      cancelled = true;
    };
  }, [version]);

  const revoke = async (id: string) => {
    const session = await syncSession(db, platform.sync);
    if (!session) return;
    try {
      await session.transport.revoke(id);
      setVersion((v) => v + 1);
    } catch (e) {
      setProblem(e instanceof SyncError ? e.messageKey : 'sync.errors.server');
    }
  };

  if (!devices && !problem) return null;
  return (
    <section className="card" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('sync.devices.title')}</h2>
      {problem && (
        <div className="banner banner-error" role="alert">
          {t(problem)}
        </div>
      )}
      {devices && (
        <table className="table" data-testid="devices">
          <thead>
            <tr>
              <th>{t('sync.connect.deviceName')}</th>
              <th>{t('sync.devices.user')}</th>
              <th>{t('sync.devices.lastSeen')}</th>
              <th aria-label={t('common.actions')} />
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.name}
                  {d.id === thisDevice && <span className="tag">{t('sync.devices.this')}</span>}
                  {d.revokedAt && <span className="tag tag-warn">{t('sync.devices.revoked')}</span>}
                  {!d.revokedAt && d.hasKey === false && (
                    <span className="tag tag-warn" title={t('sync.devices.noKeyHint')}>
                      {t('sync.devices.noKey')}
                    </span>
                  )}
                </td>
                <td>{names.get(d.userId) ?? '—'}</td>
                <td>{fmt(d.lastSeenAt ?? d.createdAt)}</td>
                <td>
                  {!d.revokedAt && d.id !== thisDevice && (
                    <button type="button" className="btn btn-small btn-danger" onClick={() => revoke(d.id)}>
                      {t('sync.devices.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
