// Bench: every built-in lesson rendered to a 120x36 cast, then exported to an animated SVG
// (tsx test/bench/export.bench.ts). Only the export is timed. Prints one line per lesson and a total:
//   BENCH export-svg:<name> <seconds> s (<frames> frames, <KiB> KiB)
//   BENCH export-svg-all-lessons <seconds> s (target < 10)
//   BENCH export-svg-partition-size <KiB> KiB (target < 300)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

process.env.NODE_ENV ??= 'production';
const { listScenarios } = (await import('../../source/scenario/index.js')) as unknown as { listScenarios: () => (string | { name: string })[] };
const { renderScenarioToCast } = await import('../../source/record/index.js');
const { runExport } = await import('../../source/export/run.js');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kha-bench-export-'));

async function main(): Promise<number> {
  const names = listScenarios().map((x) => (typeof x === 'string' ? x : x.name));
  let failed = 0;
  let total = 0;
  let partitionKib = NaN;
  for (const name of names) {
    const cast = path.join(dir, `${name}.cast`);
    const svg = path.join(dir, `${name}.svg`);
    await renderScenarioToCast({ scenario: name, size: { cols: 120, rows: 36 }, out: cast });
    const lines: string[] = [];
    const s0 = performance.now();
    const code = await runExport([cast, svg], { stdout: () => {}, stderr: (l) => lines.push(l) });
    const secs = (performance.now() - s0) / 1000;
    total += secs;
    if (code !== 0) {
      failed++;
      console.error(`export.bench: ${name}: ${lines.join(' ')}`);
      continue;
    }
    const kib = fs.statSync(svg).size / 1024;
    if (name.includes('partition')) partitionKib = kib;
    const frames = /(\d+) frames/.exec(lines[0] ?? '')?.[1] ?? '?';
    console.log(`BENCH export-svg:${name} ${secs.toFixed(3)} s (${frames} frames, ${kib.toFixed(0)} KiB)`);
  }
  console.log(`BENCH export-svg-all-lessons ${total.toFixed(3)} s (target < 10)`);
  console.log(`BENCH export-svg-partition-size ${partitionKib.toFixed(0)} KiB (target < 300)`);
  fs.rmSync(dir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`export.bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
