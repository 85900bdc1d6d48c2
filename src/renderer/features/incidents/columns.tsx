/** The columns every incident list starts with: the document number (the row's link) and the title with its severity. */
import type { TFunction } from 'i18next';
import type { Column } from '@renderer/components/kit/RecordList';
import type { IncidentState } from '@shared/domain/incident/state';
import { SeverityBadge } from './badges';

export function incidentLeadColumns(t: TFunction): Column<IncidentState>[] {
  return [
    { key: 'docNo', header: t('incident.fields.docNo'), className: 'mono', link: true, cell: (i) => i.docNo },
    {
      key: 'title',
      header: t('incident.fields.title'),
      cell: (i) => (
        <>
          {i.title} <SeverityBadge severity={i.severity} />
        </>
      ),
    },
  ];
}
