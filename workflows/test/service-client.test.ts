import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { ZReviewIntakeResponse, internalPaths } from '@sanxiang/shared/src/contracts';
import { createServiceClient } from '../src/http/service-client';

const fakeFetch = (status: number, body: string) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fn, calls };
};

test('POSTs JSON with the bearer token and the Idempotency-Key, and parses the answer by the contract', async () => {
  const { fn, calls } = fakeFetch(
    201,
    JSON.stringify({ reviewId: 'r1', receivedAt: '2026-01-05T02:00:00Z' }),
  );
  const client = createServiceClient({
    baseUrl: 'http://legal-review.local:3002/',
    token: async () => 'jwt',
    fetch: fn,
  });
  const res = await client.post(
    internalPaths.reviews(),
    { a: 1 },
    { idempotencyKey: 'case-lifecycle:X:review-intake:1', response: ZReviewIntakeResponse },
  );
  expect(res).toEqual({ reviewId: 'r1', receivedAt: '2026-01-05T02:00:00Z' });
  expect(calls[0]?.url).toBe('http://legal-review.local:3002/internal/reviews');
  const headers = calls[0]?.init.headers as Record<string, string>;
  expect(headers.authorization).toBe('Bearer jwt');
  expect(decodeURIComponent(headers['Idempotency-Key'] ?? '')).toBe('case-lifecycle:X:review-intake:1');
  expect(calls[0]?.init.body).toBe('{"a":1}');
});

test('case numbers are URL-encoded in paths', () => {
  expect(internalPaths.caseEscalations('常人社监察〔2026〕12号')).toBe(
    `/internal/cases/${encodeURIComponent('常人社监察〔2026〕12号')}/escalations`,
  );
});

test.each([
  [503, '{"error":"down"}', 'ServiceHttpError'],
  [400, '{"error":"bad"}', 'ServiceHttpError'],
  [200, 'not json', 'ServiceBadResponse'],
  [200, '{"reviewId":""}', 'ServiceBadResponse'],
])('status %i with %s is a retryable %s', async (status, body, type) => {
  const { fn } = fakeFetch(status, body);
  const client = createServiceClient({ baseUrl: 'http://x', token: () => 't', fetch: fn });
  const err = await client
    .post('/p', {}, { idempotencyKey: 'k', response: ZReviewIntakeResponse })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApplicationFailure);
  expect((err as ApplicationFailure).type).toBe(type);
  expect((err as ApplicationFailure).nonRetryable).toBe(false);
});

test('a network failure is retryable', async () => {
  const fn = (async () => {
    throw new TypeError('fetch failed');
  }) as unknown as typeof fetch;
  const client = createServiceClient({ baseUrl: 'http://x', token: () => 't', fetch: fn });
  const err = await client
    .post('/p', {}, { idempotencyKey: 'k', response: ZReviewIntakeResponse })
    .catch((e: unknown) => e);
  expect((err as ApplicationFailure).type).toBe('ServiceUnreachable');
});

test('sends a key holding a Chinese case number through the real fetch, percent-encoded', async () => {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    received.push(String(req.headers['idempotency-key']));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ reviewId: 'r1', receivedAt: '2026-11-21T01:00:00.000Z' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const key = 'case-lifecycle:常人社监察〔2026〕12号:review-intake:1';
    const client = createServiceClient({ baseUrl: `http://127.0.0.1:${port}`, token: () => 't' });
    await client.post('/internal/reviews', {}, { idempotencyKey: key, response: ZReviewIntakeResponse });
    expect(received.map(decodeURIComponent)).toEqual([key]);
  } finally {
    server.close();
  }
});
