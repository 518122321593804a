// NDJSON to stdout: one JSON object per line, written in order, respecting backpressure; a closed
// pipe (`| head -1`) ends the run quietly instead of throwing.
import type { Writable } from 'node:stream';

export class NdjsonWriter {
  private closed = false;
  /** Set when output failed for a reason other than the reader going away (e.g. a full disk). */
  failure: string | null = null;
  private pending: string[] = [];
  private waiting: Promise<void> | null = null;

  constructor(private readonly out: Writable) {
    out.on('error', (e: NodeJS.ErrnoException) => {
      // EPIPE: the reader left (`| head -1`), which ends the run quietly. Anything else is reported.
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED' && this.failure === null) this.failure = e.code ?? e.message;
      this.closed = true;
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Queues one object as a line; call flush() now and then to honour backpressure. */
  write(obj: unknown): void {
    if (this.closed) return;
    this.pending.push(JSON.stringify(obj));
    if (this.pending.length >= 256) void this.flushSync();
  }

  private flushSync(): void {
    if (this.closed || this.pending.length === 0) return;
    const chunk = this.pending.join('\n') + '\n';
    this.pending = [];
    const ok = this.out.write(chunk);
    if (!ok && !this.waiting) {
      this.waiting = new Promise((resolve) => {
        const onDrain = () => finish(false);
        const onClose = () => finish(true);
        const finish = (closed: boolean) => {
          this.out.off('drain', onDrain);
          this.out.off('close', onClose);
          if (closed) this.closed = true;
          this.waiting = null;
          resolve();
        };
        this.out.on('drain', onDrain);
        this.out.on('close', onClose);
      });
    }
  }

  /** Writes what is queued and waits while the consumer is slow. */
  async flush(): Promise<void> {
    this.flushSync();
    if (this.waiting) await this.waiting;
  }

  /** Flushes and waits until everything written has been handed to the OS. */
  async end(): Promise<void> {
    await this.flush();
    if (this.closed) return;
    await new Promise<void>((resolve) => this.out.write('', () => resolve()));
  }
}
