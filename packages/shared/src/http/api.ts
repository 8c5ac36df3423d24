import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { type z } from 'zod';
import type { TPrincipal, TVerifyToken } from '../auth';
import type { TRole } from '../domain/roles';
import { AppError, validationError } from '../errors';

type TMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type TAccess = readonly TRole[] | 'public';
type TInfer<S> = S extends z.ZodType ? z.infer<S> : undefined;

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
  request?: { params?: P; query?: Q; body?: B; bodyContentType?: string };
  /** Documented responses; defaults to a bare 200. */
  responses?: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
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

  constructor(private readonly verifyToken: TVerifyToken) {
    this.registry.registerComponent('securitySchemes', 'bearer', {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
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
      const result = await def.handler({ params, query, body, principal, req, res, log } as TRouteContext<
        P,
        Q,
        B,
        A
      >);
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
      throw new AppError('forbidden', `此操作需要以下角色之一: ${access.join(', ')}`);
    }
    return principal;
  }

  private document(
    def: TRouteDefinition<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, TAccess>,
  ) {
    const responses = Object.fromEntries(
      Object.entries(def.responses ?? { 200: { description: 'OK' } }).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: r.schema } } } : {}),
        },
      ]),
    );
    this.registry.registerPath({
      method: def.method,
      path: def.path,
      summary: def.summary,
      tags: def.tags ?? [],
      ...(def.access === 'public'
        ? {}
        : { security: [{ bearer: [] }], description: `角色: ${def.access.join(', ')}` }),
      request: {
        ...(def.request?.params ? { params: def.request.params as never } : {}),
        ...(def.request?.query ? { query: def.request.query as never } : {}),
        ...(def.request?.body
          ? {
              body: {
                content: {
                  [def.request.bodyContentType ?? 'application/json']: { schema: def.request.body },
                },
              },
            }
          : {}),
      },
      responses: {
        ...responses,
        ...(def.access === 'public'
          ? {}
          : { 401: { description: '未认证' }, 403: { description: '角色不符' } }),
      },
    });
  }
}

function parse(where: string, schema: z.ZodType | undefined, value: unknown): never {
  if (!schema) return undefined as never;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationError(where, result.error);
  return result.data as never;
}
