// Proof on a real lesson: the 120x36 partition lesson exports under 300 KB, and a still at a
// marker, rendered by a real headless browser (chromium), shows the same text as the terminal
// screen of the cast at that marker, and a screenshot of it is not blank.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { parseCast, renderScenarioToCast } from '../../source/record/index.js';
import { runExportCli, tmpDir } from './helpers.js';

const CHROMIUM = ['chromium', 'chromium-browser'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
const dir = tmpDir();
const cast = path.join(dir, 'partition.cast');

function chromium(args: string[]): string {
  if (!CHROMIUM) throw new Error('chromium is not installed (apt-get install chromium): the browser proof needs it');
  const r = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr.slice(-300)}`);
  return r.stdout;
}

/**
 * The screen at time t, read from the cast on its own terms (independently of the exporter's
 * terminal emulator): the recorder writes each changed row as CSI row;1H CSI 2K text.
 */
function castScreenAt(text: string, t: number, rows: number): string[] {
  const screen: string[] = Array(rows).fill('');
  for (const [time, code, data] of parseCast(text).events) {
    if (code !== 'o' || time > t) continue;
    for (const m of data.matchAll(/\u001b\[(\d+);1H\u001b\[2K((?:(?!\u001b\[\d+;1H)[\s\S])*)/g)) {
      screen[Number(m[1]) - 1] = m[2].replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\s+$/, '');
    }
  }
  return screen;
}

/** A page that draws the SVG inline and writes, per row, the text the browser laid out. */
function probePage(svg: string): string {
  return `<!doctype html><html><body style="margin:0">${svg}<pre id="out"></pre><script>
const rows = [];
for (const g of document.querySelectorAll('svg svg > g')) {
  const y = Math.round(Number(/translate\\(0 (\\d+)\\)/.exec(g.getAttribute('transform'))[1]) / 24);
  let line = '';
  let col = 0;
  for (const span of g.querySelectorAll('tspan')) {
    if (!(span.getComputedTextLength() > 0)) continue; // not laid out: not shown
    const at = Math.round(Number(span.getAttribute('x')) / 12);
    line += ' '.repeat(Math.max(0, at - col)) + span.textContent;
    col = at + Math.round(Number(span.getAttribute('textLength') || 12) / 12);
  }
  rows[y] = line.replace(/\\s+$/, '');
}
document.getElementById('out').textContent = JSON.stringify(Array.from({ length: 36 }, (_, i) => rows[i] || ''));
</script></body></html>`;
}

describe('a lesson exported and shown in a browser', () => {
  let text = '';
  beforeAll(async () => {
    const r = await renderScenarioToCast({ scenario: '08-partition', size: { cols: 120, rows: 36 }, out: cast });
    expect(r.error).toBeNull();
    text = fs.readFileSync(cast, 'utf8');
  }, 120_000);

  it('the partition lesson at 120x36 exports to an animated SVG under 300 KB', async () => {
    const out = path.join(dir, 'partition.svg');
    const r = await runExportCli([cast, out]);
    expect(r.code).toBe(0);
    const size = fs.statSync(out).size;
    console.log(`partition lesson: ${r.err[0]}`);
    expect(size).toBeLessThan(300 * 1024);
    expect(size).toBeGreaterThan(20 * 1024);
  });

  it('a still at a marker, rendered by chromium, has the text of the cast at that marker, and is not blank', async () => {
    const markers = parseCast(text).events.filter((e) => e[1] === 'm');
    expect(markers.length).toBeGreaterThanOrEqual(2);
    const [t, , label] = markers[1];
    const still = path.join(dir, 'still.svg');
    expect((await runExportCli([cast, still, '--frame', label])).code).toBe(0);
    const svg = fs.readFileSync(still, 'utf8');
    const page = path.join(dir, 'probe.html');
    fs.writeFileSync(page, probePage(svg));
    const dom = chromium(['--virtual-time-budget=5000', '--dump-dom', `file://${page}`]);
    const json = /<pre id="out">([^<]*)<\/pre>/.exec(dom)?.[1];
    expect(json, 'the page wrote its rows').toBeTruthy();
    const shown = JSON.parse(json!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as string[];
    const expected = castScreenAt(text, t, 36);
    expect(expected.filter(Boolean).length).toBeGreaterThan(20);
    expect(shown).toEqual(expected);

    const shot = path.join(dir, 'still.png');
    chromium([`--screenshot=${shot}`, '--window-size=1464,912', `file://${still}`]);
    const png = PNG.sync.read(fs.readFileSync(shot));
    const counts = new Map<number, number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const k = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const total = png.width * png.height;
    const background = Math.max(...counts.values());
    // Text covers a real share of the picture, in many colours (anti-aliased, themed).
    expect(1 - background / total).toBeGreaterThan(0.03);
    expect(counts.size).toBeGreaterThan(50);
  }, 180_000);
});
