import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { TPrincipal, TVerifyToken } from '../auth';
import type { TRole } from '../domain/roles';
import { roleLabel } from '../domain/labels';
import { AppError, errorCodes, validationError } from '../errors';
import type { TIdempotentRequest } from '../kit/idempotency';
import { idempotencyKeyMaxLength, readIdempotencyKey } from './idempotency-key';

/** `承办人员、法制审核人员`: roles as staff read them. */
const roleNames = (roles: readonly TRole[]) => roles.map((r) => roleLabel[r]).join('、');

type TMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type TAccess = readonly TRole[] | 'public';
type TInfer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface TRawBody {
  description: string;
  contentTypes: readonly string[];
}

export interface THandlerResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TRouteContext<P, Q, B, A extends TAccess> {
  params: TInfer<P>;
  query: TInfer<Q>;
  body: TInfer<B>;
  principal: A extends 'public' ? TPrincipal | undefined : TPrincipal;
  req: Request;
  res: Response;
  log: Logger;
  /**
   * On `idempotent: true` routes: the caller's Idempotency-Key (by the one rule), bound to the
   * caller, the actual path and the body; pass it to `runIdempotent` (packages/shared/src/kit).
   * Undefined when the request carries no key.
   */
  idempotency: TIdempotentRequest | undefined;
}

export interface TRouteDefinition<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  A extends TAccess,
> {
  method: TMethod;
  /** OpenAPI-style path: `/reviews/{reviewId}/opinion`. */
  path: string;
  summary: string;
  tags?: string[];
  /** Roles allowed to call this route, or 'public'. There is no default: every route says. */
  access: A;
  /** `rawBody`: a body read as a stream (no schema), documented as binary in the given media types. */
  request?: { params?: P; query?: Q; body?: B; rawBody?: TRawBody };
  /**
   * Documented responses; defaults to a bare 200. Error statuses without a schema are documented as
   * problem+json; 400 (when the route validates input), 401/403 (unless public), 404 (when the
   * path has parameters) and 422 (idempotent routes: a key reused with another request) are added
   * to every operation that can answer them.
   */
  responses?: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  /** Defaults to one derived from method and path (`postCasesByCaseNumberEvidenceUploads`). */
  operationId?: string;
  /**
   * The route takes an optional `Idempotency-Key` header (documented, checked by the one rule and
   * handed to the handler as `idempotency`): a repeat answers as the first time, the key with another
   * request answers 422.
   */
  idempotent?: boolean;
  /** Return a result to send JSON; write to `res` yourself (HTML, streams) and return nothing. */
  handler: (ctx: TRouteContext<P, Q, B, A>) => Promise<THandlerResult | void>;
}

/**
 * A router whose routes are described once: the same zod schemas validate requests and produce the
 * OpenAPI 3.1 document, and the access list is enforced before the handler runs.
 */
export class Api {
  readonly router: Router = express.Router();
  readonly registry = new OpenAPIRegistry();

