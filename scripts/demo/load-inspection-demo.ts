/**
 * `npm start` runs this after the directory demo: one 随机抽查 plan of the demo agency through the
 * inspection service's real API — the list item, a pool of 20 employers imported from CSV (with one
 * row rejected, to show the report), a declared conflict of interest, a plan with one task, its
 * draw from a fixed, published seed, and the publication of both. Every step carries an
 * Idempotency-Key (or is idempotent itself), so a second run creates nothing.
 *
 *   source .local/dev/env.sh && npx tsx scripts/demo/load-inspection-demo.ts
 */
import { signToken, type TRole } from '@sanxiang/shared';
import { users } from './demo-data';
import { demoArea, demoCategory } from './directory-demo-data';

const districts = ['天宁区', '钟楼区', '新北区', '武进区', '金坛区'];
const employers = [
  '常州恒达机械制造有限公司',
  '常州市龙城纺织有限公司',
  '常州新港物流有限公司',
  '常州天和建筑劳务有限公司',
  '常州瑞丰电子科技有限公司',
  '常州市青枫餐饮管理有限公司',
  '常州金诚保安服务有限公司',
  '常州华泰汽车零部件有限公司',
  '常州市运河印务有限公司',
  '常州博远家政服务有限公司',
  '常州中吴化工有限公司',
  '常州市东坡酒店管理有限公司',
  '常州长江精密模具有限公司',
  '常州市红梅物业管理有限公司',
  '常州凯达服装有限公司',
  '常州市湖塘建材有限公司',
  '常州宏图信息技术有限公司',
  '常州市滨江食品有限公司',
  '常州润丰农业发展有限公司',
  '常州市新城快递服务有限公司',
];

/**
 * The demo employers' 统一社会信用代码: fictitious, with correct GB 32100-2015 check characters
 * (services/inspection/test/demo-plan.test.ts checks them; scripts may not import services).
 */
export const demoObjectCodes = [
  '91320400MA2001000B',
  '91320400MA20010374',
  '91320400MA2001074Y',
  '91320400MA20011115',
  '91320400MA2001148X',
  '91320400MA2001185Q',
  '91320400MA2001222Y',
  '91320400MA2001259P',
  '91320400MA2001296J',
  '91320400MA2001333Q',
  '91320400MA2001370K',
  '91320400MA2001407P',
  '91320400MA2001444J',
  '91320400MA2001481D',
  '91320400MA2001518H',
  '91320400MA2001555C',
  '91320400MA20015927',
  '91320400MA2001629B',
  '91320400MA20016666',
  '91320400MA2001703C',
];

export const demoItem = {
  code: 'LDBZ-2026-01',
  body: {
    name: '用人单位遵守劳动保障法律法规情况的检查',
    subject: '常州市劳动保障监察支队',
    basis: '《劳动保障监察条例》第十一条、第十五条；《保障农民工工资支付条例》第四十六条',
    objectScope: '本市行政区域内的用人单位（企业、个体经济组织、民办非企业单位等）',
    content: '劳动合同订立、工资支付、工作时间和休息休假、社会保险参保缴费、禁止使用童工等情况',
    ratio: '不低于名录库对象总数的5%',
    ratioPercent: 20,
    method: '现场检查、书面审查',
    frequency: '每年不少于1次',
    enforcementCategory: demoCategory,
    enforcementArea: demoArea,
    excludePreviousInspectors: true,
  },
};

export const demoSeed = 20_260_302;

