import type { TRole } from '@sanxiang/shared';

/**
 * The authorisation table: for every operation of every service, which roles may call it and the
 * rule that narrows it further (by unit, by case, by person). docs/authorization.md is generated
 * from this module (`npx tsx test/authorization/render-authorization-doc.ts --write`), and
 * test/authorization/role-matrix.test.ts checks it against the route table (the `x-roles` every
 * operation publishes in its service's /openapi.json) and walks it against the running services.
 */

/** What every caller outside the roles gets (the same for every protected operation). */
export const tokenAnswers = {
  missing: 401,
  expired: 401,
  wrongIssuer: 401,
  algNone: 401,
  roleNotListed: 403,
} as const;

export interface TAccessRule {
  /** Short name (Chinese) used in the table. */
  label: string;
  /** Who, among the holders of the listed roles, may call the operation. */
  who: string;
  /** What a holder of a listed role outside the rule gets. */
  others: string;
}

export const accessRules = {
  public: {
    label: '公开',
    who: '任何人，无需令牌',
    others: '不带令牌即可；带了令牌则须有效（过期、签发者不符、`alg: none` 均 401）',
  },
  machine: {
    label: '仅机器令牌',
    who: '流程引擎及其他服务：`system` 角色只来自机器令牌（`token_use: machine`）',
    others: '任何人员令牌 403（人员令牌自称 `system` 时 401）',
  },
  role: {
    label: '按角色',
    who: '持所列角色之一的任何人',
    others: '—',
  },
  self: {
    label: '本人',
    who: '本人的通知、邮件设置与待办',
    others: '他人的通知 404；列表只含本人的',
  },
  caseList: {
    label: '可读案卷',
    who: '列表只含调用者可读的案卷（规则同“读案卷”）',
    others: '列表不含其他案卷',
  },
  caseRead: {
    label: '读案卷',
    who: '本案执法人员；本案承办机构的执法人员与负责人（含副职）；机关领导机构的负责人（分管负责人，各机构的案卷）；已提交法制审核的案件：法制审核人员；已获批且未过期、未撤销的调阅申请人',
    others: '404（与案卷不存在相同），拒绝读取写入审计日志（`caseFile.readRefused`）',
  },
  evidenceRead: {
    label: '读证据',
    who: '可读本案案卷者（规则同“读案卷”）；限定证据的调阅只及于所列证据',
    others: '404（与证据不存在相同），写入审计日志（`evidence.readRefused`）',
  },
  caseOfficer: {
    label: '本案执法人员',
    who: '列为本案执法人员的承办人员',
    others: '读不到本案者 404；读得到但不是本案执法人员者 403',
  },
  uploadOfficer: {
    label: '本案执法人员（上传任务）',
    who: '上传任务所属案件的执法人员',
    others: '读不到该案者 404；读得到但不是本案执法人员者 403',
  },
  caseOfficerOrUnitHead: {
    label: '本案执法人员或承办机构负责人',
    who: '本案执法人员，或本案承办机构的负责人（含副职）',
    others: '读不到本案者 404；其他 403',
  },
  caseRecord: {
    label: '执法记录',
    who: '本案执法人员登记执法记录；负责人审批意见只由本案承办机构的负责人登记；集体讨论记录由执法人员或本机构负责人登记',
    others: '读不到本案者 404；其他 403',
  },
  caseUnitHead: {
    label: '本案承办机构负责人',
    who: '本案承办机构的负责人（含副职）；其他机构的负责人、机关领导机构的负责人不可',
    others: '读不到本案者 404；读得到但不是本机构负责人者 403',
  },
  majorDesignation: {
    label: '法制审核机构或承办机构负责人',
    who: '法制审核人员（案件已提交法制审核），或本案承办机构的负责人',
    others: '读不到本案者 404；其他 403',
  },
  accessRequest: {
    label: '申请调阅',
    who: '持所列角色者均可申请（须说明理由，留痕并由本案承办机构负责人审批）；读得到本案者得到 201 和申请本身',
    others:
      '读不到本案者一律 202（已收到），与案卷不存在、所列证据不属本案时的回答相同；后两者不保存申请，写入审计日志（`accessRequest.discarded`）',
  },
  accessRequestList: {
    label: '调阅申请',
    who: '本案承办机构负责人看全部；其他人看本人提交的（读不到本案者只看负责人已决定的）',
    others: '既无本人已决定的申请又读不到本案者 404',
  },
  reviewOffice: {
    label: '法制审核机构',
    who: '法制审核人员，或法制审核机构的负责人（其所在机构在人员目录中为法制审核机构 `legalReview`）',
    others: '其他机构的负责人 403',
  },
  reviewRead: {
    label: '审核事项',
    who: '法制审核人员与法制审核机构的负责人看全部；承办人员只看列有本人的审核事项（不含审核工作底稿）',
    others: '404（与审核事项不存在相同）',
  },
  reviewAssignment: {
    label: '分配审核',
    who: '法制审核机构的负责人分配给任何未回避的审核人员；审核人员只能领取给自己',
    others: '其他机构的负责人 403；审核人员分配给他人 403',
  },
  reviewAssigneeOrHead: {
    label: '承办审核人员或负责人',
    who: '承办本审核的审核人员，或法制审核机构的负责人',
    others: '403',
  },
  reviewAssignee: {
    label: '承办审核人员',
    who: '承办本审核的审核人员（未回避、非本案执法人员）',
    others: '403（未回避、职责分离的违反 409）',
  },
  filingFromCase: {
    label: '来自本案',
    who: '流程引擎（机器令牌），或本案执法人员；承办机构须与案卷一致',
    others: '不是本案执法人员或案件不存在 404',
  },
  disclosureList: {
    label: '可读公示记录',
    who: '列表只含调用者可读的公示记录（规则同“读公示记录”）；没有承办机构的记录（事前公开目录、定期报告、2026-12-03 前起草的决定）持所列角色者均见',
    others: '列表不含其他机构的公示记录',
  },
  disclosureRead: {
    label: '读公示记录',
    who: '决定的公示记录：本案承办机构的人员；公示机构（人员目录中为 `disclosure`）的人员；法制审核人员；机关领导机构的负责人；系统管理员。没有承办机构的记录按角色',
    others: '404（与公示记录不存在相同）',
  },
  disclosureStaff: {
    label: '本机构公示工作人员',
    who: '本案承办机构或公示机构的公示工作人员（谁执法、谁公开；没有承办机构的记录按角色）',
    others: '读不到该记录者 404；读得到但不是本机构公示工作人员者 403',
  },
  disclosureCheck: {
    label: '公示审核',
    who: '法制审核人员，或本案承办机构、公示机构的公示工作人员；不能是起草人、提交人或本案执法人员',
    others: '读不到该记录者 404；其他 403（职责分离的违反 409）',
  },
  disclosureApproval: {
    label: '承办机构负责人批准公示',
    who: '本案承办机构的负责人（含副职），或机关领导机构的负责人（未经行政执法机构负责人批准不得发布，004 §16）；公示机构、其他机构的负责人不可',
    others: '读不到该记录者 404；读得到但不是本案承办机构或机关领导机构负责人者 403',
  },
  disclosureOutcomeRequest: {
    label: '申请撤下或不予公开',
    who: '本案承办机构或公示机构的公示工作人员，或本案承办机构、机关领导机构的负责人',
    others: '读不到该记录者 404；其他 403',
  },
  boardScope: {
    label: '督办看板范围',
    who: '法制审核人员与机关负责人（机关领导机构的负责人）看全部；其他机构负责人看本机构',
    others: '看不到其他机构的期限（列表为空）',
  },
  drawnInspector: {
    label: '抽取到的检查人员',
    who: '双随机抽取到该对象的检查人员',
    others: '403',
  },
  notTaskInspector: {
    label: '非本任务检查人员',
    who: '该角色中不是本抽查任务检查人员的人；审批人还不能是核对人（审核办法 §3）',
    others: '409',
  },
  conflictDeclarant: {
    label: '本人申报',
    who: '承办人员申报本人的利益冲突；负责人、系统管理员可为他人登记',
    others: '为他人申报 403',
  },
} as const satisfies Record<string, TAccessRule>;

