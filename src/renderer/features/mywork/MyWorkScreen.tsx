/** "My work": what waits for the signed-in user, one section per workflow and role (each feature declares its own). */
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { myWorkSections } from '@renderer/app/features';
import { useSessionStore } from '@renderer/app/session-store';
import { Empty, PageHeader } from '@renderer/components/ui';

export function MyWorkScreen() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  const mine = myWorkSections().filter((s) => s.roles.some((r) => user.roles.includes(r)));
  return (
    <div>
      <PageHeader title={t('mywork.title')} subtitle={t('mywork.subtitle')} />
      {mine.length === 0 && <Empty>{t('mywork.nothingForRole')}</Empty>}
      {mine.map((s) => (
        <section key={s.id} className="card work-section" aria-labelledby={`mw-${s.id}`} data-testid={`mywork-${s.id}`}>
          <h2 id={`mw-${s.id}`}>{t(s.title)}</h2>
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <s.component route="/my-work" params={{ userId: user.id }} />
          </Suspense>
        </section>
      ))}
    </div>
  );
}
