// Bench: headless render of every built-in lesson to a cast (tsx test/bench/record.bench.ts),
// measured on the recorder as it ships: record-lessons.ts bundled by the CLI's own build. The
// bundle is written inside the project (node_modules/.cache) so that it finds the built-in
// lessons as the installed CLI does. Prints record-lessons.ts's BENCH lines.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const cache = path.join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(path.join(cache, 'kha-record-bench-'));
let code = 1;
try {
  const { bundle } = (await import(path.join(root, 'build.mjs'))) as { bundle: (entry: string, out: string) => Promise<unknown> };
  const out = path.join(work, 'record-lessons.js');
  await bundle(path.join(here, 'record-lessons.ts'), out);
  const r = spawnSync(process.execPath, [out], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  code = r.status ?? 1;
} catch (err) {
  console.error(`record.bench: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
