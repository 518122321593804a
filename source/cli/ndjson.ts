// NDJSON to stdout: one JSON object per line, written in order, respecting backpressure; a closed
// pipe (`| head -1`) ends the run quietly instead of throwing.
import type { Writable } from 'node:stream';

export class NdjsonWriter {
  private closed = false;
  private pending: string[] = [];
  private waiting: Promise<void> | null = null;

  constructor(private readonly out: Writable) {
    out.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else this.closed = true;
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
        const done = () => { this.waiting = null; resolve(); };
        this.out.once('drain', done);
        this.out.once('close', () => { this.closed = true; done(); });
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
