import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Progress,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { Select } from '../select';
import { useState } from 'react';
import { recordingApi } from '../../api/clients';
import { newIdempotencyKey, problemText, unwrap } from '../../api/problem';
import { formatDateTime } from '../../format/time';
import {
  formatMiB,
  receivedBytes,
  sendMissingParts,
  sha256OfFile,
  type TUploadSession,
} from './resumable-upload';

const mediaKindOf = (type: string) =>
  type.startsWith('video/')
    ? 'video'
    : type.startsWith('audio/')
      ? 'audio'
      : type.startsWith('image/')
        ? 'photo'
        : 'document';

const openUploadsKey = (caseNumber: string) => ['evidence-uploads', caseNumber];

/** The case's unfinished uploads (officers of the case only), shared by the tab's label and the tab. */
export const useOpenUploads = (caseNumber: string, enabled = true) =>
  useQuery({
    queryKey: openUploadsKey(caseNumber),
    enabled,
    queryFn: async () =>
      unwrap(
        await recordingApi.GET('/cases/{caseNumber}/evidence-uploads', {
          params: { path: { caseNumber } },
        }),
      ) as unknown as TUploadSession[],
  });

/** One file on its way: what the person sees under the drop area. */
interface TJob {
  key: string;
  fileName: string;
  phase: 'hashing' | 'sending' | 'completing' | 'done' | 'failed';
  percent: number;
  text: string;
  uploadId?: string;
}

