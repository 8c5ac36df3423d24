import { excerptAround, findMarks } from './highlight';
import { normalizeForSearch } from './search-text';

describe('highlight', () => {
  it('marks normalised terms at their original offsets (full width, case, punctuation, astral characters)', () => {
    const text = '沈人社监罚〔２０２６〕12号 ABC 𠀀公司';
    expect(findMarks(text, ['202612号', 'abc', '𠀀公司'])).toEqual([
      { start: 6, end: 14 },
      { start: 15, end: 18 },
      { start: 19, end: 23 },
    ]);
    expect(text.slice(6, 14)).toBe('２０２６〕12号');
  });

  it('finds what the text normalised as a whole contains', () => {
    const text = '经查，ＡＢＣ有限公司（沈阳）拖欠３２名农民工工资共计人民币1,862,400元。𠀀';
    const normal = normalizeForSearch(text);
    for (const term of ['abc有限公司沈阳', '32名农民工', '1862400元', '𠀀', '工资共计']) {
      expect(normal).toContain(term);
      const marks = findMarks(text, [term]);
      expect(marks).toHaveLength(1);
      expect(normalizeForSearch(text.slice(marks[0]!.start, marks[0]!.end))).toBe(term);
    }
    expect(excerptAround(text, ['农民工'], 10).marks).toEqual([{ start: 2, end: 5 }]);
  });
});
