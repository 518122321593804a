// A sweep end to end: the fast runner gives the same ledger as the engine's own loop, a small
// sweep's figures are those of its single runs, the output does not depend on the number of
// threads (nor on running from source or from the bundle), and Ctrl+C keeps what is done.
import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createState } from '../../source/sim/create.js';
import { advance, apply } from '../../source/sim/engine.js';
import { ledgerOf } from '../../source/sim/ledger/index.js';
import { ScenarioDriver } from '../../source/scenario/scenario-driver.js';
import { runOne } from '../../source/sweep/run-one.js';
import { runValue } from '../../source/sweep/run-value.js';
import { distribution, share } from '../../source/sweep/aggregate.js';
import { MEASURES } from '../../source/sweep/measures.js';
import { SCENARIO_TAIL_MS } from '../../source/sweep/plan.js';
import { runSweepCommand, prepareSweep, type SweepIo } from '../../source/cli/sweep.js';
import { faultFiles, scenarioPlan } from '../../source/cli/sweep-plan.js';
import { CLI, ROOT, runCli } from '../cli/run-cli.js';
import type { Config } from '../../source/sim/types.js';
import type { Plan } from '../../source/sweep/plan.js';
import path from 'node:path';

/** The engine's own way, as the headless CLI runs a scenario: a published snapshot every tick. */
function engineRun(plan: Plan & { kind: 'scenario' }, config: Config) {
  let s = createState(config);
  const d = new ScenarioDriver(plan.scenario);
  let doneAt: number | null = null;
  for (;;) {
    for (const a of d.poll(s).actions) s = apply(s, a);
    if (doneAt === null && d.done()) doneAt = s.t;
    if (doneAt !== null && s.t >= doneAt + SCENARIO_TAIL_MS) break;
    s = advance(s, 1);
  }
  return { records: ledgerOf(s), endT: s.t, state: s };
}

async function sweepInProcess(args: string[], opts: { tty?: boolean; signals?: SweepIo['signals']; onStderr?: (s: string) => void } = {}) {
  const out = new PassThrough();
  const err = Object.assign(new PassThrough(), { isTTY: opts.tty ?? false });
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => {
    stderr += d;
    opts.onStderr?.(String(d));
  });
  const code = await runSweepCommand(args, { stdout: out, stderr: err, env: {}, signals: opts.signals });
  return { code, stdout, stderr };
}

// Each test runs many simulations (and starts threads): on a busy shared machine that can take
// minutes, which is no failure (speed is the bench's business).
vi.setConfig({ testTimeout: 240_000 });

const faults = faultFiles().map((f) => path.basename(f).replace(/\.ya?ml$/, ''));

describe('one run of a sweep', () => {
  it('has the same ledger as the engine publishing every tick, for every sweep scenario', () => {
    expect(faults).toEqual(expect.arrayContaining(['crash-kcm-leader', 'crash-etcd-leader', 'kill-apiserver', 'partition-master', 'lose-etcd-quorum', 'crash-active-lb']));
    for (const name of faults) {
      const plan = scenarioPlan(name, null);
      for (const seed of [1, 2]) {
        const config = { ...plan.scenario.config, seed };
        const fast = runOne(plan, config, { toEnd: true });
        const slow = engineRun(plan, config);
        expect(fast.endT, name).toBe(slow.endT);
        expect(fast.records, `${name} seed ${seed}`).toEqual(slow.records);
        // Not only the ledger: the whole simulated world ends the same, byte for byte.
        expect(JSON.stringify(fast.state), `${name} seed ${seed}`).toBe(JSON.stringify(slow.state));
        expect(fast.records.length, name).toBeGreaterThan(0);
      }
    }
  });
});