/**
 * 上传证据: drag files onto the area (or click). Each is hashed in the browser (SHA-256, read in
 * slices), declared to the recording service, then sent part by part with a progress bar; the service
 * checks each part's hash, assembles the file, checks the whole file's hash and locks it. A file whose
 * upload was interrupted (page reloaded, network cut, browser closed) is listed under 未完成的上传:
 * choosing the same file again sends only the parts the service does not hold yet.
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
  const [jobs, setJobs] = useState<TJob[]>([]);
  const openKey = openUploadsKey(props.caseNumber);
  const open = useOpenUploads(props.caseNumber);

  const update = (key: string, change: Partial<TJob>) =>
    setJobs((all) => all.map((j) => (j.key === key ? { ...j, ...change } : j)));

  /** Hash, find or declare the session, send the missing parts, complete. */
  const send = async (f: File, resume?: TUploadSession) => {
    const key = `${f.name}:${f.size}:${f.lastModified}:${Date.now()}`;
    setError(undefined);
    setJobs((all) => [
      ...all.filter((j) => j.phase !== 'done'),
      { key, fileName: f.name, phase: 'hashing', percent: 0, text: '正在计算 SHA-256' },
    ]);
    try {
      if (!resume && !activityId) throw new Error('请先选择证据所属的执法活动');
      const contentType = f.type || 'application/octet-stream';
      const mediaKind = mediaKindOf(contentType);
      const audioVisual = mediaKind === 'audio' || mediaKind === 'video';
      const sha256 = await sha256OfFile(f, (fraction) =>
        update(key, { text: `正在计算 SHA-256（${Math.round(fraction * 100)}%）` }),
      );
      if (resume && (resume.sha256 !== sha256 || resume.size !== f.size))
        throw new Error(
          `所选文件与未完成的上传「${resume.fileName}」不是同一文件（SHA-256 不同），请选择原文件`,
        );
      // The same file already on its way (this page before a reload, another computer): resume it.
      const sessions = resume
        ? [resume]
        : (unwrap(
            await recordingApi.GET('/cases/{caseNumber}/evidence-uploads', {
              params: { path: { caseNumber: props.caseNumber } },
            }),
          ) as unknown as TUploadSession[]);
      const existing = sessions.find((s) => s.sha256 === sha256 && s.size === f.size);
      let session: TUploadSession;
      if (existing) {
        session = unwrap(
          await recordingApi.GET('/evidence-uploads/{uploadId}', {
            params: { path: { uploadId: existing.uploadId } },
          }),
        ) as unknown as TUploadSession;
      } else {
        session = unwrap(
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
        ) as unknown as TUploadSession;
      }
      const resumedFrom = session.receivedParts.length;
      update(key, {
        phase: 'sending',
        uploadId: session.uploadId,
        text: resumedFrom
          ? `断点续传：服务已有 ${resumedFrom}/${session.partCount} 片，只发送其余分片`
          : `共 ${session.partCount} 片`,
      });
      await queryClient.invalidateQueries({ queryKey: openKey });
      await sendMissingParts(session, f, (p) =>
        update(key, {
          percent: Math.floor((p.sentBytes / session.size) * 100),
          text: `已上传 ${formatMiB(p.sentBytes)} / ${formatMiB(session.size)}（已保存 ${p.receivedParts}/${p.partCount} 片${resumedFrom ? `，其中 ${resumedFrom} 片为中断前已保存` : ''}）${p.retrying ? `；${p.retrying}` : ''}`,
        }),
      );
      update(key, { phase: 'completing', percent: 100, text: '正在合并并复核 SHA-256' });
      unwrap(
        await recordingApi.POST('/evidence-uploads/{uploadId}/complete', {
          params: { path: { uploadId: session.uploadId } },
        }),
      );
      update(key, { phase: 'done', text: '已保存并锁定' });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['case', props.caseNumber] }),
        queryClient.invalidateQueries({ queryKey: openKey }),
      ]);
    } catch (err) {
      update(key, { phase: 'failed', text: problemText(err) });
      setError(`${f.name}：${problemText(err)}`);
      await queryClient.invalidateQueries({ queryKey: openKey });
    }
  };

  const abandon = async (s: TUploadSession) => {
    setError(undefined);
    try {
      unwrap(
        await recordingApi.DELETE('/evidence-uploads/{uploadId}', {
          params: { path: { uploadId: s.uploadId } },
        }),
      );
    } catch (err) {
      setError(`${s.fileName}：${problemText(err)}`);
    }
    await queryClient.invalidateQueries({ queryKey: openKey });
  };

  const active = new Set(
    jobs.filter((j) => j.phase !== 'failed' && j.uploadId).map((j) => j.uploadId as string),
  );
  const unfinished = (open.data ?? []).filter((s) => !active.has(s.uploadId));
  // antd greys the disabled area's text below 4.5:1 (WCAG 1.4.3); it stays readable here.
  const disabledText = activityId ? undefined : { color: '#595959' };

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
      {unfinished.length > 0 ? (
        <section aria-label="未完成的上传" style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>未完成的上传（{unfinished.length}）</Typography.Title>
          <Typography.Paragraph type="secondary">
            刷新页面、断网或关闭浏览器后，已保存的分片仍在服务端。再次选择同一文件即从中断处继续；放弃则丢弃已保存的分片。
          </Typography.Paragraph>
          <Table
            rowKey="uploadId"
            size="small"
            pagination={false}
            dataSource={unfinished}
            columns={[
              { title: '文件', dataIndex: 'fileName' },
              { title: '大小', dataIndex: 'size', render: (n: number) => formatMiB(n) },
              {
                title: '已保存',
                key: 'parts',
                render: (_, s) =>
                  `${s.receivedParts.length}/${s.partCount} 片（${Math.floor((receivedBytes(s) / s.size) * 100)}%）`,
              },
              { title: '上传人', key: 'by', render: (_, s) => s.createdBy?.name ?? '—' },
              {
                title: '保留至',
                dataIndex: 'expiresAt',
                render: (d: string | null) => (d ? formatDateTime(d) : '—'),
              },
              {
                title: '操作',
                key: 'act',
                render: (_, s) => (
                  <>
                    <Upload showUploadList={false} customRequest={({ file }) => void send(file as File, s)}>
                      <Button size="small" type="link" aria-label={`继续上传 ${s.fileName}`}>
                        选择原文件继续
                      </Button>
                    </Upload>
                    <Popconfirm
                      title="放弃这次上传？"
                      description="已保存的分片将被丢弃，不会登记为证据。"
                      okText="放弃"
                      cancelText="取消"
                      onConfirm={() => void abandon(s)}
                    >
                      <Button size="small" type="link" danger aria-label={`放弃上传 ${s.fileName}`}>
                        放弃
                      </Button>
                    </Popconfirm>
                  </>
                ),
              },
            ]}
          />
        </section>
      ) : null}
      <Upload.Dragger
        multiple
        showUploadList={false}
        customRequest={({ file }) => void send(file as File)}
        disabled={!activityId}
        aria-label="拖放证据文件到此处上传"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text" style={disabledText}>
          将录音、录像、照片或文书拖放到此处，或点击选择文件
        </p>
        <p className="ant-upload-hint" style={disabledText}>
          文件在浏览器中计算 SHA-256 后分片上传，中断后可续传；保存后锁定，不可修改或删除。
        </p>
      </Upload.Dragger>
      {jobs.length > 0 ? (
        <ul aria-label="上传进度" style={{ listStyle: 'none', padding: 0, marginTop: 16 }}>
          {jobs.map((j) => (
            <li key={j.key} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{j.fileName}</Typography.Text>
              <Progress
                percent={j.percent}
                status={j.phase === 'failed' ? 'exception' : j.phase === 'done' ? 'success' : 'active'}
                aria-label={`${j.fileName} 上传进度`}
              />
              <Typography.Text type={j.phase === 'failed' ? 'danger' : 'secondary'} aria-live="polite">
                {j.text}
              </Typography.Text>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
