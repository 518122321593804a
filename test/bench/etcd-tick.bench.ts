// Bench: steady-state cost of tickEtcd (tsx test/bench/etcd-tick.bench.ts).
// Prints, for 3 and 7 members, µs per tick on the engine's plain working copy, with and without
// one proposal per tick, and µs per tick through immer produce:
//   BENCH etcd-tick:<n> <µs> µs/tick (plain)  <µs> µs/tick (+1 write/tick)  <µs> µs/tick (immer produce)
import { performance } from 'node:perf_hooks';
import { produce } from 'immer';
import type { State } from '../../source/sim/types.js';
import { makeState, runUntil, hasLeader, run, proposeVia, leader, tickEtcd } from '../sim/etcd-helpers.js';

/** etcd's rule alone (the clock moved as the engine's tick moves it), to measure it without the others. */
function step1(s: State): void {
  s.tick += 1;
  s.t += s.config.tickMs;
  tickEtcd(s);
}

function time(ticks: number, f: () => void): number {
  const t0 = performance.now();
  for (let i = 0; i < ticks; i++) f();
  return ((performance.now() - t0) * 1000) / ticks;
}

for (const n of (process.argv[2] ?? "3,7").split(",").map(Number)) {
  const s = makeState({ seed: 1, members: n });
  if (runUntil(s, hasLeader, 100) < 0) throw new Error('no leader');
  run(s, 50_000); // warm up
  const plain = time(200_000, () => step1(s));
  const lid = leader(s).id;
  let req = 0;
  const op = () => ({ kind: 'writes' as const, requestId: ++req, count: 1 });
  run(s, 1);
  time(20_000, () => { proposeVia(s, lid, op()); step1(s); s.store.results = {}; });
  const write = time(100_000, () => { proposeVia(s, lid, op()); step1(s); s.store.results = {}; });
  let d: State = produce(s, () => {});
  time(2_000, () => { d = produce(d, (x) => step1(x)); });
  const immer = time(10_000, () => { d = produce(d, (x) => step1(x)); });
  console.log(`BENCH etcd-tick:${n} ${plain.toFixed(2)} µs/tick (plain)  ${write.toFixed(2)} µs/tick (+1 write/tick)  ${immer.toFixed(2)} µs/tick (immer produce)`);
}
