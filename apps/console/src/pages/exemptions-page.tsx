import { useQuery } from '@tanstack/react-query';
import { Alert, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { exemptionReasonLabel } from '@sanxiang/shared/src/domain';
import { disclosureApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { Page } from '../components/page';
import { decisionLabel } from '../format/labels';
import { formatDateShort, formatDateTime, orDash } from '../format/time';

import type { paths } from '../generated/api/disclosure';

const timeOr = orDash(formatDateTime);
const dayOr = orDash(formatDateShort);

type TExemption =
  paths['/exemptions']['get']['responses'][200]['content']['application/json']['items'][number];

const reasonLabel = (r: string) => (exemptionReasonLabel as Record<string, string>)[r] ?? r;

/**
 * 不予公开清单 (#13 item 2): every decision not published, with its ground, explanation and who
 * requested, checked and approved it — so that selective non-publication is visible to the head.
 */
export default function ExemptionsPage() {
  const [year, setYear] = useState<number | null>(() => Number(new Date().toISOString().slice(0, 4)));
  const list = useQuery({
    queryKey: ['exemptions', year],
    queryFn: async () =>
      unwrap(await disclosureApi.GET('/exemptions', { params: { query: year ? { year } : {} } })),
  });
  return (
    <Page title="不予公开清单" content="不予公开的行政执法决定、理由与审批人；按理由计数，与年度统计一致。">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space>
          <label htmlFor="exemption-year">决定年度</label>
          <InputNumber<number>
            id="exemption-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => setYear(v)}
            placeholder="全部"
          />
        </Space>
        {list.isError ? (
          <Alert type="error" showIcon message="无法读取不予公开清单" description={problemText(list.error)} />
        ) : null}
        <Card size="small" title={`共 ${list.data?.total ?? 0} 件`}>
          {Object.entries(list.data?.byReason ?? {}).map(([reason, n]) => (
            <Tag key={reason}>
              {reasonLabel(reason)}：{n} 件
            </Tag>
          ))}
          {list.data && list.data.total === 0 ? (
            <Typography.Text>该年度没有不予公开的决定</Typography.Text>
          ) : null}
        </Card>
        <Table<TExemption>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: '没有不予公开的决定' }}
          columns={[
            {
              title: '案号',
              dataIndex: 'caseNumber',
              render: (_, r) => <Link to={`/disclosures/${r.id}`}>{r.caseNumber ?? '—'}</Link>,
            },
            { title: '决定书文号', dataIndex: 'documentNumber', render: (v: string | null) => v ?? '—' },
            {
              title: '决定类别',
              dataIndex: 'decisionKind',
              render: (v: string | null) => (v ? decisionLabel(v) : '—'),
            },
            {
              title: '决定日期',
              dataIndex: 'decisionDate',
              render: (v: string | null) => dayOr(v),
            },
            { title: '理由', dataIndex: 'reasonLabel' },
            { title: '说明', dataIndex: 'explanation', ellipsis: true },
            {
              title: '申请 / 审核 / 批准',
              key: 'decided',
              render: (_, r) =>
                r.decided
                  ? `${r.decided.requestedByName} / ${r.decided.checkedByName ?? '—'} / ${r.decided.approvedByName ?? '—'}`
                  : '由决定登记（未经申请流程）',
            },
            {
              title: '登记时间',
              dataIndex: 'at',
              render: (v: string | null) => (v ? timeOr(v) : '—'),
            },
          ]}
        />
      </Space>
    </Page>
  );
}
