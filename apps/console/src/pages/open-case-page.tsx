import { Page } from '../components/page';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Form, Input, Row } from 'antd';
import { Select } from '../components/select';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { partyKindLabel, ZPartyKind } from '@sanxiang/shared/src/domain';
import { type TOpenCaseFile, ZOpenCaseFile } from '@sanxiang/shared/src/contracts';
import { recordingApi } from '../api/clients';
import { newIdempotencyKey, showFieldErrors, unwrap } from '../api/problem';
import { useSession } from '../components/session-context';
import { OfficerPicker, type TPickedOfficer } from '../components/officer-picker';
import { zodIssuesToFields } from '../forms/zod-fields';
import { FormErrorBar } from '../forms/submission-footer';

interface TFormValues {
  caseNumber: string;
  title: string;
  handlingUnit: string;
  enforcementCategory: string;
  enforcementArea: string;
  party: { kind: string; name: string; idNumber?: string; isMinor?: boolean };
  officers: (TPickedOfficer | undefined)[];
}

/**
 * 立案: the recording service's own schema (ZOpenCaseFile, packages/shared/src/contracts) checks the
 * form before it is sent; the service's problem+json answers land beside the field they name.
 */
export default function OpenCasePage() {
  const { user } = useSession();
  const [form] = Form.useForm<TFormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string>();
  // One key per submission: a retry after a network failure reuses it, an edited form gets a new one.
  const idempotencyKey = useRef(newIdempotencyKey());

  const open = useMutation({
    mutationFn: async (body: TOpenCaseFile) =>
      unwrap(
        await recordingApi.POST('/cases', {
          body,
          headers: { 'idempotency-key': idempotencyKey.current },
        }),
      ),
    onSuccess: async (_, body) => {
      idempotencyKey.current = newIdempotencyKey();
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await navigate(`/cases/${encodeURIComponent(body.caseNumber)}`);
    },
    onError: (err) => setFormError(showFieldErrors(form, err)),
  });

  const submit = (values: TFormValues) => {
    setFormError(undefined);
    const parsed = ZOpenCaseFile.safeParse({ ...values, officers: values.officers.filter(Boolean) });
    if (!parsed.success) {
      form.setFields(zodIssuesToFields(parsed.error.issues) as Parameters<typeof form.setFields>[0]);
      return;
    }
    open.mutate(parsed.data);
  };

  return (
    <Page
      title="立案"
      content="登记案卷并启动案件流程。案件须有至少两名持证执法人员（从人员名录中按姓名选择，显示执法证有效期），立案人须是其中之一。"
    >
      <Card>
        <Form<TFormValues>
          form={form}
          layout="vertical"
          requiredMark
          onFinish={submit}
          onValuesChange={() => {
            idempotencyKey.current = newIdempotencyKey();
          }}
          initialValues={{
            party: { kind: 'legalPerson', isMinor: false },
            handlingUnit: user.unitName ?? user.unit ?? '',
            officers: [undefined, undefined],
          }}
        >
          <FormErrorBar message={formError} />
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label="案号" name="caseNumber" required>
                <Input placeholder="如 常人社监察〔2026〕12号" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="承办机构" name="handlingUnit" required>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="案由" name="title" required>
            <Input />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label="执法类别" name="enforcementCategory" required>
                <Input placeholder="如 劳动保障监察" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="执法区域" name="enforcementArea" required>
                <Input placeholder="如 常州市新北区" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item label="当事人类别" name={['party', 'kind']} required>
                <Select
                  aria-label="当事人类别"
                  options={ZPartyKind.options.map((k) => ({ value: k, label: partyKindLabel[k] }))}
                />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item label="当事人名称" name={['party', 'name']} required>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="身份证号或统一社会信用代码" name={['party', 'idNumber']}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={['party', 'isMinor']} valuePropName="checked">
            <Checkbox>当事人是未成年人（决定不予公开）</Checkbox>
          </Form.Item>
          <Form.List name="officers">
            {(fields, ops, { errors }) => [
              ...fields.map((field, index) => (
                <Row gutter={16} key={field.key} align="bottom">
                  <Col span={20}>
                    <Form.Item
                      label={`执法人员 ${index + 1}`}
                      name={field.name}
                      required
                      rules={[{ required: true, message: '请选择持证执法人员' }]}
                    >
                      <OfficerPicker aria-label={`执法人员 ${index + 1}`} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    {index >= 2 ? (
                      <Form.Item>
                        <Button onClick={() => ops.remove(field.name)}>移除</Button>
                      </Form.Item>
                    ) : null}
                  </Col>
                </Row>
              )),
              <Form.Item key="add">
                <Button onClick={() => ops.add()}>增加执法人员</Button>
              </Form.Item>,
              <Form.ErrorList key="errors" errors={errors} />,
            ]}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={open.isPending}>
            {open.isError ? '重新提交' : '立案'}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
