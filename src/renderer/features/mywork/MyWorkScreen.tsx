/** "My work": what waits for the signed-in user, one section per workflow and role (sections.ts). */
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../app/session-store';
import { Empty, PageHeader } from '../../components/ui';
import { sections } from './sections';

export function MyWorkScreen() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  const mine = sections.filter((s) => s.roles.some((r) => user.roles.includes(r)));
  return (
    <div>
      <PageHeader title={t('mywork.title')} subtitle={t('mywork.subtitle')} />
      {mine.length === 0 && <Empty>{t('mywork.nothingForRole')}</Empty>}
      {mine.map((s) => (
        <section key={s.id} className="card work-section" aria-labelledby={`mw-${s.id}`} data-testid={`mywork-${s.id}`}>
          <h2 id={`mw-${s.id}`}>{t(s.title)}</h2>
          <s.component userId={user.id} />
        </section>
      ))}
    </div>
  );
}
