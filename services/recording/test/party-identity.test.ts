import request from 'supertest';
import {
  caseBody,
  startRecordingTestEnv,
  uniqueCaseNumber,
  users,
  type TRecordingTestEnv,
} from './support/recording-test-env';

// #14 item 7: the party's 统一社会信用代码 and 法定代表人 are entered at case opening and given to
// the disclosure draft (through the internal case summary the worker reads).

let env: TRecordingTestEnv;
beforeAll(async () => {
  env = await startRecordingTestEnv();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

it('keeps the legal representative with the party and gives it, with the code, to the worker', async () => {
  const caseNumber = uniqueCaseNumber();
  const officer = await env.auth(users.officerA);
  const party = {
    kind: 'legalPerson',
    name: '常州华建建设集团有限公司',
    idNumber: '91320400MA1W8XKQ3T',
    legalRepresentative: '顾国平',
  };
  await request(env.app)
    .post('/cases')
    .set('authorization', officer)
    .send(caseBody(caseNumber, { party }))
    .expect(201);
  const view = await request(env.app)
    .get(`/cases/${encodeURIComponent(caseNumber)}`)
    .set('authorization', officer)
    .expect(200);
  expect(view.body.party).toMatchObject({ legalRepresentative: '顾国平', idNumber: '91320400MA1W8XKQ3T' });
  const summary = await request(env.app)
    .get(`/internal/cases/${encodeURIComponent(caseNumber)}/summary`)
    .set('authorization', await env.auth(users.system))
    .expect(200);
  expect(summary.body.party).toEqual({
    kind: 'legalPerson',
    name: '常州华建建设集团有限公司',
    idNumber: '91320400MA1W8XKQ3T',
    legalRepresentative: '顾国平',
  });
});

it('refuses a legal representative for a natural person, in Chinese', async () => {
  const res = await request(env.app)
    .post('/cases')
    .set('authorization', await env.auth(users.officerA))
    .send(
      caseBody(uniqueCaseNumber(), {
        party: { kind: 'naturalPerson', name: '王建国', legalRepresentative: '李四' },
      }),
    );
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.body)).toContain('自然人当事人没有法定代表人');
});
