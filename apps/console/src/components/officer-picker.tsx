import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { Select } from './select';
import { useState } from 'react';
import { directoryApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { formatDate, formatDateShort } from '../format/time';

export interface TPickedOfficer {
  userId: string;
  name: string;
  certificateNumber: string;
}

interface TCertificate {
  number: string;
  validFrom: string;
  validTo: string;
  status: string;
}

const statusText: Record<string, string> = { valid: '有效', suspended: '暂扣', revoked: '已注销' };

/** Today in Beijing as YYYY-MM-DD (certificate validity is by the Beijing day). */
const beijingToday = () => formatDateShort(new Date());

/** A certificate the officer may act under today: valid status, within its dates. */
export const usable = (c: TCertificate, today = beijingToday()) =>
  c.status === 'valid' && c.validFrom <= today && today <= c.validTo;

/**
 * 选择执法人员: searches the directory by name (the directory's `/officers`, on the server) and
 * shows each officer's unit and certificates with their validity; only a usable certificate can be
 * picked. The value is the officer with the certificate they act under.
 */
export function OfficerPicker(props: {
  id?: string;
  value?: TPickedOfficer;
  onChange?: (value: TPickedOfficer | undefined) => void;
  exclude?: string[];
  'aria-label'?: string;
}) {
  const [q, setQ] = useState('');
  const officers = useQuery({
    queryKey: ['officers', q],
    queryFn: async () =>
      unwrap(await directoryApi.GET('/officers', { params: { query: { ...(q ? { q } : {}), limit: 20 } } })),
    staleTime: 60_000,
  });
  const options = (officers.data ?? []).flatMap((o) =>
    o.certificates.map((c) => ({
      value: `${o.id}|${c.number}`,
      disabled: !usable(c) || (props.exclude ?? []).includes(o.id),
      officer: { userId: o.id, name: o.name, certificateNumber: c.number },
      label: (
        <Space size={4} wrap>
          <Typography.Text strong>{o.name}</Typography.Text>
          <Typography.Text>{o.unitName}</Typography.Text>
          <Typography.Text>执法证 {c.number}</Typography.Text>
          <Tag color={usable(c) ? 'green' : 'red'}>
            {usable(c) ? '有效' : (statusText[c.status] ?? '无效')}，{formatDate(c.validFrom)}至
            {formatDate(c.validTo)}
          </Tag>
        </Space>
      ),
    })),
  );
  const current = props.value?.userId ? `${props.value.userId}|${props.value.certificateNumber}` : undefined;
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      showSearch
      allowClear
      filterOption={false}
      placeholder="输入姓名检索执法人员"
      value={current}
      onSearch={(text) => setQ(text.trim())}
      loading={officers.isFetching}
      notFoundContent={officers.isError ? problemText(officers.error) : '没有相符的执法人员'}
      options={
        current && !options.some((o) => o.value === current) && props.value
          ? [
              ...options,
              {
                value: current,
                disabled: false,
                officer: props.value,
                label: (
                  <span>
                    {props.value.name} 执法证 {props.value.certificateNumber}
                  </span>
                ),
              },
            ]
          : options
      }
      onChange={(_, option) => {
        const picked = Array.isArray(option) ? option[0] : option;
        props.onChange?.(picked ? (picked as { officer: TPickedOfficer }).officer : undefined);
      }}
      style={{ width: '100%' }}
    />
  );
}
