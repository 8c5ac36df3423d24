import { z } from 'zod';

/** Letters, digits and CJK ideographs: what makes a sentence more than punctuation. */
const WORD_CHAR = /[\p{L}\p{N}]/gu;

/**
 * An explanation people read (撤下说明, 不予公开说明, …) must be a real sentence (#13 item 9, 003 (六)
 * 「作出必要的说明」): at least `min` characters of which at least `min` are letters, digits or
 * ideographs — not `无。。。。。` nor a five-character token. The message is Chinese; the field's
 * name is put in front by `validationError` («说明：应为完整的一句话…»).
 */
export const ZExplanationSentence = (min = 12, max = 4000) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => (s.match(WORD_CHAR) ?? []).length >= min, {
      message: `应为完整的一句话，写明事实和理由（至少 ${min} 个汉字、字母或数字，不能只有标点）`,
    });

/** The number of characters that count towards a sentence's length (for tests and forms). */
export const sentenceLength = (s: string): number => (s.match(WORD_CHAR) ?? []).length;
