import { loadConfig } from '../../config';
import { lifecycleSignals, type TCalendarUpdated } from '../../contracts/lifecycle';
import { createTemporalClient } from '../../temporal';
import type { TPostImportStep } from '../post-import';

/**
 * After a holiday year is imported: every running workflow that holds a provisional deadline (search
 * attribute ProvisionalDeadline = true) is signalled `calendarUpdated`, and recomputes its clocks in
 * an activity. Signalled by workflow id, so a run that continued-as-new still gets it.
 */
export const signalProvisionalWorkflows: TPostImportStep = {
  name: 'signal workflows with provisional deadlines',
  async run(imported, ctx) {
    const config = loadConfig('cli', ctx.env);
    const { client, connection } = createTemporalClient(config);
    const payload: TCalendarUpdated = { years: [imported.year], at: new Date().toISOString() };
    try {
      let signalled = 0;
      const running = client.workflow.list({
        query: 'ProvisionalDeadline = true AND ExecutionStatus = "Running"',
      });
      for await (const execution of running) {
        await client.workflow
          .getHandle(execution.workflowId)
          .signal(lifecycleSignals.calendarUpdated, payload);
        signalled += 1;
      }
      ctx.out(`已通知 ${signalled} 个含临时期限的流程按 ${imported.year} 年数据重新计算期限`);
    } finally {
      await connection.close();
    }
  },
};
