import { clockRuleKinds, clockRules, type TClockRuleKind } from '@sanxiang/shared/src/clocks/clock-kinds';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { notificationsApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { Page } from '../components/page';
import { formatDate, formatDateTime } from '../format/time';
import type { paths } from '../generated/api/notifications';
import { levelColour } from './my-tasks-page';

type TBoard = paths['/board']['get']['responses'][200]['content']['application/json'];
type TBoardQuery = NonNullable<paths['/board']['get']['parameters']['query']>;
type TRow = TBoard['rows'][number];
type TGroup = TBoard['groups'][number];

interface TFilters {
  kind?: TClockRuleKind;
  unitId?: string;
  overdue?: boolean;
  level?: number;
}

const levelOptions = [
  { value: -1, label: '未提醒' },
  { value: 0, label: '已提醒' },
  { value: 1, label: '已督办' },
  { value: 2, label: '已二次督办' },
];

const stateColour = (label: string) =>
  label === '已超期' ? 'red' : label === '即将到期' ? 'volcano' : label === '已暂停' ? 'default' : 'blue';

function daysLeft(row: TRow) {
  if (row.overdue || row.workingDaysLeft < 0) return <Tag color="red">{row.workingDaysText}</Tag>;
  if (row.workingDaysLeft <= 1) return <Tag color="volcano">{row.workingDaysText}</Tag>;
  return <Typography.Text>{row.workingDaysText}</Typography.Text>;
}

const rowColumns: ColumnsType<TRow> = [
  {
    title: '案号',
    dataIndex: 'caseNumber',
    render: (_, r) => <Link to={r.link}>{r.caseNumber ?? '查看'}</Link>,
  },
  {
    title: '事项',
    dataIndex: 'title',
    render: (_, r) => (
      <span>
        <Tag>{r.kindLabel}</Tag>
        {r.title}
      </span>
    ),
  },
  { title: '承办机构', dataIndex: 'unitName', render: (_, r) => r.unitName ?? '—' },
  {
    title: '期限',
    dataIndex: 'dueDate',
    render: (_, r) => (
      <span title={`到期时刻 ${formatDateTime(r.dueAt)}（北京时间）`}>{formatDate(r.dueDate)}</span>
    ),
  },
  { title: '剩余', dataIndex: 'workingDaysLeft', render: (_, r) => daysLeft(r) },
  {
    title: '状态',
    dataIndex: 'stateLabel',
    render: (_, r) => <Tag color={stateColour(r.stateLabel)}>{r.stateLabel}</Tag>,
  },
  {
    title: '督办等级',
    dataIndex: 'level',
    render: (_, r) => <Tag color={levelColour(r.level)}>{r.levelLabel}</Tag>,
  },
];

/**
 * 督办看板 (heads and the legal-review office): every running and paused deadline in the caller's
 * scope from the notifications service's `GET /board` (the service decides the scope: the office and
 * the agency head all units, another head their own unit), counted by kind, grouped by kind × unit
 * × state × escalation level; a group or a kind narrows the list below, which links to each case.
 */
export default function BoardPage() {
  const [filters, setFilters] = useState<TFilters>({});
  const board = useQuery({
    queryKey: ['board', filters],
    queryFn: async () => {
      const query: TBoardQuery = { limit: 200 };
      if (filters.kind) query.kind = filters.kind;
      if (filters.unitId) query.unitId = filters.unitId;
      if (filters.overdue) query.overdue = 'true';
      if (filters.level !== undefined) query.level = filters.level;
      return unwrap(await notificationsApi.GET('/board', { params: { query } }));
    },
    refetchInterval: 60_000,
  });
  // The units seen on the board so far (the service lists no units for a head of one unit).
  const units = useRef(new Map<string, string>());
  const data = board.data;
  for (const g of data?.groups ?? [])
    if (g.unitId && !units.current.has(g.unitId)) units.current.set(g.unitId, g.unitName ?? g.unitId);

  const groupColumns: ColumnsType<TGroup> = [
    { title: '类别', dataIndex: 'kindLabel' },
    { title: '承办机构', dataIndex: 'unitName', render: (_, g) => g.unitName ?? '—' },
    {
      title: '状态',
      dataIndex: 'stateLabel',
      render: (_, g) => <Tag color={stateColour(g.stateLabel)}>{g.stateLabel}</Tag>,
    },
    {
      title: '督办等级',
      dataIndex: 'levelLabel',
      render: (_, g) => <Tag color={levelColour(g.level)}>{g.levelLabel}</Tag>,
    },
    { title: '数量', dataIndex: 'count', align: 'right' },
    {
      title: '查看',
      key: 'drill',
      render: (_, g) => (
        <Button
          size="small"
          aria-label={`查看 ${g.kindLabel} ${g.unitName ?? ''} ${g.stateLabel} ${g.levelLabel} 的 ${g.count} 件`}
          onClick={() =>
            setFilters({
              kind: g.kind,
              ...(g.unitId ? { unitId: g.unitId } : {}),
              ...(g.stateLabel === '已超期' ? { overdue: true } : {}),
              level: g.level,
            })
          }
        >
          查看案件
        </Button>
      ),
    },
  ];

  return (
    <Page
      title="督办看板"
      content={
        data
          ? `${data.scope.all ? '全部机构' : '本机构'}进行中与已超期的期限，统计于 ${formatDateTime(data.asOf)}（北京时间）。`
          : '进行中与已超期的期限。'
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Form layout="inline" aria-label="筛选">
            <Form.Item label="类别" htmlFor="board-kind">
              <Select<TClockRuleKind>
                id="board-kind"
                allowClear
                placeholder="全部类别"
                style={{ width: 200 }}
                value={filters.kind}
                onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
                options={clockRuleKinds.map((k) => ({ value: k, label: clockRules[k].label }))}
              />
            </Form.Item>
            <Form.Item label="承办机构" htmlFor="board-unit">
              <Select<string>
                id="board-unit"
                allowClear
                placeholder="全部机构"
                style={{ width: 180 }}
                value={filters.unitId}
                onChange={(unitId) => setFilters((f) => ({ ...f, unitId }))}
                options={[...units.current].map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item label="督办等级" htmlFor="board-level">
              <Select<number>
                id="board-level"
                allowClear
                placeholder="全部等级"
                style={{ width: 140 }}
                value={filters.level}
                onChange={(level) => setFilters((f) => ({ ...f, level }))}
                options={levelOptions}
              />
            </Form.Item>
            <Form.Item label="仅看已超期" htmlFor="board-overdue">
              <Switch
                id="board-overdue"
                checked={filters.overdue ?? false}
                onChange={(overdue) => setFilters((f) => ({ ...f, overdue: overdue || undefined }))}
              />
            </Form.Item>
            <Form.Item>
              <Button onClick={() => setFilters({})}>清除筛选</Button>
            </Form.Item>
          </Form>
        </Card>
        {board.isError ? (
          <Alert
            type="error"
            showIcon
            message="看板加载失败"
            description={problemText(board.error)}
            action={<Button onClick={() => void board.refetch()}>重试</Button>}
          />
        ) : null}
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="进行中" value={data?.total ?? 0} loading={board.isPending} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title="已超期"
                value={data?.overdue ?? 0}
                loading={board.isPending}
                valueStyle={data?.overdue ? { color: '#cf1322' } : undefined}
              />
            </Card>
          </Col>
        </Row>
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>按类别</h2>}>
          <Row gutter={[12, 12]}>
            {(data?.byKind ?? []).map((k) => (
              <Col key={k.kind} xs={24} sm={12} md={8} lg={6}>
                <Card
                  size="small"
                  hoverable
                  role="button"
                  tabIndex={0}
                  aria-label={`${k.kindLabel}：进行中 ${k.running} 件，已超期 ${k.overdue} 件`}
                  onClick={() => setFilters((f) => ({ ...f, kind: k.kind }))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') setFilters((f) => ({ ...f, kind: k.kind }));
                  }}
                  data-kind={k.kind}
                >
                  <Typography.Text strong>{k.kindLabel}</Typography.Text>
                  <div>
                    进行中 <strong>{k.running}</strong> 件，
                    <Typography.Text type={k.overdue > 0 ? 'danger' : undefined}>
                      已超期 <strong>{k.overdue}</strong> 件
                    </Typography.Text>
                  </div>
                </Card>
              </Col>
            ))}
            {data && data.byKind.length === 0 ? (
              <Col span={24}>
                <Typography.Text>没有进行中的期限</Typography.Text>
              </Col>
            ) : null}
          </Row>
        </Card>
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>分组统计</h2>}>
          <Table<TGroup>
            size="small"
            rowKey={(g) => `${g.kind}|${g.unitId ?? ''}|${g.stateLabel}|${g.level}`}
            columns={groupColumns}
            dataSource={data?.groups ?? []}
            loading={board.isPending}
            pagination={false}
            locale={{ emptyText: '没有进行中的期限' }}
          />
        </Card>
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>案件（最紧急在前）</h2>}>
          <Table<TRow>
            size="small"
            rowKey="clockKey"
            columns={rowColumns}
            dataSource={data?.rows ?? []}
            loading={board.isPending}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: '没有符合条件的期限' }}
          />
        </Card>
      </Space>
    </Page>
  );
}
