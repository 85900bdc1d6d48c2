/** The incident fold: the same on every desk, in every browser and on the server. */
import type { Fold } from '../kind';
import type { incidentEvents } from './events';
import { INCIDENT_ANALYSIS_FIELDS, type IncidentState, type StepRecord } from './state';
import { nextStep, stepOf } from './steps';

export const applyIncident: Fold<IncidentState, typeof incidentEvents> = (state, e) => {
  if (e.type === 'incident.reported') {
    const p = e.payload;
    return {
      id: e.recordId,
      docNo: p.docNo,
      title: p.title,
      status: 'open',
      step: 1,
      turnRole: stepOf(1).role,
      stepStartedAt: e.at,
      stepDueAt: p.dueAt,
      reportedAt: e.at,
      reportedBy: e.actorId,
      ...(p.ticketId ? { ticketId: p.ticketId } : {}),
      ...(p.ticketDocNo ? { ticketDocNo: p.ticketDocNo } : {}),
      reporterName: p.reporterName,
      reporterContact: p.reporterContact ?? '',
      detectedAt: p.detectedAt,
      affectedSystems: p.affectedSystems,
      category: p.category,
      severity: p.severity,
      description: p.description,
      actions: '',
      rootCause: '',
      mitigation: '',
      lessonsLearned: '',
      fieldHlc: {},
      attachments: (p.attachments ?? []).map((a) => ({ ...a, addedBy: e.actorId, addedAt: e.at })),
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
      const p = e.payload;
      // A completion made offline for a step the incident has already left (done on another
      // desk first) is refused by the server; until then it must not move this fold either.
      if (s.status !== 'open' || p.step !== s.step) return s;
      const outcome = p.outcome;
      const at = p.at ?? e.at;
      const record: StepRecord = {
        step: s.step,
        role: stepOf(s.step).role,
        by: e.actorId,
        startedAt: s.stepStartedAt,
        at,
        dueAt: s.stepDueAt,
        workingMs: p.workingMs,
        note: p.note,
        ...(outcome ? { outcome } : {}),
      };
      const history = [...s.history, record];
      const reworkCount = s.reworkCount + (outcome === 'not_done' ? 1 : 0);
      const to = nextStep(s.step, outcome);
      if (to === 'closed' || to === undefined) {
        return { ...s, history, reworkCount, status: 'closed', closedAt: at, workingDays: p.workingDays };
      }
      // decide() puts the next step's deadline in every completion that does not close.
      return { ...s, history, reworkCount, step: to, turnRole: stepOf(to).role, stepStartedAt: at, stepDueAt: p.dueAt ?? s.stepDueAt };
    }
    case 'incident.fieldsSet': {
      const next = { ...s, fieldHlc: { ...s.fieldHlc } };
      for (const f of INCIDENT_ANALYSIS_FIELDS) {
        const v = e.payload[f];
        if (typeof v !== 'string') continue;
        // Newest write per field wins, so a stale edit from an offline desk cannot undo newer work.
        const seen = next.fieldHlc[f];
        if (seen && seen > e.hlc) continue;
        next[f] = v;
        next.fieldHlc[f] = e.hlc;
      }
      return next;
    }
    case 'incident.attached': {
      const file = e.payload.file;
      if (s.attachments.some((a) => a.hash === file.hash)) return s;
      return { ...s, attachments: [...s.attachments, { ...file, addedBy: e.actorId, addedAt: e.at }] };
    }
    case 'incident.violationRecorded': {
      const p = e.payload;
      return {
        ...s,
        violations: [
          ...s.violations,
          {
            id: p.violationId,
            person: p.person,
            rule: p.rule,
            ...(p.description ? { description: p.description } : {}),
            recordedBy: e.actorId,
            recordedAt: e.at,
          },
        ],
      };
    }
    case 'incident.sanctionDecided': {
      const p = e.payload;
      return { ...s, violations: s.violations.map((v) => (v.id === p.violationId ? { ...v, sanction: { text: p.sanction, by: e.actorId, at: e.at } } : v)) };
    }
    default:
      return s;
  }
};
