import type { TRole } from '@sanxiang/shared/src/domain';

/**
 * A small client for the three services' HTTP APIs as staff (and the public) use them: JSON in and
 * out, a bearer token per user, an optional Idempotency-Key, and a readable error for any non-2xx
 * answer. Shared by the end-to-end tests (test/e2e) and the demo loader (scripts/demo), so both
 * drive cases exactly the same way, through the real APIs only.
 */

export type TServiceName = 'recording' | 'legalReview' | 'disclosure';

/** A member of staff as the tokens carry them (`sub`, `name`, `roles`, `cert`). */
export interface TStaffUser {
  id: string;
  name: string;
  roles: TRole[];
  /** Directory unit id, claim `unit` (authorisation by unit, docs/authorization.md). */
  unitId?: string;
  certificateNumber?: string;
}

export interface TStaffApiOptions {
  baseUrls: Record<TServiceName, string>;
  /** The `Authorization` header value for a user, e.g. `Bearer <jwt>`. */
  authorization: (user: TStaffUser) => Promise<string>;
  /** Per request; default 20 s. */
  timeoutMs?: number;
}

export interface TCallOptions {
  /** Who calls; omitted for the public endpoints. */
  as?: TStaffUser;
  /** A JSON body. */
  json?: unknown;
  /** A binary body (evidence content) with its content type. */
  bytes?: { data: Uint8Array; contentType: string };
  query?: Record<string, string | number | boolean | undefined>;
  /** ASCII, at most 200 characters (see `idempotencyKey`). */
  idempotencyKey?: string;
  /** Read the answer as bytes (downloads) instead of JSON/text. */
  binary?: boolean;
}

export interface TApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** A non-2xx answer, with the problem+json body (Chinese `detail`) in the message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${decodeURI(url)} → ${status}: ${describeBody(body)}`);
  }
}

function describeBody(body: unknown): string {
  if (body && typeof body === 'object') {
    const p = body as { title?: unknown; detail?: unknown; errors?: unknown };
    const parts = [p.title, p.detail].filter((x) => typeof x === 'string');
    if (p.errors) parts.push(JSON.stringify(p.errors));
    if (parts.length > 0) return parts.join(' — ').slice(0, 800);
    return JSON.stringify(body).slice(0, 800);
  }
  return String(body).slice(0, 800);
}

/** `fetch failed (ECONNREFUSED)`: undici hides the reason one level down. */
function describeCause(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const inner = cause instanceof Error ? (cause.cause as { code?: unknown } | undefined) : undefined;
  return typeof inner?.code === 'string' ? `${message} (${inner.code})` : message;
}

/** A service could not be reached at all (connection refused, DNS, timeout). */
export class ServiceUnreachableError extends Error {
  override readonly name = 'ServiceUnreachableError';
  constructor(
    readonly service: TServiceName,
    readonly url: string,
    cause: unknown,
  ) {
    super(`${service} is not reachable at ${url}: ${describeCause(cause)}`, { cause });
  }
}

export type TStaffApi = ReturnType<typeof createStaffApi>;

export function createStaffApi(options: TStaffApiOptions) {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const base = (service: TServiceName) => options.baseUrls[service].replace(/\/+$/u, '');

  async function call<T = unknown>(
    service: TServiceName,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    o: TCallOptions = {},
  ): Promise<TApiResponse<T>> {
    const query = Object.entries(o.query ?? {}).filter(([, v]) => v !== undefined);
    const qs =
      query.length > 0
        ? `?${new URLSearchParams(query.map(([k, v]): [string, string] => [k, String(v)])).toString()}`
        : '';
    const url = `${base(service)}${path}${qs}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (o.as) headers.authorization = await options.authorization(o.as);
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    let body: string | Uint8Array | undefined;
    if (o.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.json);
    } else if (o.bytes) {
      headers['content-type'] = o.bytes.contentType;
      body = o.bytes.data;
    }
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new ServiceUnreachableError(service, base(service), err);
    }
    let parsed: unknown;
    if (o.binary && res.ok) {
      parsed = Buffer.from(await res.arrayBuffer());
    } else {
      const text = await res.text();
      const type = res.headers.get('content-type') ?? '';
      parsed = /json/u.test(type) && text !== '' ? (JSON.parse(text) as unknown) : text;
    }
    if (!res.ok) throw new ApiError(method, url, res.status, parsed);
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  /** GET that answers `undefined` for 404 instead of throwing. */
  async function find<T>(service: TServiceName, path: string, o: TCallOptions = {}): Promise<T | undefined> {
    try {
      return (await call<T>(service, 'GET', path, o)).body;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    }
  }

  /** Answers when the service's readiness check passes; throws a clear error otherwise. */
  async function ready(service: TServiceName): Promise<void> {
    const res = await call<{ status?: string }>(service, 'GET', '/readyz').catch((err: unknown) => {
      if (err instanceof ApiError)
        throw new Error(`${service} at ${base(service)} is not ready: ${err.message}`, { cause: err });
      throw err;
    });
    if (res.status !== 200) throw new Error(`${service} at ${base(service)} is not ready (${res.status})`);
  }

  return { call, find, ready, baseUrl: base };
}

/**
 * An Idempotency-Key from readable parts. The services accept 1–255 visible ASCII characters (packages/shared/src/http/idempotency-key.ts), and
 * case numbers are Chinese (`常人社监察〔2026〕12号`), so non-ASCII parts are percent-encoded.
 */
export function idempotencyKey(...parts: (string | number)[]): string {
  const key = parts.map((p) => encodeURIComponent(String(p))).join(':');
  if (key.length > 200) throw new Error(`Idempotency-Key too long (${key.length} > 200): ${key}`);
  return key;
}
