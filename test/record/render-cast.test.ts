// Headless rendering: a run of the simulation becomes an asciicast at simulated timestamps, in
// seconds of wall time, byte-reproducible, sized exactly as asked; and it plays in asciinema.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../source/sim/config.js';
import { parseCast } from '../../source/record/asciicast.js';
import { parseSize, renderScenarioToCast } from '../../source/record/index.js';
import { crashLesson } from './helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kha-headless-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const size = { cols: 100, rows: 30 };

async function renderCrash(seed: number, extra: Partial<Parameters<typeof renderScenarioToCast>[0]> = {}) {
  return renderScenarioToCast({ driver: crashLesson(), config: defaultConfig({ seed }), size, title: 'crash master-1', ...extra });
}

/** Rows addressed by CSI row;col H in the output events. */
function rowsAddressed(events: [number, string, string][]): number[] {
  const rows = new Set<number>();
  for (const [, code, data] of events) {
    if (code !== 'o') continue;
    for (const m of data.matchAll(/\u001b\[(\d+);1H/g)) rows.add(Number(m[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

/** The text of the screen at the end (crude: what follows each row address, styles stripped). */
function plain(events: [number, string, string][]): string {
  // eslint-disable-next-line no-control-regex
  return events.filter((e) => e[1] === 'o').map((e) => e[2]).join('').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '\n');
}

describe('renderScenarioToCast', () => {
  it('writes a valid cast of the requested size, with markers at simulated times, in seconds', async () => {
    const out = path.join(dir, 'crash.cast');
    const r = await renderCrash(7, { out });
    expect(r.error).toBeNull();
    const p = parseCast(fs.readFileSync(out, 'utf8'));
    expect(p.problems).toEqual([]);
    expect(p.header).toMatchObject({ version: 2, width: 100, height: 30, timestamp: 0, title: 'crash master-1' });
    expect(p.events.filter((e) => e[1] === 'm')).toEqual([[0, 'm', 'start'], [8, 'm', 'crash master-1'], [30, 'm', 'recover master-1']]);
    // 35 s of simulated time (last step at 30 s + 5 s driver tail + 3 s render tail).
    expect(r.simMs).toBe(38_000);
    expect(p.events.at(-1)![0]).toBe(38);
    // Never draws outside the screen, and leaves the last row free (frame at most rows - 1 high).
    const rows = rowsAddressed(p.events);
    expect(Math.max(...rows)).toBeLessThanOrEqual(size.rows);
    expect(rows.filter((x) => x !== size.rows).every((x) => x <= size.rows - 1)).toBe(true);
    // The dashboard and the narration are on screen.
    const text = plain(p.events);
    for (const pane of ['Masters', 'Load balancer', 'Leases', 'Events (newest first)']) expect(text).toContain(pane);
    expect(text).toContain('Crash master-1');
    expect(text).toContain('master-1');
  }, 60_000);

  it('the same seed and driver give byte-identical casts; another seed does not', async () => {
    const a = await renderCrash(11);
    const b = await renderCrash(11);
    expect(a.text).not.toBeNull();
    expect(a.text).toBe(b.text);
    const c = await renderCrash(12);
    expect(c.text).not.toBe(a.text);
  }, 120_000);

  it('speed divides the timestamps; fps sets the frame cadence', async () => {
    const r = await renderCrash(7, { speed: 4, fps: 1 });
    const p = parseCast(r.text!);
    expect(p.problems).toEqual([]);
    expect(p.events.filter((e) => e[1] === 'm').map((e) => e[0])).toEqual([0, 2, 7.5]);
    expect(p.events.at(-1)![0]).toBe(9.5);
  }, 60_000);

  it('without a driver it runs the cluster for durationMs; quiet stretches get fewer frames', async () => {
    const base = { config: defaultConfig({ seed: 3 }), size: { cols: 80, rows: 24 }, durationMs: 10_000 };
    const steady = await renderScenarioToCast({ ...base, idleFps: 2 });
    const p = parseCast(steady.text!);
    expect(p.problems).toEqual([]);
    expect(p.header).toMatchObject({ width: 80, height: 24 });
    expect(steady.simMs).toBe(10_000);
    expect(steady.frames).toBe(21 + 1); // t = 0, 0.5, ... 10 s, and the last frame
    const thinned = await renderScenarioToCast(base);
    expect(thinned.simMs).toBe(10_000);
    expect(thinned.frames).toBeLessThan(steady.frames);
    expect(thinned.frames).toBeGreaterThanOrEqual(11);
    expect(parseCast(thinned.text!).events.at(-1)![0]).toBe(10);
  }, 60_000);

  it('a file in a missing directory: one-line error, no throw', async () => {
    const errors: string[] = [];
    const r = await renderCrash(7, { out: path.join(dir, 'nope', 'x.cast'), onError: (m) => errors.push(m), tailMs: 0 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toContain('\n');
    expect(r.error).toBe(errors[0]);
  }, 60_000);

  it('a built-in lesson renders twice to the same bytes, with its markers', async () => {
    const spec = '../../source/scenario/index.js';
    const { listScenarios } = (await import(spec)) as { listScenarios: () => (string | { name: string })[] };
    const first = listScenarios()[0];
    const name = typeof first === 'string' ? first : first.name;
    const a = await renderScenarioToCast({ scenario: name, size: { cols: 120, rows: 36 } });
    const b = await renderScenarioToCast({ scenario: name, size: { cols: 120, rows: 36 } });
    expect(a.text).toBe(b.text);
    const p = parseCast(a.text!);
    expect(p.problems).toEqual([]);
    expect(p.header).toMatchObject({ width: 120, height: 36, timestamp: 0 });
    expect(p.events.some((e) => e[1] === 'm')).toBe(true);
  }, 120_000);

  it('parses --size', () => {
    expect(parseSize('120x36')).toEqual({ cols: 120, rows: 36 });
    expect(parseSize(' 80X24 ')).toEqual({ cols: 80, rows: 24 });
    expect(parseSize('10x5')).toBeNull();
    expect(parseSize('wide')).toBeNull();
  });
});

describe('plays in the real asciinema player', () => {
  it('asciinema cat exits 0 and shows the dashboard', async () => {
    const probe = spawnSync('asciinema', ['--version'], { encoding: 'utf8' });
    if (probe.error) {
      expect.fail(`asciinema is not on PATH (${(probe.error as NodeJS.ErrnoException).code}): install it with "apt-get install -y asciinema" (.ci/run does this in CI)`);
    }
    const out = path.join(dir, 'play.cast');
    const r = await renderCrash(5, { out });
    expect(r.error).toBeNull();
    // asciinema 2.x "cat" opens /dev/tty (to catch Ctrl+C), and CI has no terminal: run it in a
    // pseudo-terminal with script(1) (util-linux), which passes its exit status on (-e).
    const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (script.error) expect.fail('script(1) from util-linux is needed to give asciinema a terminal (apt-get install -y bsdutils)');
    const env = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', PYTHONIOENCODING: 'utf-8' };
    const cat = spawnSync('script', ['-q', '-e', '-c', `asciinema cat '${out}'`, '/dev/null'], {
      encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, timeout: 30_000,
    });
    expect(cat.status, `asciinema cat failed: ${cat.stdout.slice(-2000)} ${cat.stderr}`).toBe(0);
    expect(cat.stdout.length).toBeGreaterThan(1000);
    expect(cat.stdout).toContain('etcd');
    expect(cat.stdout).toMatch(/lease/i);
  }, 60_000);
});
