/**
 * The staff directory of the demo (docs/directory.md): one agency, its units (two 执法承办机构, the
 * 法制审核机构, the 公示 office, the information centre), their heads, people for every role and
 * unit, and their certificates — valid ones, plus one expired, one suspended and one out-of-area
 * certificate to try the checks with. Person ids are the ones the demo cases use (demo-data.ts).
 * People and numbers are invented.
 */
import type { TRole } from '@sanxiang/shared';
import type { TUnitKind } from '@sanxiang/shared/src/contracts';

export const demoAgency = { id: 'czrs', name: '常州市人力资源和社会保障局' };

/** 执法类别 and 执法区域 of the demo's enforcement. */
export const demoCategory = '劳动保障监察';
export const demoArea = '常州市';

export interface TDemoUnit {
  id: string;
  name: string;
  kind: TUnitKind;
  headId: string;
  deputyIds: string[];
}

export const demoUnits: TDemoUnit[] = [
  {
    id: 'jiancha-zhidui',
    name: '常州市劳动保障监察支队',
    kind: 'enforcement',
    headId: 'demo-head-zhoujianguo',
    deputyIds: ['demo-deputy-huangli'],
  },
  {
    id: 'jiancha-wujin',
    name: '常州市劳动保障监察支队武进大队',
    kind: 'enforcement',
    headId: 'demo-head-qianweidong',
    deputyIds: [],
  },
  { id: 'fazhi', name: '政策法规处', kind: 'legalReview', headId: 'demo-head-wuzhigang', deputyIds: [] },
  {
    id: 'gongshi',
    name: '办公室（政务公开）',
    kind: 'disclosure',
    headId: 'demo-head-zhenghong',
    deputyIds: [],
  },
  { id: 'xinxi', name: '信息中心', kind: 'other', headId: 'demo-admin-xuhang', deputyIds: [] },
];

export interface TDemoCertificate {
  number: string;
  areas: string[];
  validFrom: string;
  validTo: string;
  status?: { status: 'suspended' | 'revoked'; reason: string };
  /** What the demo shows with it. */
  note?: string;
}

export interface TDemoPerson {
  id: string;
  login: string;
  name: string;
  unitId: string;
  post: string;
  roles: TRole[];
  certificate?: TDemoCertificate;
}

const valid = (number: string, areas = [demoArea]): TDemoCertificate => ({
  number,
  areas,
  validFrom: '2024-01-01',
  validTo: '2028-12-31',
});

export const demoPeople: TDemoPerson[] = [
  // 支队 (enforcement): the officers of the demo cases, the head and a deputy.
  p(
    'demo-head-zhoujianguo',
    'zhoujianguo',
    '周建国',
    'jiancha-zhidui',
    '支队长',
    ['head'],
    valid('32040020201'),
  ),
  p(
    'demo-deputy-huangli',
    'huangli',
    '黄丽',
    'jiancha-zhidui',
    '副支队长',
    ['head', 'officer'],
    valid('32040020202'),
  ),
  p(
    'demo-officer-zhangwei',
    'zhangwei',
    '张伟',
    'jiancha-zhidui',
    '一级主办',
    ['officer'],
    valid('32040020231'),
  ),
  p('demo-officer-lina', 'lina', '李娜', 'jiancha-zhidui', '二级主办', ['officer'], valid('32040020232')),
  p(
    'demo-officer-wanglei',
    'wanglei',
    '王磊',
    'jiancha-zhidui',
    '二级主办',
    ['officer'],
    valid('32040020233'),
  ),
  p('demo-officer-chenjing', 'chenjing', '陈静', 'jiancha-zhidui', '科员', ['officer'], valid('32040020234')),
  // 武进大队 (enforcement): two valid officers, and one each expired, suspended, out of area.
  p(
    'demo-head-qianweidong',
    'qianweidong',
    '钱卫东',
    'jiancha-wujin',
    '大队长',
    ['head'],
    valid('32040020301'),
  ),
  p(
    'demo-officer-sunqiang',
    'sunqiang',
    '孙强',
    'jiancha-wujin',
    '科员',
    ['officer'],
    valid('32040020311', ['常州市武进区']),
  ),
  p(
    'demo-officer-hemin',
    'hemin',
    '何敏',
    'jiancha-wujin',
    '科员',
    ['officer'],
    valid('32040020312', ['常州市武进区']),
  ),
  p('demo-officer-fengjun', 'fengjun', '冯军', 'jiancha-wujin', '科员', ['officer'], {
    number: '32040020313',
    areas: ['常州市武进区'],
    validFrom: '2023-07-01',
    validTo: '2026-06-30',
    note: '已过期（2026年6月30日到期）',
  }),
  p('demo-officer-yangfan', 'yangfan', '杨帆', 'jiancha-wujin', '科员', ['officer'], {
    ...valid('32040020314', ['常州市武进区']),
    status: { status: 'suspended', reason: '涉嫌违反执法纪律，调查期间暂停执法资格' },
    note: '已暂停',
  }),
  p('demo-officer-xujing', 'xujing', '许静', 'jiancha-wujin', '科员', ['officer'], {
    ...valid('32050020315', ['苏州市']),
    note: '执法区域为苏州市（在常州执法即“执法区域不符”）',
  }),
  // 法制审核机构
  // The office's head reviews too (法制审核人员): the legal-review office's people all hold `reviewer`.
  p('demo-head-wuzhigang', 'wuzhigang', '吴志刚', 'fazhi', '处长', ['head', 'reviewer']),
  p('demo-reviewer-liuxiaoyan', 'liuxiaoyan', '刘晓燕', 'fazhi', '法制审核员', ['reviewer']),
  p('demo-reviewer-zhaoming', 'zhaoming', '赵明', 'fazhi', '法制审核员', ['reviewer']),
  // 公示 office
  p('demo-head-zhenghong', 'zhenghong', '郑红', 'gongshi', '主任', ['head']),
  p('demo-discloser-sunli', 'sunli', '孙丽', 'gongshi', '公示专员', ['discloser']),
  // 信息中心
  p('demo-admin-xuhang', 'xuhang', '徐航', 'xinxi', '系统管理员', ['admin']),
];

function p(
  id: string,
  login: string,
  name: string,
  unitId: string,
  post: string,
  roles: TRole[],
  certificate?: TDemoCertificate,
): TDemoPerson {
  return { id, login, name, unitId, post, roles, ...(certificate ? { certificate } : {}) };
}
