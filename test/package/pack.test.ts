// The package as users get it: `npm pack`, install the tarball into an empty folder (offline, from
// the npm cache `npm ci` filled), run its bin. Also: the tarball holds only what it needs.
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/run-cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'kha-pack-'));
let tarball = '';
let files: string[] = [];
const app = path.join(work, 'app');

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  // --ignore-scripts: the suite's global setup built dist/ already; prepack's rebuild would delete it while other tests run the CLI.
  const out = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  const info = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, info[0].filename);
  files = info[0].files.map((f) => f.path);
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  npm(['install', '--offline', '--no-audit', '--no-fund', tarball], app);
}, 240_000);

describe('the packed package', () => {
  it('contains the built CLI and nothing of the sources, tests or tooling', () => {
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files.filter((f) => f.startsWith('scenarios/')).length).toBeGreaterThanOrEqual(9);
    for (const f of files) {
      expect(f).not.toMatch(/^(test|source|\.ci|node_modules)\//);
      expect(f).not.toMatch(/\.tsx?$/);
    }
  });

  it('installs into an empty folder and its bin runs', () => {
    const bin = path.join(app, 'node_modules', '.bin', 'kube-ha-lab');
    expect(existsSync(bin)).toBe(true);
    const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = spawnSync(bin, ['--headless', '--duration', '20s', '--seed', '5'], { encoding: 'utf8' });
    expect(h.status).toBe(0);
    const last = JSON.parse(h.stdout.trim().split('\n').pop()!);
    expect(last.type).toBe('end');
    expect(last.summary.requests.ok).toBeGreaterThan(0);
    // The built-in lessons ship with it: a scenario runs headless from the installed package.
    const sc = spawnSync(bin, ['--headless', '--scenario', '06-external-etcd'], { encoding: 'utf8' });
    expect(sc.status).toBe(0);
    expect(sc.stdout).toContain('"type":"check"');
    expect(sc.stdout).not.toContain('"ok":false');
    const installed = readdirSync(path.join(app, 'node_modules', 'kube-ha-lab'));
    expect(installed).toContain('dist');
    // The CLI is bundled: installing it installs nothing else.
    expect(readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['kube-ha-lab']);
    const size = statSync(tarball).size;
    console.log(`package: ${files.length} files, tarball ${(size / 1024).toFixed(0)} kB`);
  });

  it('the installed dashboard draws its first frame in a terminal', async () => {
    const bin = path.join(app, 'node_modules', '.bin', 'kube-ha-lab');
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
    delete env.CI;
    const child = spawn('script', ['-q', '-e', '-c', `stty cols 100 rows 30; ${bin} --seed 1`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    const drawn = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/API (OK|DEGRADED|DOWN)|STARTING/.test(out) && out.includes('Masters')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
    });
    child.kill('SIGTERM');
    expect(drawn).toBe(true);
  }, 30_000);
});
