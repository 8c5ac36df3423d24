import express, { type RequestHandler } from 'express';
import { AppError, fieldError } from '../errors';

/**
 * Bytes no field may hold: NUL (PostgreSQL text cannot store it) and UTF-16 surrogates that are not
 * part of a pair (they have no UTF-8 form). Checked once here, for every service, before any route.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isBadText = (text: string): boolean => NUL.test(text) || LONE_SURROGATE.test(text);

/** The path (`body.officers.1.name`) of the first string or key with bad bytes, if any. */
export function findBadText(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return isBadText(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = `${path}.${key}`;
    if (isBadText(key)) return itemPath;
    const found = findBadText(item, itemPath);
    if (found) return found;
  }
  return undefined;
}

const badBytes = (path: string) =>
  new AppError('validation', '请求含有不允许的字符（空字符或不成对的代理项）', {
    fields: [fieldError(path, '含有空字符或不成对的代理项')],
  });

/** Decodes one percent-encoded component; answers the AppError to send, or undefined if clean. */
function checkComponent(raw: string, path: string, plusIsSpace: boolean): AppError | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return new AppError('validation', '请求地址的百分号编码不合法', {
      fields: [fieldError(path, '百分号编码不合法')],
    });
  }
  return isBadText(decoded) ? badBytes(path) : undefined;
}

/**
 * Refuses a request target whose path or query has malformed percent-encoding, an encoded NUL or a
 * lone surrogate (400 problem+json), before routing decodes it.
 */
export const rejectBadRequestTarget: RequestHandler = (req, _res, next) => {
  const url = req.url;
  const q = url.indexOf('?');
  const pathPart = q < 0 ? url : url.slice(0, q);
  const error =
    checkComponent(pathPart, 'path', false) ??
    (q < 0
      ? undefined
      : url
          .slice(q + 1)
          .split('&')
          .map((pair) => checkComponent(pair, `query.${pair.split('=')[0] ?? ''}`, true))
          .find((e) => e !== undefined));
  next(error);
};

/** Refuses a parsed body (JSON or form) with bad bytes in any string or key (400 problem+json). */
export const rejectBadBody: RequestHandler = (req, _res, next) => {
  const path = findBadText(req.body, 'body');
  next(path ? badBytes(path) : undefined);
};

/** An HTML form body (urlencoded), parsed and checked like the JSON bodies. */
export const formBody = (options: { limit: string; parameterLimit: number }): RequestHandler[] => [
  express.urlencoded({ extended: false, ...options }),
  rejectBadBody,
];
