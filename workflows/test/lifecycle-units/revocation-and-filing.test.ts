import { decisionMade } from '../../src/lifecycle/workflow/handlers/decision/decision-made';
import { DECISION_FILING_PATCH } from '../../src/lifecycle/workflow/handlers/decision/decision-made';
import {
  onDecisionRevoked,
  REVOKED_BEFORE_PUBLICATION_PATCH,
} from '../../src/lifecycle/workflow/handlers/disclosure/decision-revoked';
import { onDisclosureApproved } from '../../src/lifecycle/workflow/handlers/disclosure/disclosure-approved';
import { statusOf } from '../../src/lifecycle/workflow/handlers/status-query';
import { drainOutbox } from '../../src/lifecycle/workflow/outbox';
import { disclosureStage } from '../../src/lifecycle/workflow/stages/disclosure-stage';
import { decision, fakeLifecycle } from '../support/fake-lifecycle';

const inDisclosure = async () => {
  const f = fakeLifecycle();
  f.lc.state.stage = 'decision';
  decisionMade(f.lc, decision());
  await expect(disclosureStage(f.lc)).rejects.toThrow('fake condition would block'); // draft created, waiting
  return f;
};

const revocation = (overrides: Record<string, unknown> = {}) => ({
  cycle: 1,
  reason: 'revoked',
  document: { documentNumber: '常政复决〔2026〕3号', date: '2026-03-25', authority: '某市人民政府' },
  explanation: '复议机关以事实不清为由撤销该行政处罚决定，决定不再公开。',
  recordId: '0190a0a0-0000-7000-8000-000000000001',
  recordedBy: 'officer-1',
  at: '2026-03-25T02:00:00Z',
  ...overrides,
});

// #13 item 6, revokedBeforePublication (003 (六) “行政执法决定被依法撤销、确认违法或者要求重新作出的…”,
// 004 §14): a decision revoked before it was published stops its pending disclosure with the
// explanation, and its publication clock.
describe('revokedBeforePublication (003 (六), 004 §14)', () => {
  test('the clock stops, the disclosure service ends the pending record with the explanation, the case closes', async () => {
    const { lc, seen } = await inDisclosure();
    onDecisionRevoked(lc, revocation());
    await disclosureStage(lc);
    expect(seen.closed).toEqual(['disclosure:1']);
    const stop = seen.calls.find((c) => c.name === 'stopRevokedDisclosure');
    expect(stop?.input).toEqual({
      disclosureId: 'disc-1',
      idempotencyKey: 'case-lifecycle:test:disclosure-revocation:1',
      request: {
        workflowId: 'case-lifecycle:test',
        cycle: 1,
        reason: 'revoked',
        document: { documentNumber: '常政复决〔2026〕3号', date: '2026-03-25', authority: '某市人民政府' },
        explanation: '复议机关以事实不清为由撤销该行政处罚决定，决定不再公开。',
        recordedBy: 'officer-1',
      },
    });
    expect(seen.calls.map((c) => c.name)).not.toContain('publishDisclosure');
    expect(lc.state.stage).toBe('closed');
    expect(lc.state.closedReason).toBe(
      '公开前原行政执法决定被依法撤销（某市人民政府 常政复决〔2026〕3号），不再公开：复议机关以事实不清为由撤销该行政处罚决定，决定不再公开。',
    );
    expect(statusOf(lc).cycles[0]?.revokedBeforePublication).toEqual({
      reason: 'revoked',
      explanation: '复议机关以事实不清为由撤销该行政处罚决定，决定不再公开。',
      at: '2026-03-25T02:00:00.000Z',
    });
    // An approval arriving after the revocation publishes nothing.
    onDisclosureApproved(lc, {
      cycle: 1,
      disclosureId: 'disc-1',
      approvedBy: 'h',
      approvedAt: '2026-03-26T02:00:00Z',
    });
    expect(lc.state.cycles[0]?.approvedAt).toBeUndefined();
  });

  test('ordered to be redone: the pending disclosure stops and a new decision cycle starts at the proposal', async () => {
    const { lc, seen } = await inDisclosure();
    onDecisionRevoked(
      lc,
      revocation({ reason: 'toBeRedone', explanation: '法院判决责令重新作出行政处罚决定，原决定不再公开。' }),
    );
    await disclosureStage(lc);
    expect(seen.calls.map((c) => c.name)).toContain('stopRevokedDisclosure');
    expect(lc.state.cycle).toBe(2);
    expect(lc.state.stage).toBe('proposal');
  });

  test('once approved for publication the signal changes nothing (the withdrawal is decided in the disclosure service)', async () => {
    const { lc, seen } = await inDisclosure();
    onDisclosureApproved(lc, {
      cycle: 1,
      disclosureId: 'disc-1',
      approvedBy: 'h',
      approvedAt: '2026-03-23T02:00:00Z',
    });
    onDecisionRevoked(lc, revocation());
    expect(lc.state.cycles[0]?.revoked).toBeUndefined();
    expect(seen.warnings).toContain('Ignoring decisionRevoked: no disclosure pending before publication');
    await disclosureStage(lc);
    expect(lc.state.stage).toBe('published');
  });

  test('a run from before the patch ignores the signal, as its code did', async () => {
    const { lc } = await inDisclosure();
    lc.ports.patched = (id) => id !== REVOKED_BEFORE_PUBLICATION_PATCH;
    onDecisionRevoked(lc, revocation());
    expect(lc.state.cycles[0]?.revoked).toBeUndefined();
  });
});

// #13 item 8, decisionFiledWithOffice (004 审核办法 §16 “执法决定应当定期向法制审核机构备案”): every
// decision is filed with the legal-review office when it is made, by the workflow's outbox.
describe('decisionFiledWithOffice (审核办法 §16)', () => {
  test('making a decision queues its filing; the outbox files it and the status shows the filing', async () => {
    const { lc, seen } = fakeLifecycle();
    lc.state.stage = 'decision';
    decisionMade(lc, decision());
    expect(lc.state.outbox.map((o) => o.type)).toEqual(['stageTransition', 'decisionFiling']);
    void drainOutbox(lc).catch(() => undefined); // the fake condition throws once the outbox is empty
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.calls.filter((c) => c.name === 'fileDecisionWithOffice')).toEqual([
      {
        name: 'fileDecisionWithOffice',
        input: {
          idempotencyKey: 'case-lifecycle:test:decision-filing:1',
          request: {
            caseNumber: '常人社监〔2026〕1号',
            documentNumber: '常人社监罚〔2026〕8号',
            decisionKind: 'penalty',
            decisionDate: '2026-03-20',
            title: '拖欠工资',
          },
        },
      },
    ]);
    expect(lc.state.outbox).toEqual([]);
    expect(statusOf(lc).cycles[0]?.filedWithOffice).toEqual({
      filingId: 'filing-1',
      at: '2026-03-02T02:00:00.000Z',
    });
  });

  test('a run whose decision was made before the patch files nothing', () => {
    const { lc } = fakeLifecycle();
    lc.state.stage = 'decision';
    lc.ports.patched = (id) => id !== DECISION_FILING_PATCH;
    decisionMade(lc, decision());
    expect(lc.state.outbox.map((o) => o.type)).toEqual(['stageTransition']);
  });
});
