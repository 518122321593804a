// `kube-ha-lab export`: reads a cast, replays it to frames, and writes an animated SVG, a GIF or a
// still. Returns the exit code: 0 written, 2 bad input (one line on stderr, no output file).
import fs from 'node:fs';
import path from 'node:path';
import { readCastFile, type CastInput } from './cast-input.js';
import { EXPORT_HELP, ExportUsageError, parseExportArgs, type ExportOptions } from './options.js';
import { replayFrames } from './replay.js';
import { buildTimeline, frameAt, resolvePoint } from './timeline.js';
import { animatedSvg, stillSvg } from './svg.js';
import { THEMES } from './themes.js';
import { writeAtomic } from './write-atomic.js';
import { ExportInputError } from './errors.js';

export { ExportInputError };

/** Seconds the last frame stays before the animation loops. */
export const END_PAUSE_S = 3;

export interface ExportIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

const defaultIo: ExportIo = {
  stdout: (l) => process.stdout.write(`${l}\n`),
  stderr: (l) => process.stderr.write(`kube-ha-lab: ${l}\n`),
};

/** What an export produces, before it is written (tests call this directly). */
export interface Rendered {
  data: string | Uint8Array;
  frames: number;
  seconds: number;
}

function point(cast: CastInput, text: string | null, flag: string): number | null {
  if (text === null) return null;
  const r = resolvePoint(cast, text, flag);
  if (!r.ok) throw new ExportInputError(r.error);
  return r.t;
}

/** Renders `cast` as `opts` asks; throws ExportInputError (one line) for a bad marker or range. */
export async function renderExport(cast: CastInput, opts: Omit<ExportOptions, 'input' | 'output'>): Promise<Rendered> {
  const theme = THEMES[opts.theme];
  const headerTitle = typeof cast.header.title === 'string' && cast.header.title ? cast.header.title : null;
  const svgOpts = { theme, title: opts.title ?? headerTitle };
  const frames = await replayFrames(cast);
  if (opts.frame !== null) {
    const t = point(cast, opts.frame, '--frame')!;
    const screen = frameAt(frames, t).screen;
    if (opts.kind === 'png') {
      const { stillPng } = await import('./gif.js');
      return { data: await stillPng(screen, svgOpts), frames: 1, seconds: 0 };
    }
    return { data: stillSvg(screen, svgOpts), frames: 1, seconds: 0 };
  }
  const from = point(cast, opts.from, '--from');
  const to = point(cast, opts.to, '--to');
  if (from !== null && to !== null && to <= from) throw new ExportInputError(`--to (${to.toFixed(1)}s) must come after --from (${from.toFixed(1)}s)`);
  const headerIdle = typeof cast.header.idle_time_limit === 'number' && cast.header.idle_time_limit > 0 ? cast.header.idle_time_limit : null;
  const idle = opts.idleLimit ?? headerIdle ?? 2;
  const timeline = buildTimeline(frames, cast.end, { from, to, idleLimit: Number.isFinite(idle) ? idle : null, speed: opts.speed, endPause: END_PAUSE_S });
  const last = timeline[timeline.length - 1];
  const seconds = last.at + last.hold;
  if (opts.kind === 'gif') {
    const { animatedGif } = await import('./gif.js');
    return { data: await animatedGif(timeline, svgOpts), frames: timeline.length, seconds };
  }
  return { data: animatedSvg(timeline, svgOpts), frames: timeline.length, seconds };
}

/** Fails early (before any work) when the output's folder cannot take a new file. */
function outputProblem(file: string): string | null {
  const dir = path.dirname(path.resolve(file));
  try {
    if (!fs.statSync(dir).isDirectory()) return `cannot write ${file}: ${path.dirname(file)} is not a directory (ENOTDIR)`;
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `cannot write ${file}: directory ${path.dirname(file)} does not exist (ENOENT)`;
    return `cannot write ${file}: ${code === 'EACCES' ? 'permission denied (EACCES)' : String((err as Error).message)}`;
  }
  return null;
}

export async function runExport(argv: string[], io: ExportIo = defaultIo): Promise<number> {
  let opts;
  try {
    opts = parseExportArgs(argv);
  } catch (e) {
    if (e instanceof ExportUsageError) {
      io.stderr(e.message);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    io.stdout(EXPORT_HELP);
    return 0;
  }
  const read = readCastFile(opts.input);
  if (!read.ok) {
    io.stderr(read.error);
    return 2;
  }
  const early = outputProblem(opts.output);
  if (early) {
    io.stderr(early);
    return 2;
  }
  let out: Rendered;
  try {
    out = await renderExport(read.cast, opts);
  } catch (e) {
    if (e instanceof ExportInputError) {
      io.stderr(e.message);
      return 2;
    }
    throw e;
  }
  const problem = writeAtomic(opts.output, out.data);
  if (problem) {
    io.stderr(problem);
    return 2;
  }
  const kib = (typeof out.data === 'string' ? Buffer.byteLength(out.data) : out.data.length) / 1024;
  io.stderr(`wrote ${opts.output}: ${out.frames} frame${out.frames === 1 ? '' : 's'}${out.seconds ? `, ${out.seconds.toFixed(1)} s` : ''}, ${kib.toFixed(0)} KiB`);
  return 0;
}
