import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState } from 'react';
import { directoryApi } from '../api/clients';
import { showFieldErrors, unwrap } from '../api/problem';
import { Page } from '../components/page';
import { Select } from '../components/select';
import { useSession } from '../components/session-context';
import { roleLabel } from '../format/labels';
import { formatDate } from '../format/time';
import type { paths } from '../generated/api/directory';

type TPerson = paths['/people']['get']['responses'][200]['content']['application/json'][number];
type TUnit = paths['/units']['get']['responses'][200]['content']['application/json'][number];
type TCertificate = paths['/certificates']['get']['responses'][200]['content']['application/json'][number];
type TPersonBody = paths['/people/{personId}']['put']['requestBody']['content']['application/json'];

const staffRoles = ['officer', 'reviewer', 'head', 'discloser', 'admin'] as const;
const unitKindLabel: Record<string, string> = {
  enforcement: '执法承办机构',
  legalReview: '法制审核机构',
  disclosure: '公示工作机构',
  leadership: '机关领导',
  other: '其他内设机构',
};
const certificateStatus: Record<string, { text: string; color: string }> = {
  valid: { text: '有效', color: 'green' },
  suspended: { text: '暂停', color: 'gold' },
  revoked: { text: '吊销', color: 'red' },
};

function useUnits() {
  return useQuery({
    queryKey: ['directory-units'],
    queryFn: async () => unwrap(await directoryApi.GET('/units')),
    staleTime: 60_000,
  });
}

