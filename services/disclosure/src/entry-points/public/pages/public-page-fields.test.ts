import type { TPublicDecisionView } from '../../../domain/publication/get-public-decision';
import { renderDecisionPage } from './decision-page';
import { layout } from './layout';
import { renderSearchPage } from './search-page';
import { html } from '../html';

// #14 item 7: what a public decision page carries (004 §9(1), 000 §13) and the government site's
// footer (主办单位, 联系方式, ICP 备案号, 网站标识码 from PUBLIC_SITE_*).

const published = {
  id: '00000000-0000-4000-8000-000000000001',
  state: 'published',
  documentNumber: '常人社监罚〔2026〕12号',
  decisionKind: 'penalty',
  decisionKindLabel: '行政处罚',
  issuingAuthority: '常州市人力资源和社会保障局',
  decisionDate: '2026-11-30',
  publishedAt: '2026-12-01T16:30:00.000Z', // 2 December in Beijing
  expiresAt: '2031-12-01T16:30:00.000Z',
  correctedAt: null,
  partyKind: 'legalPerson',
  partyKindLabel: '法人',
  partyName: '常州华建建设集团有限公司',
  creditCode: '91320400MA1W8XKQ3T',
  legalRepresentative: '顾国平',
  enforcementMethod: '现场检查',
  content: '拖欠工资',
  decision: '罚款',
  penaltyKind: '罚款',
  fineAmountYuan: 86500,
  legalBasis: '《保障农民工工资支付条例》',
  performance: '十五日内缴纳',
} as unknown as TPublicDecisionView;

describe('the public decision page (#14 item 7)', () => {
  it('names the credit code, the legal representative, the fine as its own field and the period', () => {
    const page = renderDecisionPage(published);
    expect(page).toMatch(/<dt>统一社会信用代码<\/dt>\s*<dd>91320400MA1W8XKQ3T<\/dd>/u);
    expect(page).toMatch(/<dt>法定代表人<\/dt>\s*<dd>顾国平<\/dd>/u);
    expect(page).toMatch(/<dt>罚款金额<\/dt>\s*<dd>人民币 86,500.00 元<\/dd>/u);
    expect(page).toMatch(/<dt>公示期限<\/dt>\s*<dd>\s*自 2026年12月2日 起至 2031年12月2日 止\s*<\/dd>/u);
  });

  it('leaves out what a natural person has not: no code, no representative, no fine', () => {
    const page = renderDecisionPage({
      ...published,
      partyKind: 'naturalPerson',
      partyKindLabel: '自然人',
      partyName: '王某',
      creditCode: null,
      legalRepresentative: null,
      fineAmountYuan: null,
    } as unknown as TPublicDecisionView);
    expect(page).not.toContain('统一社会信用代码');
    expect(page).not.toContain('法定代表人');
    expect(page).not.toContain('罚款金额');
  });

  it('a withdrawal notice gives the decision date', () => {
    const page = renderDecisionPage({
      id: published.id,
      state: 'withdrawn',
      documentNumber: published.documentNumber,
      decisionKind: 'penalty',
      decisionKindLabel: '行政处罚',
      issuingAuthority: published.issuingAuthority,
      decisionDate: '2026-11-30',
      publishedAt: published.publishedAt,
      withdrawal: {
        at: '2026-12-03T02:00:00.000Z',
        reason: 'revoked',
        reasonLabel: '被撤销',
        explanation: '撤销',
      },
    } as TPublicDecisionView);
    expect(page).toMatch(/<dt>决定日期<\/dt>\s*<dd>2026年11月30日<\/dd>/u);
  });

  it('the search page says how many decisions match', () => {
    const base = { form: {}, authorities: [], errors: [] };
    const none = { items: [], page: 1, pageSize: 20, hasMore: false };
    expect(renderSearchPage({ ...base, result: { ...none, total: 37, totalAtLeast: false } })).toContain(
      '共找到 37 条',
    );
    expect(renderSearchPage({ ...base, result: { ...none, total: 2500, totalAtLeast: true } })).toContain(
      '共找到 2500 条以上',
    );
  });
});

describe('the government site footer', () => {
  it('shows 主办单位, contact, ICP 备案号 (linked to the MIIT register) and 网站标识码', () => {
    const page = layout({ title: 't' }, html`<p>x</p>`, {
      sponsor: '常州市人力资源和社会保障局',
      contact: '联系电话：0519-85682000',
      icp: '苏ICP备05012345号',
      siteCode: '3204000012',
    });
    const footer = page.slice(page.indexOf('<footer'));
    expect(footer).toContain('主办单位：常州市人力资源和社会保障局');
    expect(footer).toContain('联系方式：联系电话：0519-85682000');
    expect(footer).toMatch(/<a href="https:\/\/beian.miit.gov.cn\/"[^>]*>苏ICP备05012345号<\/a>/u);
    expect(footer).toContain('网站标识码：3204000012');
  });

  it('shows no empty lines when nothing is configured', () => {
    expect(layout({ title: 't' }, html`<p>x</p>`, {})).not.toContain('site-identity');
  });
});
