// `kube-ha-lab export IN.cast OUT.svg|OUT.gif [options]`: its arguments, each problem one line.
import { parseArgs } from 'node:util';
import { parseDuration } from '../sim/duration.js';
import { DEFAULT_THEME, THEMES } from './themes.js';

export type OutputKind = 'svg' | 'gif' | 'png';

export interface ExportOptions {
  input: string;
  output: string;
  kind: OutputKind;
  /** A still: the frame at this marker or time. */
  frame: string | null;
  from: string | null;
  to: string | null;
  speed: number;
  /** Seconds; null: from the cast header, else 2. Infinity: no compression. */
  idleLimit: number | null;
  title: string | null;
  theme: string;
}

export const EXPORT_HELP = [
  'Usage',
  '  $ kube-ha-lab export IN.cast OUT.svg|OUT.gif [options]',
  '',
  'Turns a recording into an animated SVG (plays in browsers and READMEs) or a GIF, or one frame',
  'into a still (SVG or PNG).',
  '',
  'Options',
  '  --frame MARKER|TIME     write one frame (the poster image) as OUT.svg or OUT.png',
  '  --from MARKER|TIME      start there (a marker label, or a time like 12.5s)',
  '  --to MARKER|TIME        stop there',
  '  --speed X               play X times faster, 0.1-100 (default 1)',
  '  --idle-limit D          shorten pauses longer than D, like 2s; "off" keeps them (default: the',
  "                          cast's idle_time_limit, else 2s)",
  '  --title TEXT            draw a window bar with this title (default: the cast\'s title)',
  `  --theme NAME            ${Object.keys(THEMES).join(' | ')} (default ${DEFAULT_THEME})`,
  '',
  'Example',
  '  $ kube-ha-lab --headless --scenario 08-partition --record partition.cast --size 120x36',
  '  $ kube-ha-lab export partition.cast partition.svg --title "A network partition"',
].join('\n');

export class ExportUsageError extends Error {}

/** Parses export's arguments (after the word "export"); throws ExportUsageError with one line. */
export function parseExportArgs(argv: string[]): ExportOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        frame: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        speed: { type: 'string' },
        'idle-limit': { type: 'string' },
        title: { type: 'string' },
        theme: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new ExportUsageError(`export: ${String((e as Error).message).split('\n')[0].replace(/\. To specify.*$/, '')}`);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const [input, output, extra] = parsed.positionals;
  if (input === undefined || output === undefined) throw new ExportUsageError('export needs an input and an output: kube-ha-lab export IN.cast OUT.svg|OUT.gif');
  if (extra !== undefined) throw new ExportUsageError(`export: unexpected argument "${extra}" (export IN.cast OUT.svg|OUT.gif [options])`);
  const ext = /\.(svg|gif|png)$/i.exec(output)?.[1].toLowerCase() as OutputKind | undefined;
  if (!ext) throw new ExportUsageError(`export: the output must end in .svg or .gif (or .png with --frame) (got "${output}")`);
  const frame = v.frame ?? null;
  if (ext === 'png' && frame === null) throw new ExportUsageError('export: a .png is one frame: add --frame MARKER|TIME, or write .svg or .gif for the animation');
  if (ext === 'gif' && frame !== null) throw new ExportUsageError('export: --frame writes a still: name an .svg or .png output');
  if (frame !== null && (v.from !== undefined || v.to !== undefined)) throw new ExportUsageError('export: --frame takes one frame; --from and --to trim an animation');
  let speed = 1;
  if (v.speed !== undefined) {
    const text = v.speed.trim().replace(/x$/i, '');
    speed = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
    if (!(speed >= 0.1 && speed <= 100)) throw new ExportUsageError(`--speed must be a number from 0.1 to 100 (got "${v.speed}")`);
  }
  let idleLimit: number | null = null;
  if (v['idle-limit'] !== undefined) {
    const text = v['idle-limit'].trim();
    if (text === 'off' || text === 'none') idleLimit = Infinity;
    else {
      const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : parseDuration(text);
      if (ms === null || ms < 100) throw new ExportUsageError(`--idle-limit must be a duration of at least 100ms, like 2s, or "off" (got "${v['idle-limit']}")`);
      idleLimit = ms / 1000;
    }
  }
  const theme = v.theme ?? DEFAULT_THEME;
  if (!THEMES[theme]) throw new ExportUsageError(`--theme must be one of ${Object.keys(THEMES).join(', ')} (got "${theme}")`);
  for (const k of ['frame', 'from', 'to'] as const) if (v[k] !== undefined && v[k]!.trim() === '') throw new ExportUsageError(`--${k} needs a marker label or a time`);
  return { input, output, kind: ext, frame, from: v.from ?? null, to: v.to ?? null, speed, idleLimit, title: v.title ?? null, theme };
}
