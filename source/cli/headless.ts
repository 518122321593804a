// --headless: run the simulation at full speed and print NDJSON (README "Headless output"): start, events, actions,
// checks, snapshots, end. Exit 0, or 1 when a scenario check failed.
import type { Writable } from 'node:stream';
import type { Config, SimEvent } from '../sim/types.js';
import type { Driver } from '../sim/driver.js';
import { RunLoop, STATE_WORLD } from '../sim/run-loop.js';
import { createState } from '../sim/create.js';
import { eventsSince } from '../sim/events.js';
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
  w.write({ type: 'start', t: 0, seed: opts.config.seed, version: opts.version, config: opts.config, ...(opts.scenario ? { scenario: opts.scenario } : {}) });
  const fixedEnd = opts.durationMs ?? (opts.driver ? null : DEFAULT_DURATION_MS);
  const loop = new RunLoop(createState(opts.config), STATE_WORLD, {
    driver: opts.driver,
    nextAt: opts.nextAt,
    endMs: fixedEnd ?? MAX_SCENARIO_MS,
    stopWhenDone: fixedEnd === null,
    tailMs: opts.tailMs ?? 3000,
    maxChunkMs: MAX_CHUNK_MS,
    hooks: {
      onSay: (t, message) => w.write({ type: 'say', t, message }),
      onMarker: (t, name) => w.write({ type: 'marker', t, name }),
      onAction: (t, action) => w.write({ type: 'action', t, action, message: describeAction(action) }),
      onCheck: (c) => w.write({ type: 'check', t: c.t, step: c.step, expect: c.expect, ok: c.ok, actual: c.actual }),
    },
  });
  let lastSeq = 0;
  let leaderChanges = 0;
  let outagesClosed = 0;
  const flushEvents = () => {
    const evs = eventsSince(loop.state, lastSeq);
    if (evs.length && evs[0].seq !== lastSeq + 1) w.write({ type: 'warning', t: loop.state.t, message: `${evs[0].seq - lastSeq - 1} events were dropped from the bounded log` });
    for (const e of evs) {
      if (e.kind === 'etcd.leader_elected') leaderChanges++;
      w.write(eventLine(e));
      lastSeq = e.seq;
    }
    // An outage record closes a verdict window after everything is green again; `t` is that moment.
    for (const r of closedSince(loop.state, outagesClosed)) w.write({ type: 'outage', t: r.at + (r.greenAfterMs ?? 0), ...r });
    outagesClosed = loop.state.ledger.closedSeq;
  };
  flushEvents();
  let nextSnapshot = opts.snapshotEveryMs ?? Infinity;
  for (;;) {
    loop.poll();
    flushEvents();
    if (loop.finished) break;
    // Stop for the next snapshot too, not only for the end and the driver's next action.
    loop.advance(Infinity, nextSnapshot);
    flushEvents();
    if (loop.state.t >= nextSnapshot) {
      w.write(snapshotLine(loop.state));
      nextSnapshot += opts.snapshotEveryMs ?? Infinity;
    }
    await w.flush();
    if (w.isClosed) return outputClosed(w);
  }
  const s = loop.state;
  const checks = loop.checks;
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
