/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 31 (digits and capitals without I O Z S V):
 * 登记管理部门代码 (1), 机构类别代码 (1), 登记管理机关行政区划码 (6), 主体标识码 (9), 校验码 (1).
 * The check character is the one whose value makes the weighted sum of all 18 a multiple of 31,
 * with weights 3^i mod 31.
 */
export const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type TUsccProblem =
  | { kind: 'length'; length: number }
  | { kind: 'character'; position: number; character: string }
  | { kind: 'checkDigit'; expected: string; actual: string };

/** The check character of the first 17 characters (all from the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccAlphabet.indexOf(first17[i]!) * weights[i]!;
  return usccAlphabet[(31 - (sum % 31)) % 31]!;
}

/** Why a code is not a valid 统一社会信用代码, or null. Lower-case letters are not accepted. */
export function usccProblem(code: string): TUsccProblem | null {
  if (code.length !== 18) return { kind: 'length', length: [...code].length };
  for (let i = 0; i < 18; i++) {
    if (!usccAlphabet.includes(code[i]!)) return { kind: 'character', position: i + 1, character: code[i]! };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  return expected === code[17] ? null : { kind: 'checkDigit', expected, actual: code[17]! };
}

/** The problem in Chinese, for the import report. */
export function usccProblemText(problem: TUsccProblem): string {
  switch (problem.kind) {
    case 'length':
      return `统一社会信用代码应为18位，此处为${problem.length}位`;
    case 'character':
      return `统一社会信用代码第${problem.position}位“${problem.character}”不是合法字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）`;
    case 'checkDigit':
      return `统一社会信用代码校验码错误：第18位应为“${problem.expected}”，此处为“${problem.actual}”`;
  }
}
