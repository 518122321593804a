// Fast ticks with immutable snapshots. The tick rules run at native speed on a private working
// copy (plain objects, no proxies); the result is then published with immer's produce, assigning
// only what changed, so every snapshot is frozen and shares unchanged parts with the one before.
import { produce, type Draft } from 'immer';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = Record<string, unknown>;

/**
 * Arrays whose elements are never changed in place once added (events, raft log entries,
 * per-second traffic buckets, which are replaced rather than updated): the working copy gets a
 * new array holding the same (frozen) elements, which also keeps them shared between snapshots.
 */
const APPEND_ONLY = new Set(['events', 'log', 'history', 'recent']);

/** A deep, mutable copy of plain data (the state holds only JSON-like values). */
export function thaw<T>(value: T): T {
  return clone(value as unknown, '') as T;
}

function clone(v: unknown, key: string): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    if (APPEND_ONLY.has(key)) return v.slice();
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = clone(v[i], '');
    return out;
  }
  const out: Obj = {};
  for (const k in v as Obj) out[k] = clone((v as Obj)[k], k);
  return out;
}

/** Structural equality of plain data. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Obj;
  const bo = b as Obj;
  let n = 0;
  for (const k in ao) {
    if (!(k in bo) || !same(ao[k], bo[k])) return false;
    n++;
  }
  for (const _ in bo) n--;
  return n === 0;
}

/**
 * A new array for `next` that reuses the elements of `base` that did not change, also when the
 * array was shifted (a bounded log that dropped its oldest entries and appended new ones).
 */
function reuseArray(base: readonly unknown[], next: unknown[]): unknown[] {
  let offset = -1;
  if (next.length > 0) {
    for (let o = 0; o < base.length && o < 64; o++) {
      if (same(base[o], next[0])) { offset = o; break; }
    }
  }
  const out = new Array(next.length);
  for (let i = 0; i < next.length; i++) {
    const j = offset >= 0 ? i + offset : i;
    out[i] = j < base.length && same(base[j], next[i]) ? base[j] : next[i];
  }
  return out;
}

/** Writes into `draft` (a draft of `base`) the differences between `base` and `next`. */
function sync(draft: Obj, base: Obj, next: Obj): void {
  for (const k in next) {
    const b = base[k];
    const n = next[k];
    if (b === n) continue;
    if (n !== null && typeof n === 'object' && b !== null && typeof b === 'object') {
      if (same(b, n)) continue;
      if (Array.isArray(n) || Array.isArray(b)) {
        draft[k] = Array.isArray(n) && Array.isArray(b) ? reuseArray(b, n) : n;
      } else {
        sync(draft[k] as Obj, b as Obj, n as Obj);
      }
    } else if (b !== n && !(Number.isNaN(b) && Number.isNaN(n))) {
      draft[k] = n;
    }
  }
  for (const k in base) if (!(k in next)) delete draft[k];
}

/**
 * Runs `mutate` on a working copy of `base` at native speed and returns the next immutable
 * snapshot (immer produce + auto-freeze), sharing every unchanged part with `base`.
 */
export function evolve<T extends object>(base: T, mutate: (work: T) => void): T {
  const work = thaw(base);
  mutate(work);
  return publish(base, work);
}

/**
 * The immutable snapshot of a working copy that started as `base` (unchanged parts shared).
 * The working copy must not be used afterwards: the parts it hands over are frozen.
 */
export function publish<T extends object>(base: T, work: T): T {
  return produce(base, (draft: Draft<T>) => {
    sync(draft as unknown as Obj, base as unknown as Obj, work as unknown as Obj);
  });
}

export type { Json };
