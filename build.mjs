// Builds the CLI users run: dist/cli.js, bundled, and the chunks it loads on use (type-checking
// is `npm run typecheck`).
//
// Why a bundle: loading Ink, React and the rest as ~300 separate modules took most of the time
// to the first frame. Inside the bundle six of Ink's modules are replaced by the dashboard's own
// (same results, tested against Ink's in test/ui): the screen compositor, the text measures with
// bounded caches, escape-code cleaning with a fast path for colour codes, a terminal writer that
// rewrites only changed lines, and the React DevTools hook, which the CLI does not ship. The
// replacements, the Ink version and the content hash of every replaced file are listed in
// source/ui/ink-patches/upstream.mjs; the build stops with one line when the installed Ink differs.
//
// `node build.mjs` builds dist/cli.js; `node build.mjs <entry> <outfile>` bundles another entry
// the same way (the render benchmark and the bundled frame test run the dashboard exactly as shipped).
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATCHES, UPSTREAM_PREFIX, checkInkPatches, locateInk } from './source/ui/ink-patches/upstream.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const patchDir = path.join('source', 'ui', 'ink-patches');

/** An error whose message is the one line the build prints. */
export class BuildError extends Error {}

/**
 * Swaps Ink's modules for the patches (only where Ink's own build imports them) and maps
 * `ink-upstream/<file>` to Ink's build folder, for the patches that fall back on Ink's original.
 */
function inkPatches(ink) {
  const byImport = new Map(PATCHES.map((p) => [p.importedAs, path.join(root, patchDir, p.replacement)]));
  const escape = (x) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const filter = new RegExp(`^(${[...byImport.keys()].map(escape).join('|')})$`);
  const inkBuild = ink.buildDir + path.sep;
  return {
    name: 'ink-patches',
    setup(build) {
      build.onResolve({ filter }, (args) => (args.importer.startsWith(inkBuild) ? { path: byImport.get(args.path) } : undefined));
      build.onResolve({ filter: new RegExp(`^${escape(UPSTREAM_PREFIX)}`) }, (args) => ({ path: path.join(ink.buildDir, args.path.slice(UPSTREAM_PREFIX.length)) }));
    },
  };
}

/**
 * Bundles `entry` into `outfile`. What the entry imports dynamically (the dashboard, the headless
 * runner, the scenario loader, recording) goes to chunks beside it, loaded when used, so
 * `--version` or `--headless` never parse the dashboard and the dashboard never parses the rest.
 */
export async function bundle(entry, outfile, { minify = true } = {}) {
  const problem = checkInkPatches(root);
  if (problem) throw new BuildError(problem);
  const ink = locateInk(root);
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await esbuild.build({
    entryPoints: { [path.basename(outfile, '.js')]: entry },
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
    plugins: [inkPatches(ink)],
    // Some bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __khlRequire } from 'node:module'; const require = __khlRequire(import.meta.url);" },
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: root,
  });
  // Every patch must have been used: Ink importing a module under another name would silently
  // bundle Ink's own.
  const inputs = new Set(Object.keys(result.metafile.inputs).map((i) => i.split(path.sep).join('/')));
  const unused = PATCHES.filter((p) => !inputs.has(`${patchDir.split(path.sep).join('/')}/${p.replacement}`));
  if (unused.length > 0) {
    throw new BuildError(`Ink patches: Ink no longer imports ${unused.map((p) => `${p.importedAs} (for ${p.replacement})`).join(', ')}; see source/ui/ink-patches/README.md`);
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, outfile] = process.argv.slice(2);
  try {
    if (entry && outfile) {
      await bundle(path.resolve(entry), path.resolve(outfile));
    } else {
      rmSync(path.join(root, 'dist'), { recursive: true, force: true });
      await bundle(path.join(root, 'cli.tsx'), path.join(root, 'dist', 'cli.js'));
    }
  } catch (err) {
    // A guard that fired is one line; esbuild has already printed its own errors.
    if (err instanceof BuildError) process.stderr.write(`build: ${err.message}\n`);
    else if (!(err && Array.isArray(err.errors))) process.stderr.write(`build: ${err && err.message ? err.message : err}\n`);
    process.exit(1);
  }
}
