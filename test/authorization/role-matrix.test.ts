/**
 * The role matrix (#10, #16): the authorisation table (authorization-table.ts, docs/authorization.md)
 * against the route table every service publishes (`x-roles` in /openapi.json), and walked against
 * the running services — one in-process system on the test stack, requests only: every operation ×
 * (no token, expired, wrong issuer, `alg: none`, each role), then the case rules of recording with
 * people of the case's unit and of another unit, legal review's office head, and disclosure by unit.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { bearer, testStack, type TTestUser } from '@sanxiang/testing';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import { startInProcessSystem, type TInProcessSystem } from '../support/in-process-system';
import { seedDirectory, testEnforcementScope, testUnitNames } from '../support/directory-seed';
import {
  authorizationTable,
  authorizedServices,
  tokenAnswers,
  type TAccessRuleKey,
  type TAuthorizedService,
} from './authorization-table';

jest.setTimeout(120_000);

type TOperationDoc = {
  operationId: string;
  'x-roles'?: string[] | 'public';
  parameters?: { name: string; in: string; schema?: { type?: string; format?: string } }[];
  requestBody?: { content: Record<string, unknown> };
};
type TDocument = { paths: Record<string, Record<string, TOperationDoc>> };

const realCaseNumber = (suffix: string) => `常人社监察〔2026〕${suffix}号`;
const run = randomUUID().slice(0, 6).toUpperCase();

/** Each identity sends from its own loopback address, so the public rate limit counts them apart. */
const agents = new Map<string, http.Agent>();
function send(
  url: string,
  method: string,
  o: { authorization?: string; json?: unknown; localAddress: string },
): Promise<{ status: number; body: string }> {
  let agent = agents.get(o.localAddress);
  if (!agent) agents.set(o.localAddress, (agent = new http.Agent({ keepAlive: true, maxSockets: 4 })));
  const payload = o.json === undefined ? undefined : Buffer.from(JSON.stringify(o.json));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        localAddress: o.localAddress,
        headers: {
          accept: 'application/json',
          ...(o.authorization ? { authorization: o.authorization } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A path with its parameters filled in with well-formed values of nothing that exists. */
function fillPath(path: string, op: TOperationDoc, values: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/gu, (_m, name: string) => {
    if (values[name] !== undefined) return encodeURIComponent(values[name]);
    const schema = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
    if (name === 'caseNumber') return encodeURIComponent(realCaseNumber(`N${run}`));
    if (schema?.format === 'uuid') return randomUUID();
    if (schema?.type === 'integer' || schema?.type === 'number') return '1';
    if (name === 'certificateNumber') return '32049999999';
    return `authz-${run.toLowerCase()}`;
  });
}

const personRoles = ['officer', 'reviewer', 'head', 'discloser', 'admin'] as const;

describe('the role matrix against the running services', () => {
  let system: TInProcessSystem;
  let docs: Record<TAuthorizedService, TDocument>;
  let tokens: Record<string, string | undefined>;
  const base = (service: TAuthorizedService) =>
    ({
      directory: system.urls.directory,
      recording: system.urls.recording,
      'legal-review': system.urls.legalReview,
      disclosure: system.urls.disclosure,
      inspection: system.urls.inspection,
      notifications: system.urls.notifications,
    })[service];

  beforeAll(async () => {
    system = await startInProcessSystem({ worker: false });
    // The agency's units (enforcement units test-unit and test-unit-b, the legal-review office
    // test-fazhi); people are added by the suites below.
    await seedDirectory(system.urls.directory, []);
    // …and the agency's leadership (局领导), whose heads read every unit's cases in recording.
    const leadership = await fetch(`${system.urls.directory}/units/test-lingdao`, {
      method: 'PUT',
      headers: {
        authorization: await bearer({ id: 'test-admin', name: '测试管理员', roles: ['admin'] }),
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        agencyId: 'test-agency',
        code: 'test-lingdao',
        name: '测试局领导',
        kind: 'leadership',
      }),
    });
    if (leadership.status !== 200 && leadership.status !== 201)
      throw new Error(`PUT /units/test-lingdao answered ${leadership.status}`);
    docs = Object.fromEntries(
      await Promise.all(
        authorizedServices.map(async (s) => {
          const res = await fetch(`${base(s)}/openapi.json`);
          return [s, (await res.json()) as TDocument] as const;
        }),
      ),
    ) as Record<TAuthorizedService, TDocument>;
    const stack = testStack();
    const secret = new TextEncoder().encode(stack.authSecret);
    const issuer = process.env.AUTH_ISSUER ?? 'sanxiang-local';
    const audience = process.env.AUTH_AUDIENCE ?? 'sanxiang';
    const now = Math.floor(Date.now() / 1000);
    const claims = { name: '矩阵测试', roles: [...personRoles], unit: 'test-unit-b' };
    const signed = (iss: string, iat: number, exp: number) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject('authz-matrix')
        .setIssuer(iss)
        .setAudience(audience)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(secret);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    tokens = {
      none: undefined,
      expired: `Bearer ${await signed(issuer, now - 7200, now - 3600)}`,
      wrongIssuer: `Bearer ${await signed('https://idp.elsewhere.example', now, now + 600)}`,
      algNone: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: 'authz-matrix', iss: issuer, aud: audience, iat: now, exp: now + 600 })}.`,
      system: await bearer({ id: 'system:authz-matrix', name: '矩阵测试', roles: ['system'] }),
    };
    // In the legal-review office: its head is the office's head (the office's rules are below).
    for (const role of personRoles)
      tokens[role] = await bearer({
        id: `authz-${role}`,
        name: '矩阵测试',
        roles: [role],
        unitId: 'test-fazhi',
      });
  });
  afterAll(async () => {
    for (const agent of agents.values()) agent.destroy();
    await system?.stop();
  });

  describe.each(authorizedServices)('%s: every operation × token × role', (service) => {
    it('answers as the table says', async () => {
      const mismatches: unknown[] = [];
      const identities = ['none', 'expired', 'wrongIssuer', 'algNone', ...personRoles, 'system'];
      for (const [operation, access] of Object.entries(authorizationTable[service])) {
        const [method, path] = operation.split(' ') as [string, string];
        const op = docs[service].paths[path]![method.toLowerCase()]!;
        const url = `${base(service)}${fillPath(path, op)}`;
        const json = op.requestBody?.content['application/json'] ? {} : undefined;
        await Promise.all(
          identities.map(async (identity, i) => {
            const res = await send(url, method, {
              authorization: tokens[identity],
              json,
              localAddress: `127.0.0.${10 + i}`,
            });
            const isPublic = access.roles === 'public';
            const listed = !isPublic && (access.roles as readonly string[]).includes(identity);
            let expected: string;
            if (identity === 'none') expected = isPublic ? 'answered' : String(tokenAnswers.missing);
            else if (identity === 'expired' || identity === 'wrongIssuer' || identity === 'algNone')
              expected = '401';
            else if (isPublic || listed) expected = 'answered';
            else expected = String(tokenAnswers.roleNotListed);
            const got =
              expected === 'answered'
                ? res.status !== 401 && res.status !== 403 && res.status < 500
                  ? 'answered'
                  : String(res.status)
                : String(res.status);
            if (got !== expected)
              mismatches.push({
                operation,
                identity,
                expected,
                got: res.status,
                body: res.body.slice(0, 200),
              });
          }),
        );
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('recording: the case rules with people of the case’s unit and of another unit', () => {
    const person = (id: string, name: string, unitId: string, roles: TTestUser['roles'], cert?: string) => ({
      id: `authz-${id}-${run}`,
      name,
      unitId,
      roles,
      ...(cert ? { certificateNumber: cert } : {}),
    });
    const people = {
      officerA: person(
        'officer-a',
        '张伟',
        'test-unit',
        ['officer'],
        `3204${run.replace(/\D/gu, '7')}1`.slice(0, 11),
      ),
      officerB: person(
        'officer-b',
        '李娜',
        'test-unit',
        ['officer'],
        `3204${run.replace(/\D/gu, '7')}2`.slice(0, 11),
      ),
      unitOfficer: person('officer-c', '王强', 'test-unit', ['officer']),
      unitHead: person('head-a', '周建国', 'test-unit', ['head']),
      otherOfficer: person('officer-x', '陈静', 'test-unit-b', ['officer']),
      otherHead: person('head-x', '刘洋', 'test-unit-b', ['head']),
      agencyHead: person('head-agency', '赵局长', 'test-lingdao', ['head']),
      reviewer: person('reviewer', '刘晓燕', 'test-fazhi', ['reviewer']),
      discloser: person('discloser', '孙丽', 'test-fazhi', ['discloser']),
      admin: person('admin', '管理员', 'test-fazhi', ['admin']),
    };
    type TWho = keyof typeof people;
    const caseNumber = realCaseNumber(`Z${run}`);

    /** Who, with a role the operation lists, the rule lets through on this case (else the answer). */
    const onCase: TWho[] = ['officerA', 'officerB'];
    const readers: TWho[] = ['officerA', 'officerB', 'unitOfficer', 'unitHead', 'agencyHead'];
    const expectedFor = (rule: TAccessRuleKey, who: TWho): 'answered' | 403 | 404 => {
      const reads = readers.includes(who);
      switch (rule) {
        case 'caseRead':
        case 'accessRequestList':
          return reads ? 'answered' : 404;
        case 'caseOfficer':
          return onCase.includes(who) ? 'answered' : reads ? 403 : 404;
        case 'caseOfficerOrUnitHead':
          return onCase.includes(who) || who === 'unitHead' ? 'answered' : reads ? 403 : 404;
        case 'caseUnitHead':
          return who === 'unitHead' ? 'answered' : reads ? 403 : 404;
        case 'majorDesignation':
          // The case never went to legal review: the office does not reach it.
          return who === 'unitHead' ? 'answered' : reads ? 403 : 404;
        default:
          throw new Error(`no expectation for rule ${rule}`);
      }
    };

    /**
     * Operations on the case and a body that passes validation, so the rule decides. Those whose
     * allowed calls would wait on the case's lifecycle (no worker here) are sent only by people the
     * rule refuses; the end-to-end suites drive the allowed calls.
     */
    const now = new Date().toISOString();
    const caseOperations: { operation: string; json?: unknown; refusedOnly?: boolean }[] = [
      { operation: 'GET /cases/{caseNumber}' },
      { operation: 'GET /cases/{caseNumber}/records' },
      { operation: 'GET /cases/{caseNumber}/evidence' },
      { operation: 'GET /cases/{caseNumber}/export' },
      { operation: 'GET /cases/{caseNumber}/access-requests' },
      { operation: 'GET /cases/{caseNumber}/evidence-uploads' },
      {
        operation: 'POST /cases/{caseNumber}/activities',
        json: { kind: 'siteInspection', title: '现场检查', startedAt: now },
      },
      {
        operation: 'POST /cases/{caseNumber}/evidence-uploads',
        json: {
          activityId: randomUUID(),
          mediaKind: 'photo',
          fileName: 'a.png',
          contentType: 'image/png',
          size: 10,
          sha256: 'a'.repeat(64),
        },
        refusedOnly: true,
      },
      { operation: 'POST /cases/{caseNumber}/close', json: { reason: '测试结案' }, refusedOnly: true },
      { operation: 'POST /cases/{caseNumber}/archive', refusedOnly: true },
      {
        operation: 'POST /cases/{caseNumber}/major-designations',
        json: { reason: '测试认定', criteria: [] },
        refusedOnly: true,
      },
      {
        operation: 'POST /cases/{caseNumber}/major-downgrades',
        json: { reason: '测试改为一般' },
        refusedOnly: true,
      },
    ];

    beforeAll(async () => {
      await seedDirectory(system.urls.directory, Object.values(people));
      const res = await send(`${system.urls.recording}/cases`, 'POST', {
        authorization: await bearer(people.officerA),
        localAddress: '127.0.0.1',
        json: {
          caseNumber,
          title: '授权矩阵测试案件',
          handlingUnit: testUnitNames['test-unit'],
          ...testEnforcementScope,
          party: { kind: 'legalPerson', name: '常州授权测试有限公司', idNumber: '91320400MA1W8XKQ3T' },
          officers: [people.officerA, people.officerB].map((o) => ({
            userId: o.id,
            name: o.name,
            certificateNumber: o.certificateNumber,
          })),
        },
      });
      if (res.status !== 201) throw new Error(`opening the case answered ${res.status}: ${res.body}`);
    });
    afterAll(async () => {
      await system?.terminateCases([caseNumber]);
    });

    it('answers each person as the rule of each case operation says', async () => {
      const mismatches: unknown[] = [];
      for (const { operation, json, refusedOnly } of caseOperations) {
        const access = authorizationTable.recording[operation]!;
        const [method, path] = operation.split(' ') as [string, string];
        const url = `${system.urls.recording}${path.replace('{caseNumber}', encodeURIComponent(caseNumber))}`;
        const listedPeople = (Object.keys(people) as TWho[]).filter((who) =>
          people[who].roles.some((r) => (access.roles as readonly string[]).includes(r)),
        );
        // The refused first: an allowed call may change the case (closed, archived).
        const ordered = [...listedPeople].sort(
          (a, b) =>
            Number(expectedFor(access.rule, a) === 'answered') -
            Number(expectedFor(access.rule, b) === 'answered'),
        );
        for (const who of ordered) {
          const expected = expectedFor(access.rule, who);
          if (expected === 'answered' && refusedOnly) continue;
          const res = await send(url, method, {
            authorization: await bearer(people[who]),
            json,
            localAddress: '127.0.0.1',
          });
          const got =
            expected === 'answered'
              ? ![401, 403, 404].includes(res.status) && res.status < 500
                ? 'answered'
                : res.status
              : res.status;
          if (got !== expected)
            mismatches.push({
              operation,
              who,
              rule: access.rule,
              expected,
              got: res.status,
              body: res.body.slice(0, 200),
            });
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
  describe('legal-review: the office’s head and a handling unit’s head', () => {
    const officeHead: TTestUser = {
      id: `authz-office-head-${run}`,
      name: '吴志刚',
      roles: ['head'],
      unitId: 'test-fazhi',
    };
    const unitHead: TTestUser = {
      id: `authz-unit-head-${run}`,
      name: '周建国',
      roles: ['head'],
      unitId: 'test-unit',
    };
    const officeOperations = [
      'GET /reviews',
      'GET /reviews/overdue',
      'GET /decision-filings',
      'GET /spot-checks',
    ];

    it('lets only the office’s head see the office’s queue, lists and spot checks (403 for another unit’s)', async () => {
      const answers: Record<string, unknown> = {};
      for (const operation of officeOperations) {
        expect(authorizationTable['legal-review'][operation]!.rule).toBe('reviewOffice');
        const path = operation.split(' ')[1]!;
        for (const [who, user] of Object.entries({ officeHead, unitHead })) {
          const res = await send(`${system.urls.legalReview}${path}`, 'GET', {
            authorization: await bearer(user),
            localAddress: '127.0.0.1',
          });
          answers[`${operation} ${who}`] = res.status;
        }
      }
      expect(answers).toEqual(
        Object.fromEntries(
          officeOperations.flatMap((o) => [
            [`${o} officeHead`, 200],
            [`${o} unitHead`, 403],
          ]),
        ),
      );
    });
  });

  describe('disclosure: a decision’s record with people of the case’s unit, the 公示 office and another unit', () => {
    const person = (id: string, unitId: string, roles: TTestUser['roles']): TTestUser => ({
      id: `authz-d-${id}-${run}`,
      name: '矩阵测试',
      unitId,
      roles,
    });
    const people = {
      unitDiscloser: person('unit-discloser', 'test-unit', ['discloser']),
      officeDiscloser: person('office-discloser', 'test-gongshi', ['discloser']),
      otherDiscloser: person('other-discloser', 'test-unit-b', ['discloser']),
      unitHead: person('unit-head', 'test-unit', ['head']),
      officeHead: person('office-head', 'test-gongshi', ['head']),
      otherHead: person('other-head', 'test-unit-b', ['head']),
      agencyHead: person('agency-head', 'test-lingdao', ['head']),
      reviewer: person('reviewer', 'test-fazhi', ['reviewer']),
      admin: person('admin', 'test-fazhi', ['admin']),
    };
    type TWho = keyof typeof people;
    const outsiders: TWho[] = ['otherDiscloser', 'otherHead'];
    const as = async (who: TWho, method: string, path: string, json?: unknown) =>
      send(`${system.urls.disclosure}${path}`, method, {
        authorization: await bearer(people[who]),
        json,
        localAddress: '127.0.0.1',
      });
    /** A decision's draft as the lifecycle's activity sends it, of a case of `test-unit`. */
    const draft = async (suffix: string) => {
      const caseNumber = realCaseNumber(`D${suffix}${run}`);
      const res = await send(`${system.urls.disclosure}/internal/disclosures`, 'POST', {
        authorization: tokens.system,
        localAddress: '127.0.0.1',
        json: {
          caseNumber,
          workflowId: lifecycleWorkflowId(caseNumber),
          cycle: 1,
          party: { kind: 'legalPerson', name: '常州授权测试有限公司' },
          decisionDate: '2026-11-02',
          documentNumber: `常人社监罚〔2026〕D${suffix}${run}号`,
          decisionKind: 'penalty',
          randomInspection: false,
          publication: {
            enforcementMethod: '现场检查',
            content: '经查，该单位拖欠劳动者工资。',
            decision: '责令限期支付劳动者工资。',
            penaltyKind: '罚款',
            legalBasis: '《劳动保障监察条例》第二十六条',
            performance: '自收到决定书之日起15日内',
            issuingAuthority: '常州市人力资源和社会保障局',
          },
          disclosure: { mode: 'publish' },
          dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          unitId: 'test-unit',
        },
      });
      if (res.status !== 201) throw new Error(`drafting answered ${res.status}: ${res.body}`);
      return { caseNumber, id: (JSON.parse(res.body) as { disclosureId: string }).disclosureId };
    };
    let first: { caseNumber: string; id: string };
    let second: { caseNumber: string; id: string };

    beforeAll(async () => {
      await seedDirectory(system.urls.directory, []); // the 公示 office test-gongshi among the units
      first = await draft('A');
      second = await draft('B');
    });

    it('lets read the record only the case’s unit, the 公示 office, reviewers, agency heads and admins', async () => {
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const who of Object.keys(people) as TWho[]) {
        const reaches = !outsiders.includes(who);
        for (const [method, path, json] of [
          ['GET', `/disclosures/${first.id}`],
          ['GET', `/disclosures/${first.id}/audit`],
          ['POST', `/disclosures/${first.id}/redaction-preview`, {}],
        ] as const) {
          answers[`${method} ${path} ${who}`] = (await as(who, method, path, json)).status;
          expected[`${method} ${path} ${who}`] = reaches ? 200 : 404;
        }
        const list = await as(who, 'GET', `/disclosures?caseNumber=${encodeURIComponent(first.caseNumber)}`);
        answers[`list ${who}`] = (JSON.parse(list.body) as { items: unknown[] }).items.length;
        expected[`list ${who}`] = reaches ? 1 : 0;
      }
      expect(answers).toEqual(expected);
    });

    it('lets the case’s unit and the 公示 office edit, submit and check, and only the case’s unit’s or an agency head approve', async () => {
      const answers: Record<string, number> = {};
      const at = async (label: string, who: TWho, method: string, path: string, json: unknown) => {
        answers[`${label} ${who}`] = (await as(who, method, path, json)).status;
      };
      const edit = { baseVersion: 1, note: '补充说明' };
      // Refused first: another unit's staff and heads learn nothing (404), the office's head may
      // read but not approve (403).
      await at('versions', 'otherDiscloser', 'POST', `/disclosures/${first.id}/versions`, edit);
      await at('versions', 'officeDiscloser', 'POST', `/disclosures/${first.id}/versions`, edit);
      await at('submit', 'otherDiscloser', 'POST', `/disclosures/${first.id}/submit`, { version: 2 });
      await at('submit', 'unitDiscloser', 'POST', `/disclosures/${first.id}/submit`, { version: 2 });
      const pass = { version: 2, outcome: 'pass' };
      await at('check', 'otherDiscloser', 'POST', `/disclosures/${first.id}/check`, pass);
      await at('check', 'reviewer', 'POST', `/disclosures/${first.id}/check`, pass);
      const approve = { version: 2, outcome: 'approve' };
      await at('approval', 'otherHead', 'POST', `/disclosures/${first.id}/approval`, approve);
      await at('approval', 'officeHead', 'POST', `/disclosures/${first.id}/approval`, approve);
      await at('approval', 'agencyHead', 'POST', `/disclosures/${first.id}/approval`, approve);
      // The second record: submitted by the case's unit, checked by the office, approved by its head.
      await at('submit2', 'unitDiscloser', 'POST', `/disclosures/${second.id}/submit`, { version: 1 });
      const pass1 = { version: 1, outcome: 'pass' };
      await at('check2', 'officeDiscloser', 'POST', `/disclosures/${second.id}/check`, pass1);
      const approve1 = { version: 1, outcome: 'approve' };
      await at('approval2', 'otherHead', 'POST', `/disclosures/${second.id}/approval`, approve1);
      await at('approval2', 'unitHead', 'POST', `/disclosures/${second.id}/approval`, approve1);
      expect(answers).toEqual({
        'versions otherDiscloser': 404,
        'versions officeDiscloser': 201,
        'submit otherDiscloser': 404,
        'submit unitDiscloser': 200,
        'check otherDiscloser': 404,
        'check reviewer': 200,
        'approval otherHead': 404,
        'approval officeHead': 403,
        'approval agencyHead': 200,
        'submit2 unitDiscloser': 200,
        'check2 officeDiscloser': 200,
        'approval2 otherHead': 404,
        'approval2 unitHead': 200,
      });
    });
  });
});
