import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Form, Input, Space, Typography, Upload, type UploadProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { Select } from '../select';
import { useState } from 'react';
import { recordingApi } from '../../api/clients';
import { newIdempotencyKey, problemText, ProblemError, unwrap, isProblem } from '../../api/problem';
import { currentCsrfToken } from '../../api/session';

type TUploadRequest = Parameters<NonNullable<UploadProps['customRequest']>>[0];

const mediaKindOf = (type: string) =>
  type.startsWith('video/')
    ? 'video'
    : type.startsWith('audio/')
      ? 'audio'
      : type.startsWith('image/')
        ? 'photo'
        : 'document';

async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** PUT the file's bytes with progress (fetch has no upload progress; XMLHttpRequest has). */
function putContent(
  uploadId: string,
  file: File,
  contentType: string,
  onProgress: (percent: number) => void,
) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/recording/evidence-uploads/${uploadId}/content`);
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('x-csrf-token', currentCsrfToken() ?? '');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      reject(
        new ProblemError(
          isProblem(body)
            ? body
            : { title: '上传失败', status: xhr.status, detail: `服务答复 HTTP ${xhr.status}` },
        ),
      );
    };
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.send(file);
  });
}

/**
 * 上传证据: drag files onto the area (or click); each is hashed in the browser (SHA-256), declared
 * to the recording service, then sent with a progress bar; the service checks size, type and hash,
 * stores it under object lock and registers it. One idempotency key per file.
 */
export function EvidenceUpload(props: {
  caseNumber: string;
  activities: { value: string; label: string }[];
}) {
  const queryClient = useQueryClient();
  const [activityId, setActivityId] = useState<string>();
  const [description, setDescription] = useState('');
  const [noPersonalCopyKept, setNoPersonalCopyKept] = useState(false);
  const [recordedFrom, setRecordedFrom] = useState<Dayjs | null>(null);
  const [recordedUntil, setRecordedUntil] = useState<Dayjs | null>(null);
  const [error, setError] = useState<string>();

  const send = async ({ file, onProgress, onSuccess, onError }: TUploadRequest) => {
    const f = file as File;
    setError(undefined);
    try {
      if (!activityId) throw new Error('请先选择证据所属的执法活动');
      const contentType = f.type || 'application/octet-stream';
      const mediaKind = mediaKindOf(contentType);
      const audioVisual = mediaKind === 'audio' || mediaKind === 'video';
      const sha256 = await sha256Hex(f);
      const created = unwrap(
        await recordingApi.POST('/cases/{caseNumber}/evidence-uploads', {
          params: { path: { caseNumber: props.caseNumber } },
          body: {
            activityId,
            mediaKind,
            contentType,
            fileName: f.name,
            size: f.size,
            sha256,
            ...(description.trim() ? { description: description.trim() } : {}),
            // 记录规定 §16 (the service refuses A/V without it) and §13 (the span checks continuity).
            ...(audioVisual ? { noPersonalCopyKept } : {}),
            ...(audioVisual && recordedFrom && recordedUntil
              ? { recordedFrom: recordedFrom.toISOString(), recordedUntil: recordedUntil.toISOString() }
              : {}),
          } as never,
          headers: { 'idempotency-key': newIdempotencyKey() },
        }),
      ) as unknown as { uploadId: string }; // recording's uploadView (no response schema yet)
      await putContent(created.uploadId, f, contentType, (percent) => onProgress?.({ percent }));
      onSuccess?.({});
      await queryClient.invalidateQueries({ queryKey: ['case', props.caseNumber] });
    } catch (err) {
      setError(`${f.name}：${problemText(err)}`);
      onError?.(err as Error);
    }
  };

  const upload: UploadProps['customRequest'] = (request) => void send(request);

  return (
    <>
      <Form layout="vertical">
        <Form.Item label="所属执法活动" required htmlFor="evidence-activity">
          <Select
            id="evidence-activity"
            value={activityId}
            onChange={setActivityId}
            options={props.activities}
            placeholder={props.activities.length ? '选择执法活动' : '本案尚无执法活动，请先登记执法活动'}
          />
        </Form.Item>
        <Form.Item label="说明" htmlFor="evidence-description">
          <Input
            id="evidence-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="（可选）"
          />
        </Form.Item>
        <Space wrap>
          <Form.Item label="录制开始时间（录音、录像）" htmlFor="evidence-recorded-from">
            <DatePicker
              id="evidence-recorded-from"
              showTime={{ format: 'HH:mm:ss' }}
              format="YYYY-MM-DD HH:mm:ss"
              value={recordedFrom}
              onChange={(v) => setRecordedFrom(v)}
            />
          </Form.Item>
          <Form.Item label="录制结束时间" htmlFor="evidence-recorded-until">
            <DatePicker
              id="evidence-recorded-until"
              showTime={{ format: 'HH:mm:ss' }}
              format="YYYY-MM-DD HH:mm:ss"
              value={recordedUntil}
              onChange={(v) => setRecordedUntil(v)}
            />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">
          应当音像记录的执法活动须自开始至结束不间断记录，提交拟作出的决定时据录制起止时间核对；中断的须另登记中断说明（记录规定第十三条）。
        </Typography.Paragraph>
        <Form.Item>
          <Checkbox checked={noPersonalCopyKept} onChange={(e) => setNoPersonalCopyKept(e.target.checked)}>
            上传录音、录像时声明：本人未自行保存副本，执法记录仪中的文件存入后即清除（记录规定第十六条）
          </Checkbox>
        </Form.Item>
      </Form>
      {error ? (
        <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />
      ) : null}
      <Upload.Dragger
        multiple
        customRequest={upload}
        disabled={!activityId}
        aria-label="拖放证据文件到此处上传"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">将录音、录像、照片或文书拖放到此处，或点击选择文件</p>
        <p className="ant-upload-hint">文件在浏览器中计算 SHA-256 后上传；保存后锁定，不可修改或删除。</p>
      </Upload.Dragger>
    </>
  );
}
