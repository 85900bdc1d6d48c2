/**
 * Settings (admins): the office's list of systems for access requests (SOP-IT-003), one per
 * line; the default list is shown while the office has not saved its own. Saved with
 * org.update and validated by the profile schema (not empty, at most 100, no name twice).
 */
import { useTranslation } from 'react-i18next';
import { accessSystems, DEFAULT_ACCESS_SYSTEMS } from '@shared/domain/access/state';
import { orgProfileSchema, type OrgState } from '@shared/domain/org/state';
import { useCommand } from '@renderer/app/hooks';
import { checkLines, LinesForm, parseLines } from '@renderer/components/kit/LinesForm';

/** The lines of the text area, trimmed, blank lines dropped. */
export const parseSystems = parseLines;

const listSchema = orgProfileSchema.shape.accessSystems.unwrap();

/** The schema's first message for the list, with the line it concerns when it is about one line. */
export const checkSystems = (list: string[]) => checkLines(listSchema, list);

export function AccessSystemsCard({ org }: { org: OrgState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  return (
    <LinesForm
      id="access-systems"
      inputId="s-access-systems"
      testId="access-systems"
      stored={accessSystems(org)}
      defaults={DEFAULT_ACCESS_SYSTEMS}
      usingDefaults={!org.accessSystems || org.accessSystems.length === 0}
      schema={listSchema}
      rows={[6, 14]}
      busy={busy}
      failure={failure}
      save={(list) => run({ type: 'org.update', input: { accessSystems: list } })}
      texts={{
        title: t('access.settings.title'),
        intro: t('access.settings.intro'),
        saved: t('common.saved'),
        usingDefaults: t('access.settings.usingDefaults'),
        label: t('access.settings.label'),
        hint: t('access.settings.hint'),
        lineKey: 'access.settings.line',
        restoreDefaults: t('access.settings.restoreDefaults'),
        save: t('access.settings.save'),
      }}
    />
  );
}
