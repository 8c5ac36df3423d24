/**
 * A tiny HTML template tag: interpolated values are escaped unless they are already `SafeHtml`
 * (the result of another `html` template). Arrays are joined. null/undefined/false render nothing.
 * Enough for a handful of server-rendered pages without a template engine; no raw string ever
 * reaches a page unescaped.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

type TValue = SafeHtml | string | number | boolean | null | undefined | TValue[];

const render = (v: TValue): string => {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
};

export function html(strings: TemplateStringsArray, ...values: TValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Multi-line text as paragraphs/line breaks, escaped. */
export const multiline = (text: string | null | undefined): SafeHtml =>
  new SafeHtml(
    (text ?? '')
      .split(/\n{2,}/u)
      .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
      .join(''),
  );

/** A query string from defined values (for links that keep the current filters). */
export const queryString = (params: Record<string, string | number | undefined>): string => {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') usp.set(k, String(v));
  const s = usp.toString();
  return s ? `?${s}` : '';
};
