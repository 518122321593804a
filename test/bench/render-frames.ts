// The dashboard's per-frame cost, run by render.bench.ts twice: bundled exactly as the CLI ships
// (Ink with the dashboard's compositor and text measures) and unbundled on Ink's own modules
// (BENCH_SUFFIX names that run). Prints BENCH lines: the median time per frame at 80x24 and
// 160x48, and the CPU share while the live dashboard runs at speed 1 and 10 frames per second.
import React from 'react';
import { render } from 'ink';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { App } from '../../source/ui/app.js';
import { createSession, stepTicks } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { apply } from '../../source/sim/engine.js';

const suffix = process.env.BENCH_SUFFIX ?? '';
const target = (t: string) => (suffix ? '' : ` (target ${t})`);

class FakeTty extends EventEmitter {
  isTTY = true;
  writes = 0;
  lastWriteAt = 0;
  constructor(public columns: number, public rows: number) {
    super();
  }
  write(_s: string): boolean {
    this.writes++;
    this.lastWriteAt = performance.now();
    return true;
  }
}
const median = (xs: number[]) => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** Median wall time from handing the App a new simulation state to the frame being written. */
async function frameTimes(cols: number, rows: number): Promise<number> {
  let session = createSession(createState(defaultConfig({ seed: 1 })), { paused: true });
  session = stepTicks(session, 100);
  session = { ...session, live: apply(session.live, { type: 'crash', target: 'master-1' }) };
  session = { ...session, state: session.live };
  const out = new FakeTty(cols, rows);
  const el = () => React.createElement(App, { session, autoTick: false, cols, rows, noColor: false });
  const app = render(el(), { stdout: out as never, debug: true, exitOnCtrlC: false, patchConsole: false });
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    session = stepTicks(session, 1);
    const t0 = performance.now();
    const before = out.writes;
    app.rerender(el());
    while (out.writes === before) await new Promise((r) => setImmediate(r));
    times.push(out.lastWriteAt - t0);
  }
  app.unmount();
  return median(times.slice(50));
}

/** CPU of the whole process (all threads) and of the main thread while the live dashboard runs. */
async function cpuShare(): Promise<{ process: number; main: number }> {
  const session = createSession(createState(defaultConfig({ seed: 1 })), { paused: false, speed: 1 });
  const out = new FakeTty(160, 48);
  const app = render(React.createElement(App, { session, autoTick: true, frameMs: 100, cols: 160, rows: 48, noColor: false }), { stdout: out as never, exitOnCtrlC: false, patchConsole: false });
  await new Promise((r) => setTimeout(r, 3000)); // warm-up: the JIT settles, the cluster boots
  const c0 = process.cpuUsage();
  const e0 = performance.eventLoopUtilization();
  const w0 = performance.now();
  await new Promise((r) => setTimeout(r, 10_000));
  const c = process.cpuUsage(c0);
  const elu = performance.eventLoopUtilization(e0);
  const wall = performance.now() - w0;
  app.unmount();
  return { process: ((c.user + c.system) / 1000 / wall) * 100, main: elu.utilization * 100 };
}

const small = await frameTimes(80, 24);
console.log(`BENCH render-80x24${suffix} ${small.toFixed(2)} ms/frame${target('< 2')}`);
const big = await frameTimes(160, 48);
console.log(`BENCH render-160x48${suffix} ${big.toFixed(2)} ms/frame${target('< 2')}`);
const cpu = await cpuShare();
console.log(`BENCH cpu-speed1-10fps${suffix} ${cpu.process.toFixed(1)} % of one core${target('< 6')}`);
console.log(`BENCH cpu-speed1-10fps-main-thread${suffix} ${cpu.main.toFixed(1)} % of one core`);
process.exit(0);
