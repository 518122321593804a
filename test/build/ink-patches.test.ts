// The build swaps six of Ink's modules for the dashboard's own (source/ui/ink-patches). It must
// stop, with one line, when the installed Ink is not the version or a replaced file not the
// content the patches were written against: a silent upgrade would ship a bundle that keeps the
// old Ink's rules.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INK_VERSION, PATCHES, checkInkPatches, locateInk, sha256, upstreamPath } from '../../source/ui/ink-patches/upstream.mjs';
import { ROOT } from '../cli/run-cli.js';

const ink = locateInk(ROOT);
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('the Ink patch guard', () => {
  it('passes for the installed Ink, which package.json pins exactly', () => {
    expect(checkInkPatches(ROOT)).toBeNull();
    expect(ink.version).toBe(INK_VERSION);
    const pkg = createRequire(import.meta.url)(path.join(ROOT, 'package.json')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.ink).toBe(INK_VERSION);
    // every row names a replacement in the folder and a file that exists upstream
    for (const p of PATCHES) expect(sha256(upstreamPath(ink, p.upstream))).toBe(p.sha256);
  });

  it('reports a changed upstream file in one line naming the file, its patch and what to do', () => {
    for (const p of PATCHES) {
      const file = upstreamPath(ink, p.upstream);
      const msg = checkInkPatches(ROOT, { hashOf: (f) => (f === file ? 'f'.repeat(64) : sha256(f)) });
      expect(msg).toBeTypeOf('string');
      expect(msg).not.toContain('\n');
      expect(msg).toContain(p.upstream);
      expect(msg).toContain(p.replacement);
      expect(msg).toContain('ink-patches/README.md');
    }
  });

  it('reports another Ink version in one line', () => {
    const msg = checkInkPatches(ROOT, { ink: { ...ink, version: '8.0.0' } });
    expect(msg).toMatch(/^Ink patches: ink 8\.0\.0 is installed but the patches were written against ink 6\.8\.0; .*README\.md/);
    expect(msg).not.toContain('\n');
  });

  /** A copy of the project's build with its own node_modules: esbuild linked, Ink's replaced files copied. */
  function fakeProject(inkVersion: string): { dir: string; inkBuild: string } {
    const dir = mkdtempSync(path.join(tmpdir(), 'kha-guard-'));
    made.push(dir);
    copyFileSync(path.join(ROOT, 'build.mjs'), path.join(dir, 'build.mjs'));
    cpSync(path.join(ROOT, 'source', 'ui', 'ink-patches'), path.join(dir, 'source', 'ui', 'ink-patches'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(path.join(dir, 'cli.tsx'), 'console.log(1);\n');
    const nm = path.join(dir, 'node_modules');
    mkdirSync(nm);
    symlinkSync(path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('esbuild/package.json')), path.join(nm, 'esbuild'));
    const inkBuild = path.join(nm, 'ink', 'build');
    mkdirSync(inkBuild, { recursive: true });
    writeFileSync(path.join(nm, 'ink', 'package.json'), JSON.stringify({ name: 'ink', version: inkVersion, type: 'module', exports: { default: './build/index.js' } }));
    writeFileSync(path.join(inkBuild, 'index.js'), 'export {};\n');
    for (const p of PATCHES) {
      if (!p.upstream.startsWith('ink/')) continue;
      copyFileSync(upstreamPath(ink, p.upstream), path.join(inkBuild, path.basename(p.upstream)));
    }
    const wl = path.join(nm, 'widest-line');
    mkdirSync(wl);
    writeFileSync(path.join(wl, 'package.json'), JSON.stringify({ name: 'widest-line', type: 'module', exports: './index.js' }));
    copyFileSync(upstreamPath(ink, 'widest-line'), path.join(wl, 'index.js'));
    return { dir, inkBuild };
  }

  const build = (dir: string) => spawnSync(process.execPath, [path.join(dir, 'build.mjs')], { cwd: dir, encoding: 'utf8' });

  it('`node build.mjs` stops with exit 1 and one line when Ink is another version', () => {
    const { dir } = fakeProject('6.9.0');
    const r = build(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^build: Ink patches: ink 6\.9\.0 is installed but the patches were written against ink 6\.8\.0; [^\n]*\n$/);
    expect(r.stdout).toBe('');
  });

  it('`node build.mjs` stops with exit 1 and one line when a replaced file changed, same version', () => {
    const { dir, inkBuild } = fakeProject(INK_VERSION);
    appendFileSync(path.join(inkBuild, 'log-update.js'), '// changed upstream\n');
    const r = build(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^build: Ink patches: ink\/build\/log-update\.js \(replaced by line-diff-log\.ts\) has sha256 [0-9a-f]{12}…, not 2d184e9776ac… [^\n]*\n$/);
  });
});
