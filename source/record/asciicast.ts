// asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2): one JSON header line, then one
// JSON array per event: [time, code, data], time in seconds since the start (absolute, 6 decimals
// at most, never decreasing). Codes written here: "o" output, "m" marker, "r" resize "COLSxROWS".
//
// The file sink writes each line with fs.writeSync on a descriptor opened at the start, so a crash
// or a kill -9 loses at most the line being written; every complete line stays a valid event.
// Write errors (ENOSPC, EACCES, EISDIR, a missing directory, ...) never throw: the sink reports one
// line through onError, stops writing, and the session goes on.
import fs from 'node:fs';
import path from 'node:path';

export interface CastHeader {
  version: 2;
  width: number;
  height: number;
  /** Unix time (seconds) of the start; 0 in headless renders so they are byte-reproducible. */
  timestamp?: number;
  duration?: number;
  idle_time_limit?: number;
  command?: string;
  title?: string;
  env?: { TERM?: string; SHELL?: string };
}

export type CastEventCode = 'o' | 'i' | 'm' | 'r';
export type CastEvent = [number, CastEventCode, string];

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

/** Seconds, rounded to 6 decimals (microseconds), never negative. */
export function castTime(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.round(seconds * 1e6) / 1e6;
}

/** Formats a time so JSON never shows an exponent (1e-7 cannot occur after rounding, 1e21 can't either). */
function timeText(t: number): string {
  const s = String(t);
  return s.includes('e') ? t.toFixed(6).replace(/0+$/, '').replace(/\.$/, '') : s;
}

export function headerLine(h: CastHeader): string {
  // A fixed key order, so the same header gives the same bytes.
  const o: Record<string, unknown> = { version: 2, width: h.width, height: h.height };
  if (h.timestamp !== undefined) o.timestamp = h.timestamp;
  if (h.duration !== undefined) o.duration = castTime(h.duration);
  if (h.idle_time_limit !== undefined) o.idle_time_limit = h.idle_time_limit;
  if (h.command !== undefined) o.command = h.command;
  if (h.title !== undefined) o.title = h.title;
  if (h.env !== undefined) {
    const env: Record<string, string> = {};
    if (h.env.TERM !== undefined) env.TERM = h.env.TERM;
    if (h.env.SHELL !== undefined) env.SHELL = h.env.SHELL;
    o.env = env;
  }
  return JSON.stringify(o) + '\n';
}

export function eventLine(t: number, code: CastEventCode, data: string): string {
  return `[${timeText(castTime(t))}, ${JSON.stringify(code)}, ${JSON.stringify(data)}]\n`;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EBADF: 'the file is closed',
  EMFILE: 'too many open files',
};

