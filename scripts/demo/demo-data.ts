import type { TReviewPoint, TSubmissionMaterialKind } from '@sanxiang/shared/src/domain';
import type { TStartActivity } from './support/case-steps';
import type { TCaseStory } from './support/sample-content';
import type { TStaffUser } from './support/staff-api';

/**
 * The demo data set of `npm start`: a labour-inspection unit (常州市劳动保障监察支队) of the
 * Changzhou human resources and social security bureau, its staff, six cases at different stages
 * and a few entries of the pre-disclosure catalogue. People, companies, ID and phone numbers are
 * invented (the ID numbers are well-formed so that redaction visibly masks them).
 */

export const authority = '常州市人力资源和社会保障局';
export const unit = '常州市劳动保障监察支队';

export const users = {
  zhangWei: {
    id: 'demo-officer-zhangwei',
    unitId: 'jiancha-zhidui',
    name: '张伟',
    roles: ['officer'],
    certificateNumber: '32040020231',
  },
  liNa: {
    id: 'demo-officer-lina',
    unitId: 'jiancha-zhidui',
    name: '李娜',
    roles: ['officer'],
    certificateNumber: '32040020232',
  },
  wangLei: {
    id: 'demo-officer-wanglei',
    unitId: 'jiancha-zhidui',
    name: '王磊',
    roles: ['officer'],
    certificateNumber: '32040020233',
  },
  chenJing: {
    id: 'demo-officer-chenjing',
    unitId: 'jiancha-zhidui',
    name: '陈静',
    roles: ['officer'],
    certificateNumber: '32040020234',
  },
  /** 支队长: head approvals in the case file, approval of disclosures. */
  unitHead: { id: 'demo-head-zhoujianguo', unitId: 'jiancha-zhidui', name: '周建国', roles: ['head'] },
  /** 政策法规处处长: heads the legal-review office, assigns reviews. */
  officeHead: { id: 'demo-head-wuzhigang', unitId: 'fazhi', name: '吴志刚', roles: ['head', 'reviewer'] },
  reviewerLiu: { id: 'demo-reviewer-liuxiaoyan', unitId: 'fazhi', name: '刘晓燕', roles: ['reviewer'] },
  reviewerZhao: { id: 'demo-reviewer-zhaoming', unitId: 'fazhi', name: '赵明', roles: ['reviewer'] },
  discloser: { id: 'demo-discloser-sunli', unitId: 'gongshi', name: '孙丽', roles: ['discloser'] },
} satisfies Record<string, TStaffUser>;

/** Where each demo case should stand once loaded. */
export type TDemoTarget =
  | 'published'
  | 'inLegalReview'
  | 'materialsRequested'
  | 'exempt'
  | 'withdrawnToBeRedone'
  /** As withdrawnToBeRedone, then decided again (cycle 2) and published again (the soak). */
  | 'redonePublished'
  /** Decided and served; the disclosure draft waits for disclosure staff (the console's test). */
  | 'disclosureDraft';

export interface TDemoFile {
  mediaKind: 'photo' | 'document' | 'video';
  fileName: string;
  contentType: 'image/png' | 'application/pdf' | 'text/plain' | 'video/mp4';
  /** Bytes of a generated video (video/mp4 only): large files are uploaded in parts. */
  size?: number;
  description: string;
  /** What the file is in the case's submission (major cases) or evidence list. */
  role: 'sitePhoto' | 'investigationReport' | 'draftDecisionDocument' | 'evidence';
  /** PDF cover lines (ASCII) or text content. */
  text: string[];
}

export interface TDemoCase {
  label: string;
  target: TDemoTarget;
  story: TCaseStory;
  activity: Omit<TStartActivity, 'startedAt'>;
  files: TDemoFile[];
  /** Major cases: who reviews, what they have answered so far, what they ask for. */
  review?: {
    reviewer: TStaffUser;
    answered?: TReviewPoint[];
    materialRequest?: { missing: TSubmissionMaterialKind[]; note: string; workingDays: number };
  };
  withdrawal?: { explanation: string; revokingDocument: { documentNumber: string; authority: string } };
}

