// Dashboard rendering, measured on the dashboard as it ships: render-frames.ts bundled by the
// CLI's own build (Ink with the dashboard's compositor and text measures). For comparison the
// same measurement runs unbundled on Ink's own modules ("-ink-own"). Prints BENCH lines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const script = path.join(here, 'render-frames.ts');
const work = mkdtempSync(path.join(tmpdir(), 'kha-render-bench-'));

function run(args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', ...env } });
  process.stdout.write(r.stdout.split('\n').filter((l) => l.startsWith('BENCH ')).join('\n') + '\n');
  if (r.status !== 0) throw new Error(`render bench failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
}

try {
  const { bundle } = (await import(path.join(root, 'build.mjs'))) as { bundle: (entry: string, out: string) => Promise<unknown> };
  const out = path.join(work, 'render-frames.js');
  await bundle(script, out);
  run([out]);
  run([path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script], { BENCH_SUFFIX: '-ink-own' });
} finally {
  rmSync(work, { recursive: true, force: true });
}
