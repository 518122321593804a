// Plays a parsed keystroke script: each key's bytes written at its time, on real or test timers.
import { performance } from 'node:perf_hooks';
import type { KeyScript, ScheduledKey } from './key-script.js';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds, any origin. */
  now(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

export interface KeyScriptRun {
  /** Resolves after the last key was written (or the run was cancelled). */
  done: Promise<void>;
  cancel(): void;
}

export interface RunKeyScriptOptions {
  onMarker?: (label: string) => void;
  /** Called before each key is written (logging, tests). */
  onKey?: (key: ScheduledKey) => void;
}

/**
 * Writes each key's bytes through `writeKey` at its time from now. Each timer is set against the
 * start (not the previous key), so delays do not accumulate.
 */
export function runKeyScript(script: KeyScript, writeKey: (seq: string) => void, timers: Timers = realTimers, opts: RunKeyScriptOptions = {}): KeyScriptRun {
  const start = timers.now();
  let i = 0;
  let handle: unknown = null;
  let cancelled = false;
  let resolve!: () => void;
  const done = new Promise<void>((r) => { resolve = r; });

  const fire = () => {
    handle = null;
    if (cancelled) return;
    const elapsed = timers.now() - start;
    // Everything that is due now goes out in order.
    while (i < script.keys.length && script.keys[i].atMs <= elapsed + 0.5) {
      const k = script.keys[i++];
      try {
        opts.onKey?.(k);
        if (k.marker !== undefined) opts.onMarker?.(k.marker);
        if (k.seq) writeKey(k.seq);
      } catch {
        // A failing consumer must not stop the script.
      }
      // Escape alone must reach the app before the next key, or it reads as Alt+<key>.
      if (k.seq === '\u001b' && i < script.keys.length && script.keys[i].atMs <= elapsed + 0.5) break;
    }
    schedule();
  };

  const schedule = () => {
    if (cancelled) return;
    if (i >= script.keys.length) {
      resolve();
      return;
    }
    const wait = Math.max(0, script.keys[i].atMs - (timers.now() - start));
    // A key due now right after a lone Escape still waits a few ms (Ink flushes Esc on setImmediate).
    const prevEsc = i > 0 && script.keys[i - 1].seq === '\u001b';
    handle = timers.setTimeout(fire, prevEsc ? Math.max(wait, 10) : wait);
  };

  schedule();
  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      resolve();
    },
  };
}
