// Headless rendering: runs the simulation (optionally driven by a scenario) at simulated time, as
// fast as it computes, renders the dashboard with Ink into a fake terminal of a fixed size at
// simulated timestamps, and writes the frames to an asciicast v2 file. Markers become "m" events,
// narration a caption line above the dashboard.
//
// Deterministic: the same config (seed), driver and options give the same bytes. Nothing here
// reads a clock: event times are simulated ms / 1000 / speed, the header's timestamp is 0 (or
// opts.timestamp), TERM/SHELL in the header are fixed, and the colour level is set explicitly.
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { Config } from '../sim/types.js';
import type { CheckResult, Driver } from '../sim/driver.js';
import { createState } from '../sim/create.js';
import { createSession } from '../sim/session.js';
import { RunLoop, SESSION_WORLD } from '../sim/run-loop.js';
import type { CastHeader } from './asciicast.js';
import { memoryCastSink, openCastSink, type CastSink } from './cast-sink.js';
import { ScreenEncoder } from './screen.js';
import chalk from 'chalk';
import { RecordedFrame, dashboardView, type FrameView } from '../ui/recorded-frame.js';
import { installFastOutput } from '../ui/ink-patches/fast-output.js';
import { PredictionTrack } from './prediction-track.js';

export interface Size {
  cols: number;
  rows: number;
}

export interface RenderCastOptions {
  config: Config;
  /** Drives the run (scenario steps, a --script); polled before every tick, as the Driver contract says. */
  driver?: Driver;
  size: Size;
  /** Frames per second of simulated time while something happens (default 2: one per 500 ms). */
  fps?: number;
  /**
   * Frames per second in quiet stretches: no sim event and no driver output for 2 s (default 1;
   * set it to fps to turn this off). Decided from the simulation only, so still deterministic.
   */
  idleFps?: number;
  /** Playback speed: cast seconds = simulated seconds / speed (default 1, real timeouts). */
  speed?: number;
  title?: string;
  /** Write here (truncating); without it the cast is returned in `text`. */
  out?: string;
  /** Or write into this sink (its header is the caller's). */
  sink?: CastSink;
  /** Stop at this simulated time at the latest (default 30 min with a driver, else 60 s). */
  durationMs?: number;
  /** Keep rendering this long after the driver is done (default 3 s). */
  tailMs?: number;
  /** The dashboard to render; default the real one (source/ui/app.tsx). */
  view?: FrameView;
  /** Lesson panel rows above the view: narration, prediction questions (default 6 from 30 rows, else 4; 0 turns it off). */
  captionRows?: number;
  /** chalk colour level for the frames: 0 none (NO_COLOR) … 3 truecolor (default 3, or 0 when NO_COLOR is set). */
  colorLevel?: 0 | 1 | 2 | 3;
  /** Header timestamp (default 0, so renders are byte-reproducible). */
  timestamp?: number;
  onError?: (message: string) => void;
}

export interface RenderCastResult {
  path: string | null;
  /** The cast, when no `out` or `sink` was given. */
  text: string | null;
  header: CastHeader;
  frames: number;
  events: number;
  markers: string[];
  checks: CheckResult[];
  simMs: number;
  castSeconds: number;
  error: string | null;
}

/** A terminal that is not there: Ink writes each frame here (debug mode: whole frames). */
class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  last = '';
  writes = 0;
  constructor(readonly columns: number, readonly rows: number) {
    super();
  }
  write(chunk: string | Uint8Array, enc?: unknown, cb?: unknown): boolean {
    this.last = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.writes++;
    const done = typeof enc === 'function' ? enc : cb;
    if (typeof done === 'function') (done as () => void)();
    return true;
  }
  getColorDepth(): number {
    return 24;
  }
  hasColors(): boolean {
    return true;
  }
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  setRawMode(): this { return this; }
  setEncoding(): this { return this; }
  read(): null { return null; }
  ref(): this { return this; }
  unref(): this { return this; }
  resume(): this { return this; }
  pause(): this { return this; }
}

class NullStderr extends EventEmitter {
  write(): boolean { return true; }
}


const settle = () => new Promise<void>((r) => setImmediate(r));

/** The fixed header of a headless render. */
export function headlessHeader(size: Size, title?: string, timestamp = 0): CastHeader {
  return {
    version: 2,
    width: size.cols,
    height: size.rows,
    timestamp,
    title: title ?? 'kube-ha-lab',
    env: { TERM: 'xterm-256color', SHELL: '/bin/sh' },
  };
}

/**
 * Renders a run of the simulation to an asciicast, in simulated time. Returns when the cast is
 * written. Errors writing the file arrive through opts.onError and in `error`; nothing throws for them.
 */
