// Starting a sweep worker thread, from the built bundle or from source (tests, tsx).
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The bundle's worker entry, beside the CLI (dist/sweep-worker.js); code may sit in dist/chunks. */
export const BUNDLED_WORKER = 'sweep-worker.js';

function bundledWorker(): URL | null {
  for (const rel of [`./${BUNDLED_WORKER}`, `../${BUNDLED_WORKER}`]) {
    const u = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(u))) return u;
  }
  return null;
}

/**
 * A new worker running source/sweep/worker.ts (from source: TypeScript is loaded through tsx's
 * loader, registered inside the thread) or the bundle's sweep-worker.js.
 */
export function startWorker(options: WorkerOptions): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
    const api = pathToFileURL(pkg.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
    const entry = new URL('./worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { ...options, eval: true });
  }
  const url = bundledWorker();
  if (!url) throw new Error(`the sweep worker ${BUNDLED_WORKER} is missing beside the CLI (rebuild with npm run build)`);
  return new Worker(url, options);
}
