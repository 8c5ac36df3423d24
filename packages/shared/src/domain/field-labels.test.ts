import { fieldLabelOf } from './field-labels';

describe('fieldLabelOf', () => {
  it('names a field in words, preferring the most specific name', () => {
    expect(fieldLabelOf(['body', 'party', 'name'])).toBe('当事人名称');
    expect(fieldLabelOf(['body', 'caseNumber'])).toBe('案号');
    expect(fieldLabelOf(['body', 'officers', 1, 'certificateNumber'])).toBe('执法人员第 2 项的执法证号');
    expect(fieldLabelOf(['body', 'officers', 0, 'name'])).toBe('执法人员第 1 项的名称');
    expect(fieldLabelOf(['body', 'evidenceIds', 2])).toBe('证据第 3 项');
    expect(fieldLabelOf(['query'])).toBe('查询参数');
  });

  it('keeps a code it has no name for', () => {
    expect(fieldLabelOf(['body', 'party', 'nickname'])).toBe('当事人的nickname');
  });
});
