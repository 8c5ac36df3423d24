import type { TPublicDecisionView } from '../../../domain/publication/get-public-decision';
import type { TPublicSearchItem } from '../../../domain/search/search-public-decisions';
import { renderDecisionPage } from './decision-page';
import { renderSearchPage } from './search-page';

// Published at 00:30 Beijing time on 2 December 2026, which is still 1 December in UTC.
const publishedAt = '2026-12-01T16:30:00.000Z';
const withdrawnAt = '2026-12-03T16:05:00.000Z'; // 00:05 on 4 December in Beijing

const published: TPublicDecisionView = {
  id: '00000000-0000-4000-8000-000000000001',
  state: 'published',
  documentNumber: '常人社监罚〔2026〕12号',
  decisionKind: 'penalty',
  decisionKindLabel: '行政处罚',
  issuingAuthority: '常州市人力资源和社会保障局',
  decisionDate: '2026-12-02',
  publishedAt,
  correctedAt: null,
  partyKind: 'legalPerson',
  partyKindLabel: '法人',
  partyName: '常州某建筑劳务有限公司',
  enforcementMethod: '现场检查',
  content: '拖欠工资',
  decision: '罚款',
  penaltyKind: '罚款',
  legalBasis: '《保障农民工工资支付条例》',
  performance: null,
  creditCode: null,
  legalRepresentative: null,
  fineAmountYuan: null,
  expiresAt: null,
} as unknown as TPublicDecisionView;

describe('public pages show Beijing dates', () => {
  it('the decision page gives the Beijing date of a publication at 00:30', () => {
    const page = renderDecisionPage(published);
    expect(page).toContain('公示日期\n        2026年12月2日');
    expect(page).toContain('2026年12月2日');
    expect(page).not.toContain('2026-12-01');
    expect(page).not.toContain(publishedAt);
  });

  it('the withdrawal notice gives the Beijing date of the withdrawal', () => {
    const page = renderDecisionPage({
      id: published.id,
      state: 'withdrawn',
      documentNumber: published.documentNumber,
      decisionKind: 'penalty',
      decisionKindLabel: '行政处罚',
      issuingAuthority: published.issuingAuthority,
      decisionDate: '2026-12-02',
      publishedAt,
      withdrawal: {
        at: withdrawnAt,
        reason: 'revoked',
        reasonLabel: '原行政执法决定被依法撤销',
        explanation: '撤销',
      },
    } as TPublicDecisionView);
    expect(page).toContain('<dd>2026年12月4日</dd>');
    expect(page).not.toContain('2026-12-03');
  });

  it('the search results give Beijing dates', () => {
    const item = {
      id: published.id,
      state: 'withdrawn',
      documentNumber: published.documentNumber,
      decisionKind: 'penalty',
      decisionKindLabel: '行政处罚',
      issuingAuthority: published.issuingAuthority,
      decisionDate: '2026-12-02',
      publishedAt,
      correctedAt: null,
      partyName: null,
      penaltyKind: null,
      excerpt: null,
      withdrawnAt,
      match: null,
      highlights: { partyName: [], documentNumber: [], excerpt: [] },
    } as unknown as TPublicSearchItem;
    const page = renderSearchPage({
      form: {},
      authorities: [],
      errors: [],
      result: { items: [item], page: 1, pageSize: 20, hasMore: false, total: 1, totalAtLeast: false },
    });
    expect(page).toContain('<dd>2026年12月2日</dd>');
    expect(page).toContain('<dd>2026年12月4日</dd>');
    expect(page).not.toContain('2026-12-03');
  });
});
