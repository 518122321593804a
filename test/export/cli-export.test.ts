// `kube-ha-lab export` as a command: bad input is one line and exit 2 with no file left behind;
// GIF and PNG outputs have the frames and size they should.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { castText, counterCast, gifInfo, runExportCli, tmpDir } from './helpers.js';
import { spawnSync } from 'node:child_process';
import { loadOptional } from '../../source/export/optional-packages.js';
import { CLI } from '../cli/run-cli.js';

function setup(text = counterCast()): { dir: string; cast: string } {
  const dir = tmpDir();
  const cast = path.join(dir, 'in.cast');
  fs.writeFileSync(cast, text);
  return { dir, cast };
}

describe('export: bad input', () => {
  const rows: [string, (d: { dir: string; cast: string }) => string[], RegExp][] = [
    ['not a cast', (d) => (fs.writeFileSync(d.cast, 'hello\n'), [d.cast, path.join(d.dir, 'o.svg')]), /is not an asciicast file/],
    ['a v3 cast', (d) => (fs.writeFileSync(d.cast, '{"version":3,"term":{"cols":80,"rows":24}}\n[0.5,"o","hi"]\n'), [d.cast, path.join(d.dir, 'o.svg')]), /asciicast v3, which export does not read/],
    ['a broken event', (d) => (fs.writeFileSync(d.cast, castText([[0, 'o', 'x']]) + '[1, "o"]\n[2, "o", "y"]\n'), [d.cast, path.join(d.dir, 'o.svg')]), /line 3: an event must be/],
    ['a missing cast', (d) => [path.join(d.dir, 'nope.cast'), path.join(d.dir, 'o.svg')], /cannot read .*nope\.cast/],
    ['an unknown marker', (d) => [d.cast, path.join(d.dir, 'o.svg'), '--from', 'crash'], /--from "crash" is neither a marker.*"start", "middle", "end"/],
    ['a time past the end', (d) => [d.cast, path.join(d.dir, 'o.svg'), '--to', '99s'], /--to 99s: the cast ends at 24\.0s/],
    ['--to before --from', (d) => [d.cast, path.join(d.dir, 'o.svg'), '--from', 'end', '--to', 'start'], /--to .* must come after --from/],
    ['an unknown --frame marker', (d) => [d.cast, path.join(d.dir, 'o.svg'), '--frame', 'x'], /--frame "x" is neither a marker/],
    ['a missing output folder', (d) => [d.cast, path.join(d.dir, 'no', 'o.svg')], /directory .* does not exist \(ENOENT\)/],
    ['an output that is a folder', (d) => (fs.mkdirSync(path.join(d.dir, 'o.svg')), [d.cast, path.join(d.dir, 'o.svg')]), /it is a directory \(EISDIR\)/],
    ['an unknown output type', (d) => [d.cast, path.join(d.dir, 'o.mp4')], /must end in \.svg or \.gif/],
    ['a png without --frame', (d) => [d.cast, path.join(d.dir, 'o.png')], /a \.png is one frame/],
    ['a gif with --frame', (d) => [d.cast, path.join(d.dir, 'o.gif'), '--frame', 'start'], /--frame writes a still/],
    ['a bad --speed', (d) => [d.cast, path.join(d.dir, 'o.svg'), '--speed', 'fast'], /--speed must be a number from 0\.1 to 100/],
    ['a bad --idle-limit', (d) => [d.cast, path.join(d.dir, 'o.svg'), '--idle-limit', 'soon'], /--idle-limit must be a duration/],
    ['a bad --theme', (d) => [d.cast, path.join(d.dir, 'o.svg'), '--theme', 'pink'], /--theme must be one of asciinema, dracula, solarized-light/],
    ['an unknown option', (d) => [d.cast, path.join(d.dir, 'o.svg'), '--colour'], /export: Unknown option '--colour'/],
    ['no output', (d) => [d.cast], /export needs an input and an output/],
  ];
  for (const [name, args, message] of rows) {
    it(`${name}: one line, exit 2, no output file`, async () => {
      const d = setup();
      const argv = args(d);
      const before = new Set(fs.readdirSync(d.dir));
      const r = await runExportCli(argv);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).not.toContain('\n');
      expect(r.err[0]).toMatch(message);
      expect(fs.readdirSync(d.dir).filter((f) => !before.has(f))).toEqual([]);
    });
  }

  it('a missing optional package is named in one line with how to install it', async () => {
    await expect(loadOptional('kube-ha-lab-no-such-package', 'GIFEncoder', 'GIF export')).rejects.toThrow(
      /^GIF export needs the optional packages gifenc, opentype\.js, @fontsource\/unifontex: npm i -g gifenc opentype\.js @fontsource\/unifontex/,
    );
  });

  it('the bundled CLI without the optional packages: SVG works, GIF asks for them in one line', () => {
    // The shipped bundle alone, away from any node_modules, as `npx kube-ha-lab` installs it.
    const d = setup();
    const app = path.join(d.dir, 'app');
    fs.cpSync(path.dirname(CLI), path.join(app, 'dist'), { recursive: true });
    const run = (out: string) => spawnSync(process.execPath, [path.join(app, 'dist', 'cli.js'), 'export', d.cast, path.join(d.dir, out)], { encoding: 'utf8', timeout: 60_000 });
    expect(run('o.svg').status).toBe(0);
    const gif = run('o.gif');
    expect(gif.status).toBe(2);
    expect(gif.stderr.trim().split('\n')).toHaveLength(1);
    expect(gif.stderr).toMatch(/^kube-ha-lab: GIF export needs the optional packages gifenc, opentype\.js, @fontsource\/unifontex: npm i -g /);
    expect(fs.existsSync(path.join(d.dir, 'o.gif'))).toBe(false);
  });

  it('writes through a temporary file: a good export leaves only the output', async () => {
    const d = setup();
    const out = path.join(d.dir, 'o.svg');
    const r = await runExportCli([d.cast, out]);
    expect(r.code).toBe(0);
    expect(r.err[0]).toMatch(/^wrote .*o\.svg: 10 frames, 13\.0 s, \d+ KiB$/);
    expect(fs.readdirSync(d.dir).sort()).toEqual(['in.cast', 'o.svg']);
  });
});

