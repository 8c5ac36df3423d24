import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { normalizeForSearch } from './search-text';

/**
 * What a keyword query asks for. The public types words as they think of them (拖欠工资), while the
 * decision says 拖欠32名农民工2026年7月至9月工资: the query is cut into words by jieba (the
 * well-kept Chinese segmenter; @node-rs/jieba, its Rust port) and every word must occur.
 *
 * - `phrases`: the space-separated parts of the query, each normalised (search-text.ts). A decision
 *   containing every phrase as typed ranks first.
 * - `words`: the finest words of each phrase (jieba's search mode, keeping a word only when no
 *   shorter word it found lies inside it: 拖欠工资 → 拖欠, 工资; 农民工 → 农民, 民工), single
 *   characters left out (某, 名, 号: they match almost everything) unless nothing else is left.
 *   A decision containing every word, not as typed, ranks second.
 */
export interface TSearchTerms {
  phrases: string[];
  words: string[];
}

/** At most this many words are asked for (each one costs a substring test per candidate row). */
export const MAX_WORDS = 8;

let jieba: Jieba | undefined;
/** The segmenter with its bundled dictionary, loaded once per process (about 1.5 s). */
const segmenter = (): Jieba => (jieba ??= Jieba.withDict(dict));

const length = (s: string) => Array.from(s).length;

export function wordsOf(phrase: string): string[] {
  if (length(phrase) <= 2) return [phrase];
  const found = [...new Set(segmenter().cutForSearch(phrase, true).map(normalizeForSearch))].filter(
    (w) => w.length > 0,
  );
  const finest = found.filter((w) => !found.some((o) => o !== w && o.length < w.length && w.includes(o)));
  const words = finest.filter((w) => length(w) >= 2);
  return words.length > 0 ? words : [phrase];
}

/** The terms of a query as typed (`q`), or undefined when nothing searchable is left. */
export function parseSearchTerms(q: string | undefined): TSearchTerms | undefined {
  if (!q) return undefined;
  const phrases = [
    ...new Set(
      q
        .split(/[\s\u3000]+/u)
        .map(normalizeForSearch)
        .filter((p) => p.length > 0),
    ),
  ];
  if (phrases.length === 0) return undefined;
  const words: string[] = [];
  for (const p of phrases) for (const w of wordsOf(p)) if (!words.includes(w)) words.push(w);
  // A word inside another asked-for word adds nothing.
  const needed = words.filter((w) => !words.some((o) => o !== w && o.includes(w)));
  return { phrases, words: needed.slice(0, MAX_WORDS) };
}

/** True when asking for the words finds nothing the phrases do not (one tier is enough). */
export const sameAsPhrases = (t: TSearchTerms): boolean =>
  t.words.length === t.phrases.length && t.words.every((w) => t.phrases.includes(w));