export async function renderToCast(opts: RenderCastOptions): Promise<RenderCastResult> {
  const { cols, rows } = opts.size;
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 20 || rows < 8) {
    throw new RangeError(`--size ${cols}x${rows}: expected COLSxROWS of at least 20x8`);
  }
  const fps = opts.fps ?? 2;
  const speed = opts.speed ?? 1;
  if (!(fps > 0) || !(speed > 0)) throw new RangeError('fps and speed must be positive');
  const tickMs = opts.config.tickMs;
  const frameEveryTicks = Math.max(1, Math.round(1000 / fps / tickMs));
  const idleEveryTicks = Math.max(frameEveryTicks, Math.round(1000 / Math.min(fps, opts.idleFps ?? 1) / tickMs));
  const QUIET_MS = 2000;
  const driver = opts.driver;
  const limitMs = opts.durationMs ?? (driver ? 30 * 60_000 : 60_000);
  const tailMs = opts.tailMs ?? 3000;
  const captionRows = Math.max(0, Math.min(opts.captionRows ?? (rows >= 30 ? 6 : 4), rows - 4));
  // Keep the drawing at most rows - 1 high (the last row stays free, as in the live dashboard).
  const viewRows = rows - 1 - captionRows;

  const header = opts.sink?.header ?? headlessHeader(opts.size, opts.title, opts.timestamp ?? 0);
  const mem = !opts.sink && !opts.out ? memoryCastSink(header, { onError: opts.onError }) : null;
  const sink: CastSink = opts.sink ?? mem ?? openCastSink(opts.out as string, header, { onError: opts.onError });
  await installFastOutput();
  const View = opts.view ?? dashboardView;

  const savedLevel = chalk.level;
  const level = opts.colorLevel ?? (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '' ? 0 : 3);
  chalk.level = level;

  const stdout = new FakeStdout(cols, rows);
  const screen = new ScreenEncoder(cols, rows);
  let session = createSession(createState(opts.config), { paused: false });
  let caption: string | null = null;
  const checks: CheckResult[] = [];
  const markers: string[] = [];
  let frames = 0;
  let says = 0;
  // Cast seconds the clock was held for the room (prediction questions); later events move by it.
  let heldS = 0;
  let holdLeft = 0;
  const predictions = new PredictionTrack();
  const at = (simMs: number) => simMs / 1000 / speed + heldS;

  const tree = () => (
    <RecordedFrame
      View={View}
      session={session}
      state={session.state}
      cols={cols}
      rows={viewRows}
      totalRows={rows - 1}
      caption={caption}
      checks={checks.slice()}
      captionRows={captionRows}
      panel={predictions.panel(caption, holdLeft)}
      noColor={level === 0}
    />
  );

  const ink = render(tree(), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
    stderr: new NullStderr() as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
    isScreenReaderEnabled: false,
  });

  const drawFrame = async () => {
    ink.rerender(tree());
    await settle();
    const bytes = screen.frame(stdout.last);
    if (bytes) sink.output(at(session.state.t), bytes);
    frames++;
  };

  let changed = false;
  const loop = new RunLoop(session, SESSION_WORLD, {
    driver,
    endMs: limitMs,
    tailMs,
    hooks: {
      onMarker: (t, m) => {
        markers.push(m);
        sink.marker(at(t), m);
      },
      onSay: (_t, text) => {
        caption = text;
        says++;
        changed = true;
      },
      onAction: () => (changed = true),
      onCheck: (c) => {
        checks.push(c);
        changed = true;
      },
    },
  });
  try {
    let ticks = 0;
    let lastEventSeq = session.live.eventSeq;
    let activeUntil = QUIET_MS;
    for (;;) {
      changed = false;
      loop.poll();
      session = loop.world;
      // A question holds the clock: one frame a second, counting down, so an idle limit keeps it.
      const hold = predictions.update(driver, session.live.t, says, checks.length, caption);
      for (holdLeft = hold; holdLeft > 0; holdLeft--, heldS++) await drawFrame();
      if (changed || session.live.eventSeq !== lastEventSeq) activeUntil = session.live.t + QUIET_MS;
      lastEventSeq = session.live.eventSeq;
      const every = session.live.t < activeUntil ? frameEveryTicks : idleEveryTicks;
      if (ticks % every === 0 || changed) await drawFrame();
      if (loop.finished) break;
      loop.advance(1);
      session = loop.world;
      ticks++;
    }
    await drawFrame();
    sink.output(at(session.state.t), screen.finish());
  } finally {
    ink.unmount();
    chalk.level = savedLevel;
    if (!opts.sink) sink.close();
  }

  return {
    path: opts.out ?? null,
    text: mem ? mem.text() : null,
    header,
    frames,
    events: sink.events,
    markers,
    checks,
    simMs: session.live.t,
    castSeconds: sink.lastTime,
    error: sink.error,
  };
}
