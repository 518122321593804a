// Simulation speed: simulated seconds per wall second for one simulated hour of two clusters.
// Run with `npm run bench` (or `npx tsx test/bench/sim.bench.ts`). Prints BENCH lines.
//
// The same hour runs twice. The first time ("-cold") the process is new: it includes the JIT's
// warm-up, which a process pays once (on this 2-core machine the optimizing compiler needs about
// a second of its own thread for the simulation's ~150 hot functions, and until then they run
// unoptimized). The second time the code is warm: that is the simulation's speed, the target.
process.env.NODE_ENV = 'production';
const { createState } = await import('../../source/sim/create.js');
const { defaultConfig } = await import('../../source/sim/config.js');
const { advance } = await import('../../source/sim/engine.js');

const HOUR_TICKS = 36_000;
const CHUNK = 100; // the headless runner advances up to 5-10 s at a time

function hourWallS(overrides: Parameters<typeof defaultConfig>[0]): number {
  let s = createState(defaultConfig({ seed: 1, ...overrides }));
  s = advance(s, 100); // the cluster boots
  const t0 = performance.now();
  for (let done = 0; done < HOUR_TICKS; done += CHUNK) s = advance(s, CHUNK);
  const wallS = (performance.now() - t0) / 1000;
  if (s.traffic.ok === 0) throw new Error('no traffic was served: the benchmark is broken');
  return wallS;
}

function hour(name: string, overrides: Parameters<typeof defaultConfig>[0], targetS: number): void {
  const cold = hourWallS(overrides);
  const warm = hourWallS(overrides);
  console.log(`BENCH sim-hour-${name}-cold ${cold.toFixed(2)} s (new process: with the JIT's warm-up)`);
  console.log(`BENCH sim-hour-${name} ${warm.toFixed(2)} s (target < ${targetS})`);
  console.log(`BENCH sim-speed-${name} ${Math.round(3600 / warm)} sim-s/wall-s`);
}

hour('default', {}, 1);
hour('large', { masters: 7, topology: 'external', etcdMembers: 7, workers: 20, rps: 1000 }, 10);
