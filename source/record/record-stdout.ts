// Interactive recording: a proxy of the stream the Ink app writes to. Every write goes to the real
// terminal unchanged and is appended to the cast as an "o" event at its wall-clock offset, so the
// cast holds exactly what was drawn. Terminal resizes become "r" events.
import { StringDecoder } from 'node:string_decoder';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import type { CastHeader } from './asciicast.js';
import { openCastSink, type CastSink, type SinkOptions } from './cast-sink.js';
import { terminalSize } from '../ui/terminal-size.js';

/** Milliseconds from an arbitrary origin; only differences are used. */
export type Clock = () => number;

export const wallClock: Clock = () => performance.now();

export type RecordingStdout = NodeJS.WriteStream & {
  /** Stops appending to the cast (the stream keeps forwarding to the terminal). Idempotent. */
  stopRecording(): void;
};

/**
 * Wraps `stdout`: the returned stream is `stdout` in every respect (columns, rows, isTTY, events,
 * listeners) except that write() also appends an "o" event to `sink` at (clock() - start) seconds.
 * Recording errors go to the sink's onError and never reach the caller of write().
 */
/** `fixedSize`: the drawing keeps one size (--size), so terminal resizes are not recorded. */
export function recordStdout(stdout: NodeJS.WriteStream, sink: CastSink, clock: Clock = wallClock, fixedSize = false): RecordingStdout {
  const start = clock();
  const decoder = new StringDecoder('utf8');
  let recording = true;
  const now = () => (clock() - start) / 1000;

  const capture = (chunk: unknown, encoding?: unknown) => {
    if (!recording) return;
    try {
      let text: string;
      if (typeof chunk === 'string') {
        text = typeof encoding === 'string' && encoding !== 'utf8' && encoding !== 'utf-8'
          ? Buffer.from(chunk, encoding as BufferEncoding).toString('utf8')
          : chunk;
      } else if (chunk instanceof Uint8Array) {
        text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      } else {
        return;
      }
      if (text) sink.output(now(), text);
    } catch {
      // Recording must never break drawing.
    }
  };

  const onResize = () => {
    if (!recording || fixedSize) return;
    const cols = stdout.columns;
    const rows = stdout.rows;
    if (cols && rows) sink.resize(now(), cols, rows);
  };
  stdout.on('resize', onResize);

  const stopRecording = () => {
    if (!recording) return;
    recording = false;
    stdout.off('resize', onResize);
    const rest = decoder.end();
    if (rest) sink.output(now(), rest);
  };

  function write(this: unknown, chunk: unknown, encoding?: unknown, cb?: unknown): boolean {
    capture(chunk, typeof encoding === 'function' ? undefined : encoding);
    return (stdout.write as (...a: unknown[]) => boolean).call(stdout, chunk, encoding, cb);
  }

  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      if (prop === 'stopRecording') return stopRecording;
      const v = Reflect.get(target, prop, target) as unknown;
      // Methods run on the real stream (EventEmitter state, internal slots).
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value, target);
    },
  }) as RecordingStdout;
}

export interface InteractiveRecordingOptions extends SinkOptions {
  /** The terminal stream the dashboard draws on (default process.stdout). */
  stdout?: NodeJS.WriteStream;
  title?: string;
  clock?: Clock;
  /** A fixed drawing size (--size), also the header's; default the terminal's current size (80x24 when unknown), following resizes. */
  size?: { cols: number; rows: number };
  /** Unix seconds for the header; default now. */
  timestamp?: number;
}

export interface InteractiveRecording {
  /** Give this to Ink's render({ stdout }). */
  stdout: RecordingStdout;
  sink: CastSink;
  /** Adds an asciicast marker ("m" event) now, on the recording's clock (key-script markers, lesson steps). */
  marker(label: string): void;
  /** Stops recording and closes the file; call on every exit path (q, Ctrl+C, SIGTERM, SIGHUP). */
  stop(): void;
}

/**
 * Opens `file` and returns the recording stdout to hand to Ink. Check the path first with
 * checkRecordPath(); errors after that arrive through opts.onError as one line.
 */
export function startInteractiveRecording(file: string, opts: InteractiveRecordingOptions = {}): InteractiveRecording {
  const stdout = opts.stdout ?? process.stdout;
  const { cols, rows } = opts.size ?? terminalSize(stdout);
  const header: CastHeader = {
    version: 2,
    width: cols,
    height: rows,
    timestamp: opts.timestamp ?? Math.floor(Date.now() / 1000),
    title: opts.title ?? 'kube-ha-lab',
    env: { TERM: process.env.TERM ?? 'xterm-256color', SHELL: process.env.SHELL ?? '/bin/sh' },
  };
  const sink = openCastSink(file, header, { onError: opts.onError });
  const clock = opts.clock ?? wallClock;
  const start = clock();
  const rec = recordStdout(stdout, sink, clock, opts.size !== undefined);
  let stopped = false;
  return {
    stdout: rec,
    sink,
    marker(label: string) {
      if (!stopped) sink.marker((clock() - start) / 1000, label);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      rec.stopRecording();
      sink.close();
    },
  };
}