describe('export: GIF and PNG', { timeout: 120_000 }, () => {
  it('a GIF has one image per distinct frame, the terminal size in 8×16 cells, and delays that add up', async () => {
    const d = setup();
    const out = path.join(d.dir, 'o.gif');
    expect((await runExportCli([d.cast, out])).code).toBe(0);
    const g = gifInfo(fs.readFileSync(out));
    expect(g.frames).toBe(10);
    // 40×6 cells of 8×16 pixels and an 8-pixel margin.
    expect([g.width, g.height]).toEqual([40 * 8 + 16, 6 * 16 + 16]);
    // 0..4 s, the 16 s pause down to 2 s, 20..24 s, and the 3 s pause at the end.
    expect(g.delaysCs.reduce((a, b) => a + b, 0)).toBe(1300);
    expect(g.delaysCs.slice(0, 4)).toEqual([100, 100, 100, 100]);
  });

  it('a GIF with a title is taller by the bar; trimming keeps fewer frames', async () => {
    const d = setup();
    const out = path.join(d.dir, 'o.gif');
    expect((await runExportCli([d.cast, out, '--title', 'demo', '--from', 'middle', '--to', 'end'])).code).toBe(0);
    const g = gifInfo(fs.readFileSync(out));
    expect(g.frames).toBe(5);
    expect(g.height).toBe(6 * 16 + 16 + 24);
  });

  it('a PNG still shows the frame at the marker: text pixels in the theme colour', async () => {
    const d = setup();
    const out = path.join(d.dir, 'o.png');
    expect((await runExportCli([d.cast, out, '--frame', 'middle', '--theme', 'solarized-light'])).code).toBe(0);
    const png = PNG.sync.read(fs.readFileSync(out));
    expect([png.width, png.height]).toEqual([40 * 8 + 16, 6 * 16 + 16]);
    const colours = new Map<string, number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const k = `${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`;
      colours.set(k, (colours.get(k) ?? 0) + 1);
    }
    // Background (solarized light) and text (its foreground), nothing else.
    expect([...colours.keys()].sort()).toEqual(['101,123,131', '253,246,227']);
    const ink = colours.get('101,123,131')!;
    // "count 4": 7 glyphs of Unifont, a few dozen pixels each.
    expect(ink).toBeGreaterThan(7 * 15);
    expect(ink).toBeLessThan(7 * 60);
  });

  it('a cast that resizes gives a picture of its largest size, and the frames after the resize use it', async () => {
    const d = setup(castText([[0, 'o', 'small'], [1, 'r', '60x8'], [1, 'o', '\u001b[8;55Hcorner']]));
    const svgOut = path.join(d.dir, 'o.svg');
    const gifOut = path.join(d.dir, 'o.gif');
    expect((await runExportCli([d.cast, svgOut])).code).toBe(0);
    expect((await runExportCli([d.cast, gifOut])).code).toBe(0);
    const svg = fs.readFileSync(svgOut, 'utf8');
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${60 * 12 + 24}" height="${8 * 24 + 24}"`));
    expect(svg).toMatch(/<tspan x="0" textLength="720"> {54}corner<\/tspan>/);
    const g = gifInfo(fs.readFileSync(gifOut));
    expect([g.width, g.height, g.frames]).toEqual([60 * 8 + 16, 8 * 16 + 16, 2]);
  });
});
