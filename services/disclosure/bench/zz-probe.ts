import { Client } from 'pg';
import { Pool } from 'pg';
import { indexedMatchesSql, loadBigramStats, planKeywordSearch, recentMatchesSql } from '../src/data-access/public-decision-repository';
import { normalizeForSearch } from '../src/domain/search-text';
const url = process.argv[2]!;
const qs = process.argv.slice(3);
(async () => {
  const c = new Client({ connectionString: url });
  await c.connect();
  const pool = new Pool({ connectionString: url });
  const stats = await loadBigramStats(pool);
  await pool.end();
  for (const q of qs) {
    const [kw, kind] = q.split(':');
    const f = { keyword: normalizeForSearch(kw!), decisionKind: kind || undefined, page: 1, pageSize: 20 };
    const plan = planKeywordSearch(f.keyword, f, stats);
    console.log(q, JSON.stringify(plan));
    for (const [label, sql] of [['recent', recentMatchesSql(f, plan.recentWindow || 2000)], ['indexed', indexedMatchesSql(f, plan.indexBigrams)]] as const) {
      const r = await c.query('EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ' + sql.text, sql.values);
      const lines = r.rows.map((x: Record<string, string>) => x['QUERY PLAN']);
      console.log(`--- ${q} ${label}: ` + lines.filter((l?: string) => l !== undefined && /Execution Time|actual time.*rows=/.test(l)).slice(0, 3).map((l?: string) => (l ?? "").trim()).join(' | '));
    }
  }
  await c.end();
})();
