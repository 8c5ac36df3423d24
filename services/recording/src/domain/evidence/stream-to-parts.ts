import type { TEvidenceStore } from '../../data-access/evidence-store';

/**
 * Cuts a stream into parts of a multipart upload and sends up to `concurrency` of them at once.
 * Memory stays at (concurrency + 1) × partSize whatever the file size: the buffers are reused, and
 * the source is not read while every buffer is busy (back-pressure reaches the uploading client).
 */
export class PartUploader {
  private readonly pool: Buffer[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly etags: { part: number; etag: string }[] = [];
  private current: Buffer | undefined;
  private filled = 0;
  private partNumber = 0;
  private failure: unknown;

  constructor(
    private readonly store: TEvidenceStore,
    private readonly key: string,
    private readonly uploadId: string,
    private readonly partSize: number,
    private readonly concurrency: number,
  ) {}

  async write(chunk: Buffer): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      this.current ??= this.pool.pop() ?? Buffer.allocUnsafe(this.partSize);
      const n = Math.min(chunk.length - offset, this.partSize - this.filled);
      chunk.copy(this.current, this.filled, offset, offset + n);
      this.filled += n;
      offset += n;
      if (this.filled === this.partSize) await this.flush();
    }
  }

  /** Sends the last (short) part, waits for all parts; the etags for completing the upload. */
  async finish(): Promise<{ part: number; etag: string }[]> {
    await this.flush();
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
    return [...this.etags].sort((a, b) => a.part - b.part);
  }

  /** After a failure: let the parts in flight settle before the upload is aborted. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async flush(): Promise<void> {
    if (this.filled === 0 || !this.current) return;
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const buffer = this.current;
    const part = ++this.partNumber;
    const sending: Promise<void> = this.store
      .uploadPart(this.key, this.uploadId, part, buffer.subarray(0, this.filled))
      .then(
        (etag) => {
          this.etags.push({ part, etag });
        },
        (err: unknown) => {
          this.failure ??= err;
        },
      )
      .finally(() => {
        this.inFlight.delete(sending);
        this.pool.push(buffer);
      });
    this.inFlight.add(sending);
    this.current = undefined;
    this.filled = 0;
  }
}
