// Bad input to `kube-ha-lab sweep`: one line naming the problem, exit 2, nothing on stdout, before
// anything runs. A knob's bad value gets the very line the main command gives for that flag.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { runSweepCommand } from '../../source/cli/sweep.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, hasStackTrace, CLI, ROOT } from '../cli/run-cli.js';

async function sweep(args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await runSweepCommand(args, { stdout: out, stderr: err, env: {} });
  return { code, stdout, stderr };
}

const K = ['--scenario', 'crash-kcm-leader'];
const ROWS: [string, string[], RegExp][] = [
  ['unknown knob', [...K, '--vary', 'lease-duraton=10s'], /^kube-ha-lab: --vary: unknown knob "lease-duraton" \(did you mean lease-duration\?\)$/],
  ['not a knob', [...K, '--vary', 'seed=1,2'], /"seed" is not a knob of the cluster; seeds come from --seeds/],
  ['vary without values', [...K, '--vary', 'lease-duration'], /--vary must be KNOB=V1,V2/],
  ['a value listed twice', [...K, '--vary', 'lb-check=readyz,readyz'], /"readyz" is listed twice/],
  ['an empty value', [...K, '--vary', 'lb-check=readyz,'], /an empty value/],
  ['a knob varied twice', [...K, '--vary', 'rps=1', '--vary', 'rps=2'], /--vary rps was given more than once/],
  ['fixed and varied', [...K, '--rps', '5', '--vary', 'rps=1,2'], /--rps is both fixed and varied/],
  ['a switch value', [...K, '--vary', 'pre-vote=maybe'], /--vary pre-vote: a switch takes on or off \(got "maybe"\)/],
  ['a rule between knobs', [...K, '--vary', 'lease-duration=10s,15s'], /--lease-duration must be greater than --renew-deadline \(at lease-duration=10s\)$/],
  ['a grid over 10,000 points', [...K, '--vary', `rps=${Array.from({ length: 101 }, (_, i) => i).join(',')}`, '--vary', `replicas=${Array.from({ length: 101 }, (_, i) => i).join(',')}`], /the grid has 10,201 points \(more than 10,000\); add --yes to run it/],
  ['too many runs', [...K, '--seeds', '1000000', '--vary', 'rps=1,2,3,4,5,6'], /6,000,000 runs \(6 points × 1,000,000 seeds\) is more than a sweep holds \(5,000,000\)/],
  ['no fault', ['--vary', 'rps=1,2'], /sweep needs a fault to run: --scenario NAME\|FILE or --script FILE/],
  ['scenario and script', [...K, '--script', 'test/fixtures/faults.json'], /--scenario and --script cannot be combined/],
  ['an unknown scenario', ['--scenario', 'crash-everything'], /no scenario "crash-everything": not a sweep scenario \(crash-active-lb, .*\), a lesson nor a file/],
  ['a missing script', ['--script', 'no/such/file.json'], /--script: cannot read no\/such\/file.json: ENOENT/],
  ['an unknown option', [...K, '--seed', '5'], /unknown option --seed \(did you mean --seeds\?\)/],
  ['seeds out of range', [...K, '--seeds', '0'], /--seeds must be an integer from 1 to 1000000 \(got "0"\)/],
  ['seeds past the last', [...K, '--seeds', '10', '--seed-from', '4294967290'], /goes past the last seed/],
  ['threads', [...K, '--workers', '0'], /--workers must be an integer from 1 to 256 \(got "0"\)/],
  ['a format', [...K, '--format', 'xml'], /--format must be one of table, ndjson, csv \(got "xml"\)/],
  ['a measure', [...K, '--measure', 'kcm-leaderless,uptime'], /--measure: unknown measure "uptime" \(one of api-degraded, /],
  ['a duration', [...K, '--duration', 'soon'], /--duration must be a duration from 1s to 60m, like 60s or 2m \(got "soon"\)/],
  ['a stray argument', [...K, 'now'], /unexpected argument "now"/],
];

describe('sweep: bad input', () => {
  for (const [what, args, message] of ROWS) {
    it(`${what}: one line, exit 2`, async () => {
      const r = await sweep(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
      expect(hasStackTrace(r.stderr)).toBe(false);
    });
  }

  it("a value a knob rejects gets the main command's line for that flag", async () => {
    for (const [flag, value] of [['masters', '9'], ['lease-duration', 'abc'], ['lb-check', 'http'], ['fall', '0']]) {
      const main = runCli([`--${flag}`, value, '--headless']);
      const r = await sweep([...K, '--vary', `${flag}=${value}`]);
      expect(main.code).toBe(2);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(main.stderr);
    }
  });

  it('the built CLI dispatches `sweep` and reports bad input the same way', () => {
    const r = runCli(['sweep', ...K, '--vary', 'masters=9']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kube-ha-lab: --masters must be an integer from 1 to 7 (got "9")\n');
  });
});

describe('sweep: more input', () => {
  it('a script naming a node a grid point lacks: one line naming the point', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sweep-')), 'crash-3.json');
    writeFileSync(file, '[{"at": "5s", "do": "crash", "target": "master-3"}]\n');
    const r = await sweep(['--script', file, '--vary', 'masters=3,2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(/: entry 1: "target": no node named "master-3" in this cluster .* \(at masters=2\)$/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--help prints the sweep usage, knobs, measures and sweep scenarios on stdout', async () => {
    const r = await sweep(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const word of ['--vary', 'lease-duration', 'kcm-leaderless', 'crash-kcm-leader', 'lose-etcd-quorum']) expect(r.stdout).toContain(word);
  });

  it('a reader that stops early ends the sweep quietly', () => {
    // 200 points × 12 measures: more CSV than a pipe holds, so the write really meets a closed pipe.
    const RPS = Array.from({ length: 200 }, (_, i) => i + 1).join(',');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" sweep --scenario kill-apiserver --seeds 1 --vary rps=${RPS} --format csv --workers 2 | head -c 10`], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).toBe('');
  });
});