/** The person form: every field through the directory's `PUT /people/{id}` (its rules, its words). */
function PersonDrawer({
  person,
  onClose,
  onSaved,
}: {
  person: TPerson | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<TPersonBody>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const units = useUnits();
  const { message } = App.useApp();
  const save = async (values: TPersonBody) => {
    if (!person) return;
    setSaving(true);
    setError(undefined);
    try {
      unwrap(
        await directoryApi.PUT('/people/{personId}', {
          params: { path: { personId: person.id } },
          body: { ...values, email: values.email || null, phone: values.phone || null },
        }),
      );
      void message.success(`已保存 ${values.name}`);
      onSaved();
    } catch (err) {
      setError(showFieldErrors(form, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      title={person ? `编辑人员：${person.name}` : ''}
      open={person !== null}
      onClose={onClose}
      width={480}
      destroyOnClose
      extra={
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      {person ? (
        <Form<TPersonBody>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{
            login: person.login,
            name: person.name,
            unitId: person.unitId,
            post: person.post,
            roles: person.roles.filter((r) => r !== 'system') as TPersonBody['roles'],
            email: person.email,
            phone: person.phone,
            active: person.active,
          }}
        >
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="login" label="登录名" rules={[{ required: true, message: '请填写登录名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="unitId" label="所在机构" rules={[{ required: true, message: '请选择机构' }]}>
            <Select
              aria-label="所在机构"
              loading={units.isPending}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="post" label="职务" rules={[{ required: true, message: '请填写职务' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: '至少选择一个角色' }]}>
            <Select
              aria-label="角色"
              mode="multiple"
              options={staffRoles.map((r) => ({ value: r, label: roleLabel(r) }))}
            />
          </Form.Item>
          <Form.Item name="email" label="电子邮箱">
            <Input type="email" />
          </Form.Item>
          <Form.Item name="phone" label="电话">
            <Input />
          </Form.Item>
          <Form.Item name="active" label="在职" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      ) : null}
    </Drawer>
  );
}

function PeopleTab({ canEdit }: { canEdit: boolean }) {
  const action = useRef<ActionType>(undefined);
  const units = useUnits();
  const [editing, setEditing] = useState<TPerson | null>(null);
  const columns: ProColumns<TPerson>[] = [
    { title: '姓名或登录名', dataIndex: 'q', hideInTable: true },
    {
      title: '机构',
      dataIndex: 'unitId',
      valueType: 'select',
      fieldProps: { options: (units.data ?? []).map((u) => ({ value: u.id, label: u.name })) },
      render: (_, p) => p.unitName,
    },
    {
      title: '在职状态',
      dataIndex: 'active',
      valueType: 'select',
      valueEnum: { true: { text: '在职' }, false: { text: '离职' } },
      render: (_, p) => (p.active ? '在职' : <Tag>离职</Tag>),
    },
    { title: '姓名', dataIndex: 'name', search: false },
    { title: '登录名', dataIndex: 'login', search: false },
    { title: '职务', dataIndex: 'post', search: false },
    {
      title: '角色',
      dataIndex: 'roles',
      search: false,
      render: (_, p) => (
        <Space wrap size={4}>
          {p.roles.map((r) => (
            <Tag key={r}>{roleLabel(r)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '执法证',
      dataIndex: 'certificates',
      search: false,
      render: (_, p) =>
        p.certificates.length === 0
          ? '—'
          : p.certificates.map((c) => (
              <div key={c.number}>
                {c.number}{' '}
                <Tag color={certificateStatus[c.status]?.color}>{certificateStatus[c.status]?.text}</Tag>至{' '}
                {formatDate(c.validTo)}
              </div>
            )),
    },
    { title: '邮箱', dataIndex: 'email', search: false, render: (_, p) => p.email ?? '—' },
    ...(canEdit
      ? [
          {
            title: '操作',
            valueType: 'option' as const,
            render: (_: unknown, p: TPerson) => [
              <Button key="edit" size="small" onClick={() => setEditing(p)} aria-label={`编辑 ${p.name}`}>
                编辑
              </Button>,
            ],
          },
        ]
      : []),
  ];
  return (
    <>
      <ProTable<TPerson>
        rowKey="id"
        actionRef={action}
        columns={columns}
        options={false}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '没有符合条件的人员' }}
        request={async (params) => {
          const query: NonNullable<paths['/people']['get']['parameters']['query']> = {};
          if (params.q) query.q = String(params.q).trim();
          if (params.unitId) query.unitId = String(params.unitId);
          if (params.active === 'true' || params.active === 'false') query.active = params.active;
          const people = unwrap(await directoryApi.GET('/people', { params: { query } }));
          return { data: people, success: true, total: people.length };
        }}
      />
      <PersonDrawer
        person={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void action.current?.reload();
        }}
      />
    </>
  );
}

function UnitsTab() {
  const units = useUnits();
  const columns: ColumnsType<TUnit> = [
    { title: '机构', dataIndex: 'name' },
    { title: '代码', dataIndex: 'code' },
    { title: '类别', dataIndex: 'kind', render: (_, u) => unitKindLabel[u.kind] ?? u.kind },
    { title: '所属机关', dataIndex: 'agencyName' },
  ];
  return (
    <Table<TUnit>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={units.data ?? []}
      loading={units.isPending}
      pagination={false}
    />
  );
}

function CertificatesTab() {
  const certificates = useQuery({
    queryKey: ['directory-certificates'],
    queryFn: async () => unwrap(await directoryApi.GET('/certificates')),
  });
  const columns: ColumnsType<TCertificate> = [
    { title: '执法证号', dataIndex: 'number' },
    { title: '持证人', dataIndex: 'personName' },
    { title: '机构', dataIndex: 'unitName' },
    { title: '执法类别', dataIndex: 'categories', render: (_, c) => c.categories.join('、') },
    { title: '执法区域', dataIndex: 'areas', render: (_, c) => c.areas.join('、') },
    {
      title: '有效期',
      dataIndex: 'validTo',
      render: (_, c) => `${formatDate(c.validFrom)} 至 ${formatDate(c.validTo)}`,
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_, c) => (
        <span>
          <Tag color={certificateStatus[c.status]?.color}>
            {certificateStatus[c.status]?.text ?? c.status}
          </Tag>
          {c.statusReason ? <Typography.Text>{c.statusReason}</Typography.Text> : null}
        </span>
      ),
    },
  ];
  return (
    <Table<TCertificate>
      rowKey="number"
      size="small"
      columns={columns}
      dataSource={certificates.data ?? []}
      loading={certificates.isPending}
      pagination={{ pageSize: 20, showSizeChanger: false }}
    />
  );
}

/** 人员目录 (admins edit, heads read): people, units and certificates from the directory service. */
export default function DirectoryPage() {
  const { user } = useSession();
  const canEdit = user.roles.includes('admin');
  return (
    <Page title="人员目录" content="人员、机构与行政执法证；修改经人员目录服务校验并记入变更记录。">
      <Tabs
        items={[
          { key: 'people', label: '人员', children: <PeopleTab canEdit={canEdit} /> },
          { key: 'units', label: '机构', children: <UnitsTab /> },
          { key: 'certificates', label: '执法证', children: <CertificatesTab /> },
        ]}
      />
    </Page>
  );
}
