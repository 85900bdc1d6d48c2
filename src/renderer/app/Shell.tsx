/** The signed-in console: navigation by role, the office clock, and the routed screen. */
import { Component, Suspense, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/office-time';
import { useLang, useNow, useOrg } from './hooks';
import { navigate, useRoute } from './router';
import { useNoticeStore } from './notice-store';
import { useSessionStore } from './session-store';
import { LanguageSwitch } from './LanguageSwitch';
import { clearUserDrafts } from './drafts';
import { canSee, findRoute, NAV_GROUPS, navEntries } from './features';
import { SyncStatus } from '../sync/SyncStatus';
import { Slot } from './Slot';

/** A screen whose chunk could not be fetched (the office server unreachable before it was ever loaded). */
class ScreenLoadBoundary extends Component<{ route: string; message: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidUpdate(prev: { route: string }): void {
    if (prev.route !== this.props.route && this.state.failed) this.setState({ failed: false });
  }
  override render(): ReactNode {
    return this.state.failed ? (
      <div className="banner banner-error" role="alert">
        {this.props.message}
      </div>
    ) : (
      this.props.children
    );
  }
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/** The routed screen, from the features' route table, loaded on first visit. */
function Screen({ route }: { route: string }) {
  const { t } = useTranslation();
  const found = findRoute(route);
  if (!found) return <p>{t('common.notFound')}</p>;
  const { screen: S } = found.route;
  // Keyed by the route's pattern: leaving a screen unmounts it at once (its drafts are written,
  // its state goes), instead of React keeping it hidden while the next screen's chunk arrives.
  return (
    <ScreenLoadBoundary key={found.route.path} route={route} message={t('common.screenLoadFailed')}>
      <Suspense fallback={<Loading />}>
        <S route={route} params={found.params} />
      </Suspense>
    </ScreenLoadBoundary>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const route = useRoute();
  const org = useOrg();
  const lang = useLang();
  const now = useNow(30_000);
  const { user, lock, signOut } = useSessionStore();
  const notice = useNoticeStore((s) => s.notice);
  const visible = user ? navEntries.filter((i) => canSee(i, user.roles)) : [];
  // Every visible entry's count in one live query (the approvals count is this user's own queue).
  const counts = useLiveQuery(() => (user ? Promise.all(visible.map((i) => (i.count ? i.count(user) : Promise.resolve(0)))) : Promise.resolve([])), [user?.id, user?.roles.join(',')]) ?? [];
  if (!user || !org) return null;
  const found = route.startsWith('/print/') ? findRoute(route) : undefined;
  if (route.startsWith('/print/')) {
    const Print = found?.route.print ? found.route.screen : undefined;
    return <Suspense fallback={<Loading />}>{Print ? <Print route={route} params={found!.params} /> : <p>{t('common.notFound')}</p>}</Suspense>;
  }
  const activePath = route.split('?')[0] ?? '/';
  const groups = [undefined, ...NAV_GROUPS] as const;

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
                  const active = activePath === i.path || !!i.activeFor?.test(activePath);
                  const count = counts[visible.indexOf(i)];
                  return (
                    <li key={i.path}>
                      <a href={`#${i.path}`} className={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>
                        <span>{t(i.label)}</span>
                        {!!count && <span className="nav-count">{count}</span>}
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
          <Slot name="deskNotices" props={{}} />
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
