// The dashboard as it ships: the bundle built by the CLI's own build, with Ink's compositor, text
// measures, widest-line, escape cleaning and devtools hook replaced (source/ui/ink-patches),
// must draw exactly the frames stock Ink draws for the same keyed session, colours on.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PATCHES } from '../../source/ui/ink-patches/upstream.mjs';
import { ROOT } from '../cli/run-cli.js';
import { keyedFrames } from './fixtures/keyed-frames.js';

const work = mkdtempSync(path.join(tmpdir(), 'kha-bundle-frames-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the bundled dashboard', () => {
  it('draws the same frames as stock Ink through keys, menus, overlays and sizes', async () => {
    const { bundle } = (await import(path.join(ROOT, 'build.mjs'))) as {
      bundle: (entry: string, out: string) => Promise<{ metafile: { inputs: Record<string, unknown> } }>;
    };
    const out = path.join(work, 'keyed-frames.js');
    const built = await bundle(path.join(ROOT, 'test', 'ui', 'fixtures', 'keyed-frames-main.ts'), out);
    // the bundle really runs every patch
    const inputs = Object.keys(built.metafile.inputs).map((i) => i.split(path.sep).join('/'));
    for (const p of PATCHES) expect(inputs).toContain(`source/ui/ink-patches/${p.replacement}`);

    const r = spawnSync(process.execPath, [out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const bundled = JSON.parse(r.stdout) as Record<string, string>;
    const stock = await keyedFrames();

    expect(Object.keys(bundled)).toEqual(Object.keys(stock));
    // colours are on (the comparison would be blind to style codes otherwise) and the keys did something
    expect(Object.values(stock).some((f) => f.includes('\u001b[3'))).toBe(true);
    expect(new Set(Object.values(stock)).size).toBeGreaterThan(40);
    const differing = Object.keys(stock).filter((k) => bundled[k] !== stock[k]);
    expect(differing).toEqual([]);
  }, 120_000);
});