/**
 * Times depend on the day the demo is loaded: `site` is filled in by the loader (the last working
 * day, 09:30–11:00 Beijing time), so that upload clocks are not born overdue.
 */
type TStoryWithoutSite = Omit<TCaseStory, 'site' | 'major'> & {
  site: { place: string };
  major?: Omit<NonNullable<TCaseStory['major']>, 'hearing'> & {
    hearing: Omit<NonNullable<TCaseStory['major']>['hearing'], 'heldAt'>;
  };
};

const photo = (fileName: string, description: string): TDemoFile => ({
  mediaKind: 'photo',
  fileName,
  contentType: 'image/png',
  description,
  role: 'sitePhoto',
  text: [],
});

/** A demo case before the loader fills in its times. */
export type TDemoCaseTemplate = Omit<TDemoCase, 'story'> & { story: TStoryWithoutSite };

export const demoCases: TDemoCaseTemplate[] = [
  {
    label: '一般程序行政处罚，已公示（法人）',
    target: 'published',
    story: {
      caseNumber: '常人社监察〔2026〕101号',
      title: '安排劳动者延长工作时间超过法定上限',
      handlingUnit: unit,
      party: {
        kind: 'legalPerson',
        name: '常州味香园餐饮管理有限公司',
        idNumber: '91320411MA1N3C7Q2K',
        legalRepresentative: '沈建明',
      },
      officers: [users.zhangWei, users.liNa],
      representative: {
        name: '沈建明',
        role: 'legalRepresentative',
        idNumber: '320411198203152217',
        phone: '13915012345',
      },
      site: { place: '常州市新北区通江中路 288 号味香园酒楼后厨' },
      siteFindings:
        '调取 2026 年 9 月、10 月考勤记录，厨房 6 名员工每月延长工作时间 52 至 61 小时不等，超过每月 36 小时的法定上限。',
      interview: [
        {
          question: '厨房员工的工作时间如何安排？',
          answer: '每天上午十点到晚上九点半，中间休息一个半小时，每周休息一天。',
        },
        { question: '延长工作时间是否与工会和劳动者协商？', answer: '没有书面协商，旺季人手不够。' },
      ],
      facts:
        '经查，常州味香园餐饮管理有限公司 2026 年 9 月至 10 月安排厨房 6 名员工每月延长工作时间 52 至 61 小时，' +
        '超过《劳动法》第四十一条规定的每月不得超过 36 小时的上限。法定代表人沈建明（身份证号 320411198203152217，' +
        '联系电话 13915012345）对上述事实无异议。',
      legalBasis: '《中华人民共和国劳动法》第四十一条、第九十条；《劳动保障监察条例》第二十五条',
      proposedDecision: '给予警告，责令改正，并按受侵害劳动者每人 500 元处以罚款，共计人民币 3,000 元。',
      decision: {
        kind: 'penalty',
        documentNumber: '常人社监罚字〔2026〕第101号',
        publication: {
          enforcementMethod: '现场检查、询问调查、调取考勤记录',
          content:
            '常州味香园餐饮管理有限公司安排厨房 6 名员工每月延长工作时间超过 36 小时的法定上限。' +
            '法定代表人沈建明（身份证号 320411198203152217，联系电话 13915012345）对违法事实无异议。',
          decision: '给予警告，责令改正，并处罚款人民币 3,000 元。',
          penaltyKind: '警告、罚款',
          fineAmountYuan: 3000,
          legalBasis: '《劳动保障监察条例》第二十五条',
          performance: '自收到本决定书之日起 15 日内将罚款缴至指定银行',
          issuingAuthority: authority,
        },
        disclosure: { mode: 'publish' },
      },
    },
    activity: { kind: 'siteInspection', title: '味香园酒楼现场检查', place: '常州市新北区通江中路 288 号' },
    files: [
      photo('现场照片-后厨排班表.png', '后厨张贴的 10 月排班表'),
      {
        mediaKind: 'document',
        fileName: '考勤记录-2026年9-10月.pdf',
        contentType: 'application/pdf',
        description: '当事人提供的考勤记录（复印件）',
        role: 'evidence',
        text: ['Attendance records September-October 2026', 'Kitchen staff: 6'],
      },
    ],
  },
  {
    label: '重大执法决定，法制审核中',
    target: 'inLegalReview',
    story: {
      caseNumber: '常人社监察〔2026〕102号',
      title: '未按规定开设农民工工资专用账户、拖欠农民工工资',
      handlingUnit: unit,
      party: {
        kind: 'legalPerson',
        name: '常州华建建设集团有限公司',
        idNumber: '91320400MA1W8XKQ3T',
        legalRepresentative: '顾国平',
      },
      officers: [users.zhangWei, users.liNa],
      representative: {
        name: '顾国平',
        role: 'legalRepresentative',
        idNumber: '320402197805123416',
        phone: '13861234567',
      },
      site: { place: '常州市新北区龙虎塘街道锦绣花园三期工地项目部' },
      siteFindings:
        '该项目施工总承包单位未在工程所在地银行开设农民工工资专用账户；项目部未设置维权信息告示牌；' +
        '现场 46 名农民工反映 2026 年 7 月至 9 月工资未足额发放。',
      interview: [
        {
          question: '你单位是否为该项目开设了农民工工资专用账户？',
          answer: '还没有开设，工资由公司基本户按月转给班组长。',
        },
        {
          question: '7 月至 9 月的农民工工资是否已足额支付？',
          answer: '拖欠了一部分，合计约 186 万元，因建设单位工程款未到位。',
        },
      ],
      facts:
        '经查，常州华建建设集团有限公司作为锦绣花园三期项目施工总承包单位，未按规定开设农民工工资专用账户，' +
        '并拖欠 46 名农民工 2026 年 7 月至 9 月工资共计人民币 1,862,400 元。',
      legalBasis:
        '《保障农民工工资支付条例》第二十六条、第五十五条第（一）项；《劳动保障监察条例》第二十六条',
      proposedDecision:
        '责令限期支付拖欠的农民工工资 1,862,400 元，责令限期开设农民工工资专用账户，并处罚款人民币 80,000 元。',
      discretion:
        '涉及人数多、金额大，但当事人积极配合调查并已制定支付计划，在 5 万至 10 万元幅度内从中处罚。',
      decision: {
        kind: 'penalty',
        documentNumber: '常人社监罚字〔2026〕第102号',
        publication: {
          enforcementMethod: '现场检查、询问调查、调取书证、听证',
          content:
            '常州华建建设集团有限公司未按规定开设农民工工资专用账户，拖欠 46 名农民工工资共计 1,862,400 元。',
          decision: '责令限期支付拖欠的农民工工资，责令限期开设专用账户，并处罚款人民币 80,000 元。',
          penaltyKind: '罚款',
          fineAmountYuan: 80000,
          legalBasis: '《保障农民工工资支付条例》第五十五条第（一）项',
          performance: '自收到本决定书之日起 15 日内缴纳罚款',
          issuingAuthority: authority,
        },
        disclosure: { mode: 'publish' },
      },
      major: {
        criteria: ['majorRightsAffected', 'afterHearing'],
        hearing: {
          place: '常州市人力资源和社会保障局听证室',
          presiding: '陈立新',
          clerk: '许静',
          minutes: '当事人对违法事实无异议，请求考虑建设单位拖欠工程款的情况从轻处罚。',
          findings: '违法事实清楚，当事人所述情况已在裁量中考虑。',
        },
      },
    },
    activity: { kind: 'siteInspection', title: '锦绣花园三期工地现场检查', place: '常州市新北区龙虎塘街道' },
    files: [
      photo('现场照片-项目部公示栏.png', '项目部未设置维权信息告示牌'),
      {
        mediaKind: 'document',
        fileName: '调查终结报告.txt',
        contentType: 'text/plain',
        description: '承办人调查终结报告',
        role: 'investigationReport',
        text: [
          '调查终结报告',
          '案件来源：农民工集体投诉。',
          '调查经过：现场检查、询问、调取书证、举行听证。',
        ],
      },
      {
        mediaKind: 'document',
        fileName: '行政处罚决定书（代拟稿）.pdf',
        contentType: 'application/pdf',
        description: '决定书代拟稿',
        role: 'draftDecisionDocument',
        text: ['Administrative penalty decision (draft)', 'Fine: CNY 80,000'],
      },
    ],
    review: {
      reviewer: users.reviewerLiu,
      answered: ['lawfulSubjectAndPowers', 'certifiedOfficers', 'lawfulProcedure', 'documentsComplete'],
    },
  },
  {
    label: '重大执法决定，法制审核要求补充材料',
    target: 'materialsRequested',
    story: {
      caseNumber: '常人社监察〔2026〕103号',
      title: '劳务派遣单位未依法订立劳动合同、用工单位超比例使用被派遣劳动者',
      handlingUnit: unit,
      party: {
        kind: 'legalPerson',
        name: '江苏鼎盛劳务派遣有限公司',
        idNumber: '91320412MA20K5YT8D',
        legalRepresentative: '蒋晓东',
      },
      officers: [users.wangLei, users.chenJing],
      representative: {
        name: '蒋晓东',
        role: 'legalRepresentative',
        idNumber: '320412198507213012',
        phone: '13775023456',
      },
      site: { place: '常州市武进区湖塘镇花园街 166 号鼎盛大厦 5 楼' },
      siteFindings:
        '抽查被派遣劳动者档案 80 份，其中 62 人未与派遣单位订立书面劳动合同，派遣协议未约定派遣岗位和期限。',
      interview: [
        {
          question: '被派遣劳动者的劳动合同由谁签订？',
          answer: '由用工单位现场招人，我们只负责发工资和缴社保。',
        },
        { question: '为何 62 名被派遣劳动者没有劳动合同？', answer: '人员流动大，合同还没来得及补签。' },
      ],
      facts:
        '经查，江苏鼎盛劳务派遣有限公司派遣至常州某电子科技有限公司的 62 名被派遣劳动者未订立书面劳动合同，' +
        '经责令限期改正后逾期仍未改正。',
      legalBasis: '《中华人民共和国劳动合同法》第五十八条、第九十二条；《劳务派遣暂行规定》',
      proposedDecision: '按每人 5,000 元的标准处以罚款，共计人民币 310,000 元。',
      decision: {
        kind: 'penalty',
        documentNumber: '常人社监罚字〔2026〕第103号',
        publication: {
          enforcementMethod: '现场检查、询问调查、调取书证、听证',
          content: '江苏鼎盛劳务派遣有限公司 62 名被派遣劳动者未订立书面劳动合同，经责令改正逾期未改正。',
          decision: '处以罚款人民币 310,000 元。',
          penaltyKind: '罚款',
          fineAmountYuan: 310000,
          legalBasis: '《中华人民共和国劳动合同法》第九十二条',
          performance: '自收到本决定书之日起 15 日内缴纳罚款',
          issuingAuthority: authority,
        },
        disclosure: { mode: 'publish' },
      },
      major: {
        criteria: ['majorRightsAffected', 'majorSocialImpact', 'afterHearing'],
        hearing: {
          place: '常州市人力资源和社会保障局听证室',
          presiding: '陈立新',
          clerk: '许静',
          minutes: '当事人称部分被派遣劳动者已离职，请求按实际在岗人数计算罚款。',
          findings: '当事人未提供离职证明，主张不能成立。',
        },
      },
    },
    activity: { kind: 'siteInspection', title: '鼎盛劳务派遣公司现场检查', place: '常州市武进区湖塘镇' },
    files: [
      photo('现场照片-劳动者档案柜.png', '被抽查的劳动者档案'),
      {
        mediaKind: 'document',
        fileName: '调查终结报告.txt',
        contentType: 'text/plain',
        description: '承办人调查终结报告',
        role: 'investigationReport',
        text: [
          '调查终结报告',
          '案件来源：日常巡查。',
          '调查经过：现场检查、询问、责令改正、复查、举行听证。',
        ],
      },
      {
        mediaKind: 'document',
        fileName: '行政处罚决定书（代拟稿）.pdf',
        contentType: 'application/pdf',
        description: '决定书代拟稿',
        role: 'draftDecisionDocument',
        text: ['Administrative penalty decision (draft)', 'Fine: CNY 310,000'],
      },
    ],
    review: {
      reviewer: users.reviewerZhao,
      materialRequest: {
        missing: ['evidence'],
        note: '请补充 62 名被派遣劳动者名册、用工单位出具的用工情况书面说明及责令改正后的复查记录。',
        workingDays: 5,
      },
    },
  },
  {
    label: '当事人为未成年人，不予公开',
    target: 'exempt',
    story: {
      caseNumber: '常人社监察〔2026〕104号',
      title: '未经许可擅自从事职业中介活动',
      handlingUnit: unit,
      party: { kind: 'naturalPerson', name: '刘子涵', isMinor: true },
      officers: [users.wangLei, users.chenJing],
      representative: {
        name: '刘子涵',
        role: 'party',
        idNumber: '320404200905061228',
        phone: '18251234567',
      },
      site: { place: '常州市钟楼区南大街街道某出租屋' },
      siteFindings:
        '当事人通过社交平台发布招聘信息，向 5 名求职者每人收取介绍费 200 元。当事人系未成年人（17 周岁），其监护人在场。',
      interview: [
        { question: '你是否取得人力资源服务许可证？', answer: '没有，不知道需要许可。' },
        { question: '一共收取了多少介绍费？', answer: '一共 1,000 元，已经全部退还。' },
      ],
      facts:
        '当事人未经许可通过网络平台从事职业中介活动，收取介绍费 1,000 元，已主动全部退还。当事人系未成年人。',
      legalBasis:
        '《人力资源市场暂行条例》第十八条、第四十二条；《中华人民共和国行政处罚法》第三十条、第三十二条',
      proposedDecision: '责令停止从事职业中介活动，给予警告。',
      decision: {
        kind: 'penalty',
        documentNumber: '常人社监罚字〔2026〕第104号',
        publication: {
          enforcementMethod: '网络巡查、询问调查',
          content: '当事人未经许可通过网络平台从事职业中介活动。',
          decision: '责令停止从事职业中介活动，给予警告。',
          penaltyKind: '警告',
          legalBasis: '《人力资源市场暂行条例》第四十二条',
          performance: '自收到本决定书之日起立即停止违法行为',
          issuingAuthority: authority,
        },
        disclosure: {
          mode: 'exempt',
          reason: 'minorParty',
          explanation: '当事人系未成年人（17 周岁），依法不予公开。',
        },
      },
    },
    activity: { kind: 'interview', title: '询问当事人及其监护人', place: '常州市钟楼区南大街街道' },
    files: [
      {
        mediaKind: 'document',
        fileName: '网络招聘信息截图说明.txt',
        contentType: 'text/plain',
        description: '当事人发布的招聘信息（文字摘录）',
        role: 'evidence',
        text: ['招聘信息摘录', '“电子厂直招，包吃住，介绍费 200 元”'],
      },
    ],
  },
  {
    label: '一般程序行政处罚，已公示（自然人，姓名脱敏）',
    target: 'published',
    story: {
      caseNumber: '常人社监察〔2026〕105号',
      title: '未经许可擅自从事职业中介活动',
      handlingUnit: unit,
      party: { kind: 'naturalPerson', name: '王建国', idNumber: '320402199001017818' },
      officers: [users.zhangWei, users.liNa],
      representative: {
        name: '王建国',
        role: 'party',
        idNumber: '320402199001017818',
        phone: '15061234567',
        address: '常州市天宁区青龙街道龙锦路 58 号 2 幢 301 室',
      },
      site: { place: '常州市天宁区青龙街道龙锦路 58 号' },
      siteFindings:
        '当事人在住所门口张贴招工广告，为 18 名求职者介绍工作并每人收取 200 元介绍费，未取得人力资源服务许可证。',
      interview: [
        { question: '你是否取得人力资源服务许可证？', answer: '没有。' },
        { question: '共收取介绍费多少？', answer: '一共 3,600 元。' },
      ],
      facts:
        '经查，王建国（身份证号 320402199001017818，住址常州市天宁区青龙街道龙锦路 58 号 2 幢 301 室，联系电话 15061234567）' +
        '未经许可擅自从事职业中介活动，违法所得 3,600 元。',
      legalBasis: '《人力资源市场暂行条例》第十八条、第四十二条',
      proposedDecision: '责令停止从事职业中介活动，没收违法所得 3,600 元，并处罚款人民币 10,000 元。',
      decision: {
        kind: 'penalty',
        documentNumber: '常人社监罚字〔2026〕第105号',
        publication: {
          enforcementMethod: '现场检查、询问调查',
          content:
            '王建国（身份证号 320402199001017818，住址常州市天宁区青龙街道龙锦路 58 号 2 幢 301 室，联系电话 15061234567）' +
            '未经许可擅自从事职业中介活动，向 18 名求职者收取介绍费共计 3,600 元。',
          decision: '责令停止从事职业中介活动，没收违法所得 3,600 元，并处罚款人民币 10,000 元。',
          penaltyKind: '没收违法所得、罚款',
          fineAmountYuan: 10000,
          legalBasis: '《人力资源市场暂行条例》第四十二条',
          performance: '自收到本决定书之日起 15 日内缴纳',
          issuingAuthority: authority,
        },
        disclosure: { mode: 'publish' },
      },
    },
    activity: { kind: 'siteInspection', title: '龙锦路招工点现场检查', place: '常州市天宁区青龙街道' },
    files: [photo('现场照片-招工广告.png', '住所门口张贴的招工广告')],
  },
  {
    label: '已公示后经复议撤销，撤下并重新作出',
    target: 'withdrawnToBeRedone',
    story: {
      caseNumber: '常人社监察〔2026〕106号',
      title: '未按时足额支付劳动者工资',
      handlingUnit: unit,
      party: {
        kind: 'legalPerson',
        name: '常州恒泰物业服务有限公司',
        idNumber: '91320402MA1P6GHU0X',
        legalRepresentative: '钱卫东',
      },
      officers: [users.wangLei, users.chenJing],
      representative: {
        name: '钱卫东',
        role: 'legalRepresentative',
        idNumber: '320402197211304511',
        phone: '13506112233',
      },
      site: { place: '常州市天宁区红梅街道恒泰物业服务中心' },
      siteFindings: '调取 2026 年 8 月、9 月工资发放记录，12 名保洁员工资迟延发放 40 余日。',
      interview: [
        { question: '保洁员 8 月、9 月工资为何迟延发放？', answer: '业主方物业费未按时结算。' },
        { question: '目前是否已经补发？', answer: '8 月已补发，9 月还欠 3 万多元。' },
      ],
      facts: '经查，常州恒泰物业服务有限公司拖欠 12 名保洁员 2026 年 9 月工资共计人民币 36,480 元。',
      legalBasis: '《劳动保障监察条例》第二十六条；《工资支付暂行规定》第七条',
      proposedDecision: '责令限期支付拖欠的劳动者工资 36,480 元。',
      decision: {
        kind: 'handling',
        documentNumber: '常人社监理字〔2026〕第106号',
        publication: {
          enforcementMethod: '现场检查、调取工资发放记录',
          content: '常州恒泰物业服务有限公司拖欠 12 名保洁员 2026 年 9 月工资共计 36,480 元。',
          decision: '责令于收到本决定书之日起 7 日内支付拖欠的劳动者工资 36,480 元。',
          legalBasis: '《劳动保障监察条例》第二十六条',
          performance: '7 日内支付，逾期未支付的按应付金额 50% 以上 1 倍以下加付赔偿金',
          issuingAuthority: authority,
        },
        disclosure: { mode: 'publish' },
      },
    },
    activity: { kind: 'siteInspection', title: '恒泰物业服务中心现场检查', place: '常州市天宁区红梅街道' },
    files: [
      {
        mediaKind: 'document',
        fileName: '工资发放记录-2026年8-9月.pdf',
        contentType: 'application/pdf',
        description: '当事人提供的工资发放记录',
        role: 'evidence',
        text: ['Payroll August-September 2026', 'Cleaning staff: 12'],
      },
    ],
    withdrawal: {
      explanation:
        '常州市人民政府行政复议决定（常政复决字〔2026〕第58号）以拖欠工资数额的认定证据不足为由撤销原处理决定，' +
        '责令重新作出。原决定现予撤下，重新作出后另行公示。',
      revokingDocument: { documentNumber: '常政复决字〔2026〕第58号', authority: '常州市人民政府' },
    },
  },
];

