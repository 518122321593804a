// Terminal styles for the dashboard's segments: chalk's codes for the current colour level, cached,
// put around plain text directly (chalk itself costs more per call).
import chalk from 'chalk';
import type { Seg, Tone } from './lines.js';

/** The codes chalk would put around a text (nothing when chalk sees no colour support). */
function wrapperOf(style: (t: string) => string): [string, string] {
  const [open, close] = style('\u0000').split('\u0000');
  return [open ?? '', close ?? ''];
}
interface StyleCodes {
  level: number;
  tone: Record<Tone, [string, string] | null>;
  dim: [string, string];
  bold: [string, string];
  inverse: [string, string];
}
let codes: StyleCodes | null = null;
/** The codes for chalk's current colour level (a recording may change the level). */
function styleCodes(): StyleCodes {
  if (codes?.level === chalk.level) return codes;
  codes = {
    level: chalk.level,
    tone: {
      ok: wrapperOf(chalk.green), warn: wrapperOf(chalk.yellow), bad: wrapperOf(chalk.red), off: wrapperOf(chalk.gray),
      info: wrapperOf(chalk.cyan), accent: wrapperOf(chalk.magenta), plain: null,
    },
    dim: wrapperOf(chalk.dim),
    bold: wrapperOf(chalk.bold),
    inverse: wrapperOf(chalk.inverse),
  };
  return codes;
}

/**
 * One styled segment as terminal text (no colour at all when noColor). Segments are plain text,
 * so the codes chalk would add are put around it directly (chalk costs more per call).
 */
export function styled(s: Seg, noColor: boolean): string {
  const c = styleCodes();
  let t = s.t;
  if (!noColor) {
    const tone = c.tone[s.tone ?? 'plain'];
    if (tone) t = tone[0] + t + tone[1];
    if (s.dim) t = c.dim[0] + t + c.dim[1];
  }
  if (s.bold) t = c.bold[0] + t + c.bold[1];
  if (s.inverse) t = c.inverse[0] + t + c.inverse[1];
  return t;
}
