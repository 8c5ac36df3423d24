import type { TLevel } from './clocks';
import type { Lifecycle } from './lifecycle';

/**
 * The outbox's one consumer: escalation records and stage transitions go to the recording service
 * in order, and so do clock events, the people told (notifications service) and the filing of a
 * decision with the legal-review office. The queue is part
 * of the state, so nothing is lost to continue-as-new.
 */
export async function drainOutbox(lc: Lifecycle): Promise<void> {
  const { services } = lc.ports;
  for (;;) {
    await lc.ports.condition(() => lc.state.outbox.length > 0);
    const item = lc.state.outbox[0];
    if (!item) continue;
    if (item.type === 'notifiedEscalation') {
      const { people } = await services.notifyClockStep(item.notify);
      lc.noteNotified(item.request.clockId, item.request.level as TLevel, people);
      await services.recordEscalation({
        caseNumber: lc.caseNumber,
        idempotencyKey: item.idempotencyKey,
        request: {
          ...item.request,
          notified: { ...item.request.notified, userIds: people.map((p) => p.personId), people },
        },
      });
    } else if (item.type === 'decisionFiling') {
      const res = await services.fileDecisionWithOffice(item.filing);
      const cycle = lc.state.cycles.find((c) => c.cycle === item.cycle);
      if (res.filed) {
        if (cycle) cycle.filedWithOffice = { filingId: res.filingId, at: res.filedAt };
      } else {
        lc.warn('Decision not filed with the legal-review office: another filing holds its key', {
          cycle: item.cycle,
          conflict: res.conflict,
        });
      }
    } else if (item.type === 'clockEvent') {
      await services.reportClockEvent(item.event);
    } else if (item.type === 'escalation') {
      await services.recordEscalation({
        caseNumber: lc.caseNumber,
        idempotencyKey: item.idempotencyKey,
        request: item.request,
      });
    } else {
      await services.recordStageTransition({
        caseNumber: lc.caseNumber,
        idempotencyKey: item.idempotencyKey,
        request: item.request,
      });
    }
    lc.state.outbox.shift();
  }
}
