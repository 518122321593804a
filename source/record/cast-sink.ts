// Where a recording's lines go: a file or memory.
//
// The file sink writes each line with fs.writeSync on a descriptor opened at the start, so a crash
// or a kill -9 loses at most the line being written; every complete line stays a valid event.
// Write errors (ENOSPC, EACCES, EISDIR, a missing directory, ...) never throw: the sink reports one
// line through onError, stops writing, and the session goes on.
import fs from 'node:fs';
import { describeFsError } from '../files/fs-errors.js';
import { castTime, eventLine, headerLine, type CastEventCode, type CastHeader } from './asciicast.js';

/** Where events go: a file (openCastSink) or memory (memoryCastSink). */
export interface CastSink {
  readonly header: CastHeader;
  /** The file written, or null in memory. */
  readonly path: string | null;
  /** The first error, as one line, or null; once set the sink writes nothing more. */
  readonly error: string | null;
  /** Events written (header excluded). */
  readonly events: number;
  /** Time of the last event written, seconds. */
  readonly lastTime: number;
  output(t: number, data: string): void;
  marker(t: number, label: string): void;
  resize(t: number, cols: number, rows: number): void;
  close(): void;
}

export interface SinkOptions {
  /** Called once, with one line, when writing fails; the sink then goes quiet. */
  onError?: (message: string) => void;
}

abstract class BaseSink implements CastSink {
  error: string | null = null;
  events = 0;
  lastTime = 0;
  protected closed = false;
  private readonly onError: (message: string) => void;

  constructor(readonly header: CastHeader, readonly path: string | null, opts: SinkOptions) {
    this.onError = opts.onError ?? (() => {});
  }

  protected abstract put(line: string): void;

  protected fail(message: string): void {
    if (this.error !== null) return;
    this.error = message;
    try {
      this.onError(message);
    } catch {
      // A failing reporter must not break the session either.
    }
  }

  protected writeLine(line: string): boolean {
    if (this.closed || this.error !== null) return false;
    this.put(line);
    return this.error === null;
  }

  private event(t: number, code: CastEventCode, data: string): void {
    // Monotonic: an event never goes back in time (clock skew, equal timestamps).
    const time = Math.max(this.lastTime, castTime(t));
    if (this.writeLine(eventLine(time, code, data))) {
      this.lastTime = time;
      this.events++;
    }
  }

  output(t: number, data: string): void {
    if (data.length) this.event(t, 'o', data);
  }
  marker(t: number, label: string): void {
    this.event(t, 'm', label);
  }
  resize(t: number, cols: number, rows: number): void {
    this.event(t, 'r', `${cols}x${rows}`);
  }
  close(): void {
    this.closed = true;
  }
}

class FileSink extends BaseSink {
  private fd: number | null = null;

  constructor(header: CastHeader, file: string, opts: SinkOptions) {
    super(header, file, opts);
    try {
      // Truncate and write from the start; 'w' creates the file with mode 0666 & ~umask.
      this.fd = fs.openSync(file, 'w');
    } catch (err) {
      this.fail(`recording stopped: ${describeFsError(file, err, 'open')}; the session goes on`);
      return;
    }
    this.writeLine(headerLine(header));
  }

  protected put(line: string): void {
    if (this.fd === null) return;
    const buf = Buffer.from(line, 'utf8');
    try {
      let off = 0;
      while (off < buf.length) off += fs.writeSync(this.fd, buf, off, buf.length - off);
    } catch (err) {
      this.fail(`recording stopped: ${describeFsError(this.path ?? '', err)}; the session goes on`);
      this.release();
    }
  }

  private release(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      fs.closeSync(fd);
    } catch {
      // Closing after a failed write may fail again (ENOSPC on some file systems): nothing to do.
    }
  }

  override close(): void {
    super.close();
    this.release();
  }
}

class MemorySink extends BaseSink {
  private readonly lines: string[] = [];
  constructor(header: CastHeader, opts: SinkOptions) {
    super(header, null, opts);
    this.writeLine(headerLine(header));
  }
  protected put(line: string): void {
    this.lines.push(line);
  }
  text(): string {
    return this.lines.join('');
  }
}

/** Header fields the command line adds to every cast it records (--title, the command, an idle limit). */
export type CastHeaderExtras = Partial<Pick<CastHeader, 'title' | 'command' | 'idle_time_limit'>>;
let headerExtras: CastHeaderExtras = {};

/** Sets the fields openCastSink adds to (or puts over) the header of each cast file it opens. */
export function setCastHeaderExtras(extras: CastHeaderExtras): void {
  headerExtras = Object.fromEntries(Object.entries(extras).filter(([, v]) => v !== undefined));
}

/** The command line as one shell-readable string: arguments quoted when they need it. */
export function commandLine(name: string, argv: readonly string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return [name, ...argv].map(quote).join(' ');
}

/** Opens `file` for writing (truncating it) and writes the header line. Never throws. */
export function openCastSink(file: string, header: CastHeader, opts: SinkOptions = {}): CastSink {
  return new FileSink({ ...header, ...headerExtras }, file, opts);
}

/** A sink that keeps the cast in memory (tests, or rendering before choosing where to put it). */
export function memoryCastSink(header: CastHeader, opts: SinkOptions = {}): CastSink & { text(): string } {
  return new MemorySink(header, opts);
}
