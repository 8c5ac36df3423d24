import { Alert, Button } from 'antd';

/** The service's refusal that belongs to no field (those are shown beside their field). */
export function FormErrorBar({ message }: { message: string | undefined }) {
  return message ? (
    <Alert role="alert" type="error" showIcon message={message} style={{ marginBottom: 16 }} />
  ) : null;
}

/**
 * The end of every form sent through `useSubmission`: the refusal, then the submit button (busy
 * while sending; after a failed attempt it reads `retryLabel` when given).
 */
export function SubmissionFooter({
  submission,
  label,
  retryLabel,
  kind = 'primary',
}: {
  submission: { formError: string | undefined; mutation: { isPending: boolean; isError: boolean } };
  label: string;
  retryLabel?: string;
  /** `primary` (the default), `plain` (a secondary action) or `danger` (withdrawing, recusing). */
  kind?: 'primary' | 'plain' | 'danger';
}) {
  return (
    <>
      <FormErrorBar message={submission.formError} />
      <Button
        type={kind === 'primary' ? 'primary' : 'default'}
        danger={kind === 'danger'}
        htmlType="submit"
        loading={submission.mutation.isPending}
      >
        {retryLabel && submission.mutation.isError ? retryLabel : label}
      </Button>
    </>
  );
}
