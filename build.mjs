// Builds the CLI users run: dist/cli.js, bundled, and the chunks it loads on use (type-checking
// is `npm run typecheck`).
//
// Why a bundle: loading Ink, React and the rest as ~300 separate modules took most of the time
// to the first frame. Inside the bundle some of Ink's modules are replaced by the dashboard's
// own (same results, tested against Ink's in test/ui): the screen compositor, the text measures
// with bounded caches, escape-code cleaning with a fast path for colour codes, a terminal writer
// that rewrites only changed lines, and the React DevTools hook, which the CLI does not ship.
//
// `node build.mjs` builds dist/cli.js; `node build.mjs <entry> <outfile>` bundles another entry
// the same way (the render benchmark measures the dashboard exactly as shipped).
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const inkBuild = `${path.sep}node_modules${path.sep}ink${path.sep}build${path.sep}`;

/** Ink's module (as Ink imports it) -> the module the bundle uses instead. */
const INK_SWAPS = {
  './output.js': 'source/ui/fast-output.ts',
  './measure-text.js': 'source/ui/text-metrics.ts',
  'widest-line': 'source/ui/ink-widest-line.ts',
  './sanitize-ansi.js': 'source/ui/ink-sanitize-ansi.ts',
  './log-update.js': 'source/ui/line-diff-log.ts',
  './devtools.js': 'source/ui/no-devtools.ts',
};

const inkSwaps = {
  name: 'ink-swaps',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(INK_SWAPS).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => {
      if (!args.importer.includes(inkBuild)) return undefined;
      return { path: path.join(root, INK_SWAPS[args.path]) };
    });
  },
};

/**
 * Bundles `entry` into `outfile`. What the entry imports dynamically (the dashboard, the headless
 * runner, the scenario loader, recording) goes to chunks beside it, loaded when used, so
 * `--version` or `--headless` never parse the dashboard and the dashboard never parses the rest.
 */
export async function bundle(entry, outfile, { minify = true, extraEntries = {} } = {}) {
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await esbuild.build({
    entryPoints: { [path.basename(outfile, '.js')]: entry, ...extraEntries },
    outdir: path.dirname(outfile),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify,
    legalComments: 'none',
    // The CLI always runs React's production build (its development build costs ~30% more CPU per
    // frame), so the bundle leaves the development builds of React and its reconciler out.
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [inkSwaps],
    // Some bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __khlRequire } from 'node:module'; const require = __khlRequire(import.meta.url);" },
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: root,
  });
  const swapped = Object.keys(result.metafile.inputs).filter((i) => Object.values(INK_SWAPS).includes(i));
  if (swapped.length !== Object.keys(INK_SWAPS).length) {
    throw new Error(`build: expected Ink's modules to be replaced by ${Object.values(INK_SWAPS).join(', ')}; only ${swapped.join(', ') || 'none'} were`);
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, outfile] = process.argv.slice(2);
  if (entry && outfile) {
    await bundle(path.resolve(entry), path.resolve(outfile));
  } else {
    rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    // The sweep's worker threads start from their own entry beside the CLI (dist/sweep-worker.js).
    await bundle(path.join(root, 'cli.tsx'), path.join(root, 'dist', 'cli.js'), { extraEntries: { 'sweep-worker': path.join(root, 'source', 'sweep', 'worker.ts') } });
  }
}
