import { Page } from '../components/page';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { recordingApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { useSession } from '../components/session-context';
import { partyLabel, stageLabel } from '../format/labels';
import { formatDateShort } from '../format/time';
import type { paths } from '../generated/api/recording';

type TCaseSummary = paths['/cases']['get']['responses'][200]['content']['application/json'][number];

/** 案件检索: by case number or party, searched by the recording service. */
export default function CaseSearchPage() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const cases = useQuery({
    queryKey: ['cases', q],
    queryFn: async () => unwrap(await recordingApi.GET('/cases', { params: { query: q ? { q } : {} } })),
  });
  const canList = user.roles.some((r) => r === 'officer' || r === 'reviewer' || r === 'head');

  return (
    <Page
      title="案件检索"
      content={
        user.roles.includes('officer') && !user.roles.includes('head')
          ? '显示本人承办的案件。'
          : '显示全部案件。'
      }
      extra={
        user.roles.includes('officer') ? (
          <Link to="/cases/new">
            <Button type="primary">立案</Button>
          </Link>
        ) : null
      }
    >
      <search>
        <Input.Search
          aria-label="案号或当事人"
          placeholder="输入案号或当事人名称"
          defaultValue={q}
          allowClear
          enterButton="检索"
          style={{ maxWidth: 520, marginBottom: 16 }}
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        />
      </search>
      {!canList ? (
        <Alert type="info" showIcon message="您的角色不能浏览案件列表；可通过待办事项进入具体案件。" />
      ) : cases.isError ? (
        <Alert type="error" showIcon message="检索失败" description={problemText(cases.error)} />
      ) : (
        <Table<TCaseSummary>
          rowKey="caseNumber"
          loading={cases.isPending}
          dataSource={cases.data ?? []}
          locale={{ emptyText: q ? `没有与“${q}”相符的案件` : '暂无案件' }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            {
              title: '案号',
              dataIndex: 'caseNumber',
              render: (n: string) => <Link to={`/cases/${encodeURIComponent(n)}`}>{n}</Link>,
            },
            { title: '案由', dataIndex: 'title', ellipsis: true },
            {
              title: '当事人',
              key: 'party',
              render: (_, c) => (
                <>
                  {c.party.name}（{partyLabel(c.party.kind)}）
                  {c.party.isMinor ? <Tag color="orange">未成年人</Tag> : null}
                </>
              ),
            },
            { title: '承办机构', dataIndex: 'handlingUnit', ellipsis: true },
            {
              title: '阶段',
              dataIndex: 'stage',
              render: (s: string) => <Tag color="blue">{stageLabel(s)}</Tag>,
            },
            {
              title: '立案日期',
              dataIndex: 'openedAt',
              render: (d: string | null) => (d ? formatDateShort(d) : '—'),
            },
          ]}
        />
      )}
    </Page>
  );
}