describe('a run that stops once its ledger is final', () => {
  it('has the records and run values of the run to the end, for every sweep scenario and a script of many faults', () => {
    const plans: [string, Plan, Config][] = faults.map((name) => {
      const plan = scenarioPlan(name, 60_000);
      return [name, plan, plan.kind === 'scenario' ? plan.scenario.config : ({} as Config)];
    });
    const script = prepareSweep(['--script', path.join('test', 'fixtures', 'faults.json')], {});
    if ('help' in script) throw new Error('help');
    plans.push(['faults.json', script.plan, script.configs[0]]);
    let stoppedEarly = 0;
    for (const [name, plan, config] of plans) {
      for (const seed of [1, 2, 3, 4]) {
        const early = runOne(plan, { ...config, seed });
        const full = runOne(plan, { ...config, seed }, { toEnd: true });
        expect(early.records, `${name} seed ${seed}`).toEqual(full.records);
        expect(runValue(early.records, early.endT), `${name} seed ${seed}`).toEqual(runValue(full.records, full.endT));
        expect(early.endT).toBeLessThanOrEqual(full.endT);
        if (early.endT < full.endT) stoppedEarly++;
      }
    }
    // The point of it: most runs end well before the plan does.
    expect(stoppedEarly).toBeGreaterThan(plans.length * 2);
  });

  it('a crash of the KCM leader is final about 20 s before the 60 s plan ends', () => {
    const plan = scenarioPlan('crash-kcm-leader', 60_000);
    for (const seed of [1, 2, 3]) {
      const run = runOne(plan, { ...plan.scenario.config, seed });
      expect(run.state.ledger.open).toEqual([]);
      expect(run.endT).toBeLessThan(50_000);
      expect(run.endT).toBeGreaterThan(20_000 + run.records[0].greenAfterMs!);
    }
  });
});

describe('one run of a sweep, against the CLI', () => {
  it('has the outage records of `--headless` with the same scenario file and seed', () => {
    for (const [name, seed] of [['crash-kcm-leader', 3], ['lose-etcd-quorum', 4]] as const) {
      const file = path.join('scenarios', 'faults', `${name}.yaml`);
      const r = runCli(['--headless', '--scenario', file, '--seed', String(seed)]);
      const end = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
      expect(end.type).toBe('end');
      const plan = scenarioPlan(name, null);
      const one = runOne(plan, { ...plan.scenario.config, seed }, { toEnd: true });
      expect(end.t).toBe(one.endT);
      expect(end.summary.outages).toEqual(one.records);
    }
  });

  it('a script of many faults has the outage records of `--headless --script`', () => {
    const file = path.join('test', 'fixtures', 'faults.json');
    const r = runCli(['--headless', '--script', file, '--seed', '5']);
    const end = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    const prepared = prepareSweep(['--script', file], {});
    if ('help' in prepared) throw new Error('help');
    const one = runOne(prepared.plan, { ...prepared.configs[0], seed: 5 }, { toEnd: true });
    expect(one.records.length).toBeGreaterThanOrEqual(10);
    expect(end.t).toBe(one.endT);
    expect(end.summary.outages).toEqual(one.records);
  });

  it('a scenario with relative step times ends as the engine does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sweep-'));
    const file = path.join(dir, 'after.yaml');
    writeFileSync(file, ['title: after steps', 'steps:', '  - at: 5s', '    do: crash', '    target: "@etcd-leader"',
      '  - after: 7.5s', '    do: recover', '    target: "@before"', '  - after: 250ms', '    do: kill', '    target: master-2', '    component: scheduler',
      '  - after: 20s', ''].join('\n').replace('"@before"', 'master-1'));
    const plan = scenarioPlan(file, null);
    for (const seed of [1, 2, 3]) {
      const config = { ...plan.scenario.config, seed };
      expect(JSON.stringify(runOne(plan, config, { toEnd: true }).state)).toBe(JSON.stringify(engineRun(plan, config).state));
    }
  });
});

