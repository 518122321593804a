// The one loop that runs a simulation with an optional driver (a scenario, a --script): poll the
// driver before each tick, apply what it asks, advance to the next due time, stop at the end.
// The headless CLI, the recorder, the dashboard and the lesson tests all run through it.
//
// Pure and synchronous: the caller owns any I/O and awaits between steps if it must. Nothing is
// allocated per tick when nobody listens; quiet stretches advance in big chunks.
import type { State } from './types.js';
import type { SimAction } from './actions.js';
import type { CheckResult, Driver } from './driver.js';
import { advance, apply } from './engine.js';
import { EVENT_LOG_LIMIT } from './events.js';
import type { Session } from './session.js';
import { dispatch, stepTicks } from './session.js';

/** How the loop moves one kind of world: a bare State, or a Session that keeps history. */
export interface WorldOps<W> {
  live(w: W): State;
  apply(w: W, a: SimAction): W;
  advance(w: W, ticks: number): W;
}

export const STATE_WORLD: WorldOps<State> = { live: (s) => s, apply, advance };
export const SESSION_WORLD: WorldOps<Session> = { live: (s) => s.live, apply: dispatch, advance: stepTicks };

/** Told what the driver did, at the simulated time it did it. Every hook is optional. */
export interface RunHooks {
  onSay?(t: number, text: string): void;
  onMarker?(t: number, name: string): void;
  onAction?(t: number, action: SimAction): void;
  onCheck?(check: CheckResult): void;
}

export interface RunLoopOptions {
  driver?: Driver | null;
  /** When the driver next acts (a script knows), so quiet stretches run in big chunks; else every tick. */
  nextAt?: () => number | null;
  /** Stop at this simulated time at the latest (default: never). */
  endMs?: number;
  /** Stop `tailMs` after the driver is done (default true when there is a driver). */
  stopWhenDone?: boolean;
  tailMs?: number;
  /** At most this much simulated time in one advance, so readers of the bounded event log keep up. */
  maxChunkMs?: number;
  hooks?: RunHooks;
}

const DEFAULT_MAX_CHUNK_MS = 10_000;

export class RunLoop<W> {
  world: W;
  /** Every check the driver reported, in order. */
  readonly checks: CheckResult[] = [];
  /** Simulated time at which the driver said it was done, or null. */
  doneAt: number | null = null;
  private readonly driver: Driver | null;
  private readonly maxChunkTicks: number;
  private chunkTicks: number;

  constructor(world: W, private readonly ops: WorldOps<W>, private readonly opts: RunLoopOptions = {}) {
    this.world = world;
    this.driver = opts.driver ?? null;
    const tickMs = ops.live(world).config.tickMs;
    this.maxChunkTicks = Math.max(1, Math.floor((opts.maxChunkMs ?? DEFAULT_MAX_CHUNK_MS) / tickMs));
    this.chunkTicks = this.maxChunkTicks;
  }

  get state(): State {
    return this.ops.live(this.world);
  }

  /** The simulated time the run ends at, as known now. */
  get endAt(): number {
    const end = this.opts.endMs ?? Infinity;
    const stopWhenDone = this.opts.stopWhenDone ?? this.driver !== null;
    if (!stopWhenDone || this.doneAt === null) return end;
    return Math.min(end, this.doneAt + (this.opts.tailMs ?? 0));
  }

  get finished(): boolean {
    return this.state.t >= this.endAt;
  }

  /** Asks the driver what to do now and does it. True when it did or said anything. */
  poll(): boolean {
    const d = this.driver;
    if (!d) return false;
    const out = d.poll(this.state);
    const h = this.opts.hooks;
    let t = this.state.t;
    for (const text of out.say) h?.onSay?.(t, text);
    for (const m of out.markers) h?.onMarker?.(t, m);
    for (const a of out.actions) {
      h?.onAction?.(t, a);
      this.world = this.ops.apply(this.world, a);
      t = this.state.t;
    }
    for (const c of out.checks) {
      this.checks.push(c);
      h?.onCheck?.(c);
    }
    if (this.doneAt === null && d.done(this.state)) this.doneAt = this.state.t;
    return out.say.length + out.markers.length + out.actions.length + out.checks.length > 0;
  }

  /**
   * Advances towards the next due time: the end, `until`, the driver's next action (every tick
   * when it cannot say). At least one tick, at most `maxTicks`. Returns the ticks run.
   */
  advance(maxTicks = Infinity, until = Infinity): number {
    const s = this.state;
    const tickMs = s.config.tickMs;
    let due = Math.min(this.endAt, until);
    if (this.driver) {
      const next = this.opts.nextAt ? this.opts.nextAt() : s.t + tickMs;
      if (next !== null) due = Math.min(due, Math.max(next, s.t + tickMs));
    }
    const ticks = Math.max(1, Math.min(maxTicks, this.chunkTicks, Math.ceil((due - s.t) / tickMs)));
    const seqBefore = s.eventSeq;
    this.world = this.ops.advance(this.world, ticks);
    // A busy stretch shrinks the chunks so the bounded event log cannot overflow between reads.
    const produced = this.state.eventSeq - seqBefore;
    if (produced > EVENT_LOG_LIMIT / 4) this.chunkTicks = Math.max(1, Math.floor(this.chunkTicks / 4));
    else if (produced < EVENT_LOG_LIMIT / 16) this.chunkTicks = Math.min(this.maxChunkTicks, this.chunkTicks * 2);
    return ticks;
  }

  /** Runs `ticks` ticks, polling the driver before each one (the dashboard's frame). */
  runTicks(ticks: number): void {
    let left = ticks;
    while (left > 0) {
      this.poll();
      left -= this.advance(left);
    }
  }

  /** Polls and advances until the end; for tests and runs with nobody watching. */
  runToEnd(): this {
    for (;;) {
      this.poll();
      if (this.finished) return this;
      this.advance();
    }
  }
}
