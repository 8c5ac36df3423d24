import { useQuery } from '@tanstack/react-query';
import { Alert, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { exemptionReasonLabel } from '@sanxiang/shared/src/domain';
import { directoryApi, disclosureApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { Page } from '../components/page';
import { useSession } from '../components/session-context';
import { decisionLabel } from '../format/labels';
import { formatDateShort, formatDateTime, orDash } from '../format/time';

import type { paths } from '../generated/api/disclosure';

type TReport = paths['/publication-completeness']['get']['responses'][200]['content']['application/json'];
type TUnitRow = TReport['byUnit'][number];
type TFinding = TReport['findings'][number];

const timeOr = orDash(formatDateTime);
const dayOr = orDash(formatDateShort);
const reasonLabel = (r: string) => (exemptionReasonLabel as Record<string, string>)[r] ?? r;

/**
 * 公开完整性核查 (D6.9, 004 §18, 003 五, 000 §19): every decision of the year against what became of
 * it, per handling unit — so a head sees a unit that published some decisions and left others
 * unpublished past their due date (选择性公示), and each such decision, with a link to its record.
 */
export default function PublicationCompletenessPage() {
  const session = useSession();
  const [year, setYear] = useState<number>(() => Number(new Date().toISOString().slice(0, 4)));
  const report = useQuery({
    queryKey: ['publication-completeness', year],
    queryFn: async () =>
      unwrap(await disclosureApi.GET('/publication-completeness', { params: { query: { year } } })),
  });
  // Unit names for heads and admins (the directory lists units to them); others see the unit id.
  const mayListUnits = session.user.roles.some((r) => r === 'head' || r === 'admin');
  const units = useQuery({
    queryKey: ['directory-units'],
    enabled: mayListUnits,
    queryFn: async () => unwrap(await directoryApi.GET('/units')),
    staleTime: 60_000,
  });
  const unitName = (id: string | null) =>
    id ? ((units.data ?? []).find((u) => u.id === id)?.name ?? id) : '未记载承办机构';
  const data = report.data;
  return (
    <Page
      title="公开完整性核查"
      content="每件执法决定是否按期公开：已公开、经批准不予公开、公开前被撤销、尚在期限内、逾期未公开；按承办机构统计，选择性公示即时可见（公示办法第十八条）。"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space>
          <label htmlFor="completeness-year">决定年度</label>
          <InputNumber<number>
            id="completeness-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
        </Space>
        {report.isError ? (
          <Alert
            type="error"
            showIcon
            message="无法读取公开完整性核查"
            description={problemText(report.error)}
          />
        ) : null}
        {data ? (
          <Alert
            type={data.selective ? 'error' : data.totals.overdue > 0 ? 'warning' : 'success'}
            showIcon
            message={
              data.selective
                ? '发现选择性公示'
                : data.totals.overdue > 0
                  ? '有逾期未公开的决定'
                  : '未发现选择性公示'
            }
            description={
              <>
                {data.summary}
                <br />
                <Typography.Text type="secondary">截至 {timeOr(data.asOf)}</Typography.Text>
              </>
            }
          />
        ) : null}
        <Card size="small" title="按承办机构">
          <Table<TUnitRow>
            rowKey={(r) => r.unitId ?? '—'}
            loading={report.isPending}
            dataSource={data?.byUnit ?? []}
            pagination={false}
            locale={{ emptyText: '该年度没有执法决定' }}
            columns={[
              {
                title: '承办机构',
                key: 'unit',
                render: (_, r) => (
                  <Space>
                    {unitName(r.unitId)}
                    {r.selective ? <Tag color="red">选择性公示</Tag> : null}
                  </Space>
                ),
              },
              { title: '决定', dataIndex: 'decided' },
              { title: '按期公开', dataIndex: 'publishedOnTime' },
              { title: '逾期公开', dataIndex: 'publishedLate' },
              {
                title: '经批准不予公开',
                key: 'exempt',
                render: (_, r) => (
                  <Space wrap>
                    {r.exempt}
                    {Object.entries(r.exemptByReason).map(([reason, n]) => (
                      <Tag key={reason}>
                        {reasonLabel(reason)}：{n}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { title: '公开前被撤销', dataIndex: 'revokedBeforePublication' },
              { title: '尚在期限内', dataIndex: 'pending' },
              {
                title: '逾期未公开',
                dataIndex: 'overdue',
                render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v),
              },
            ]}
          />
        </Card>
        <Card size="small" title={`未按期公开的决定（${data?.findings.length ?? 0}）`}>
          <Table<TFinding>
            rowKey="id"
            loading={report.isPending}
            dataSource={data?.findings ?? []}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: '没有未按期公开的决定' }}
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
              { title: '承办机构', dataIndex: 'unitId', render: (v: string | null) => unitName(v) },
              { title: '决定日期', dataIndex: 'decisionDate', render: (v: string | null) => dayOr(v) },
              { title: '公开期限', dataIndex: 'dueAt', render: (v: string | null) => timeOr(v) },
              { title: '公开时间', dataIndex: 'publishedAt', render: (v: string | null) => timeOr(v) },
              {
                title: '结果',
                dataIndex: 'outcomeLabel',
                render: (v: string, r) => <Tag color={r.outcome === 'overdue' ? 'red' : 'orange'}>{v}</Tag>,
              },
            ]}
          />
        </Card>
      </Space>
    </Page>
  );
}
