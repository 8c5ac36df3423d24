import { buildSearchText, normalizeForSearch } from './search-text';

describe('search text', () => {
  it('normalises width, case, punctuation and spaces', () => {
    expect(normalizeForSearch('沈人社监罚〔２０２６〕12号')).toBe('沈人社监罚202612号');
    expect(normalizeForSearch('沈人社监罚[2026] 12号')).toBe('沈人社监罚202612号');
    expect(normalizeForSearch('ABC 有限公司，')).toBe('abc有限公司');
  });

  it('joins normalised fields with a separator a keyword can never contain', () => {
    expect(buildSearchText(['华信建材', '罚款', undefined, ''])).toBe('华信建材|罚款');
    expect(normalizeForSearch('华信|建材')).toBe('华信建材');
  });
});
