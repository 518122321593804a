// Seeded PRNG (sfc32) whose whole state lives in the snapshot, so a run replays exactly.
import type { State } from './types.js';

export type RngState = [number, number, number, number];

/** Expands a 32-bit seed into the four words of sfc32 (splitmix32), then discards a few outputs. */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const st: RngState = [next(), next(), next(), next()];
  for (let i = 0; i < 12; i++) step(st);
  return st;
}

/** Advances the state in place and returns a 32-bit unsigned integer. */
export function step(st: RngState): number {
  let a = st[0];
  let b = st[1];
  let c = st[2];
  let d = st[3];
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  st[0] = a >>> 0;
  st[1] = b >>> 0;
  st[2] = c;
  st[3] = d;
  return t;
}

/** Uniform float in [0, 1) drawn from the state's PRNG (mutates the draft's rng). */
export function random(s: State): number {
  return step(s.rng) / 4294967296;
}

/** Uniform integer in [0, n). */
export function randomInt(s: State, n: number): number {
  return Math.floor(random(s) * n);
}
