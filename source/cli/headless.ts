// --headless: run the simulation at full speed and print NDJSON (SPEC §4): start, events, actions,
// checks, snapshots, end. Exit 0, or 1 when a scenario check failed.
import type { Writable } from 'node:stream';
import type { Config, SimEvent, State } from '../sim/types.js';
import type { Driver, CheckResult } from '../sim/driver.js';
import { createState } from '../sim/create.js';
import { advance, apply } from '../sim/engine.js';
import { eventsSince, EVENT_LOG_LIMIT } from '../sim/events.js';
import { describeAction } from '../sim/actions.js';
import { NdjsonWriter } from './ndjson.js';
import { snapshotLine } from './snapshot-line.js';
import { closedSince, ledgerOf } from '../sim/ledger/index.js';
import { verdictText } from '../sim/verdict-words.js';

export interface HeadlessOptions {
  config: Config;
  durationMs: number | null;
  snapshotEveryMs: number | null;
  driver: Driver | null;
  /** A script driver can say when it next acts, so quiet stretches run in big chunks. */
  nextAt?: () => number | null;
  /** With a scenario and no --duration: run until it is done, plus this tail. */
  tailMs?: number;
  version: string;
  scenario?: { name: string; title: string } | null;
}

const DEFAULT_DURATION_MS = 60_000;
const MAX_SCENARIO_MS = 60 * 60_000;
/**
 * At most this much simulated time between event reads, so the bounded log cannot overflow: big
 * chunks are much faster (one published snapshot each), and a busy stretch shrinks them.
 */
const MAX_CHUNK_MS = 10_000;

/**
 * One event line: the stable envelope, then the event's own fields (term, votes, reason, ...). A
 * field that would shadow the envelope (none does today) goes under "data" instead.
 */
export function eventLine(e: SimEvent): Record<string, unknown> {
  const line: Record<string, unknown> = { type: 'event', t: e.t, kind: e.kind, subject: e.subject, message: e.message, id: e.id, cause: e.cause };
  if (!e.data) return line;
  let clashing: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(e.data)) {
    if (k in line) (clashing ??= {})[k] = v;
    else line[k] = v;
  }
  if (clashing) line.data = clashing;
  return line;
}

/** The reader went away (0, quietly) or the output could not be written (one line, EX_IOERR). */
function outputClosed(w: NdjsonWriter): number {
  if (w.failure === null) return 0;
  process.stderr.write(`kube-ha-lab: cannot write the output (${w.failure})\n`);
  return 74;
}

export async function runHeadless(opts: HeadlessOptions, out: Writable): Promise<number> {
  const w = new NdjsonWriter(out);
  let s: State = createState(opts.config);
  const tickMs = s.config.tickMs;
  const maxChunkTicks = Math.max(1, Math.floor(MAX_CHUNK_MS / tickMs));
  let chunkTicks = maxChunkTicks;
  w.write({ type: 'start', t: 0, seed: opts.config.seed, version: opts.version, config: opts.config, ...(opts.scenario ? { scenario: opts.scenario } : {}) });
  let lastSeq = 0;
  const checks: CheckResult[] = [];
  let leaderChanges = 0;
  let outagesClosed = 0;
  const flushEvents = () => {
    const evs = eventsSince(s, lastSeq);
    if (evs.length && evs[0].seq !== lastSeq + 1) w.write({ type: 'warning', t: s.t, message: `${evs[0].seq - lastSeq - 1} events were dropped from the bounded log` });
    for (const e of evs) {
      if (e.kind === 'etcd.leader_elected') leaderChanges++;
      w.write(eventLine(e));
      lastSeq = e.seq;
    }
    // An outage record closes a verdict window after everything is green again; `t` is that moment.
    for (const r of closedSince(s, outagesClosed)) w.write({ type: 'outage', t: r.at + (r.greenAfterMs ?? 0), ...r });
    outagesClosed = s.ledger.closedSeq;
  };
  flushEvents();
  const fixedEnd = opts.durationMs ?? (opts.driver ? null : DEFAULT_DURATION_MS);
  const tail = opts.tailMs ?? 3000;
  let doneAt: number | null = null;
  let nextSnapshot = opts.snapshotEveryMs ?? Infinity;
  const pollDriver = () => {
    if (!opts.driver) return;
    const o = opts.driver.poll(s);
    for (const text of o.say) w.write({ type: 'say', t: s.t, message: text });
    for (const m of o.markers) w.write({ type: 'marker', t: s.t, name: m });
    for (const a of o.actions) {
      w.write({ type: 'action', t: s.t, action: a, message: describeAction(a) });
      s = apply(s, a);
    }
    for (const c of o.checks) {
      checks.push(c);
      w.write({ type: 'check', t: c.t, step: c.step, expect: c.expect, ok: c.ok, actual: c.actual });
    }
    if (doneAt === null && opts.driver.done(s)) doneAt = s.t;
  };
  const endAt = () => fixedEnd ?? (doneAt !== null ? doneAt + tail : MAX_SCENARIO_MS);
  for (;;) {
    pollDriver();
    flushEvents();
    if (s.t >= endAt()) break;
    // How far to go before something needs attention: the end, a snapshot, the script's next action.
    let until = Math.min(endAt(), nextSnapshot);
    if (opts.driver) {
      const na = opts.nextAt ? opts.nextAt() : s.t + tickMs;
      if (na !== null) until = Math.min(until, Math.max(na, s.t + tickMs));
    }
    const ticks = Math.max(1, Math.min(chunkTicks, Math.ceil((until - s.t) / tickMs)));
    const seqBefore = s.eventSeq;
    s = advance(s, ticks);
    const produced = s.eventSeq - seqBefore;
    if (produced > EVENT_LOG_LIMIT / 4) chunkTicks = Math.max(1, Math.floor(chunkTicks / 4));
    else if (produced < EVENT_LOG_LIMIT / 16) chunkTicks = Math.min(maxChunkTicks, chunkTicks * 2);
    flushEvents();
    if (s.t >= nextSnapshot) {
      w.write(snapshotLine(s));
      nextSnapshot += opts.snapshotEveryMs ?? Infinity;
    }
    await w.flush();
    if (w.isClosed) return outputClosed(w);
  }
  w.write(snapshotLine(s));
  const failed = checks.filter((c) => !c.ok).length;
  const kcm = s.store.leases['kube-controller-manager'];
  const sch = s.store.leases['kube-scheduler'];
  w.write({
    type: 'end',
    t: s.t,
    summary: {
      seed: opts.config.seed,
      verdictAtEnd: verdictText(s.verdict),
      requests: { ok: s.traffic.ok, failed: s.traffic.failed },
      leaseTransitions: { 'kube-controller-manager': kcm?.leaseTransitions ?? 0, 'kube-scheduler': sch?.leaseTransitions ?? 0 },
      etcd: { term: s.etcd.term, leaderElections: leaderChanges, revision: s.etcd.revision },
      checks: { passed: checks.length - failed, failed },
      events: s.eventSeq,
      outages: ledgerOf(s),
    },
  });
  await w.end();
  if (w.isClosed) return outputClosed(w);
  return failed > 0 ? 1 : 0;
}
