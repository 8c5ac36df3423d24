import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { disclosureApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { BarChart } from '../components/bar-chart';
import { Page } from '../components/page';
import { RadioChoice } from '../components/radio-choice';
import { formatDateShort } from '../format/time';
import type { paths } from '../generated/api/disclosure';

type TReport = paths['/reports/statistics']['get']['responses'][200]['content']['application/json'];
type TRow = TReport['table'][number];

const periodLabel = (period: string) => {
  const [y, m] = period.split('-');
  return m ? `${y} 年 ${Number(m)} 月` : `${y} 年`;
};

/**
 * 统计年报与月度统计 (#15): a year's or a month's figures from every service — cases, decisions,
 * legal review and its opinions, 双随机 inspections and their results, evidence uploaded late,
 * disclosure on time and late, exemptions, withdrawals, corrections — as bar charts per group with
 * the numbers, and as CSV or Excel downloads (the disclosure service composes them).
 */
export default function StatisticsPage() {
  const thisYear = Number(formatDateShort(new Date()).slice(0, 4));
  const [params, setParams] = useSearchParams();
  const period = /^20\d{2}(-(0[1-9]|1[0-2]))?$/u.test(params.get('period') ?? '')
    ? params.get('period')!
    : String(thisYear);
  const [year, month] = period.split('-');
  const report = useQuery({
    queryKey: ['statistics', period],
    queryFn: async () =>
      unwrap(await disclosureApi.GET('/reports/statistics', { params: { query: { period } } })),
  });
  const choose = (y: string, m: string | undefined) => setParams({ period: m ? `${y}-${m}` : y });
  const groups = [...new Set((report.data?.table ?? []).map((r) => r.group))];
  const download = (ext: 'csv' | 'xlsx') =>
    `/api/disclosure/reports/statistics.${ext}?period=${encodeURIComponent(period)}`;
  return (
    <Page
      title="统计年报与月度统计"
      content="各系统按期间统计自己的记录（立案结案、执法决定、法制审核、双随机抽查、执法记录、公示），由公示系统汇总。"
      extra={
        <Space>
          <Button href={download('csv')} download>
            下载 CSV
          </Button>
          <Button type="primary" href={download('xlsx')} download>
            下载 Excel
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <RadioChoice
            label="统计年度"
            value={year}
            onChange={(e) => choose(String(e.target.value), month)}
            options={Array.from({ length: thisYear - 2023 }, (_, i) => String(thisYear - i)).map((y) => ({
              value: y,
              label: `${y} 年`,
            }))}
          />
          <RadioChoice
            label="统计月份"
            value={month ?? 'year'}
            onChange={(e) => {
              const m = String(e.target.value);
              choose(year!, m === 'year' ? undefined : m);
            }}
            options={[
              { value: 'year', label: '全年' },
              ...Array.from({ length: 12 }, (_, i) => ({
                value: String(i + 1).padStart(2, '0'),
                label: `${i + 1} 月`,
              })),
            ]}
          />
          <Typography.Text type="secondary">{periodLabel(period)}</Typography.Text>
        </Space>
        {report.isError ? (
          <Alert type="error" showIcon message="无法汇总统计" description={problemText(report.error)} />
        ) : null}
        <Row gutter={[16, 16]}>
          {groups.map((group) => {
            const rows = (report.data?.table ?? []).filter((r) => r.group === group);
            return (
              <Col key={group} xs={24} xl={12}>
                <Card size="small" title={<h2 style={{ margin: 0, font: 'inherit' }}>{group}</h2>}>
                  <BarChart title={group} bars={rows.map((r) => ({ label: r.item, value: r.value }))} />
                </Card>
              </Col>
            );
          })}
        </Row>
        <Card size="small" title={<h2 style={{ margin: 0, font: 'inherit' }}>全部数字</h2>}>
          <Table<TRow>
            rowKey={(r) => `${r.group}/${r.item}`}
            size="small"
            loading={report.isPending}
            pagination={false}
            dataSource={report.data?.table ?? []}
            columns={[
              { title: '类别', dataIndex: 'group' },
              { title: '项目', dataIndex: 'item' },
              { title: '数量', dataIndex: 'value', align: 'right' },
            ]}
          />
        </Card>
      </Space>
    </Page>
  );
}