export type TAccessRuleKey = keyof typeof accessRules;

export interface TOperationAccess {
  /** Exactly the route's access list (`x-roles` in the service's OpenAPI document). */
  roles: readonly TRole[] | 'public';
  rule: TAccessRuleKey;
}

export const authorizedServices = [
  'directory',
  'recording',
  'legal-review',
  'disclosure',
  'inspection',
  'notifications',
] as const;
export type TAuthorizedService = (typeof authorizedServices)[number];

/** `METHOD /path` → access, per service (the order of the services' route files). */
export const authorizationTable: Record<TAuthorizedService, Record<string, TOperationAccess>> = {
  directory: {
    'GET /internal/people/by-login/{login}': { roles: ['system'], rule: 'machine' },
    'GET /internal/people/{personId}': { roles: ['system'], rule: 'machine' },
    'GET /internal/people/{personId}/photo': { roles: ['system'], rule: 'machine' },
    'GET /internal/units/{unitId}': { roles: ['system'], rule: 'machine' },
    'GET /internal/units': { roles: ['system'], rule: 'machine' },
    'GET /internal/people': { roles: ['system'], rule: 'machine' },
    'POST /internal/certificate-checks': { roles: ['system'], rule: 'machine' },
    'GET /internal/public-personnel': { roles: ['system'], rule: 'machine' },
    'GET /internal/inspectors': { roles: ['system'], rule: 'machine' },
    'GET /agencies': { roles: ['admin', 'head'], rule: 'role' },
    'PUT /agencies/{agencyId}': { roles: ['admin'], rule: 'role' },
    'GET /units': { roles: ['admin', 'head'], rule: 'role' },
    'GET /units/{unitId}': { roles: ['admin', 'head'], rule: 'role' },
    'PUT /units/{unitId}': { roles: ['admin'], rule: 'role' },
    'PUT /units/{unitId}/leadership': { roles: ['admin'], rule: 'role' },
    'GET /people': { roles: ['admin', 'head'], rule: 'role' },
    'GET /officers': { roles: ['officer', 'head', 'reviewer', 'admin'], rule: 'role' },
    'GET /people/{personId}': { roles: ['admin', 'head'], rule: 'role' },
    'PUT /people/{personId}': { roles: ['admin'], rule: 'role' },
    'PUT /people/{personId}/photo': { roles: ['admin'], rule: 'role' },
    'GET /audit': { roles: ['admin'], rule: 'role' },
    'GET /certificates': { roles: ['admin', 'head'], rule: 'role' },
    'GET /certificates/{certificateNumber}': { roles: ['admin', 'head'], rule: 'role' },
    'PUT /certificates/{certificateNumber}': { roles: ['admin'], rule: 'role' },
    'PUT /certificates/{certificateNumber}/status': { roles: ['admin'], rule: 'role' },
  },
  recording: {
    'POST /cases': { roles: ['officer'], rule: 'role' },
    'GET /cases': { roles: ['officer', 'reviewer', 'head'], rule: 'caseList' },
    'GET /approvals/mine': { roles: ['head'], rule: 'caseList' },
    'GET /cases/{caseNumber}': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'caseRead',
    },
    'POST /cases/{caseNumber}/close': { roles: ['officer'], rule: 'caseOfficer' },
    'POST /cases/{caseNumber}/archive': { roles: ['officer', 'head'], rule: 'caseOfficerOrUnitHead' },
    'GET /cases/{caseNumber}/export': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'caseRead',
    },
    'POST /cases/{caseNumber}/records': { roles: ['officer', 'head'], rule: 'caseRecord' },
    'GET /cases/{caseNumber}/records': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'caseRead',
    },
    'POST /cases/{caseNumber}/activities': { roles: ['officer'], rule: 'caseOfficer' },
    'POST /cases/{caseNumber}/activities/{activityId}/end': { roles: ['officer'], rule: 'caseOfficer' },
    'POST /cases/{caseNumber}/evidence-uploads': { roles: ['officer'], rule: 'caseOfficer' },
    'GET /cases/{caseNumber}/evidence-uploads': { roles: ['officer'], rule: 'caseOfficer' },
    'GET /evidence-uploads/{uploadId}': { roles: ['officer'], rule: 'uploadOfficer' },
    'DELETE /evidence-uploads/{uploadId}': { roles: ['officer'], rule: 'uploadOfficer' },
    'PUT /evidence-uploads/{uploadId}/content': { roles: ['officer'], rule: 'uploadOfficer' },
    'PUT /evidence-uploads/{uploadId}/parts/{partNumber}': { roles: ['officer'], rule: 'uploadOfficer' },
    'POST /evidence-uploads/{uploadId}/complete': { roles: ['officer'], rule: 'uploadOfficer' },
    'GET /cases/{caseNumber}/evidence': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'caseRead',
    },
    'GET /evidence/{evidenceId}': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'evidenceRead',
    },
    'GET /evidence/{evidenceId}/content': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'evidenceRead',
    },
    'POST /cases/{caseNumber}/access-requests': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'accessRequest',
    },
    'GET /cases/{caseNumber}/access-requests': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'accessRequestList',
    },
    'POST /access-requests/{requestId}/approve': { roles: ['head'], rule: 'caseUnitHead' },
    'POST /access-requests/{requestId}/refuse': { roles: ['head'], rule: 'caseUnitHead' },
    'POST /access-requests/{requestId}/revoke': { roles: ['head'], rule: 'caseUnitHead' },
    'POST /cases/{caseNumber}/proposals': { roles: ['officer'], rule: 'caseOfficer' },
    'POST /cases/{caseNumber}/decisions': { roles: ['officer'], rule: 'caseOfficer' },
    'POST /cases/{caseNumber}/major-designations': { roles: ['reviewer', 'head'], rule: 'majorDesignation' },
    'POST /cases/{caseNumber}/major-downgrades': { roles: ['head'], rule: 'caseUnitHead' },
    'POST /internal/cases': { roles: ['system'], rule: 'machine' },
    'GET /internal/cases/{caseNumber}/summary': { roles: ['system'], rule: 'machine' },
    'GET /internal/statistics': { roles: ['system'], rule: 'machine' },
    'POST /internal/cases/{caseNumber}/escalations': { roles: ['system'], rule: 'machine' },
    'POST /internal/cases/{caseNumber}/stage-transitions': { roles: ['system'], rule: 'machine' },
    'POST /internal/cases/{caseNumber}/records': { roles: ['system'], rule: 'machine' },
    'GET /audit/verification': { roles: ['admin', 'head'], rule: 'role' },
  },
  'legal-review': {
    'POST /internal/reviews': { roles: ['system'], rule: 'machine' },
    'GET /internal/reviews/{reviewId}/assignment': { roles: ['system'], rule: 'machine' },
    'GET /internal/statistics': { roles: ['system'], rule: 'machine' },
    'GET /reviews': { roles: ['reviewer', 'head'], rule: 'reviewOffice' },
    'GET /reviews/overdue': { roles: ['reviewer', 'head'], rule: 'reviewOffice' },
    'GET /reviews/{reviewId}': { roles: ['reviewer', 'head', 'officer'], rule: 'reviewRead' },
    'GET /cases/{caseNumber}/rounds': { roles: ['reviewer', 'head', 'officer'], rule: 'reviewRead' },
    'PUT /reviews/{reviewId}/assignment': { roles: ['reviewer', 'head'], rule: 'reviewAssignment' },
    'POST /reviews/{reviewId}/recusals': { roles: ['reviewer', 'head'], rule: 'reviewOffice' },
    'POST /reviews/{reviewId}/material-requests': {
      roles: ['reviewer', 'head'],
      rule: 'reviewAssigneeOrHead',
    },
    'POST /reviews/{reviewId}/material-requests/{requestId}/receipt': {
      roles: ['reviewer', 'head', 'officer'],
      rule: 'reviewRead',
    },
    'POST /reviews/{reviewId}/expert-consultations': { roles: ['reviewer', 'head'], rule: 'reviewOffice' },
    'PUT /reviews/{reviewId}/findings': { roles: ['reviewer'], rule: 'reviewAssignee' },
    'POST /reviews/{reviewId}/opinion': { roles: ['reviewer'], rule: 'reviewAssignee' },
    'GET /reviews/{reviewId}/opinion': { roles: ['reviewer', 'head', 'officer'], rule: 'reviewRead' },
    'POST /reviews/{reviewId}/disagreements': { roles: ['reviewer', 'head', 'officer'], rule: 'reviewRead' },
    'PUT /reviews/{reviewId}/disagreements/{disagreementId}/resolution': {
      roles: ['reviewer', 'head'],
      rule: 'reviewOffice',
    },
    'POST /decision-filings': { roles: ['officer', 'system'], rule: 'filingFromCase' },
    'GET /decision-filings': { roles: ['reviewer', 'head'], rule: 'reviewOffice' },
    'POST /spot-checks': { roles: ['reviewer', 'head'], rule: 'reviewOffice' },
    'GET /spot-checks': { roles: ['reviewer', 'head'], rule: 'reviewOffice' },
    'GET /spot-checks/{spotCheckId}': { roles: ['reviewer', 'head'], rule: 'reviewOffice' },
    'PUT /spot-checks/{spotCheckId}/items/{itemId}/finding': {
      roles: ['reviewer', 'head'],
      rule: 'reviewOffice',
    },
  },
  disclosure: {
    'POST /internal/disclosures': { roles: ['system'], rule: 'machine' },
    'POST /internal/disclosures/{id}/publish': { roles: ['system'], rule: 'machine' },
    'POST /internal/disclosures/{id}/expire': { roles: ['system'], rule: 'machine' },
    'POST /internal/disclosures/{id}/revocation': { roles: ['system'], rule: 'machine' },
    'GET /disclosures': { roles: ['discloser', 'reviewer', 'head', 'admin'], rule: 'disclosureList' },
    'GET /disclosures/{id}': { roles: ['discloser', 'reviewer', 'head', 'admin'], rule: 'disclosureRead' },
    'GET /disclosures/{id}/audit': {
      roles: ['discloser', 'reviewer', 'head', 'admin'],
      rule: 'disclosureRead',
    },
    'POST /disclosures/{id}/redaction-preview': {
      roles: ['discloser', 'reviewer', 'head', 'admin'],
      rule: 'disclosureRead',
    },
    'POST /disclosures/{id}/versions': { roles: ['discloser'], rule: 'disclosureStaff' },
    'POST /disclosures/{id}/submit': { roles: ['discloser'], rule: 'disclosureStaff' },
    'POST /disclosures/{id}/check': { roles: ['reviewer', 'discloser'], rule: 'disclosureCheck' },
    'POST /disclosures/{id}/approval': { roles: ['head'], rule: 'disclosureApproval' },
    'POST /disclosures/{id}/withdrawal-requests': {
      roles: ['discloser', 'head'],
      rule: 'disclosureOutcomeRequest',
    },
    'POST /disclosures/{id}/non-publication-requests': {
      roles: ['discloser', 'head'],
      rule: 'disclosureOutcomeRequest',
    },
    'GET /exemptions': { roles: ['discloser', 'reviewer', 'head', 'admin'], rule: 'disclosureList' },
    'GET /publication-completeness': {
      roles: ['discloser', 'reviewer', 'head', 'admin'],
      rule: 'disclosureList',
    },
    'POST /disclosures/{id}/outcome-requests/{requestId}/check': {
      roles: ['reviewer', 'discloser'],
      rule: 'disclosureCheck',
    },
    'POST /disclosures/{id}/outcome-requests/{requestId}/approval': {
      roles: ['head'],
      rule: 'disclosureApproval',
    },
    'GET /api/public/decisions': { roles: 'public', rule: 'public' },
    'GET /api/public/decisions/{id}': { roles: 'public', rule: 'public' },
    'GET /api/public/personnel': { roles: 'public', rule: 'public' },
    'POST /api/public/correction-requests': { roles: 'public', rule: 'public' },
    'GET /api/public/correction-requests/{trackingNumber}': { roles: 'public', rule: 'public' },
    'GET /correction-requests': { roles: ['discloser', 'head'], rule: 'role' },
    'GET /correction-requests/{id}': { roles: ['discloser', 'head'], rule: 'role' },
    'POST /correction-requests/{id}/answer': { roles: ['discloser', 'head'], rule: 'role' },
    'POST /catalogue/entries': { roles: ['discloser'], rule: 'role' },
    'POST /catalogue/entries/{id}/withdrawal-requests': { roles: ['discloser', 'head'], rule: 'role' },
    'POST /catalogue/changes': { roles: ['discloser', 'head'], rule: 'role' },
    'GET /catalogue/changes': { roles: ['discloser', 'reviewer', 'head', 'admin'], rule: 'role' },
    'GET /catalogue/changes/{id}': { roles: ['discloser', 'reviewer', 'head', 'admin'], rule: 'role' },
    'POST /internal/catalogue-changes/{id}/clock': { roles: ['system'], rule: 'machine' },
    'POST /internal/catalogue-changes/{id}/escalations': { roles: ['system'], rule: 'machine' },
    'GET /api/public/catalogue': { roles: 'public', rule: 'public' },
    'GET /api/public/catalogue/{id}': { roles: 'public', rule: 'public' },
    'GET /api/public/catalogue/{id}/versions/{version}': { roles: 'public', rule: 'public' },
    'POST /internal/reports': { roles: ['system'], rule: 'machine' },
    'POST /disclosures/{id}/blacklist': { roles: ['discloser'], rule: 'disclosureStaff' },
    'GET /reports/annual-statistics': { roles: ['discloser', 'reviewer', 'head', 'admin'], rule: 'role' },
    'GET /reports/annual-statistics.csv': { roles: ['discloser', 'reviewer', 'head', 'admin'], rule: 'role' },
    'GET /reports/statistics': { roles: ['discloser', 'reviewer', 'head', 'admin'], rule: 'role' },
    'GET /reports/statistics.csv': { roles: ['discloser', 'reviewer', 'head', 'admin'], rule: 'role' },
    'GET /reports/statistics.xlsx': { roles: ['discloser', 'reviewer', 'head', 'admin'], rule: 'role' },
    'GET /api/public/reports': { roles: 'public', rule: 'public' },
    'GET /api/public/reports/{id}': { roles: 'public', rule: 'public' },
  },
  inspection: {
    'GET /items': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'role' },
    'PUT /items/{code}': { roles: ['admin'], rule: 'role' },
    'POST /object-imports': { roles: ['admin'], rule: 'role' },
    'GET /object-imports/{importId}': { roles: ['admin'], rule: 'role' },
    'GET /objects': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'role' },
    'POST /conflicts': { roles: ['officer', 'head', 'admin'], rule: 'conflictDeclarant' },
    'GET /conflicts': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'role' },
    'POST /conflicts/{conflictId}/withdrawal': { roles: ['head', 'admin'], rule: 'role' },
    'GET /inspectors': { roles: ['head', 'admin'], rule: 'role' },
    'POST /plans': { roles: ['head', 'admin'], rule: 'role' },
    'GET /plans': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'role' },
    'GET /plans/{planId}/tasks': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'role',
    },
    'POST /plans/{planId}/tasks': { roles: ['head', 'admin'], rule: 'role' },
    'POST /plans/{planId}/publication': { roles: ['head', 'admin'], rule: 'role' },
    'GET /tasks/{taskId}': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'role' },
    'POST /tasks/{taskId}/draws': { roles: ['head', 'admin'], rule: 'role' },
    'GET /tasks/{taskId}/draws': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'role',
    },
    'POST /tasks/{taskId}/publication': { roles: ['head', 'admin'], rule: 'role' },
    'GET /tasks/{taskId}/results': {
      roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'],
      rule: 'role',
    },
    'PUT /tasks/{taskId}/results/{objectId}': { roles: ['officer'], rule: 'drawnInspector' },
    'POST /tasks/{taskId}/results/check': { roles: ['discloser'], rule: 'notTaskInspector' },
    'POST /tasks/{taskId}/results/approval': { roles: ['head'], rule: 'notTaskInspector' },
    'POST /internal/tasks/{taskId}/results-clock': { roles: ['system'], rule: 'machine' },
    'POST /internal/tasks/{taskId}/results-escalations': { roles: ['system'], rule: 'machine' },
    'POST /internal/tasks/{taskId}/results-publication': { roles: ['system'], rule: 'machine' },
    'GET /public/results': { roles: 'public', rule: 'public' },
    'GET /public/tasks/{taskId}/results': { roles: 'public', rule: 'public' },
    'GET /public/items': { roles: 'public', rule: 'public' },
    'GET /public/plans': { roles: 'public', rule: 'public' },
    'GET /public/tasks/{taskId}': { roles: 'public', rule: 'public' },
    'GET /statistics': { roles: ['head', 'discloser', 'admin'], rule: 'role' },
    'GET /statistics.csv': { roles: ['head', 'discloser', 'admin'], rule: 'role' },
    'GET /internal/statistics': { roles: ['system'], rule: 'machine' },
  },
  notifications: {
    'POST /internal/notifications': { roles: ['system'], rule: 'machine' },
    'POST /internal/clock-events': { roles: ['system'], rule: 'machine' },
    'GET /inbox': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'self' },
    'POST /inbox/{id}/read': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'self' },
    'POST /inbox/{id}/done': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'self' },
    'GET /preferences/me': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'self' },
    'PUT /preferences/me': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'self' },
    'GET /tasks/mine': { roles: ['officer', 'reviewer', 'head', 'discloser', 'admin'], rule: 'self' },
    'GET /board': { roles: ['head', 'reviewer'], rule: 'boardScope' },
  },
};
