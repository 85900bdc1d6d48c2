/** The signed-in console: navigation by role, the office clock, and the routed screen. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time-zone';
import type { Role } from '../../shared/roles';
import { db } from '../store';
import { useLang, useOrg } from './hooks';
import { match, navigate, useRoute } from './router';
import { useSessionStore } from './session-store';
import { LanguageSwitch } from './LanguageSwitch';
import { InsideBoard } from '../features/visits/InsideBoard';
import { VisitRegisterScreen } from '../features/visits/VisitRegisterScreen';
import { VisitDetailScreen } from '../features/visits/VisitDetailScreen';
import { VisitLogScreen } from '../features/visits/VisitLogScreen';
import { ApprovalsScreen } from '../features/visits/ApprovalsScreen';
import { UsersScreen } from '../features/admin/UsersScreen';
import { SettingsScreen } from '../features/admin/SettingsScreen';
import { PrintScreen } from '../print/PrintScreen';
import { ConflictsScreen } from '../features/sync/ConflictsScreen';
import { SyncStatus } from '../sync/SyncStatus';
import { ASSET_NAV, assetScreen } from '../features/assets/routes';

interface NavItem {
  path: string;
  label: string;
  roles?: Role[];
  count?: number;
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

function Screen({ route }: { route: string }) {
  const { t } = useTranslation();
  let m: Record<string, string> | null;
  const asset = assetScreen(route);
  if (asset) return asset;
  if (route === '/' || route === '/inside') return <InsideBoard />;
  if (route === '/visits/new') return <VisitRegisterScreen />;
  if (route.startsWith('/visits?') || route === '/visits') return <VisitLogScreen />;
  if ((m = match('/visits/:id', route))) return <VisitDetailScreen id={m.id!} />;
  if (route === '/approvals') return <ApprovalsScreen />;
  if (route === '/admin/users') return <UsersScreen />;
  if (route === '/admin/settings') return <SettingsScreen />;
  if (route === '/sync/conflicts') return <ConflictsScreen />;
  return <p>{t('common.notFound')}</p>;
}

export function Shell() {
  const { t } = useTranslation();
  const route = useRoute();
  const org = useOrg();
  const lang = useLang();
  const now = useClock();
  const { user, lock, signOut } = useSessionStore();
  const insideCount = useLiveQuery(() => db.visits.where('status').equals('inside').count(), []) ?? 0;
  const awaitingCount = useLiveQuery(() => db.visits.where('status').equals('awaiting_approval').count(), []) ?? 0;
  if (!user || !org) return null;
  if (route.startsWith('/print/assets/')) return assetScreen(route);
  if (route.startsWith('/print/')) return <PrintScreen route={route} />;

  const items: NavItem[] = [
    { path: '/', label: t('nav.inside'), count: insideCount },
    { path: '/visits/new', label: t('nav.register'), roles: ['officer'] },
    { path: '/approvals', label: t('nav.approvals'), roles: ['approver'], count: awaitingCount },
    { path: '/visits', label: t('nav.log') },
    { path: '/admin/users', label: t('nav.users'), roles: ['admin'] },
    { path: '/admin/settings', label: t('nav.settings'), roles: ['admin'] },
  ];
  const visible = items.filter((i) => !i.roles || i.roles.some((r) => user.roles.includes(r)));
  const activePath = route.split('?')[0] === '/inside' ? '/' : route.split('?')[0];

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="sidebar-inner">
        <div className="brand">
          {org.logoDataUrl ? <img src={org.logoDataUrl} alt="" className="brand-logo" /> : <span className="brand-mark" aria-hidden>MI</span>}
          <div>
            <div className="brand-name">Meja IT</div>
            <div className="brand-org">{org.name}</div>
          </div>
        </div>
        <div className="nav-section">{t('nav.serverRoom')}</div>
        <ul>
          {visible.map((i) => {
            const active = activePath === i.path || (i.path === '/visits' && /^\/visits\/(?!new)/.test(activePath ?? ''));
            return (
              <li key={i.path}>
                <a href={`#${i.path}`} className={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>
                  <span>{i.label}</span>
                  {!!i.count && <span className="nav-count">{i.count}</span>}
                </a>
              </li>
            );
          })}
        </ul>
        <div className="nav-section">{t('nav.assetsSection')}</div>
        <ul>
          {ASSET_NAV.filter((i) => !i.roles || i.roles.some((r) => user.roles.includes(r))).map((i) => {
            const active = activePath === i.path || (i.path === '/assets' && /^\/assets\/(?!maintenance)/.test(activePath ?? '')) || (i.path === '/employees' && activePath?.startsWith('/employees/'));
            return (
              <li key={i.path}>
                <a href={`#${i.path}`} className={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>
                  <span>{t(i.label)}</span>
                </a>
              </li>
            );
          })}
        </ul>
        </div>
      </nav>
      <div className="main">
        <div className="topbar">
          <div className="clock" data-testid="office-clock">
            {formatDateTime(now.toISOString(), org.timeZone, lang)}
          </div>
          <div className="topbar-right">
            <SyncStatus />
            <LanguageSwitch />
            <span className="user-chip" title={user.roles.map((r) => t(`roles.${r}`)).join(', ')}>
              {user.displayName}
            </span>
            <button type="button" className="btn btn-small" onClick={lock}>
              {t('auth.lock')}
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                signOut();
                navigate('/');
              }}
            >
              {t('auth.signOut')}
            </button>
          </div>
        </div>
        <main className="content">
          <Screen route={route} />
        </main>
      </div>
    </div>
  );
}
