// Helpers for the etcd Raft tests: a cluster made by the simulation's own createState with only
// etcd acting, and loops that drive it with the engine's own tick (on a plain working copy, as the
// engine does, or through immer produce).
import { produce } from 'immer';
import type { EtcdMember, Knobs, State, StoreOp } from '../../source/sim/types.js';
import { defaultConfig } from '../../source/sim/config.js';
import { createState } from '../../source/sim/create.js';
import { apply, tickDraft } from '../../source/sim/engine.js';
import { cutLink, healAll, healNode, partition } from '../../source/sim/network.js';
import { createMember } from '../../source/sim/etcd/member.js';
import { tickEtcd } from '../../source/sim/etcd/tick.js';
import { proposeVia, linearizableReadOk, serializableRevision, memberServing, leaderOf } from '../../source/sim/etcd/requests.js';
import { stopMember, crashMember, startMember, addMember, removeMember } from '../../source/sim/etcd/lifecycle.js';
import { clusterStatus } from '../../source/sim/etcd/status.js';

export {
  createMember, tickEtcd, proposeVia, linearizableReadOk, serializableRevision, memberServing, leaderOf,
  stopMember, crashMember, startMember, addMember, removeMember, clusterStatus,
  cutLink, healAll, healNode, partition,
};

export interface ClusterOpts {
  members?: number;
  seed?: number;
  preVote?: boolean;
  knobs?: Partial<Knobs>;
}

/**
 * An external etcd cluster of N members, as createState makes it, on a working copy the tests
 * may change in place. Its one master is powered off, so that only the tests' own proposals
 * reach etcd (a running control plane would renew its leases through it).
 */
export function makeState(opts: ClusterOpts = {}): State {
  const config = defaultConfig({
    seed: opts.seed ?? 1, topology: 'external', etcdMembers: opts.members ?? 3,
    masters: 1, workers: 0, replicas: 0, rps: 0, knobs: { preVote: opts.preVote ?? true, ...opts.knobs },
  });
  return structuredClone(apply(createState(config), { type: 'crash', target: 'master-1' })) as State;
}

/** Adds a host node (for addMember). */
export function addHost(s: State, id: string): void {
  s.nodes[id] = { id, kind: 'etcd', state: 'up', since: s.t };
  s.nodeOrder.push(id);
}

/** One tick of the engine on a plain (mutable) state, as the engine's working copy does. */
export function step1(s: State): void {
  tickDraft(s);
}

export function run(s: State, ticks: number, each?: (s: State) => void): void {
  for (let i = 0; i < ticks; i++) {
    step1(s);
    each?.(s);
  }
}

/** The same through immer: one produce per tick, returns the new (frozen) snapshot. */
export function runDraft(s: State, ticks: number): State {
  let cur = s;
  for (let i = 0; i < ticks; i++) cur = produce(cur, (d) => step1(d));
  return cur;
}

/** Ticks until pred holds (checked after each tick); returns the ticks taken or -1. */
export function runUntil(s: State, pred: (s: State) => boolean, maxTicks: number, each?: (s: State) => void): number {
  for (let i = 1; i <= maxTicks; i++) {
    step1(s);
    each?.(s);
    if (pred(s)) return i;
  }
  return -1;
}

export function servingLeaders(s: State): EtcdMember[] {
  return s.etcd.order.map((id) => s.etcd.members[id]).filter((m) => m.role === 'leader' && memberServing(s, m.id));
}

export function hasLeader(s: State): boolean {
  return clusterStatus(s).hasQuorum;
}

export function leader(s: State): EtcdMember {
  const id = clusterStatus(s).leader;
  if (!id) throw new Error('no leader');
  return s.etcd.members[id];
}

/** A booted cluster: ticks until a leader with quorum exists, then a little more. */
export function booted(opts: ClusterOpts = {}): State {
  const s = makeState(opts);
  const t = runUntil(s, hasLeader, 100);
  if (t < 0) throw new Error('no leader in 10 s');
  run(s, 5);
  return s;
}

let reqSeq = 0;
export function writeOp(count = 1): StoreOp {
  reqSeq += 1;
  return { kind: 'writes', requestId: reqSeq, count };
}

export function events(s: State, kind: string, sinceSeq = 0) {
  return s.events.filter((e) => e.kind === kind && e.seq > sinceSeq);
}

/**
 * Raft safety checks, run after every tick: at most one leader per term (ever), committed entries
 * never change on any member, and the store applied exactly the committed ops, once, in order.
 */
export class SafetyChecker {
  leaderOfTerm = new Map<number, string>();
  committed = new Map<number, { term: number; count: number }>();
  checks = 0;
  checkedUpTo = new Map<string, number>();
  check(s: State): void {
    this.checks++;
    for (const id of s.etcd.order) {
      const m = s.etcd.members[id];
      if (m.role === 'leader') {
        const prev = this.leaderOfTerm.get(m.term);
        if (prev !== undefined && prev !== id) throw new Error(`two leaders in term ${m.term}: ${prev} and ${id} (t=${s.t})`);
        this.leaderOfTerm.set(m.term, id);
      }
      // The whole committed log every 100 checks; otherwise the newly committed entries and the
      // 64 before them (a truncation always starts at the end of the log).
      const full = this.checks % 100 === 0;
      const from = full ? m.snapshotIndex + 1 : Math.max(m.snapshotIndex + 1, Math.min(this.checkedUpTo.get(id) ?? 0, m.commitIndex) - 64);
      this.checkedUpTo.set(id, m.commitIndex);
      for (let p = from - m.snapshotIndex - 1; p < m.log.length; p++) {
        const e = m.log[p];
        if (e.index > m.commitIndex) break;
        const c = this.committed.get(e.index);
        const count = e.op?.kind === 'writes' ? e.op.count : 0;
        if (c === undefined) this.committed.set(e.index, { term: e.term, count });
        else if (c.term !== e.term || c.count !== count) throw new Error(`committed entry ${e.index} changed on ${id} (t=${s.t})`);
      }
      if (m.commitIndex > m.snapshotIndex + m.log.length) throw new Error(`${id} commits beyond its log`);
    }
    while (this.appliedUpTo < s.etcd.appliedIndex) {
      const c = this.committed.get(++this.appliedUpTo);
      if (c === undefined) throw new Error(`applied index ${this.appliedUpTo} was never seen committed`);
      this.appliedRev += c.count;
    }
    if (this.appliedRev !== s.etcd.revision) throw new Error(`revision ${s.etcd.revision} != sum of applied ops ${this.appliedRev} (t=${s.t})`);
  }
  appliedUpTo = 0;
  /** A new etcd cluster starts at revision 1 (createState too); each applied write adds its count. */
  appliedRev = 1;
}
