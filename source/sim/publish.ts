// Fast ticks with immutable snapshots. The tick rules run at native speed on a private working
// copy (plain objects, no proxies); publishing then walks the copy once, keeps every part equal to
// the snapshot before (so snapshots share unchanged parts) and freezes the rest.

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

/** Freezes a part new in this snapshot, and every part of it not frozen yet (shared parts already are). */
function freezeNew(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) freezeNew(v[i]);
  else for (const k in v as Obj) freezeNew((v as Obj)[k]);
  return Object.freeze(v);
}

/**
 * Where the elements of `base` start again in `next`: 0, or the number of entries a bounded log
 * dropped from its front before appending (looked for among the first 64).
 */
function shiftOf(base: readonly unknown[], next: readonly unknown[]): number {
  if (next.length === 0 || base.length === 0 || same(base[0], next[0])) return 0;
  for (let o = 1; o < base.length && o < 64; o++) if (same(base[o], next[0])) return o;
  return 0;
}

function shareArray(base: readonly unknown[], next: unknown[]): unknown {
  const offset = shiftOf(base, next);
  let changed = next.length !== base.length;
  for (let i = 0; i < next.length; i++) {
    const j = i + offset;
    const v = j < base.length ? share(base[j], next[i]) : freezeNew(next[i]);
    next[i] = v;
    if (!changed && v !== base[i]) changed = true;
  }
  return changed ? Object.freeze(next) : base;
}

function shareObject(base: Obj, next: Obj): unknown {
  let changed = false;
  let keys = 0;
  for (const k in next) {
    keys++;
    const b = base[k];
    const v = b === undefined && !(k in base) ? freezeNew(next[k]) : share(b, next[k]);
    next[k] = v;
    if (!changed && (v !== b || !(k in base))) changed = true;
  }
  if (!changed) for (const _ in base) keys--;
  return changed || keys !== 0 ? Object.freeze(next) : base;
}

/**
 * `next` made immutable, sharing with `base` every part that is equal to it: `base` itself when
 * nothing changed, otherwise `next` (reused in place: it is the working copy) with each unchanged
 * part replaced by the one of `base`, and frozen. One walk over the working copy.
 */
function share(base: unknown, next: unknown): unknown {
  if (base === next) return base;
  if (next === null || typeof next !== 'object') {
    return typeof base === 'number' && typeof next === 'number' && Number.isNaN(base) && Number.isNaN(next) ? base : next;
  }
  if (base === null || typeof base !== 'object' || Array.isArray(base) !== Array.isArray(next)) return freezeNew(next);
  if (Object.isFrozen(next)) return same(base, next) ? base : next;
  return Array.isArray(next) ? shareArray(base as unknown[], next) : shareObject(base as Obj, next as Obj);
}

/**
 * Runs `mutate` on a working copy of `base` at native speed and returns the next immutable
 * snapshot, frozen, sharing every unchanged part with `base`.
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
  return share(base, work) as T;
}

export type { Json };
