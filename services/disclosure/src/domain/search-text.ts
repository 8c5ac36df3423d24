/**
 * Substring search over Chinese text without a word segmenter: every searchable field is normalised
 * and cut into overlapping character bigrams. A keyword of n ≥ 2 characters can only occur in a text
 * whose bigram set contains the keyword's n-1 bigrams (GIN `@>` finds those candidates), and the
 * normalised text confirms the exact substring. Trigram indexes cannot serve 2-character keywords,
 * which are common in Chinese (罚款, 工资, 社保).
 */

// Punctuation, symbols, separators and controls carry no meaning for a search: 〔2026〕12号 and
// [2026]12号 and "2026 12号" are all the same query.
const NOISE = /[\p{P}\p{S}\p{Z}\p{C}]/gu;

/** NFKC (full-width → half-width), lower case, punctuation and spaces removed. */
export const normalizeForSearch = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(NOISE, '');

/** Joins normalised fields; it never survives query normalisation, so no match spans two fields. */
export const FIELD_SEPARATOR = '|';

export const MIN_KEYWORD_LENGTH = 2;
export const MAX_KEYWORD_LENGTH = 50;

export function buildSearchText(fields: (string | null | undefined)[]): string {
  return fields
    .filter((f): f is string => typeof f === 'string' && f.length > 0)
    .map(normalizeForSearch)
    .filter((f) => f.length > 0)
    .join(FIELD_SEPARATOR);
}

/** Distinct bigrams of a normalised text (by code point), none spanning a field separator. */
export function bigrams(normalized: string): string[] {
  const chars = Array.from(normalized);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if (a === FIELD_SEPARATOR || b === FIELD_SEPARATOR) continue;
    out.add(a + b);
  }
  return [...out];
}

/** Code-point length (what a person counts as characters). */
export const charLength = (text: string): number => Array.from(text).length;
