import { normalizeForSearch } from './search-text';

/** A matched stretch of a text, in UTF-16 offsets of the original (not normalised) text. */
export interface TMark {
  start: number;
  end: number;
}

const normalChars = new Map<string, string>();

/**
 * normalizeForSearch of one character. CJK unified ideographs, digits and a–z are their own normal
 * form (most of a decision's text); others are normalised once and remembered. A search page marks
 * 20 excerpts of a few hundred characters each: NFKC and the Unicode-class regex per character were
 * the app's largest cost beside the query (docs/benchmarks.md).
 */
function normalChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (
    ch.length === 1 &&
    ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a))
  )
    return ch;
  let n = normalChars.get(ch);
  if (n === undefined) {
    n = normalizeForSearch(ch);
    if (normalChars.size < 4096) normalChars.set(ch, n);
  }
  return n;
}

/**
 * Where the terms occur in `text`. Terms are normalised (NFKC, lower case, no punctuation or
 * spaces: search-text.ts), so the text is normalised character by character with a map back to the
 * original offsets: 〔2026〕12号 in the text is marked for the term 202612号.
 */
export function findMarks(text: string, terms: string[]): TMark[] {
  let normal = '';
  // Original offsets of each UTF-16 unit of `normal` (two arrays: no object per character).
  const originStart: number[] = [];
  const originEnd: number[] = [];
  let at = 0;
  for (const ch of text) {
    const n = normalChar(ch);
    for (let i = 0; i < n.length; i += 1) {
      originStart.push(at);
      originEnd.push(at + ch.length);
    }
    normal += n;
    at += ch.length;
  }
  const marks: TMark[] = [];
  for (const term of terms) {
    if (term.length === 0) continue;
    for (let i = normal.indexOf(term); i >= 0; i = normal.indexOf(term, i + term.length)) {
      marks.push({ start: originStart[i]!, end: originEnd[i + term.length - 1]! });
    }
  }
  // Sorted, overlapping or touching stretches merged.
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TMark[] = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}

/** An excerpt of `text` around its first match (or its beginning), with the marks inside it. */
export function excerptAround(
  text: string,
  terms: string[],
  length = 120,
): { text: string; marks: TMark[]; cutBefore: boolean; cutAfter: boolean } {
  const all = findMarks(text, terms);
  const first = all[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(length / 4));
  // Never split a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/u.test(text[start] ?? '')) start -= 1;
  let end = Math.min(text.length, start + length);
  if (end < text.length && /[\uDC00-\uDFFF]/u.test(text[end] ?? '')) end += 1;
  const marks = all
    .filter((m) => m.end > start && m.start < end)
    .map((m) => ({ start: Math.max(m.start, start) - start, end: Math.min(m.end, end) - start }));
  return { text: text.slice(start, end), marks, cutBefore: start > 0, cutAfter: end < text.length };
}
