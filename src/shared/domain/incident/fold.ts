/** The incident fold: the same on every desk, in every browser and on the server. */
import type { DomainEvent } from '../../events';
import type { Apply } from '../types';
import { INCIDENT_ANALYSIS_FIELDS, type AnalysisField, type AttachmentRef, type IncidentState, type StepRecord } from './state';
import { nextStep, stepOf, type StepOutcome } from './steps';

type P = Record<string, unknown>;

export const applyIncident: Apply<IncidentState> = (state, e: DomainEvent) => {
  const p = e.payload as P;
  if (e.type === 'incident.reported') {
    return {
      id: e.recordId,
      docNo: p.docNo as string,
      title: p.title as string,
      status: 'open',
      step: 1,
      turnRole: stepOf(1).role,
      stepStartedAt: e.at,
      stepDueAt: p.dueAt as string,
      reportedAt: e.at,
      reportedBy: e.actorId,
      ...(p.ticketId ? { ticketId: p.ticketId as string } : {}),
      ...(p.ticketDocNo ? { ticketDocNo: p.ticketDocNo as string } : {}),
      reporterName: p.reporterName as string,
      reporterContact: (p.reporterContact as string) ?? '',
      detectedAt: p.detectedAt as string,
      affectedSystems: p.affectedSystems as string,
      category: p.category as IncidentState['category'],
      severity: p.severity as IncidentState['severity'],
      description: p.description as string,
      actions: '',
      rootCause: '',
      mitigation: '',
      lessonsLearned: '',
      fieldHlc: {},
      attachments: ((p.attachments as AttachmentRef[]) ?? []).map((a) => ({ ...a, addedBy: e.actorId, addedAt: e.at })),
      history: [],
      reworkCount: 0,
      violations: [],
      updatedAt: e.at,
      hlc: e.hlc,
    };
  }
  if (!state) return state as never;
  const s: IncidentState = { ...state, updatedAt: e.at, hlc: e.hlc > state.hlc ? e.hlc : state.hlc };
  switch (e.type) {
    case 'incident.stepCompleted': {
      // A completion made offline for a step the incident has already left (done on another
      // desk first) is refused by the server; until then it must not move this fold either.
      if (s.status !== 'open' || p.step !== s.step) return s;
      const outcome = p.outcome as StepOutcome | undefined;
      const at = (p.at as string) ?? e.at;
      const record: StepRecord = {
        step: s.step,
        role: stepOf(s.step).role,
        by: e.actorId,
        startedAt: s.stepStartedAt,
        at,
        dueAt: s.stepDueAt,
        workingMs: p.workingMs as number,
        note: p.note as string,
        ...(outcome ? { outcome } : {}),
      };
      const history = [...s.history, record];
      const reworkCount = s.reworkCount + (outcome === 'not_done' ? 1 : 0);
      const to = nextStep(s.step, outcome);
      if (to === 'closed' || to === undefined) {
        return { ...s, history, reworkCount, status: 'closed', closedAt: at, workingDays: p.workingDays as number };
      }
      return { ...s, history, reworkCount, step: to, turnRole: stepOf(to).role, stepStartedAt: at, stepDueAt: p.dueAt as string };
    }
    case 'incident.fieldsSet': {
      const next = { ...s, fieldHlc: { ...s.fieldHlc } };
      for (const f of INCIDENT_ANALYSIS_FIELDS) {
        const v = p[f];
        if (typeof v !== 'string') continue;
        // Newest write per field wins, so a stale edit from an offline desk cannot undo newer work.
        const seen = next.fieldHlc[f as AnalysisField];
        if (seen && seen > e.hlc) continue;
        next[f] = v;
        next.fieldHlc[f] = e.hlc;
      }
      return next;
    }
    case 'incident.attached': {
      const file = p.file as AttachmentRef;
      if (s.attachments.some((a) => a.hash === file.hash)) return s;
      return { ...s, attachments: [...s.attachments, { ...file, addedBy: e.actorId, addedAt: e.at }] };
    }
    case 'incident.violationRecorded':
      return {
        ...s,
        violations: [
          ...s.violations,
          {
            id: p.violationId as string,
            person: p.person as string,
            rule: p.rule as string,
            ...(p.description ? { description: p.description as string } : {}),
            recordedBy: e.actorId,
            recordedAt: e.at,
          },
        ],
      };
    case 'incident.sanctionDecided':
      return {
        ...s,
        violations: s.violations.map((v) => (v.id === p.violationId ? { ...v, sanction: { text: p.sanction as string, by: e.actorId, at: e.at } } : v)),
      };
    default:
      return s;
  }
};
