/**
 * Substring search over Chinese text without a word segmenter: the searchable fields are normalised
 * here, the same way for stored text and keywords; the database cuts the text into character bigrams
 * for its GIN index (`disclosure_bigrams`, in the migration), and strpos() confirms the substring.
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

/** Code-point length (what a person counts as characters). */
export const charLength = (text: string): number => Array.from(text).length;
