/**
 * `npm start` runs this once the three services (SERVICE_URL_*) and the worker are up: it loads the
 * demo data set through the services' real HTTP APIs (see demo-loader.ts), idempotently, and prints
 * one line per thing created (+) or found (=), then a few URLs and token commands to try.
 *
 *   source .local/dev/env.sh && npx tsx scripts/demo/load-demo-data.ts
 */
import { signToken } from '@sanxiang/shared';
import { loadWorkingDayCalendar, resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import {
  ApiError,
  ServiceUnreachableError,
  createStaffApi,
  type TServiceName,
  type TStaffUser,
} from './support/staff-api';
import { users } from './demo-data';
import { DemoError, loadDemoData } from './demo-loader';

function environment() {
  const env = process.env;
  const secret = env.AUTH_JWT_SECRET;
  if (!secret) {
    throw new DemoError(
      'AUTH_JWT_SECRET is not set: run `source .local/dev/env.sh` first (npm start does), so that the demo can sign its staff tokens.',
    );
  }
  return {
    baseUrls: {
      disclosure: env.SERVICE_URL_DISCLOSURE ?? 'http://127.0.0.1:3001',
      recording: env.SERVICE_URL_RECORDING ?? 'http://127.0.0.1:3002',
      legalReview: env.SERVICE_URL_LEGAL_REVIEW ?? 'http://127.0.0.1:3003',
    } satisfies Record<TServiceName, string>,
    auth: { secret, issuer: env.AUTH_ISSUER ?? 'sanxiang-local', audience: env.AUTH_AUDIENCE ?? 'sanxiang' },
    temporalUi: `http://127.0.0.1:${env.TEMPORAL_UI_PORT ?? '8233'}`,
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'case-lifecycle',
    calendarDir: resolveCalendarDataDir(env),
  };
}

/** Staff tokens signed like `npm run token` (HS256, AUTH_JWT_SECRET), one per user, cached. */
function tokens(auth: { secret: string; issuer: string; audience: string }) {
  const cache = new Map<string, Promise<string>>();
  return (user: TStaffUser) => {
    let token = cache.get(user.id);
    if (!token) {
      token = signToken({
        ...auth,
        subject: user.id,
        name: user.name,
        roles: user.roles,
        ...(user.unitId ? { unitId: user.unitId } : {}),
        ...(user.certificateNumber ? { certificateNumber: user.certificateNumber } : {}),
        expiresIn: '1h',
      }).then((t) => `Bearer ${t}`);
      cache.set(user.id, token);
    }
    return token;
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const env = environment();
  const api = createStaffApi({ baseUrls: env.baseUrls, authorization: tokens(env.auth) });
  console.log('Demo data: checking the services…');
  for (const service of ['recording', 'legalReview', 'disclosure'] as const) {
    try {
      await api.ready(service);
    } catch (err) {
      throw new DemoError(
        `${err instanceof Error ? err.message : String(err)}\n` +
          '  Start the system with `npm start` (or point SERVICE_URL_DISCLOSURE / _RECORDING / _LEGAL_REVIEW at it).',
      );
    }
  }
  const calendar = await loadWorkingDayCalendar({ importedDir: env.calendarDir });
  const result = await loadDemoData({ api, calendar });

  const d = env.baseUrls.disclosure;
  const q = (s: string) => encodeURIComponent(s);
  const token = (u: TStaffUser) =>
    `npm run -s token -- --roles ${u.roles.join(',')} --name ${u.name} --sub ${u.id}` +
    (u.certificateNumber ? ` --cert ${u.certificateNumber}` : '');
  console.log(`
Demo data: ${result.created} created, ${result.found} found, in ${((Date.now() - started) / 1000).toFixed(1)} s. Try:

  公示平台（公众）      ${d}/public
  检索“味香园”          ${d}/public?q=${q('味香园')}
  检索“职业中介”        ${d}/public?q=${q('职业中介')}   (自然人当事人显示为“王某”，身份证号、住址、电话已脱敏)
  检索撤下的决定        ${d}/public?q=${q('常人社监理字〔2026〕第106号')}   (已撤下的决定按文号检索，只显示撤下说明)
  公开 API              curl -s '${d}/api/public/decisions?q=${q('味香园')}'
${result.published.map((p) => `  决定详情              ${d}/public/decisions/${p.disclosureId}   (${p.caseNumber})`).join('\n')}
  事前公开目录          ${d}/public/catalogue
  Temporal Web UI       ${env.temporalUi}   filter: Stage = "legalReview" AND Major = true

  Staff tokens (same secret as the services):
    source .local/dev/env.sh
    OFFICER=$(${token(users.zhangWei)})
    curl -s -H "authorization: Bearer $OFFICER" '${env.baseUrls.recording}/cases/${q('常人社监察〔2026〕102号')}'
    REVIEWER=$(${token(users.reviewerLiu)})
    curl -s -H "authorization: Bearer $REVIEWER" '${env.baseUrls.legalReview}/reviews?status=inReview,awaitingMaterials'
    DISCLOSER=$(${token(users.discloser)})
    curl -s -H "authorization: Bearer $DISCLOSER" '${d}/disclosures?kind=decision'
    HEAD=$(${token(users.unitHead)})   # 负责人: approvals; reads every case file
`);
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof DemoError) {
    console.error(`\n✗ Demo data not loaded: ${message}`);
  } else if (err instanceof ServiceUnreachableError) {
    console.error(
      `\n✗ Demo data not loaded: ${message}\n  Is \`npm start\` running (services on 3001-3003)?`,
    );
  } else if (err instanceof ApiError) {
    console.error(`\n✗ Demo data not loaded: a service refused a step: ${message}`);
  } else if (/not reached within/u.test(message)) {
    console.error(
      `\n✗ Demo data not loaded: ${message}\n  The worker does that step: is it running (tsx workflows/src/worker/main.ts) ` +
        `and polling task queue "${process.env.TEMPORAL_TASK_QUEUE ?? 'case-lifecycle'}"?`,
    );
  } else {
    console.error(`\n✗ Demo data not loaded: ${err instanceof Error ? (err.stack ?? message) : message}`);
  }
  process.exit(1);
});
