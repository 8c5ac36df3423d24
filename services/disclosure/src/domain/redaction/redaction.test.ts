import type { TDecisionSource } from '../decisions/decision-content';
import { applyRedaction, defaultRedactionRules, maskPersonName } from './redaction';
import { planToRedactions } from './redaction-plan';

const base: TDecisionSource = {
  partyKind: 'naturalPerson',
  partyName: '张三',
  documentNumber: '沈人社监罚〔2026〕7号',
  decisionKind: 'penalty',
  decisionDate: '2026-10-09',
  enforcementMethod: '现场检查',
  content:
    '当事人张三，身份证号码210102198805061234，住址：沈阳市和平区南京北街123号2单元501室，' +
    '手机13912345678，办公电话024-23456789。证人李四证实张三未按规定缴纳社会保险费。统一社会信用代码912101007160123456。',
  decision: '对张三处以罚款人民币2000元。',
  penaltyKind: '罚款',
  legalBasis: '《社会保险法》第八十六条',
  performance: '15日内缴纳',
  issuingAuthority: '沈阳市人力资源和社会保障局',
};

describe('applyRedaction', () => {
  it("masks ID numbers, phones, a natural person's name and home address by default", () => {
    const { publicContent: p, report } = applyRedaction(base, defaultRedactionRules('naturalPerson'));
    expect(p.partyName).toBe('张某');
    expect(p.content).toContain('当事人张某');
    expect(p.content).toContain('2101**********1234');
    expect(p.content).toContain('139****5678');
    expect(p.content).toContain('024-********');
    expect(p.content).toContain('住址：沈阳市和平区****');
    expect(p.content).not.toMatch(/南京北街|501室|210102198805061234|13912345678|23456789/u);
    expect(p.decision).toBe('对张某处以罚款人民币2000元。');
    // a credit code is not an ID number; the witness is only masked when listed
    expect(p.content).toContain('912101007160123456');
    expect(p.content).toContain('李四');
    expect(report).toEqual(
      expect.arrayContaining([
        { field: 'partyName', rule: 'naturalPersonName', count: 1 },
        { field: 'content', rule: 'naturalPersonName', count: 2 },
        { field: 'content', rule: 'idNumber', count: 1 },
        { field: 'content', rule: 'phoneNumber', count: 2 },
        { field: 'content', rule: 'address', count: 1 },
        { field: 'decision', rule: 'naturalPersonName', count: 1 },
      ]),
    );
  });

  it("keeps a legal person's name and registered address unless staff say otherwise", () => {
    const company = {
      ...base,
      partyKind: 'legalPerson' as const,
      partyName: '沈阳华信建材有限公司',
      content: '该公司住所地沈阳市铁西区北二路88号，法定代表人王志强。',
    };
    const { publicContent: p } = applyRedaction(company, defaultRedactionRules('legalPerson'));
    expect(p.partyName).toBe('沈阳华信建材有限公司');
    expect(p.content).toBe(company.content);
    const named = applyRedaction(company, [
      { kind: 'address', enabled: true },
      { kind: 'naturalPersonName', enabled: true, names: ['王志强'] },
    ]);
    expect(named.publicContent.content).toBe('该公司住所地沈阳市铁西区****，法定代表人王某。');
  });

  it('switches a rule off per record', () => {
    const rules = defaultRedactionRules('naturalPerson').map((r) =>
      r.kind === 'phoneNumber' ? { ...r, enabled: false } : r,
    );
    const { publicContent: p } = applyRedaction(base, rules);
    expect(p.content).toContain('13912345678');
    expect(p.content).not.toContain('210102198805061234');
  });

  it('replaces listed terms and withholds whole fields with the reason', () => {
    const { publicContent: p, report } = applyRedaction(base, [
      { kind: 'literal', text: '社会保险费', replacement: '[已处理]' },
      { kind: 'withholdField', field: 'legalBasis', reason: 'otherLaw' },
    ]);
    expect(p.content).toContain('未按规定缴纳[已处理]');
    expect(p.legalBasis).toBe('【依法不予公开：法律、法规、规章另有规定】');
    expect(p.partyName).toBe('张三'); // the name rule was not given
    expect(report).toContainEqual({ field: 'legalBasis', rule: 'withholdField', count: 1 });
  });

  it('masks names with compound surnames and the longest name first', () => {
    expect(maskPersonName('欧阳明华')).toBe('欧阳某');
    expect(maskPersonName('张三')).toBe('张某');
    const { publicContent: p } = applyRedaction({ ...base, content: '张三丰与张三同行。' }, [
      { kind: 'naturalPersonName', enabled: true, names: ['张三丰'] },
    ]);
    expect(p.content).toBe('张某与张某同行。');
  });
});

describe('planToRedactions', () => {
  it('maps the decision plan to withheld fields and refuses unknown fields', () => {
    expect(
      planToRedactions({
        mode: 'redact',
        redactions: [
          { field: 'content', reason: 'tradeSecret' },
          { field: '依据', reason: 'otherLaw' },
        ],
      }),
    ).toEqual([
      { field: 'content', reason: 'tradeSecret' },
      { field: 'legalBasis', reason: 'otherLaw' },
    ]);
    expect(() =>
      planToRedactions({ mode: 'redact', redactions: [{ field: 'bankAccount', reason: 'personalPrivacy' }] }),
    ).toThrow(
      expect.objectContaining({
        status: 400,
        options: expect.objectContaining({
          fields: [expect.objectContaining({ path: 'body.disclosure.redactions.0.field' })],
        }),
      }),
    );
    expect(planToRedactions({ mode: 'publish' })).toEqual([]);
  });
});
