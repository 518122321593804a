// The headless render of every built-in lesson to a cast, run by record.bench.ts bundled as the
// CLI ships (Ink with the patches of source/ui/ink-patches). Prints one line per lesson and a total:
//   BENCH record-lesson:<name> <seconds> s (<sim seconds> sim s, <frames> frames, <KiB> KiB)
//   BENCH record-all-lessons <seconds> s (target < 10)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listScenarios } from '../../source/scenario/index.js';
import { parseCast, renderScenarioToCast } from '../../source/record/index.js';

const size = { cols: 120, rows: 36 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kha-bench-record-'));

function lessonNames(): string[] {
  const list = listScenarios() as (string | { name: string })[];
  return list.map((x) => (typeof x === 'string' ? x : x.name));
}

async function main(): Promise<number> {
  const names = lessonNames();
  if (!names.length) {
    console.error('record.bench: listScenarios() returned no lessons');
    return 1;
  }
  let failed = 0;
  const t0 = performance.now();
  for (const name of names) {
    const out = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.cast`);
    const s0 = performance.now();
    const r = await renderScenarioToCast({ scenario: name, size, out, onError: (m) => console.error(m) });
    const secs = (performance.now() - s0) / 1000;
    const p = parseCast(fs.readFileSync(out, 'utf8'));
    const kib = fs.statSync(out).size / 1024;
    if (p.problems.length || r.error) {
      failed++;
      console.error(`record.bench: ${name}: ${r.error ?? p.problems[0]}`);
    }
    console.log(`BENCH record-lesson:${name} ${secs.toFixed(3)} s (${(r.simMs / 1000).toFixed(1)} sim s, ${r.frames} frames, ${kib.toFixed(0)} KiB)`);
  }
  const total = (performance.now() - t0) / 1000;
  console.log(`BENCH record-all-lessons ${total.toFixed(3)} s (target < 10)`);
  fs.rmSync(dir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`record.bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
