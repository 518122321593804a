// Sweep speed: runs per minute of the shipped CLI (`kube-ha-lab sweep`, worker threads on every
// core) on a 60 s crash scenario, and the time 10,000 such runs take (target: under 60 s on 2
// cores). Also one run in this thread, to separate simulation cost from threading. `npm run bench`
// builds dist/ first; SWEEP_BENCH_RUNS sets the runs measured (default 2,000; 10000 for the full target).
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.NODE_ENV = 'production';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { runOne } = await import('../../source/sweep/run-one.js');
const { scenarioPlan } = await import('../../source/cli/sweep-plan.js');
const { runSweep } = await import('../../source/sweep/pool.js');

const RUNS = Number(process.env.SWEEP_BENCH_RUNS ?? 2000);
const RUN_MS = 60_000;

// One thread: the cost of one run without threads or messages.
const plan = scenarioPlan('crash-kcm-leader', RUN_MS);
for (let seed = 1; seed <= 20; seed++) runOne(plan, { ...plan.scenario.config, seed }); // warm-up
const N = 200;
let simulatedMs = 0;
const t0 = performance.now();
for (let seed = 1; seed <= N; seed++) simulatedMs += runOne(plan, { ...plan.scenario.config, seed }).endT;
const wallMs = performance.now() - t0;
const perRun = wallMs / N;
// A run stops once its ledger is final (run-one.ts), so it simulates less than the plan's 60 s.
console.log(`BENCH sweep-one-run ${perRun.toFixed(1)} ms/run (one thread, a 60 s plan)`);
console.log(`BENCH sweep-simulated-per-run ${(simulatedMs / N / 1000).toFixed(1)} s (of the 60 s plan: the run stops once its ledger is final)`);
console.log(`BENCH sweep-sim-speed-one-thread ${Math.round(simulatedMs / wallMs)} sim-s/wall-s`);

// The pool in this process, all cores: CPU time per run across the threads (a figure that does not
// depend on what else the machine is doing), and what 10,000 runs would take on idle cores.
const cores = availableParallelism();
const c0 = process.cpuUsage();
const p0 = performance.now();
const pooled = await runSweep({ plan, configs: [plan.scenario.config], seedFrom: 1, seeds: RUNS });
const poolWallS = (performance.now() - p0) / 1000;
const cpu = process.cpuUsage(c0);
if (pooled.runsDone !== RUNS) throw new Error('the pool did not finish');
const cpuPerRun = (cpu.user + cpu.system) / 1000 / RUNS;
console.log(`BENCH sweep-pool-cpu-per-run ${cpuPerRun.toFixed(1)} ms CPU/run (all threads; ${RUNS} runs in ${poolWallS.toFixed(1)} s wall)`);
console.log(`BENCH sweep-10k-crash-runs-idle-cores ${((cpuPerRun * 10_000) / 1000 / cores).toFixed(1)} s (target < 60)`);

// The shipped CLI, all cores.
const cli = path.join(root, 'dist', 'cli.js');
const w0 = performance.now();
const r = spawnSync(process.execPath, [cli, 'sweep', '--scenario', 'crash-kcm-leader', '--duration', '60s', '--seeds', String(RUNS), '--format', 'ndjson'], { cwd: root, encoding: 'utf8' });
const wallS = (performance.now() - w0) / 1000;
if (r.status !== 0) throw new Error(`sweep failed (exit ${r.status}): ${r.stderr}`);
const line = JSON.parse(r.stdout.trim());
if (line.runs !== RUNS) throw new Error(`expected ${RUNS} runs, got ${line.runs}`);
console.log(`BENCH sweep-cli-runs ${RUNS} runs on ${availableParallelism()} cores in ${wallS.toFixed(1)} s`);
console.log(`BENCH sweep-runs-per-minute ${Math.round((RUNS / wallS) * 60)} runs/min`);
console.log(`BENCH sweep-10k-crash-runs-wall ${((10_000 / RUNS) * wallS).toFixed(1)} s (target < 60; wall time on this machine as loaded now)`);
