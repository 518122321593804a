// The animated SVG: what the replay sees (colours, bold, wide glyphs, box drawing), frames merged,
// rows shared, trimming, idle compression, speed, and byte-identical output.
import { describe, expect, it } from 'vitest';
import { readCastText, type CastInput } from '../../source/export/cast-input.js';
import { replayFrames } from '../../source/export/replay.js';
import { renderExport } from '../../source/export/run.js';
import { rowText } from '../../source/export/screen-model.js';
import { THEMES, xterm256 } from '../../source/export/themes.js';
import { castText, counterCast } from './helpers.js';

function cast(text: string): CastInput {
  const r = readCastText(text, 'test.cast');
  if (!r.ok) throw new Error(r.error);
  return r.cast;
}

import type { ExportOptions } from '../../source/export/options.js';

const base: Omit<ExportOptions, 'input' | 'output'> = { kind: 'svg', frame: null, from: null, to: null, speed: 1, idleLimit: null, title: null, theme: 'asciinema' };

async function svg(text: string, opts: Partial<typeof base> = {}) {
  const r = await renderExport(cast(text), { ...base, ...opts });
  return { ...r, text: String(r.data) };
}

/** Keyframe times (seconds) of the strip animation. */
function keyTimes(s: string): number[] {
  const total = Number(/animation:k ([\d.]+)s/.exec(s)![1]);
  return [...s.matchAll(/([\d.]+)%\{transform/g)].map((m) => +(Number(m[1]) * total / 100).toFixed(3));
}

describe('replay', () => {
  it('reads 16, 256 and truecolor, bold, inverse, wide glyphs and box drawing', async () => {
    const c = cast(castText([[0, 'o', '\u001b[1;31mred\u001b[0m \u001b[38;5;208mor\u001b[0m \u001b[38;2;1;2;3mtc\u001b[0m \u001b[7minv\u001b[0m 世x ─┼─']]));
    const [f] = await replayFrames(c);
    const runs = f.screen.lines[0];
    expect(rowText(runs)).toBe('red or tc inv 世x ─┼─');
    expect(runs.find((r) => r.text === 'red')).toMatchObject({ fg: 'p1', bold: true });
    expect(runs.find((r) => r.text === 'or')).toMatchObject({ fg: 'p208', bold: false });
    expect(runs.find((r) => r.text === 'tc')).toMatchObject({ fg: '#010203' });
    expect(runs.find((r) => r.text === 'inv')).toMatchObject({ fg: 'bg', bg: 'fg' });
    expect(runs.find((r) => r.text === '世')).toMatchObject({ col: 14, width: 2 });
    expect(runs.find((r) => r.text.startsWith('x'))).toMatchObject({ col: 16 });
  });

  it('merges identical frames and writes each distinct row once', async () => {
    const ev: [number, 'o', string][] = [[0, 'o', '\u001b[H\u001b[2Jsame line\r\nA']];
    // The same screen written again and again, then one change on row 2.
    for (let i = 1; i <= 5; i++) ev.push([i, 'o', '\u001b[1;1Hsame line']);
    ev.push([6, 'o', '\u001b[2;1HB']);
    const out = await svg(castText(ev));
    expect(out.frames).toBe(2);
    expect(out.text.match(/same line/g)).toHaveLength(1);
    expect(out.text.match(/<use /g)).toHaveLength(4);
  });
});

describe('animated SVG', () => {
  it('is one self-contained file: no script, no external reference, an infinite CSS animation', async () => {
    const { text } = await svg(counterCast());
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text).not.toMatch(/<script|@import|url\(|@font-face|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(text).toMatch(/animation:k [\d.]+s steps\(1,end\) infinite/);
  });

  it('draws colours from the theme, 256-colour cube and truecolor as given', async () => {
    const t = castText([[0, 'o', '\u001b[31mA\u001b[38;5;208mB\u001b[38;2;17;34;51mC\u001b[1mD']]);
    const dark = (await svg(t)).text;
    const light = (await svg(t, { theme: 'solarized-light' })).text;
    expect(dark).toContain(`fill:${THEMES.asciinema.ansi[1]}`);
    expect(light).toContain(`fill:${THEMES['solarized-light'].ansi[1]}`);
    expect(light).toContain(`fill="${THEMES['solarized-light'].bg}"`);
    expect(xterm256(208)).toBe('#ff8700');
    expect(dark).toContain('fill:#ff8700');
    expect(dark).toContain('fill:#112233');
    expect(dark).toMatch(/class="c[a-z]+ b">D</);
  });

  it('compresses pauses longer than the idle limit (2 s by default, the header, the flag, or off)', async () => {
    // Frames at 0,1,2,3,4, then 20..23, 24; the 16 s pause becomes 2 s; 3 s end pause.
    expect((await svg(counterCast())).seconds).toBeCloseTo(24 - 16 + 2 + 3, 3);
    expect((await svg(counterCast(), { idleLimit: 0.5 })).seconds).toBeCloseTo(4 * 0.5 + 0.5 + 3 * 0.5 + 0.5 + 3, 3);
    expect((await svg(counterCast(), { idleLimit: Infinity })).seconds).toBeCloseTo(24 + 3, 3);
    const withHeader = counterCast().replace('"height":6', '"height":6,"idle_time_limit":5');
    expect((await svg(withHeader)).seconds).toBeCloseTo(24 - 16 + 5 + 3, 3);
  });

  it('trims by markers and by time, and plays faster with --speed', async () => {
    const mid = await svg(counterCast(), { from: 'middle', to: 'end', idleLimit: Infinity });
    // From 4 s (showing "4") to 23 s: frames at 4, 20, 21, 22, 23.
    expect(mid.frames).toBe(5);
    expect(mid.text).not.toContain('>count 3<');
    expect(mid.text).toContain('>count 4<');
    expect(mid.text).not.toContain('>done<');
    expect(keyTimes(mid.text)).toEqual([0, 16, 17, 18, 19]);
    const byTime = await svg(counterCast(), { from: '2s', to: '3.5', idleLimit: Infinity });
    expect(byTime.frames).toBe(2);
    expect(byTime.seconds).toBeCloseTo(1.5 + 3, 3);
    const fast = await svg(counterCast(), { speed: 2 });
    expect(fast.seconds).toBeCloseTo((24 - 16 + 2) / 2 + 3, 3);
    expect(keyTimes(fast.text).slice(0, 3)).toEqual([0, 0.5, 1]);
  });

  it('gives byte-identical files for identical casts', async () => {
    const a = await svg(counterCast(), { title: 'demo' });
    const b = await svg(counterCast(), { title: 'demo' });
    expect(a.text).toBe(b.text);
    expect(a.text).toContain('>demo</text>');
  });

  it('draws the title bar only when there is a title (the flag, else the cast header)', async () => {
    expect((await svg(counterCast())).text).not.toContain('<circle');
    const titled = counterCast().replace('"height":6', '"height":6,"title":"From the header"');
    expect((await svg(titled)).text).toContain('>From the header</text>');
    expect((await svg(titled, { title: 'Mine <&>' })).text).toContain('>Mine &lt;&amp;&gt;</text>');
  });
});