/** One line naming the file and the reason, e.g. `cannot write demo.cast: no space left on device (ENOSPC)`. */
export function describeFsError(file: string, err: unknown, verb = 'write'): string {
  const e = err as NodeJS.ErrnoException;
  const code = e && typeof e.code === 'string' ? e.code : undefined;
  const reason = code && REASONS[code] ? `${REASONS[code]} (${code})` : oneLine(e && e.message ? e.message : String(err));
  return `cannot ${verb} ${file}: ${reason}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Checks before anything starts that `file` can be written as a recording: its directory exists
 * and is writable, and it is not a directory itself. Returns null when fine, else one line for
 * the CLI to print (then exit 2). Creates nothing and truncates nothing.
 */
export function checkRecordPath(file: string): string | null {
  if (!file) return '--record needs a file name, e.g. --record demo.cast';
  const abs = path.resolve(file);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return `--record ${file}: ${describeFsError(file, err, 'use')}`;
  }
  if (st) {
    if (st.isDirectory()) return `--record ${file}: cannot write ${file}: it is a directory (EISDIR)`;
    try {
      fs.accessSync(abs, fs.constants.W_OK);
    } catch (err) {
      return `--record ${file}: ${describeFsError(file, err)}`;
    }
    return null;
  }
  const dir = path.dirname(abs);
  let dst: fs.Stats;
  try {
    dst = fs.statSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `--record ${file}: cannot write ${file}: directory ${path.dirname(file)} does not exist (ENOENT)`;
    return `--record ${file}: ${describeFsError(file, err)}`;
  }
  if (!dst.isDirectory()) return `--record ${file}: cannot write ${file}: ${path.dirname(file)} is not a directory (ENOTDIR)`;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    return `--record ${file}: ${describeFsError(file, err)}`;
  }
  return null;
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

// ---------------------------------------------------------------------------------------------
// Parsing and validation (tests, and a sanity check of what we wrote)

export interface ParsedCast {
  header: CastHeader & Record<string, unknown>;
  events: CastEvent[];
  /** Problems found, one line each with its line number; empty when the cast is valid. */
  problems: string[];
  /** A trailing line that is not complete JSON (what a kill mid-write leaves), if any. */
  truncatedTail: string | null;
}

export interface ParseOptions {
  /** Accept a last line that was cut off mid-write (a killed recording) and report it in truncatedTail. */
  allowTruncatedTail?: boolean;
}

/**
 * Parses and validates asciicast v2 text: a header with version 2 and positive integer width and
 * height, then events [time, code, data] with a finite time >= 0 that never decreases, a known
 * code and string data ("r" data must be COLSxROWS). Never throws: see `problems`.
 */
export function parseCast(text: string, opts: ParseOptions = {}): ParsedCast {
  const problems: string[] = [];
  const events: CastEvent[] = [];
  let truncatedTail: string | null = null;
  const lines = text.split('\n');
  // The file normally ends with "\n", leaving an empty last element.
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  else if (lines.length > 1 && opts.allowTruncatedTail) {
    // The last line has no newline: complete JSON is still fine; anything else is a cut-off write.
    const last = lines[lines.length - 1];
    try {
      JSON.parse(last);
    } catch {
      truncatedTail = last;
      lines.pop();
    }
  }
  let header = { version: 2, width: 0, height: 0 } as ParsedCast['header'];
  if (!lines.length) return { header, events, problems: ['line 1: empty file, no header'], truncatedTail };
  try {
    const h = JSON.parse(lines[0]) as unknown;
    if (!h || typeof h !== 'object' || Array.isArray(h)) problems.push('line 1: the header is not a JSON object');
    else {
      header = h as ParsedCast['header'];
      if (header.version !== 2) problems.push(`line 1: version is ${JSON.stringify(header.version)}, expected 2`);
      for (const k of ['width', 'height'] as const) {
        const v = header[k];
        if (!Number.isInteger(v) || v <= 0) problems.push(`line 1: ${k} is ${JSON.stringify(v)}, expected a positive integer`);
      }
      if (header.timestamp !== undefined && !Number.isInteger(header.timestamp)) problems.push('line 1: timestamp is not an integer');
    }
  } catch {
    problems.push('line 1: the header is not valid JSON');
  }
  let prev = 0;
  for (let i = 1; i < lines.length; i++) {
    const n = i + 1;
    let ev: unknown;
    try {
      ev = JSON.parse(lines[i]);
    } catch {
      problems.push(`line ${n}: not valid JSON`);
      continue;
    }
    if (!Array.isArray(ev) || ev.length !== 3) {
      problems.push(`line ${n}: an event must be [time, code, data]`);
      continue;
    }
    const [t, code, data] = ev as [unknown, unknown, unknown];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
      problems.push(`line ${n}: time ${JSON.stringify(t)} is not a number >= 0`);
      continue;
    }
    if (t < prev) problems.push(`line ${n}: time ${t} goes back (previous ${prev})`);
    const decimals = String(t).split('.')[1];
    if (decimals && decimals.length > 6) problems.push(`line ${n}: time ${t} has more than 6 decimals`);
    if (code !== 'o' && code !== 'i' && code !== 'm' && code !== 'r') {
      problems.push(`line ${n}: unknown event code ${JSON.stringify(code)}`);
      continue;
    }
    if (typeof data !== 'string') {
      problems.push(`line ${n}: event data is not a string`);
      continue;
    }
    if (code === 'r' && !/^\d+x\d+$/.test(data)) problems.push(`line ${n}: resize data ${JSON.stringify(data)} is not COLSxROWS`);
    prev = Math.max(prev, t);
    events.push([t, code, data]);
  }
  return { header, events, problems, truncatedTail };
}
