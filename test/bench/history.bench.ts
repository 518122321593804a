// Time-travel history memory: one simulated hour of the default cluster at speed 60, advanced the
// way the dashboard does (100 ms frames × 60), keeping the bounded history. Prints BENCH lines.
process.env.NODE_ENV = 'production';
const { createSession, advanceMs } = await import('../../source/sim/session.js');
const { createState } = await import('../../source/sim/create.js');
const { defaultConfig } = await import('../../source/sim/config.js');

let s = createSession(createState(defaultConfig({ seed: 1 })), { speed: 60 });
const t0 = performance.now();
const frames = 3600_000 / (100 * 60);
for (let i = 0; i < frames; i++) s = advanceMs(s, 100 * s.speed);
const wall = (performance.now() - t0) / 1000;
if (global.gc) global.gc();
const rss = process.memoryUsage().rss / (1024 * 1024);
console.log(`BENCH history-rss ${rss.toFixed(0)} MB (target < 250)`);
console.log(`BENCH history-snapshots ${s.history.length} snapshots`);
console.log(`BENCH history-hour-at-60x ${wall.toFixed(1)} s wall`);