  constructor(
    private readonly verifyToken: TVerifyToken,
    /** Answers every public route may give besides its own (e.g. 429 from the public rate limit). */
    private readonly publicResponses: Record<number, { description: string }> = {},
  ) {
    this.registry.registerComponent('securitySchemes', 'bearer', {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    this.registry.registerComponent('schemas', 'Problem', problemSchema as never);
  }

  route<
    P extends z.ZodType | undefined = undefined,
    Q extends z.ZodType | undefined = undefined,
    B extends z.ZodType | undefined = undefined,
    A extends TAccess = TAccess,
  >(def: TRouteDefinition<P, Q, B, A>): this {
    this.document(def);
    const expressPath = def.path.replace(/\{(\w+)\}/g, ':$1');
    this.router[def.method](expressPath, async (req: Request, res: Response) => {
      const principal = await this.authenticate(req, def.access);
      const params = parse('params', def.request?.params, req.params);
      const query = parse('query', def.request?.query, req.query);
      const body = parse('body', def.request?.body, req.body);
      const log = (req as Request & { log?: Logger }).log!;
      const idempotency = def.idempotent ? idempotentRequestOf(req, principal, body) : undefined;
      const result = await def.handler({
        params,
        query,
        body,
        principal,
        req,
        res,
        log,
        idempotency,
      } as TRouteContext<P, Q, B, A>);
      if (!result || res.headersSent) return;
      if (result.headers) res.set(result.headers);
      res.status(result.status ?? 200);
      if (result.body === undefined) res.end();
      else res.json(result.body);
    });
    return this;
  }

  private async authenticate(req: Request, access: TAccess): Promise<TPrincipal | undefined> {
    const header = req.headers.authorization;
    if (!header) {
      if (access === 'public') return undefined;
      throw new AppError('unauthenticated', '缺少访问令牌 (Authorization: Bearer …)');
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError('unauthenticated', 'Authorization 头格式应为 "Bearer <token>"');
    const principal = await this.verifyToken(match[1]);
    if (access !== 'public' && !principal.roles.some((r) => access.includes(r))) {
      throw new AppError('forbidden', `此操作需要以下角色之一：${roleNames(access)}`);
    }
    return principal;
  }

  private document(
    def: TRouteDefinition<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, TAccess>,
  ) {
    const declared = def.responses ?? { 200: { description: '成功' } };
    const validates = Boolean(def.request?.params || def.request?.query || def.request?.body);
    const implied: Record<number, string | undefined> = {
      ...(validates ? { 400: errorCodes.validation.title } : {}),
      ...(def.access === 'public'
        ? {}
        : { 401: errorCodes.unauthenticated.title, 403: errorCodes.forbidden.title }),
      ...(def.path.includes('{') ? { 404: errorCodes.notFound.title } : {}),
      // The one idempotency rule answers 422 for a key reused with another request (kit).
      ...(def.idempotent
        ? { 422: `${errorCodes.unprocessable.title}（Idempotency-Key 已用于内容不同的请求）` }
        : {}),
    };
    const common = def.access === 'public' ? this.publicResponses : {};
    const responses = {
      ...Object.fromEntries(
        Object.entries(implied).map(([status, title]) => [status, { description: title ?? '' }]),
      ),
      ...common,
      ...declared,
    };
    this.registry.registerPath({
      method: def.method,
      path: def.path,
      operationId: def.operationId ?? operationIdOf(def.method, def.path),
      summary: def.summary,
      tags: def.tags ?? [],
      ...(def.access === 'public'
        ? { security: [], description: '公开接口，无需令牌。' }
        : { security: [{ bearer: [] }], description: `角色：${roleNames(def.access)}` }),
      // The access list as programs read it (docs/authorization.md is checked against it).
      'x-roles': def.access === 'public' ? 'public' : [...def.access],
      request: {
        ...(def.idempotent ? { headers: idempotencyHeaderSchema as never } : {}),
        ...(def.request?.params ? { params: def.request.params as never } : {}),
        ...(def.request?.query ? { query: def.request.query as never } : {}),
        ...(def.request?.body
          ? { body: { required: true, content: { 'application/json': { schema: def.request.body } } } }
          : {}),
        ...(def.request?.rawBody
          ? {
              body: {
                required: true,
                description: def.request.rawBody.description,
                content: Object.fromEntries(
                  def.request.rawBody.contentTypes.map((type) => [
                    type,
                    { schema: { type: 'string', format: 'binary' } as never },
                  ]),
                ),
              },
            }
          : {}),
      },
      responses: Object.fromEntries(
        Object.entries(responses).map(([status, r]) => [
          status,
          documentResponse(Number(status), r as TResponseDoc),
        ]),
      ),
    });
  }
}

const idempotencyHeaderSchema = z.object({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(idempotencyKeyMaxLength)
    .optional()
    .describe(
      `幂等键（1–${idempotencyKeyMaxLength} 个可见 ASCII 字符）：同一调用者以同一键重复同一请求时返回首次的应答，不再执行；同一键用于内容不同的请求时返回 422。`,
    ),
});

/** The request's Idempotency-Key bound to who sent it, where, and what. */
function idempotentRequestOf(
  req: Request,
  principal: TPrincipal | undefined,
  body: unknown,
): TIdempotentRequest | undefined {
  const key = readIdempotencyKey(req);
  if (key === undefined) return undefined;
  return {
    principalId: principal?.id ?? 'anonymous',
    key,
    route: `${req.method} ${req.originalUrl.split('?')[0]}`,
    request: body ?? null,
  };
}

/** RFC 9457 problem details as every error answer carries them (see errors/problem.ts). */
const problemSchema = {
  type: 'object',
  description: 'RFC 9457 问题详情（application/problem+json）；errors 逐项列出不合法的字段。',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:sanxiang:problem:validation' },
    title: { type: 'string', example: errorCodes.validation.title },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', description: '中文说明', example: '以下字段不合法：当事人名称（不能为空）' },
    instance: { type: 'string' },
    code: { type: 'string', enum: Object.keys(errorCodes) },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', description: '字段路径（供程序使用）', example: 'body.party.name' },
          message: { type: 'string', description: '中文说明', example: '当事人名称：不能为空' },
        },
      },
    },
  },
};
const problemRef = { $ref: '#/components/schemas/Problem' };

type TResponseDoc = { description: string; schema?: z.ZodType; contentType?: string };

function documentResponse(status: number, r: TResponseDoc) {
  if (r.schema)
    return {
      description: r.description,
      content: { [r.contentType ?? 'application/json']: { schema: r.schema } },
    };
  if (status >= 400) {
    return {
      description: r.description,
      content: { 'application/problem+json': { schema: problemRef as never } },
    };
  }
  return { description: r.description };
}

/** `post /cases/{caseNumber}/evidence-uploads` → `postCasesByCaseNumberEvidenceUploads`. */
export const operationIdOf = (method: string, path: string): string =>
  method +
  path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(\w+)\}$/u.exec(segment);
      const word = param ? `by-${param[1]}` : segment;
      return word
        .split(/[^A-Za-z0-9]+/u)
        .filter(Boolean)
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join('');
    })
    .join('');

function parse(where: string, schema: z.ZodType | undefined, value: unknown): never {
  if (!schema) return undefined as never;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationError(where, result.error);
  return result.data as never;
}
