import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { newIdempotencyKey, showFieldErrors } from '../api/problem';

/**
 * One form submission to a service: one idempotency key per submission (a retry after a network
 * failure reuses it; editing the form makes a new one), errors beside their fields and the rest in
 * `formError`, the queries named in `invalidates` refreshed on success.
 */
export function useSubmission<TBody, TResult>(options: {
  form: FormInstance;
  send: (body: TBody, idempotencyKey: string) => Promise<TResult>;
  invalidates: QueryKey[];
  onDone?: (result: TResult) => void;
}) {
  const key = useRef(newIdempotencyKey());
  const [formError, setFormError] = useState<string>();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: TBody) => options.send(body, key.current),
    onSuccess: async (result) => {
      key.current = newIdempotencyKey();
      setFormError(undefined);
      await Promise.all(options.invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      options.onDone?.(result);
    },
    onError: (err) => setFormError(showFieldErrors(options.form, err)),
  });
  return {
    mutation,
    formError,
    setFormError,
    /** For the form's onValuesChange: an edited form is a new submission. */
    edited: () => {
      key.current = newIdempotencyKey();
    },
    showError: (err: unknown) => setFormError(showFieldErrors(options.form, err)),
  };
}