export async function loadInspectionDemo(
  baseUrl: string,
  auth: { secret: string; issuer: string; audience: string },
): Promise<{ planId: string; taskId: string; lines: string[] }> {
  const tokenOf = (subject: string, name: string, roles: TRole[], certificateNumber?: string) =>
    signToken({
      ...auth,
      subject,
      name,
      roles,
      ...(certificateNumber ? { certificateNumber } : {}),
      expiresIn: '10m',
    });
  const admin = await tokenOf('demo-admin-xuhang', '徐航', ['admin']);
  const head = await tokenOf('demo-head-zhoujianguo', '周建国', ['head']);
  const officer = await tokenOf('demo-officer-zhangwei', '张伟', ['officer'], '32040020231');
  const lines: string[] = [];
  const call = async (
    token: string,
    method: string,
    path: string,
    body?: unknown,
    options: { key?: string; csv?: boolean } = {},
  ) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': options.csv ? 'text/csv' : 'application/json',
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
      ...(body === undefined ? {} : { body: options.csv ? String(body) : JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    lines.push(`${method} ${path} → ${res.status}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  await call(admin, 'PUT', `/items/${demoItem.code}`, demoItem.body);
  const csv = [
    '统一社会信用代码,名称,类型,地址,所属区域',
    ...employers.map(
      (name, i) =>
        `${demoObjectCodes[i]},${name},企业,常州市${districts[i % 5]}示范路${i + 1}号,${districts[i % 5]}`,
    ),
    // Shows the rejected-rows report: a mistyped check character.
    `${demoObjectCodes[0]!.slice(0, 17)}${demoObjectCodes[0]!.endsWith('1') ? '2' : '1'},常州录入错误示例有限公司,企业,,天宁区`,
  ].join('\n');
  const report = await call(admin, 'POST', '/object-imports?fileName=检查对象名录库-2026.csv', csv, {
    key: 'demo-objects-2026',
    csv: true,
  });
  lines.push(`  ${String(report.summary)}`);
  await call(
    officer,
    'POST',
    '/conflicts',
    { uscc: demoObjectCodes[3], reason: '配偶在该单位从事人力资源工作' },
    { key: 'demo-conflict-1' },
  );
  const plan = await call(
    head,
    'POST',
    '/plans',
    {
      name: '2026年度劳动保障监察“双随机、一公开”抽查计划',
      year: 2026,
      description: '按随机抽查事项清单，对名录库内用人单位随机抽取检查对象和执法检查人员。',
    },
    { key: 'demo-plan-2026' },
  );
  const planId = String(plan.id);
  const task = await call(
    head,
    'POST',
    `/plans/${planId}/tasks`,
    {
      itemCode: demoItem.code,
      name: '2026年第一批用人单位劳动保障守法情况随机抽查',
      startDate: '2026-03-02',
      endDate: '2026-03-31',
    },
    { key: 'demo-task-2026-1' },
  );
  const taskId = String(task.id);
  await call(head, 'POST', `/tasks/${taskId}/draws`, { seed: demoSeed }, { key: 'demo-draw-2026-1' });
  await call(head, 'POST', `/plans/${planId}/publication`);
  await call(head, 'POST', `/tasks/${taskId}/publication`);
  return { planId, taskId, lines };
}

type TAuth = { secret: string; issuer: string; audience: string };

async function demoCall(
  baseUrl: string,
  auth: TAuth,
  who: { id: string; name: string; roles: TRole[] },
  method: string,
  path: string,
  body?: unknown,
  key?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = await signToken({
    ...auth,
    subject: who.id,
    name: who.name,
    roles: who.roles,
    expiresIn: '10m',
  });
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** What the demo's drawn inspectors found, object by object in draw order (none opens a case). */
const demoFindings = [
  { result: 'noProblem' },
  { result: 'rectificationOrdered', note: '未按规定与两名劳动者订立书面劳动合同，已责令于15日内整改' },
  { result: 'noProblem' },
  { result: 'notFound', note: '登记的经营地址已无该单位，经联系法定代表人未果' },
] as const;

/**
 * Finishes the demo task: each drawn object's result entered by its first drawn inspector, the
 * results checked by the disclosure office (孙丽) and approved by a head who is not one of the
 * task's inspectors — then the task's results workflow (the worker) publishes them. Idempotent:
 * steps already done are skipped. Returns the results' publication state after the approval.
 */
export async function finishInspectionDemo(
  baseUrl: string,
  auth: TAuth,
  taskId: string,
  /** 'results': only enter the results (the console's 核对/审批 walk does the rest). */
  options: { stopAfter?: 'results' } = {},
): Promise<{ status: string; lines: string[] }> {
  const lines: string[] = [];
  const step = async (
    who: { id: string; name: string; roles: TRole[] },
    method: string,
    path: string,
    body?: unknown,
    key?: string,
  ) => {
    const res = await demoCall(baseUrl, auth, who, method, path, body, key);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
    lines.push(`${method} ${path} → ${res.status}`);
    return res.body;
  };
  type TObject = { objectId: string; result: string | null; inspectors: { id: string; name: string }[] };
  const state = await step(users.unitHead, 'GET', `/tasks/${taskId}/results`);
  const publication = state.publication as { status: string };
  if (publication.status !== 'open') return { status: publication.status, lines };
  const objects = state.objects as TObject[];
  for (const [i, o] of objects.entries()) {
    if (o.result) continue;
    const inspector = o.inspectors[0]!;
    await step(
      { id: inspector.id, name: inspector.name, roles: ['officer'] },
      'PUT',
      `/tasks/${taskId}/results/${o.objectId}`,
      demoFindings[i % demoFindings.length],
      `demo-result-${taskId}-${i}`,
    );
  }
  if (options.stopAfter === 'results') return { status: 'open', lines };
  await step(users.discloser, 'POST', `/tasks/${taskId}/results/check`, undefined, `demo-check-${taskId}`);
  // 审核办法 §3: a head drawn as one of the task's inspectors may not approve its results.
  const drawn = new Set(objects.flatMap((o) => o.inspectors.map((i) => i.id)));
  const approver = [users.unitHead, users.officeHead].find((u) => !drawn.has(u.id));
  if (!approver) throw new Error('both demo heads were drawn as inspectors: no one may approve');
  const approved = await step(
    approver,
    'POST',
    `/tasks/${taskId}/results/approval`,
    undefined,
    `demo-approval-${taskId}`,
  );
  return { status: String(approved.status), lines };
}

/** Waits until the task's results are public (the worker's results workflow publishes them). */
export async function waitForPublishedResults(baseUrl: string, taskId: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${baseUrl}/public/tasks/${taskId}/results`);
    if (res.status === 200)
      return (await res.json()) as { objectName: string; resultLabel: string; publishedAt: string }[];
    if (Date.now() > until)
      throw new Error(
        `the demo task's results were not published within ${timeoutMs} ms (is the worker running?)`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(): Promise<void> {
  const secret = process.env.AUTH_JWT_SECRET;
  if (!secret) throw new Error('AUTH_JWT_SECRET is not set: run `source .local/dev/env.sh` first');
  const baseUrl = process.env.SERVICE_URL_INSPECTION ?? 'http://127.0.0.1:3007';
  const auth = {
    secret,
    issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
    audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
  };
  const { taskId, lines } = await loadInspectionDemo(baseUrl, auth);
  // One finished plan on the public platform: its results entered, checked, approved, published.
  const finished = await finishInspectionDemo(baseUrl, auth, taskId);
  const published = await waitForPublishedResults(baseUrl, taskId);
  console.log(`Inspection demo (双随机): ${lines.length + finished.lines.length} steps`);
  console.log(`  public draw: ${baseUrl}/public/tasks/${taskId}`);
  console.log(`  public results: ${published.length} objects, ${baseUrl}/public/tasks/${taskId}/results`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
