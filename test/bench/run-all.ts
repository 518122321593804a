// Runs every benchmark under test/bench (*.bench.ts) in its own process and prints one table of
// their BENCH lines: `BENCH <name> <value> <unit> (target ...)`.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(dir, '..', '..');
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const rows: { bench: string; name: string; value: string; unit: string; target: string }[] = [];
let failed = 0;
for (const f of files) {
  process.stdout.write(`running ${f} ...\n`);
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const r = spawnSync(process.execPath, [tsx, path.join(dir, f)], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' }, timeout: 15 * 60_000 });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`  ${f} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}\n`);
  }
  for (const line of (r.stdout ?? '').split('\n')) {
    const m = /^BENCH\s+(\S+)\s+(\S+)\s+(.+?)(?:\s+\((target[^)]*)\))?\s*$/.exec(line);
    if (m) rows.push({ bench: f.replace('.bench.ts', ''), name: m[1], value: m[2], unit: m[3], target: m[4] ?? '' });
  }
}
// A target of the plain form "target < N" (same unit as the value) is judged; others are shown as given.
for (const r of rows) {
  const m = /^target\s*<\s*([\d.]+)$/.exec(r.target);
  if (m && Number.isFinite(Number(r.value))) r.target += Number(r.value) < Number(m[1]) ? '  ok' : '  MISSED';
}
const w = (k: keyof (typeof rows)[number]) => Math.max(k.length, ...rows.map((r) => r[k].length));
const line = (r: Record<string, string>) => `${r.bench.padEnd(w('bench'))}  ${r.name.padEnd(w('name'))}  ${r.value.padStart(w('value'))}  ${r.unit.padEnd(w('unit'))}  ${r.target}`;
process.stdout.write('\n' + line({ bench: 'bench', name: 'name', value: 'value', unit: 'unit', target: 'target' }) + '\n');
for (const r of rows) process.stdout.write(line(r) + '\n');
if (failed) {
  process.stdout.write(`\n${failed} benchmark file(s) failed\n`);
  process.exitCode = 1;
}
