/** The signed-in console: navigation by role, the office clock, and the routed screen. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time-zone';
import type { Role } from '../../shared/roles';
import { db } from '../store';
import { useLang, useNow, useOrg } from './hooks';
import { match, navigate, useRoute } from './router';
import { ChangePasswordScreen } from '../features/auth/ChangePasswordScreen';
import { useNoticeStore } from '../features/auth/notice-store';
import { useSessionStore } from './session-store';
import { LanguageSwitch } from './LanguageSwitch';
import { InsideBoard } from '../features/visits/InsideBoard';
import { VisitRegisterScreen } from '../features/visits/VisitRegisterScreen';
import { VisitDetailScreen } from '../features/visits/VisitDetailScreen';
import { VisitLogScreen } from '../features/visits/VisitLogScreen';
import { clearUserDrafts } from './drafts';
import { ApprovalsScreen, useVisitsToDecide } from '../features/visits/ApprovalsScreen';
import { UsersScreen } from '../features/admin/UsersScreen';
import { SettingsScreen } from '../features/admin/SettingsScreen';
import { PrintScreen } from '../print/PrintScreen';
import { IncidentListScreen } from '../features/incidents/IncidentListScreen';
import { IncidentNewScreen } from '../features/incidents/IncidentNewScreen';
import { IncidentDetailScreen } from '../features/incidents/IncidentDetailScreen';
import { countWaitingFor } from '../store/queries/incidents';
import { accessScreen, ACCESS_NAV } from '../features/access/routes';
import { leaversScreen, LEAVERS_NAV } from '../features/leavers/routes';
import { restoreScreen, RESTORE_NAV } from '../features/restore/routes';
import { ConflictsScreen } from '../features/sync/ConflictsScreen';
import { CalendarScreen } from '../features/admin/CalendarScreen';
import { MyWorkScreen } from '../features/mywork/MyWorkScreen';
import { sections as myWorkSections } from '../features/mywork/sections';
import { TicketsScreen } from '../features/tickets/TicketsScreen';
import { TicketNewScreen } from '../features/tickets/TicketNewScreen';
import { TicketDetailScreen } from '../features/tickets/TicketDetailScreen';
import { countQueue } from '../store/queries/tickets';
import '../features/tickets/tickets.css';
import { SyncStatus } from '../sync/SyncStatus';
import { DeskNotices } from '../features/backup/DeskNotices';
import { ASSET_NAV, assetScreen } from '../features/assets/routes';
import { REPORT_NAV, reportScreen } from '../features/report/routes';
import { OPS_NAV, opsScreen } from '../features/ops/routes';

interface NavItem {
  path: string;
  label: string;
  roles?: Role[];
  count?: number;
  /** The sidebar group it is listed under (none: above the groups). */
  group?: 'serverRoom' | 'assetsSection' | 'helpdesk' | 'security' | 'groupAccess' | 'groupOps' | 'administration';
}

function Screen({ route }: { route: string }) {
  const { t } = useTranslation();
  let m: Record<string, string> | null;
  const asset = assetScreen(route);
  if (asset) return asset;
  const access = accessScreen(route);
  if (access) return access;
  const leaversRoute = leaversScreen(route);
  if (leaversRoute) return leaversRoute;
  const restore = restoreScreen(route);
  if (restore) return restore;
  const report = reportScreen(route);
  if (report) return report;
  const ops = opsScreen(route);
  if (ops) return ops;
  if (route === '/' || route === '/inside') return <InsideBoard />;
  if (route === '/visits/new') return <VisitRegisterScreen />;
  if (route.startsWith('/visits?') || route === '/visits') return <VisitLogScreen />;
  if ((m = match('/visits/:id', route))) return <VisitDetailScreen id={m.id!} />;
  if (route === '/approvals') return <ApprovalsScreen />;
  if (route === '/incidents/new' || route.startsWith('/incidents/new?')) return <IncidentNewScreen />;
  if (route === '/incidents' || route.startsWith('/incidents?')) return <IncidentListScreen />;
  if ((m = match('/incidents/:id', route))) return <IncidentDetailScreen id={m.id!} />;
  if (route === '/admin/users') return <UsersScreen />;
  if (route === '/account/password') return <ChangePasswordScreen />;
  if (route === '/admin/settings') return <SettingsScreen />;
  if (route === '/sync/conflicts') return <ConflictsScreen />;
  if (route === '/my-work') return <MyWorkScreen />;
  if (route === '/tickets/new') return <TicketNewScreen />;
  if (route === '/tickets' || route.startsWith('/tickets?')) return <TicketsScreen route={route} />;
  if ((m = match('/tickets/:id', route))) return <TicketDetailScreen id={m.id!} />;
  if (route === '/admin/calendar') return <CalendarScreen />;
  return <p>{t('common.notFound')}</p>;
}

