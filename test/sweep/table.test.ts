// The sweep's table: rows in grid order, a box plot per measure, the best value of each column and
// the best setting marked with glyphs; colour only when asked (and never with NO_COLOR or a pipe).
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { toTable, bestPoint } from '../../source/sweep/format-table.js';
import { boxPlot } from '../../source/sweep/box-plot.js';
import { MEASURES, type Measure } from '../../source/sweep/measures.js';
import type { PointReport } from '../../source/sweep/format-data.js';
import type { Distribution, PointSummary } from '../../source/sweep/aggregate.js';
import { runSweepCommand } from '../../source/cli/sweep.js';

const ESC = '\x1b[';

function summary(kcm: Distribution, failed: number, notGreen = 0): PointSummary {
  const zero = { min: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  const measures = Object.fromEntries(MEASURES.map((m) => [m, zero])) as Record<Measure, Distribution>;
  measures.kcmLeaderlessMs = kcm;
  measures.failedRequests = { min: failed, p50: failed, p90: failed, p99: failed, max: failed };
  return { runs: 100, anyFailure: failed > 0 ? 1 : 0, notGreen, measures, sorted: {} as PointSummary['sorted'] };
}

const POINTS: PointReport[] = [
  { vary: [['lease-duration', '30s']], summary: summary({ min: 29_000, p50: 31_500, p90: 33_000, p99: 34_000, max: 34_500 }, 98) },
  { vary: [['lease-duration', '15s']], summary: summary({ min: 14_000, p50: 16_700, p90: 18_200, p99: 19_300, max: 19_400 }, 98) },
  { vary: [['lease-duration', '60s']], summary: summary({ min: 43_000, p50: 43_000, p90: 43_000, p99: 43_000, max: 43_000 }, 120, 1) },
];
const COLS: Measure[] = ['kcmLeaderlessMs', 'failedRequests'];
const TABLE_COLS: Measure[] = ['apiDegradedMs', 'failedRequests', 'writesUnavailableMs', 'kcmLeaderlessMs', 'greenAfterMs'];

describe('box plot', () => {
  it('draws min..p99, p50..p90 and p99..max on a common scale', () => {
    expect(boxPlot({ min: 0, p50: 4, p90: 6, p99: 8, max: 9 }, 9, 10)).toBe('────███──·');
    expect(boxPlot({ min: 0, p50: 0, p90: 0, p99: 0, max: 0 }, 0, 10)).toBe('█         ');
  });
});

describe('sweep table', () => {
  it('one row per point in grid order, the best per column and the best setting marked, plain without colour', () => {
    const t = toTable(POINTS, ['lease-duration'], COLS, { color: false, title: 'crash-kcm-leader: 300 runs' });
    expect(t).not.toContain(ESC);
    const lines = t.split('\n');
    expect(lines[0]).toBe('crash-kcm-leader: 300 runs');
    const rows = lines.filter((l) => /^(★ | {2}) {0,2}\d+s /.test(l) || /^[★ ] +\d+s /.test(l));
    expect(rows.map((r) => /(\d+s)/.exec(r)![1])).toEqual(['30s', '15s', '60s']);
    expect(rows[1].startsWith('★')).toBe(true);
    expect(rows[0].startsWith('★')).toBe(false);
    expect(rows[1]).toContain('16.7s*');
    expect(rows[0]).toContain('31.5s ');
    // failed requests: 98 for two points, both marked; 120 not.
    expect(rows[0]).toMatch(/ 98\*/);
    expect(rows[1]).toMatch(/ 98\*/);
    expect(rows[2]).not.toMatch(/\*/);
    expect(t).toContain('open');
    expect(rows[2]).toMatch(/100%\s+100%/);
    expect(bestPoint(POINTS, COLS)).toBe(1);
  });

  it('colours (explicit level) only when asked', () => {
    const t = toTable(POINTS, ['lease-duration'], COLS, { color: true, title: 'x' });
    expect(t).toMatch(/\x1b\[32m *16\.7s\*/);
    expect(t).toContain(ESC);
  });

  it('the CLI colours a terminal, not a pipe, not with NO_COLOR or --no-color', async () => {
    const run = async (tty: boolean, env: NodeJS.ProcessEnv, extra: string[] = []) => {
      const out = Object.assign(new PassThrough(), { isTTY: tty });
      let text = '';
      out.on('data', (d) => (text += d));
      const code = await runSweepCommand(['--scenario', 'crash-kcm-leader', '--seeds', '2', '--vary', 'lease-duration=15s,30s', '--workers', '1', ...extra], { stdout: out, stderr: new PassThrough(), env });
      expect(code).toBe(0);
      return text;
    };
    expect(await run(true, {})).toContain(ESC);
    expect(await run(false, {})).not.toContain(ESC);
    expect(await run(true, { NO_COLOR: '1' })).not.toContain(ESC);
    expect(await run(true, {}, ['--no-color'])).not.toContain(ESC);
  });

  it('fits a narrow terminal: measures that do not fit go to blocks beneath, each with the settings again', async () => {
    const plain = (t: string) => t.replace(/\x1b\[[0-9;]*m/g, '');
    const wide = toTable(POINTS, ['lease-duration'], TABLE_COLS, { color: false, title: 'x' });
    expect(Math.max(...wide.split('\n').map((l) => [...l].length))).toBeGreaterThan(100);
    for (const width of [80, 100]) {
      const t = toTable(POINTS, ['lease-duration'], TABLE_COLS, { color: true, title: 'x', width });
      const lines = plain(t).split('\n');
      for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(width);
      // Every row in every block, in grid order; the best setting starred in each.
      const rows = lines.filter((l) => /^[★ ] +\d+s /.test(l));
      const blocks = rows.length / POINTS.length;
      expect(blocks).toBeGreaterThan(1);
      expect(rows.map((r) => /(\d+s)/.exec(r)![1])).toEqual(Array.from({ length: blocks }, () => ['30s', '15s', '60s']).flat());
      expect(rows.filter((r) => r.startsWith('★')).length).toBe(blocks);
      // Every measure's heading is there once, and the best kcm value is still marked.
      for (const m of ['KCM leaderless', 'failed requests']) expect(lines.filter((l) => l.includes(m)).length).toBe(1);
      expect(t).toContain('16.7s*');
    }
    // The CLI gives a terminal's width to the table, not a pipe's.
    const run = async (tty: boolean) => {
      const out = Object.assign(new PassThrough(), { isTTY: tty, columns: 80 });
      let text = '';
      out.on('data', (d) => (text += d));
      await runSweepCommand(['--scenario', 'crash-kcm-leader', '--seeds', '2', '--workers', '1', '--no-color'], { stdout: out, stderr: new PassThrough(), env: {} });
      return Math.max(...text.split('\n').map((l) => [...l].length));
    };
    expect(await run(true)).toBeLessThanOrEqual(80);
    expect(await run(false)).toBeGreaterThan(80);
  });
});
