import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { disclosureApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { sectionLabel } from '../components/catalogue/section-label';
import { Page } from '../components/page';
import { RadioChoice } from '../components/radio-choice';
import { Select } from '../components/select';
import { SubmissionFooter } from '../forms/submission-footer';
import { clearFieldErrors } from '../forms/submit-form';
import { useSubmission } from '../forms/use-submission';
import { catalogueChangeKindLabel } from '../format/labels';

type TValues = {
  kind?: string;
  title?: string;
  description?: string;
  effectiveDate?: Dayjs;
  entryIds?: string[];
};

/**
 * 登记法规或职能变化 (003 §(五)): a law was made, amended or repealed, or the agency's functions
 * changed; the affected published entries must be updated within 20 working days of the effective
 * date. Registering starts the clock (reminder, then escalation to the unit head and the agency head).
 */
export default function CatalogueChangeNewPage() {
  const navigate = useNavigate();
  const [form] = Form.useForm<TValues>();
  const entries = useQuery({
    queryKey: ['disclosures', 'catalogue', 'published'],
    queryFn: async () =>
      unwrap(
        await disclosureApi.GET('/disclosures', {
          params: { query: { kind: 'catalogueEntry', status: 'published', pageSize: 100 } },
        }),
      ),
  });
  const submission = useSubmission({
    form,
    send: async (body: unknown, key: string) =>
      unwrap(
        await disclosureApi.POST('/catalogue/changes', {
          headers: { 'idempotency-key': key },
          body: body as never,
        }),
      ),
    invalidates: [['catalogue-changes']],
    onDone: (r) => void navigate(`/catalogue-changes/${r.id}`),
  });
  return (
    <Page
      title="登记法规或职能变化"
      content="登记后开始计时：受影响的目录条目须在生效之日起 20 个工作日内更新。"
    >
      <Card>
        {entries.isError ? (
          <Alert type="error" showIcon message="无法读取目录条目" description={problemText(entries.error)} />
        ) : null}
        <Form<TValues>
          form={form}
          layout="vertical"
          onValuesChange={submission.edited}
          onFinish={(v) => {
            clearFieldErrors(form);
            submission.mutation.mutate({
              kind: v.kind ?? '',
              title: v.title?.trim() ?? '',
              description: v.description?.trim() ?? '',
              effectiveDate: v.effectiveDate ? v.effectiveDate.format('YYYY-MM-DD') : '',
              entryIds: v.entryIds ?? [],
            });
          }}
        >
          <Form.Item label="变化类别" name="kind" required>
            <RadioChoice
              label="变化类别"
              options={['lawChange', 'functionChange'].map((k) => ({
                value: k,
                label: catalogueChangeKindLabel(k),
              }))}
            />
          </Form.Item>
          <Form.Item label="变更事项（如《劳动保障监察条例》修订）" name="title" required>
            <Input />
          </Form.Item>
          <Form.Item label="变更说明" name="description" required>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item label="生效日期" name="effectiveDate" required>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item label="受影响的目录条目" name="entryIds" required>
            <Select<string[]>
              aria-label="受影响的目录条目"
              mode="multiple"
              loading={entries.isPending}
              optionFilterProp="label"
              options={(entries.data?.items ?? []).map((e) => ({
                value: e.id,
                label: `${e.title}（${sectionLabel(e.catalogueSection)}）`,
              }))}
            />
          </Form.Item>
          <SubmissionFooter submission={submission} label="登记并开始计时" retryLabel="重新提交" />
        </Form>
      </Card>
    </Page>
  );
}
