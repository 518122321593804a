// Simulation speed: simulated seconds per wall second for one simulated hour of two clusters.
// Run with `npm run bench` (or `npx tsx test/bench/sim.bench.ts`). Prints BENCH lines.
process.env.NODE_ENV = 'production';
const { createState } = await import('../../source/sim/create.js');
const { defaultConfig } = await import('../../source/sim/config.js');
const { advance } = await import('../../source/sim/engine.js');

const HOUR_TICKS = 36_000;
const CHUNK = 100; // the headless runner advances up to 5-10 s at a time

function hour(name: string, overrides: Parameters<typeof defaultConfig>[0], targetS: number): void {
  let s = createState(defaultConfig({ seed: 1, ...overrides }));
  s = advance(s, 100); // warm-up: bootstrap and JIT
  const t0 = performance.now();
  for (let done = 0; done < HOUR_TICKS; done += CHUNK) s = advance(s, CHUNK);
  const wallS = (performance.now() - t0) / 1000;
  const ratio = 3600 / wallS;
  console.log(`BENCH sim-hour-${name} ${wallS.toFixed(2)} s (target < ${targetS})`);
  console.log(`BENCH sim-speed-${name} ${Math.round(ratio)} sim-s/wall-s`);
  if (s.traffic.ok === 0) throw new Error('no traffic was served: the benchmark is broken');
}

hour('default', {}, 1);
hour('large', { masters: 7, topology: 'external', etcdMembers: 7, workers: 20, rps: 1000 }, 10);