describe('a small sweep', () => {
  const ARGS = ['--scenario', 'crash-kcm-leader', '--seeds', '5', '--seed-from', '3', '--vary', 'lease-duration=15s,30s', '--vary', 'lb-check=readyz,tls'];

  it("reports, per grid point, the distribution of its single runs' values", async () => {
    const r = await sweepInProcess([...ARGS, '--format', 'ndjson', '--workers', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const prepared = prepareSweep([...ARGS, '--format', 'ndjson'], {});
    if ('help' in prepared) throw new Error('help');
    expect(lines.map((l) => l.vary)).toEqual([
      { 'lease-duration': '15s', 'lb-check': 'readyz' },
      { 'lease-duration': '15s', 'lb-check': 'tls' },
      { 'lease-duration': '30s', 'lb-check': 'readyz' },
      { 'lease-duration': '30s', 'lb-check': 'tls' },
    ]);
    prepared.configs.forEach((config, i) => {
      expect(config.knobs.leaseDurationMs).toBe(i < 2 ? 15_000 : 30_000);
      expect(config.knobs.lbCheck).toBe(i % 2 === 0 ? 'readyz' : 'tls');
      const runs = [3, 4, 5, 6, 7].map((seed) => {
        const one = runOne(prepared.plan, { ...config, seed });
        return runValue(one.records, one.endT);
      });
      const line = lines[i];
      expect(line.type).toBe('point');
      expect(line.runs).toBe(5);
      expect(line.anyFailure).toBe(share(runs.filter((v) => v.anyFailure).length, 5));
      expect(Object.keys(line.measures)).toEqual([...MEASURES]);
      for (const m of MEASURES) {
        expect(line.measures[m], m).toEqual(distribution(runs.map((v) => v.values[m]).sort((a, b) => a - b)));
      }
    });
  });

  it('gives byte-identical NDJSON and CSV with 1, 2 or 3 threads, from source and from the bundle', async () => {
    for (const [format, fromSource, fromBundle] of [['ndjson', ['1', '3'], '2'], ['csv', ['2'], '3']] as const) {
      const outs = [];
      for (const w of fromSource) outs.push((await sweepInProcess([...ARGS, '--format', format, '--workers', w])).stdout);
      const bundled = runCli(['sweep', ...ARGS, '--format', format, '--workers', fromBundle]);
      expect(bundled.code).toBe(0);
      expect(bundled.stderr).toBe('');
      outs.push(bundled.stdout);
      expect(outs[0].length).toBeGreaterThan(100);
      for (const o of outs) expect(o).toBe(outs[0]);
    }
  });

  it('writes CSV with one row per grid point and measure', async () => {
    const r = await sweepInProcess([...ARGS, '--format', 'csv', '--measure', 'kcm-leaderless,failed-requests']);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('lease-duration,lb-check,runs,anyFailure,notGreen,measure,min,p50,p90,p99,max');
    expect(rows).toHaveLength(1 + 4 * 2);
    expect(rows[1]).toMatch(/^15s,readyz,5,[\d.]+,[\d.]+,kcmLeaderlessMs,\d+,\d+,\d+,\d+,\d+$/);
    expect(rows[2]).toMatch(/^15s,readyz,5,.*,failedRequests,/);
  });
});

describe('stopping a sweep', () => {
  const LONG = ['--scenario', 'crash-kcm-leader', '--seeds', '100000', '--vary', 'lease-duration=15s,30s', '--format', 'ndjson', '--workers', '2'];

  it('Ctrl+C stops the threads and prints the runs done', async () => {
    const sig = new EventEmitter();
    let sent = false;
    const r = await sweepInProcess(LONG, {
      tty: true,
      signals: sig as unknown as SweepIo['signals'],
      onStderr: (s) => {
        // The progress line shows once some runs are done; then the user presses Ctrl+C.
        if (!sent && /\[[█░]+\] [1-9]/.test(s)) {
          sent = true;
          sig.emit('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted: [\d,]+ of 200,000 runs done/);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const l of lines) {
      expect(l.runs).toBeGreaterThan(0);
      expect(l.runs).toBeLessThan(100_000);
    }
    expect(sig.listenerCount('SIGINT')).toBe(0);
  });

  it('the built CLI exits 130 on SIGINT with valid results on stdout', async () => {
    const child = spawn(process.execPath, [CLI, 'sweep', ...LONG], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise((r) => setTimeout(r, 5000));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/^kube-ha-lab: interrupted: [\d,]+ of 200,000 runs done/);
    // Whatever was done when the signal came (on a busy machine maybe nothing yet), as whole lines.
    for (const l of stdout.split('\n').filter(Boolean)) expect(JSON.parse(l).type).toBe('point');
  });
});
