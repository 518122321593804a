// Dashboard rendering: median time per frame at 80x24 and 160x48, and the CPU share of one core
// while the live dashboard runs at speed 1 and 10 frames per second. Prints BENCH lines.
process.env.NODE_ENV = process.env.BENCH_DEV ? 'development' : 'production';
const React = (await import('react')).default;
const { render } = await import('ink');
const { installFastOutput } = await import('../../source/ui/fast-output.js');
if (!process.env.BENCH_INK_OUTPUT) await installFastOutput();
const { EventEmitter } = await import('node:events');
const { App } = await import('../../source/ui/app.js');
const { createSession, stepTicks } = await import('../../source/sim/session.js');
const { createState } = await import('../../source/sim/create.js');
const { defaultConfig } = await import('../../source/sim/config.js');
const { apply } = await import('../../source/sim/engine.js');

class FakeTty extends EventEmitter {
  isTTY = true;
  writes = 0;
  lastWriteAt = 0;
  constructor(public columns: number, public rows: number) { super(); }
  write(_s: string): boolean { this.writes++; this.lastWriteAt = performance.now(); return true; }
}
const median = (xs: number[]) => { const a = xs.slice().sort((x, y) => x - y); return a[Math.floor(a.length / 2)]; };

async function frameTimes(cols: number, rows: number): Promise<number> {
  let session = createSession(createState(defaultConfig({ seed: 1 })), { paused: true });
  session = stepTicks(session, 100);
  session = { ...session, live: apply(session.live, { type: 'crash', target: 'master-1' }) };
  session = { ...session, state: session.live };
  const out = new FakeTty(cols, rows);
  const app = render(React.createElement(App, { session, autoTick: false, cols, rows, noColor: false }), { stdout: out as never, debug: true, exitOnCtrlC: false, patchConsole: false });
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    session = stepTicks(session, 1);
    const t0 = performance.now();
    const before = out.writes;
    app.rerender(React.createElement(App, { session, autoTick: false, cols, rows, noColor: false }));
    while (out.writes === before) await new Promise((r) => setImmediate(r));
    times.push(out.lastWriteAt - t0);
  }
  app.unmount();
  return median(times.slice(20));
}

async function cpuShare(): Promise<number> {
  const session = createSession(createState(defaultConfig({ seed: 1 })), { paused: false, speed: 1 });
  const out = new FakeTty(160, 48);
  const app = render(React.createElement(App, { session, autoTick: true, frameMs: 100, cols: 160, rows: 48, noColor: false }), { stdout: out as never, exitOnCtrlC: false, patchConsole: false });
  await new Promise((r) => setTimeout(r, 1000)); // warm-up
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  await new Promise((r) => setTimeout(r, 5000));
  const c = process.cpuUsage(c0);
  const wall = performance.now() - w0;
  app.unmount();
  return ((c.user + c.system) / 1000 / wall) * 100;
}

const small = await frameTimes(80, 24);
console.log(`BENCH render-80x24 ${small.toFixed(2)} ms/frame (target < 8)`);
const big = await frameTimes(160, 48);
console.log(`BENCH render-160x48 ${big.toFixed(2)} ms/frame (target < 8)`);
const cpu = await cpuShare();
console.log(`BENCH cpu-speed1-10fps ${cpu.toFixed(1)} % of one core (target < 8)`);
process.exit(0);