/**
 * 事前公开目录: entries published through the same internal review. No 执法人员 entries: the
 * personnel list (执法人员清单, /public/personnel) is generated from the directory's certificates.
 */
export const catalogueEntries = [
  {
    section: 'randomInspectionItem',
    title: '用人单位遵守劳动用工和社会保险法律法规情况的检查',
    basis:
      '《劳动保障监察条例》第十一条；《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》',
    inspectingBody: unit,
    objects: '本市行政区域内的用人单位',
    content: '劳动合同订立、工资支付、工作时间和休息休假、社会保险参保缴费情况',
    ratio: '不低于辖区用人单位总数的 5%',
    method: '随机抽取检查对象、随机选派执法检查人员，现场检查与书面审查相结合',
    frequency: '每年至少一次',
  },
  {
    section: 'supervisionChannel',
    title: '劳动保障监察投诉举报与执法监督',
    address: '常州市龙城大道 1280 号行政中心 2 号楼',
    postCode: '213022',
    phone: '0519-12333',
    email: 'jiandu@hrss.changzhou.example.cn',
    procedure:
      '收到投诉举报后 5 个工作日内决定是否受理；受理后 60 个工作日内办结，情况复杂的经批准可延长 30 个工作日。',
  },
  {
    section: 'serviceGuide',
    title: '劳动保障监察投诉受理',
    basis: '《劳动保障监察条例》第九条、第十八条；《关于实施〈劳动保障监察条例〉若干规定》第十三条至第十六条',
    acceptingBody: `${unit}投诉受理窗口`,
    approvingBody: unit,
    conditions:
      '劳动者认为用人单位侵犯其劳动保障合法权益的，可以向劳动保障行政部门投诉；投诉事项应在违法行为发生之日起两年内提出，且不属于劳动争议仲裁或诉讼已经受理的事项。',
    materials: [
      {
        name: '劳动保障监察投诉书',
        copies: '原件 1 份',
        note: '写明投诉人、被投诉单位、违法事实和投诉请求（窗口提供示范文本）',
      },
      { name: '投诉人身份证件', copies: '复印件 1 份', note: '委托他人投诉的，另附授权委托书' },
      { name: '劳动关系及违法事实的证明材料', copies: '复印件 1 份', note: '如劳动合同、工资条、考勤记录' },
    ],
    steps: [
      { name: '提交投诉', description: '到窗口或通过网上平台提交投诉书和材料，窗口当场出具接收凭证' },
      {
        name: '审查受理',
        description: '对投诉材料进行审查，符合条件的予以受理，不符合的书面告知理由',
        timeLimit: '5 个工作日',
      },
      {
        name: '调查处理',
        description: '两名以上执法人员调查取证，责令改正或依法作出处理、处罚决定',
        timeLimit: '受理之日起 60 个工作日',
      },
      { name: '告知结果', description: '将处理结果书面告知投诉人' },
    ],
    timeLimit: '受理之日起 60 个工作日内办结；情况复杂的，经负责人批准可延长 30 个工作日',
    fees: '不收费',
    accountability:
      '工作人员不按规定受理、调查、处理投诉，或者泄露投诉人信息的，依照《江苏省行政执法监督办法》等规定追究责任。',
    officeHours: '工作日 上午 8:30—12:00，下午 13:30—17:00（法定节假日除外）',
    address: '常州市龙城大道 1280 号行政中心 2 号楼一楼 12 号窗口',
    phone: '0519-85681234',
    consultation: '12333 人社服务热线',
    complaint: '0519-12333；jiandu@hrss.changzhou.example.cn',
  },
  {
    section: 'discretionBenchmark',
    title: '用人单位克扣或者无故拖欠劳动者工资报酬',
    violationBasis: '《劳动合同法》第三十条；《劳动保障监察条例》第二十六条',
    penaltyBasis: '《劳动合同法》第八十五条；《劳动保障监察条例》第二十六条',
    levels: [
      {
        grade: '轻微',
        circumstances: '拖欠工资在责令限期支付的期限内全额支付的',
        penalty: '责令限期支付，不加付赔偿金',
      },
      {
        grade: '一般',
        circumstances: '逾期未支付，涉及劳动者 10 人以下的',
        penalty: '责令按应付金额 50% 以上 70% 以下的标准加付赔偿金',
      },
      {
        grade: '严重',
        circumstances: '逾期未支付，涉及劳动者 10 人以上或者拖欠时间超过 3 个月的',
        penalty: '责令按应付金额 70% 以上 100% 以下的标准加付赔偿金；涉嫌犯罪的移送公安机关',
      },
    ],
    notes: '同一违法行为有两种以上情节的，按较重的情节裁量；从轻、减轻或者不予处罚的，应在案卷中写明理由。',
  },
  {
    section: 'legalReviewFlow',
    title: '重大执法决定法制审核流程图',
    basis:
      '《重大行政执法决定法制审核办法》；《全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施方案》（三）5',
    materials: [
      '拟作出的行政执法决定书（代拟稿）',
      '案件调查终结报告及承办机构意见',
      '证据材料和执法全过程记录',
      '听证笔录或者陈述、申辩材料（有的）',
      '法制审核送审表',
    ],
    steps: [
      { name: '承办机构送审', description: '承办机构对照重大执法决定事项目录确定须审核，提交送审材料' },
      {
        name: '材料接收',
        description: '法制审核机构（政策法规科）核对材料，不齐全的一次性告知补充',
        timeLimit: '2 个工作日',
      },
      {
        name: '法制审核',
        description:
          '审核执法主体、执法人员资格、程序、事实证据、适用法律和裁量基准、文书是否规范、是否涉嫌犯罪',
        timeLimit: '收到完整材料之日起 7 个工作日',
      },
      { name: '出具书面审核意见', description: '提出同意或者存在问题的书面审核意见' },
      { name: '研究处理', description: '承办机构对存在问题的意见研究处理后再次送审；意见不一致的提请协调' },
      { name: '负责人决定', description: '经法制审核后由机关负责人决定，重大复杂案件集体讨论决定' },
    ],
    carrier: '法制审核送审表和法制审核意见书，随案归档',
    disagreement:
      '承办机构与法制审核机构意见不一致的，由分管负责人协调；仍不一致的，报机关负责人集体讨论决定。',
    accountability:
      '应审未审、审核把关不严造成重大执法过错的，依照行政执法责任制追究承办机构、法制审核机构和相关人员的责任。',
  },
] as const;
