import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { currentCsrfToken } from '../api/session';
import { ProblemError, isProblem, problemText } from '../api/problem';
import { Page } from '../components/page';
import { formatDateTime } from '../format/time';

// The console server's own answers (apps/console/server/calendar-admin.ts), checked as they arrive.
const ZOverview = z.object({
  years: z.array(
    z.object({
      year: z.number(),
      source: z.enum(['shipped', 'imported']),
      papers: z.array(z.string()),
      offDays: z.number(),
      makeUpWorkdays: z.number(),
    }),
  ),
  missingYears: z.array(z.number()),
  provisional: z.object({
    items: z.array(
      z.object({
        workflowId: z.string(),
        caseNumber: z.string().nullable(),
        startedAt: z.string().nullable(),
      }),
    ),
    truncated: z.boolean(),
    error: z.string().nullable(),
  }),
});
const ZImported = z.object({
  year: z.number(),
  replaced: z.boolean(),
  offDays: z.number(),
  makeUpWorkdays: z.number(),
  signalled: z.number().nullable(),
  signalError: z.string().nullable(),
});
type TYear = z.infer<typeof ZOverview>['years'][number];
type TProvisional = z.infer<typeof ZOverview>['provisional']['items'][number];

async function call<T>(schema: z.ZodType<T>, url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok)
    throw new ProblemError(
      isProblem(body)
        ? body
        : { title: '请求失败', status: res.status, detail: `服务答复 HTTP ${res.status}` },
    );
  return schema.parse(body);
}

const yearColumns: ColumnsType<TYear> = [
  { title: '年份', dataIndex: 'year', render: (_, y) => `${y.year} 年` },
  {
    title: '来源',
    dataIndex: 'source',
    render: (_, y) => (y.source === 'imported' ? <Tag color="blue">管理员导入</Tag> : <Tag>随系统内置</Tag>),
  },
  { title: '休息日', dataIndex: 'offDays', align: 'right', render: (_, y) => `${y.offDays} 天` },
  {
    title: '调休上班日',
    dataIndex: 'makeUpWorkdays',
    align: 'right',
    render: (_, y) => `${y.makeUpWorkdays} 天`,
  },
  {
    title: '依据（国务院办公厅通知）',
    dataIndex: 'papers',
    render: (_, y) =>
      y.papers.map((p) => (
        <div key={p}>
          <a href={p} target="_blank" rel="noreferrer">
            {p}
          </a>
        </div>
      )),
  },
];

const provisionalColumns: ColumnsType<TProvisional> = [
  {
    title: '案件',
    dataIndex: 'caseNumber',
    render: (_, p) =>
      p.caseNumber ? (
        <Link to={`/cases/${encodeURIComponent(p.caseNumber)}`}>{p.caseNumber}</Link>
      ) : (
        p.workflowId
      ),
  },
  {
    title: '流程开始',
    dataIndex: 'startedAt',
    render: (_, p) => (p.startedAt ? formatDateTime(p.startedAt) : '—'),
  },
];

/**
 * 日历 (admins): which holiday years are loaded, which are missing (deadlines reaching into them are
 * provisional, counted on the law's own holidays), the running cases with provisional deadlines, and
 * the import of a year's notice (holiday-cn JSON) — validated and stored as `calendar import` does,
 * after which those cases recompute their deadlines.
 */
export default function CalendarPage() {
  const queryClient = useQueryClient();
  const overview = useQuery({
    queryKey: ['calendar'],
    queryFn: () => call(ZOverview, '/api/calendar'),
  });
  const [result, setResult] = useState<{ type: 'success' | 'warning' | 'error'; text: string }>();
  const [importing, setImporting] = useState(false);

  const importFile = async (file: File) => {
    setResult(undefined);
    setImporting(true);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse((await file.text()).replace(/^\uFEFF/u, ''));
      } catch {
        setResult({ type: 'error', text: `${file.name} 不是有效的 JSON 文件` });
        return;
      }
      const done = await call(ZImported, '/api/calendar/years', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': currentCsrfToken() ?? '' },
        body: JSON.stringify(parsed),
      });
      const base = `已导入 ${done.year} 年节假日安排：休息日 ${done.offDays} 天，调休上班日 ${done.makeUpWorkdays} 天${done.replaced ? '（替换了此前导入的同年数据）' : ''}`;
      setResult(
        done.signalError
          ? { type: 'warning', text: `${base}。${done.signalError}` }
          : {
              type: 'success',
              text: `${base}；已通知 ${done.signalled ?? 0} 个含临时期限的流程重新计算期限。`,
            },
      );
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
    } catch (err) {
      const problems =
        err instanceof ProblemError && err.problem.errors?.length
          ? `：${err.problem.errors.map((e) => e.message).join('；')}`
          : '';
      setResult({ type: 'error', text: `${problemText(err)}${problems}` });
    } finally {
      setImporting(false);
    }
  };

  const data = overview.data;
  return (
    <Page
      title="节假日日历"
      content="期限按工作日计算：周末、法定节假日休息，调休上班日上班。国务院办公厅公布次年安排后，在此导入。"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {overview.isError ? (
          <Alert type="error" showIcon message="无法读取日历" description={problemText(overview.error)} />
        ) : null}
        {data && data.missingYears.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            message={`尚无 ${data.missingYears.map((y) => `${y} 年`).join('、')}的放假安排`}
            description="跨入这些年份的期限暂按法定节假日推算（当年调休安排未公布），导入后重新计算。"
          />
        ) : null}
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>已载入的年份</h2>}>
          <Table<TYear>
            rowKey="year"
            size="small"
            columns={yearColumns}
            dataSource={data?.years ?? []}
            loading={overview.isPending}
            pagination={false}
          />
        </Card>
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>导入一年的放假安排</h2>}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ margin: 0 }}>
              选择 holiday-cn 格式的 JSON 文件（{'{ "year", "papers": [通知网址], "days": [...] }'}
              ），须注明国务院办公厅通知网址；同一年份再次导入即替换。
            </Typography.Paragraph>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(file) => {
                void importFile(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importing}>
                选择文件并导入
              </Button>
            </Upload>
            {result ? <Alert type={result.type} showIcon message={result.text} /> : null}
          </Space>
        </Card>
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>含临时期限的进行中案件</h2>}>
          {data?.provisional.error ? (
            <Alert type="warning" showIcon message={data.provisional.error} />
          ) : null}
          <Table<TProvisional>
            rowKey="workflowId"
            size="small"
            columns={provisionalColumns}
            dataSource={data?.provisional.items ?? []}
            loading={overview.isPending}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: '没有含临时期限的进行中案件' }}
          />
          {data?.provisional.truncated ? (
            <Typography.Text>仅列出前 {data.provisional.items.length} 件。</Typography.Text>
          ) : null}
        </Card>
      </Space>
    </Page>
  );
}
