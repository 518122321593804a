// The Ink modules the bundle replaces, and the guard that they are still the ones the patches were
// written against. Plain JavaScript: the build (build.mjs), the test configuration and the tests
// all read this one table. README.md in this folder has a note per patch.
//
// Ink exports only its entry point, so its internal modules are found through Node's resolver
// (where `ink` resolves from the project), never by a path written into the code.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The Ink release every patch here was written against (package.json pins it exactly). */
export const INK_VERSION = '6.8.0';

/**
 * One row per replaced module: how Ink imports it (`importedAs`, matched only in importers inside
 * Ink's build folder), the upstream file it stands for (a file of Ink's package, or the entry of
 * the `widest-line` package as Ink resolves it), its sha256 when the patch was written, and the replacement module
 * in this folder.
 */
export const PATCHES = [
  { importedAs: './output.js', upstream: 'ink/build/output.js', sha256: 'de9078c7fc647c40cf9e32d6658fcbbee91dae9e3f6334e5f4ebfc5905fc401d', replacement: 'fast-output.ts' },
  { importedAs: './measure-text.js', upstream: 'ink/build/measure-text.js', sha256: '4562d24171af3063b91a0d965c652ebdf1e2bdf4fe7f75c6bc8664fefc77df6a', replacement: 'text-metrics.ts' },
  { importedAs: 'widest-line', upstream: 'widest-line', sha256: 'c56c70d00610e14d157c1ed4fc3a2b83d96f7e595b1842ba12f3a84217796eb1', replacement: 'widest-line.ts' },
  { importedAs: './sanitize-ansi.js', upstream: 'ink/build/sanitize-ansi.js', sha256: '6324e0b5396fda7b0e9dddad4acad023adee913dfb77e541636efa0a04d5f043', replacement: 'sanitize-ansi.ts' },
  { importedAs: './log-update.js', upstream: 'ink/build/log-update.js', sha256: '2d184e9776ac98b122a7801b132465035ee2118c2deb510a87aba2a0a1a41ae4', replacement: 'line-diff-log.ts' },
  { importedAs: './devtools.js', upstream: 'ink/build/devtools.js', sha256: '0a0e36939a2dff73ae286c4a2e1ac44649070a1d06ce73526b1bb8b8f87e1716', replacement: 'no-devtools.ts' },
];

/** The bare specifier patches and tests use for Ink's own modules: `ink-upstream/<file in Ink's build folder>`. */
export const UPSTREAM_PREFIX = 'ink-upstream/';

/** Where the installed Ink lives, as Node resolves `ink` from `root`: its package folder, build folder and version. */
export function locateInk(root) {
  const entry = createRequire(path.join(root, 'package.json')).resolve('ink');
  const buildDir = path.dirname(entry);
  const packageDir = path.dirname(buildDir);
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  return { packageDir, buildDir, version };
}

/** The file a PATCHES row's `upstream` names, resolved as Ink itself would import it. */
export function upstreamPath(ink, upstream) {
  if (upstream.startsWith('ink/')) return path.join(ink.packageDir, upstream.slice('ink/'.length));
  return createRequire(path.join(ink.buildDir, 'index.js')).resolve(upstream);
}

export function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Checks that the installed Ink is the version and the replaced files the content the patches
 * were written against. Returns null when they are, else one line saying what differs and where
 * to look. `ink` and `hashOf` can be given (tests); by default they are the installed ones.
 */
export function checkInkPatches(root, { ink, hashOf = sha256, patches = PATCHES, version = INK_VERSION } = {}) {
  const advice = 'see source/ui/ink-patches/README.md to re-check the patches, then update INK_VERSION and the hashes in source/ui/ink-patches/upstream.mjs';
  let found;
  try {
    found = ink ?? locateInk(root);
  } catch (err) {
    return `Ink patches: cannot find the installed ink package (${err && err.code ? err.code : err}); run npm ci`;
  }
  if (found.version !== version) {
    return `Ink patches: ink ${found.version} is installed but the patches were written against ink ${version}; ${advice}`;
  }
  for (const p of patches) {
    let got;
    try {
      got = hashOf(upstreamPath(found, p.upstream));
    } catch (err) {
      return `Ink patches: ${p.upstream} (replaced by ${p.replacement}) cannot be read (${err && err.code ? err.code : err}); ${advice}`;
    }
    if (got !== p.sha256) {
      return `Ink patches: ${p.upstream} (replaced by ${p.replacement}) has sha256 ${got.slice(0, 12)}…, not ${p.sha256.slice(0, 12)}… as when the patch was written; ${advice}`;
    }
  }
  return null;
}
