import { loadConfig } from '../../config';
import { createTemporalClient, signalWorkflowsWithProvisionalDeadlines } from '../../temporal';
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
    try {
      const signalled = await signalWorkflowsWithProvisionalDeadlines(client, [imported.year]);
      ctx.out(`已通知 ${signalled} 个含临时期限的流程按 ${imported.year} 年数据重新计算期限`);
    } finally {
      await connection.close();
    }
  },
};
