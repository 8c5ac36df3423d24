import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { isProblem, ProblemError } from '../../api/problem';
import { currentCsrfToken } from '../../api/session';

/**
 * Resumable evidence upload (断点续传) over the recording service's parts API: the session says which
 * parts it holds (`receivedParts`), the browser sends only the missing ones, each with its SHA-256,
 * two at a time, retrying a part cut by the network; the service assembles, re-hashes and locks.
 * Nothing here decides what is valid: the service checks size, type and hashes.
 */

/** recording's `uploadView` (the route has no response schema yet). */
export interface TUploadSession {
  uploadId: string;
  status: string;
  activityId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  partSize: number;
  partCount: number;
  receivedParts: { partNumber: number; size: number; sha256: string }[];
  expiresAt: string | null;
  createdBy?: { id: string; name: string };
  createdAt?: string;
}

const MiB = 1024 * 1024;
/** Read in 8 MiB slices: a file of any size is hashed without holding it in memory. */
const HASH_SLICE = 8 * MiB;
/** Parts in flight at once (the service holds one part in memory per request). */
const CONCURRENCY = 2;
/** Waits before the 2nd, 3rd, … try of a part cut by the network or refused with a 5xx. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000, 30_000];

export const receivedBytes = (s: TUploadSession) => s.receivedParts.reduce((sum, p) => sum + p.size, 0);

/**
 * SHA-256 of a file, read slice by slice (WebCrypto has no incremental digest, and a 2 GiB video
 * does not fit one ArrayBuffer); `@noble/hashes` is pure JavaScript, so the console's CSP (no eval,
 * no WebAssembly) stays as it is.
 */
export async function sha256OfFile(
  file: Blob,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const hasher = sha256.create();
  for (let offset = 0; offset < file.size; offset += HASH_SLICE) {
    signal?.throwIfAborted();
    const slice = await file.slice(offset, Math.min(offset + HASH_SLICE, file.size)).arrayBuffer();
    hasher.update(new Uint8Array(slice));
    onProgress(Math.min(1, (offset + slice.byteLength) / file.size));
  }
  return bytesToHex(hasher.digest());
}

function problemOf(xhr: XMLHttpRequest): ProblemError {
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = undefined;
  }
  return new ProblemError(
    isProblem(body) ? body : { title: '上传失败', status: xhr.status, detail: `服务答复 HTTP ${xhr.status}` },
  );
}

/** One part, PUT with upload progress (fetch has none; XMLHttpRequest has). */
function putPart(
  uploadId: string,
  partNumber: number,
  bytes: Uint8Array,
  onLoaded: (loaded: number) => void,
  signal?: AbortSignal,
): Promise<TUploadSession> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/recording/evidence-uploads/${uploadId}/parts/${partNumber}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-content-sha256', bytesToHex(sha256(bytes)));
    xhr.setRequestHeader('x-csrf-token', currentCsrfToken() ?? '');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => onLoaded(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as TUploadSession);
      else reject(problemOf(xhr));
    };
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.onabort = () => reject(new DOMException('上传已停止', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(bytes as Uint8Array<ArrayBuffer>);
  });
}

/** A network failure, a timeout or a 5xx may pass; a 4xx is the service's answer and stays. */
const worthRetrying = (err: unknown) =>
  err instanceof TypeError ||
  (err instanceof ProblemError && (err.problem.status >= 500 || err.problem.status === 408));

/** Waits `ms`, and while the browser is offline until it is back online. */
async function pause(ms: number, signal?: AbortSignal) {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('上传已停止', 'AbortError'));
      },
      { once: true },
    );
  });
  if (!navigator.onLine)
    await new Promise<void>((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
}

export interface TSendProgress {
  /** Bytes the service holds, plus those of parts on their way. */
  sentBytes: number;
  receivedParts: number;
  partCount: number;
  /** Set while a part waits to be tried again after a network failure. */
  retrying?: string;
}

/**
 * Sends the parts the session does not hold yet (in order, two at a time) and returns the session
 * as the service last reported it. A part cut by the network is sent again after a pause (up to
 * eight more tries, waiting for the browser to be online); after that the error is thrown and the
 * session stays open: choosing the same file again resumes from the parts already stored.
 */
export async function sendMissingParts(
  session: TUploadSession,
  file: Blob,
  onProgress: (p: TSendProgress) => void,
  signal?: AbortSignal,
): Promise<TUploadSession> {
  const held = new Set(session.receivedParts.map((p) => p.partNumber));
  const missing = Array.from({ length: session.partCount }, (_, i) => i + 1).filter((n) => !held.has(n));
  let stored = receivedBytes(session);
  let storedParts = held.size;
  let latest = session;
  const loading = new Map<number, number>();
  let retrying: string | undefined;
  const report = () =>
    onProgress({
      sentBytes: stored + [...loading.values()].reduce((a, b) => a + b, 0),
      receivedParts: storedParts,
      partCount: session.partCount,
      ...(retrying ? { retrying } : {}),
    });
  report();

  const sendOne = async (partNumber: number) => {
    const start = (partNumber - 1) * session.partSize;
    const end = Math.min(start + session.partSize, session.size);
    const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await putPart(
          session.uploadId,
          partNumber,
          bytes,
          (loaded) => {
            loading.set(partNumber, loaded);
            report();
          },
          signal,
        );
        loading.delete(partNumber);
        stored += bytes.length;
        storedParts += 1;
        retrying = undefined;
        if (answer.receivedParts.length >= latest.receivedParts.length) latest = answer;
        report();
        return;
      } catch (err) {
        loading.delete(partNumber);
        if (signal?.aborted || !worthRetrying(err) || attempt >= RETRY_DELAYS_MS.length) throw err;
        retrying = `第 ${partNumber} 片传输中断，${Math.round(RETRY_DELAYS_MS[attempt]! / 1000)} 秒后重试（第 ${attempt + 1} 次）`;
        report();
        await pause(RETRY_DELAYS_MS[attempt]!, signal);
      }
    }
  };

  const queue = [...missing];
  const worker = async () => {
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await sendOne(next);
    } catch (err) {
      queue.length = 0; // the other part in flight finishes; nothing new starts
      throw err;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  return latest;
}

export const formatMiB = (bytes: number) => `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MiB`;
