import type { TCaseFileView, TEvidenceView, TRecordView } from '../src/domain/case-file/case-file-views';
import { renderCaseFileHtml } from '../src/domain/export/render-case-file-html';

// 00:30 Beijing on 2 December is still 1 December in UTC: the reader must see the 2nd.
const halfPastMidnight = '2026-12-01T16:30:00.000Z';

const file = {
  id: 'c1',
  caseNumber: '常人社监察〔2026〕12号',
  title: '拖欠劳动者工资',
  handlingUnit: '常州市劳动保障监察支队',
  enforcementCategory: '劳动保障监察',
  enforcementArea: '常州市',
  party: {
    kind: 'legalPerson',
    name: '某某建筑工程有限公司',
    idNumber: null,
    legalRepresentative: null,
    isMinor: false,
  },
  officers: [{ userId: 'u1', name: '张三', certificateNumber: '32010001' }],
  status: 'open',
  stage: 'investigation',
  cycle: 1,
  openedBy: { id: 'u1', name: '张三' },
  openedAt: halfPastMidnight,
  closedAt: null,
  closeReason: null,
  archivedAt: null,
  lifecycle: { workflowId: 'w', startedAt: halfPastMidnight },
} as unknown as TCaseFileView;

const records = [
  {
    id: 'r2',
    seq: 2,
    kind: 'investigationReport',
    content: { concludedAt: halfPastMidnight, facts: '拖欠 32 名农民工工资' },
    activityId: null,
    correctsRecordId: null,
    filedBy: { id: 'u1', name: '张三' },
    filedAt: halfPastMidnight,
  },
  {
    id: 'r1',
    seq: 1,
    kind: 'interview',
    content: {
      startedAt: halfPastMidnight,
      interviewee: { name: '李四', role: 'employee' },
      questionsAndAnswers: [{ answer: '没有', question: '工资发了吗？' }],
      signature: { signed: true, signedBy: '李四' },
    },
    activityId: 'a1',
    correctsRecordId: null,
    filedBy: { id: 'u1', name: '张三' },
    filedAt: halfPastMidnight,
  },
] as unknown as TRecordView[];

const evidence = [
  {
    id: 'e1',
    mediaKind: 'video',
    contentType: 'video/mp4',
    fileName: '现场<检查>.mp4',
    size: 300_000,
    sha256: 'a'.repeat(64),
    uploadedBy: { id: 'u1', name: '张三' },
    uploadedAt: halfPastMidnight,
    retention: { mode: 'COMPLIANCE', retainUntil: '2056-12-01T16:30:00.000Z', locked: true },
  },
] as unknown as TEvidenceView[];

describe('case-file HTML', () => {
  const html = renderCaseFileHtml({
    file,
    records,
    evidence,
    exportedAt: halfPastMidnight,
    exportedBy: '王五',
  });
  const text = html.replace(/<style>.*?<\/style>/su, '').replace(/<[^>]+>/gu, ' ');

  it('shows every date and time on the Beijing calendar', () => {
    expect(text).toContain('立案日期：2026年12月2日');
    expect(text).toContain('导出时间 2026-12-02 00:30（北京时间）');
    expect(text).toContain('登记时间 2026-12-02 00:30');
    expect(text).toContain('保存至 2056年12月2日');
    expect(text).not.toMatch(/2026-12-01|T16:30|Z\b/u);
  });

  it('lists the fields of a record in reading order, not in the order of its JSON', () => {
    expect(text.indexOf('开始时间')).toBeLessThan(text.indexOf('被询问人'));
    expect(text.indexOf('问  工资发了吗？')).toBeLessThan(text.indexOf('答  没有'));
  });

  it('reads in Chinese: labelled fields, code values in words, the case-file order', () => {
    for (const english of [
      'legalPerson',
      'investigation',
      'interviewee',
      'employee',
      'signedBy',
      'video',
      'COMPLIANCE',
    ])
      expect(text).not.toContain(english);
    expect(text).toContain('当事人：某某建筑工程有限公司（法人）');
    expect(text).toContain('当前阶段：调查取证');
    expect(text).toContain('被询问人');
    expect(text).toContain('合规锁定（不可删改）');
    expect(html).toContain('现场&lt;检查&gt;.mp4');
    // The interview (filed second here) comes before the investigation-end report in a case file.
    expect(text.indexOf('第 1 份　询问笔录')).toBeGreaterThan(-1);
    expect(text.indexOf('第 1 份　询问笔录')).toBeLessThan(text.indexOf('第 2 份　调查终结报告'));
  });
});