export function Shell() {
  const { t } = useTranslation();
  const route = useRoute();
  const org = useOrg();
  const lang = useLang();
  const now = useNow(30_000);
  const { user, lock, signOut } = useSessionStore();
  const notice = useNoticeStore((s) => s.notice);
  const insideCount = useLiveQuery(() => db.visits.where('status').equals('inside').count(), []) ?? 0;
  // The approvals queue's own list: only visits this user may decide (never their own).
  const awaitingCount = useVisitsToDecide()?.length ?? 0;
  const ticketCount = useLiveQuery(() => countQueue(db), []) ?? 0;
  const incidentRoles = user?.roles.join(',') ?? '';
  const myIncidentCount = useLiveQuery(() => countWaitingFor(db, user?.roles ?? []), [incidentRoles]) ?? 0;
  if (!user || !org) return null;
  if (route.startsWith('/print/assets/')) return assetScreen(route);
  if (route.startsWith('/print/access/')) return accessScreen(route);
  if (route.startsWith('/print/report/')) return reportScreen(route);
  if (route.startsWith('/print/')) return <PrintScreen route={route} />;

  const items: NavItem[] = [
    { path: '/my-work', label: t('nav.myWork'), roles: [...new Set(myWorkSections.flatMap((s) => s.roles))] },
    { path: '/', label: t('nav.inside'), count: insideCount, group: 'serverRoom' },
    { path: '/visits/new', label: t('nav.register'), roles: ['officer'], group: 'serverRoom' },
    { path: '/approvals', label: t('nav.approvals'), roles: ['approver'], count: awaitingCount, group: 'serverRoom' },
    { path: '/visits', label: t('nav.log'), group: 'serverRoom' },
    ...ASSET_NAV.map((i) => ({ path: i.path, label: t(i.label), roles: i.roles, group: 'assetsSection' as const })),
    { path: LEAVERS_NAV.path, label: t(LEAVERS_NAV.label), group: 'assetsSection' },
    { path: '/tickets', label: t('nav.tickets'), count: ticketCount, group: 'helpdesk' },
    { path: '/tickets/new', label: t('nav.newTicket'), roles: ['officer', 'technician', 'admin'], group: 'helpdesk' },
    { path: '/incidents', label: t('nav.incidents'), count: myIncidentCount, group: 'security' },
    { path: '/incidents/new', label: t('nav.reportIncident'), roles: ['officer', 'technician', 'admin'], group: 'security' },
    ...ACCESS_NAV.map((i) => ({ path: i.path, label: t(i.label), roles: i.roles, group: 'groupAccess' as const })),
    ...OPS_NAV.map((i) => ({ path: i.path, label: t(i.label), roles: i.roles, group: 'groupOps' as const })),
    ...RESTORE_NAV.map((i) => ({ path: i.path, label: t(i.label), roles: i.roles, group: 'groupOps' as const })),
    { path: '/admin/users', label: t('nav.users'), roles: ['admin'], group: 'administration' },
    { path: '/admin/settings', label: t('nav.settings'), roles: ['admin'], group: 'administration' },
    { path: '/admin/calendar', label: t('nav.calendar'), roles: ['admin'], group: 'administration' },
    { path: REPORT_NAV.path, label: t(REPORT_NAV.label), roles: REPORT_NAV.roles, group: 'administration' },
  ];
  const visible = items.filter((i) => !i.roles || i.roles.some((r) => user.roles.includes(r)));
  const activePath = route.split('?')[0] === '/inside' ? '/' : route.split('?')[0];
  const groups = [undefined, 'serverRoom', 'assetsSection', 'helpdesk', 'security', 'groupAccess', 'groupOps', 'administration'] as const;

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
        {groups.map((g) => {
          const list = visible.filter((i) => i.group === g);
          if (list.length === 0) return null;
          return (
            <div key={g ?? 'top'} className={g ? undefined : 'nav-top'}>
              {g && <div className="nav-section">{t(`nav.${g}`)}</div>}
              <ul>
                {list.map((i) => {
                  const active =
                    activePath === i.path || (i.path === '/visits' && /^\/visits\/(?!new)/.test(activePath ?? '')) || (i.path === '/tickets' && /^\/tickets\/(?!new)/.test(activePath ?? '')) ||
                    (i.path === '/incidents' && /^\/incidents\/(?!new)/.test(activePath ?? '')) ||
                    (i.path === '/assets' && /^\/assets\/(?!maintenance)/.test(activePath ?? '')) ||
                    (i.path === '/employees' && !!activePath?.startsWith('/employees/')) ||
                    (i.path === '/access' && /^\/access\/(?!new)/.test(activePath ?? '')) ||
                    (i.path === '/ops' && !!activePath?.startsWith('/ops/')) ||
                    (i.path === '/restore' && !!activePath?.startsWith('/restore/'));
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
            </div>
          );
        })}
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
            <a className="user-chip" href="#/account/password" title={`${user.roles.map((r) => t(`roles.${r}`)).join(', ')} — ${t('auth.password.title')}`}>
              {user.displayName}
            </a>
            <button type="button" className="btn btn-small" onClick={lock}>
              {t('auth.lock')}
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                // Drafts of long forms belong to the session: none is left behind for the next user.
                clearUserDrafts(user.id);
                signOut();
                navigate('/');
              }}
            >
              {t('auth.signOut')}
            </button>
          </div>
        </div>
        <main className="content">
          <DeskNotices />
          {notice && (
            <div className="banner banner-info" role="status" data-testid="session-notice">
              {t(notice.message, notice.params ?? {})}
            </div>
          )}
          <Screen route={route} />
        </main>
      </div>
    </div>
  );
}
