import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import {
  Api,
  AesGcmPayloadCodec,
  createServiceApp,
  createTokenVerifier,
  parseCodecKeys,
  payloadKeyId,
  type Logger,
  type TConfigOf,
} from '@sanxiang/shared';
import type { Payload } from '@temporalio/common';

/**
 * The codec server (issue #16): the Temporal Web UI and CLI send it the encrypted payloads of a
 * history and show what it answers. Only signed-in admins may decode (a verified token with the
 * `admin` role: the identity provider's JWT, or a local HS256 one); every call is logged with who
 * asked, the namespace and a digest of each payload, so the log says who saw what.
 *
 * The wire format is Temporal's remote codec protocol: `POST /decode` and `POST /encode` with
 * `{ payloads: [{ metadata: { key: base64 }, data: base64 }] }` (protobuf JSON) and the namespace in
 * `X-Namespace`.
 */
const ZBase64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/u, '应为 base64 编码');
const ZWirePayload = z
  .object({
    metadata: z.record(z.string(), ZBase64).optional().describe('元数据（值为 base64）'),
    data: ZBase64.optional().describe('数据（base64）'),
  })
  .strict();
const ZPayloads = z
  .object({ payloads: z.array(ZWirePayload).max(10_000).describe('Temporal 负载') })
  .strict();
type TWirePayload = z.infer<typeof ZWirePayload>;

const fromWire = (p: TWirePayload): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]),
  ),
  data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
});
const toWire = (p: Payload): TWirePayload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [
      k,
      Buffer.from(v ?? new Uint8Array()).toString('base64'),
    ]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});
/** What the log names a payload by: its key id and the first 16 hex digits of its SHA-256. */
const describe = (p: Payload) => ({
  keyId: payloadKeyId(p) ?? null,
  sha256: createHash('sha256')
    .update(p.data ?? new Uint8Array())
    .digest('hex')
    .slice(0, 16),
});

export interface TCodecServerDeps {
  config: TConfigOf<'codec-server'>;
  logger: Logger;
}

/**
 * CORS for the Web UI's origins (CODEC_CORS_ORIGINS): the browser calls the codec server directly,
 * with the UI's access token (`passAccessToken`) in Authorization.
 */
function cors(origins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
      res.setHeader('Access-Control-Max-Age', '600');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.status(origin && origins.includes(origin) ? 204 : 403).end();
      return;
    }
    next();
  };
}

export function createCodecServerApp(deps: TCodecServerDeps) {
  const codec = new AesGcmPayloadCodec(parseCodecKeys(deps.config.TEMPORAL_CODEC_KEYS));
  const api = new Api(createTokenVerifier(deps.config));
  const origins = deps.config.CODEC_CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const responses = { 200: { description: '处理后的负载', schema: ZPayloads } };

  api.route({
    method: 'post',
    path: '/decode',
    summary: '解密 Temporal 负载（仅系统管理员；每次调用留痕）',
    tags: ['codec'],
    access: ['admin'],
    request: { body: ZPayloads },
    responses,
    handler: async ({ body, principal, req }) => {
      const payloads = body.payloads.map(fromWire);
      const decoded = await codec.decode(payloads);
      deps.logger.info(
        {
          event: 'payloads.decoded',
          who: { id: principal.id, name: principal.name, roles: principal.roles },
          namespace: req.header('x-namespace') ?? null,
          peer: req.ip,
          payloads: payloads.map(describe),
        },
        'payloads decoded',
      );
      return { body: { payloads: decoded.map(toWire) } };
    },
  });

  api.route({
    method: 'post',
    path: '/encode',
    summary: '加密 Temporal 负载（仅系统管理员；供 Web UI 发信号、启动工作流时使用）',
    tags: ['codec'],
    access: ['admin'],
    request: { body: ZPayloads },
    responses,
    handler: async ({ body, principal, req }) => {
      const encoded = await codec.encode(body.payloads.map(fromWire));
      deps.logger.info(
        {
          event: 'payloads.encoded',
          who: { id: principal.id, name: principal.name, roles: principal.roles },
          namespace: req.header('x-namespace') ?? null,
          peer: req.ip,
          payloads: encoded.map(describe),
        },
        'payloads encoded',
      );
      return { body: { payloads: encoded.map(toWire) } };
    },
  });

  return createServiceApp({
    name: 'codec-server',
    trustProxy: deps.config.HTTP_TRUST_PROXY,
    title: 'Temporal 负载解密服务 codec server',
    description:
      'Temporal Web UI 与命令行调用它解密工作流历史中的加密负载（AES-256-GCM）。仅系统管理员可用，每次解密记录调用人、命名空间与负载摘要。设计见 docs/decisions.md。',
    logger: deps.logger,
    api,
    // Histories carry decisions' full text: allow a large batch of payloads.
    jsonLimit: '16mb',
    before: [cors(origins)],
    readiness: {},
  });
}
