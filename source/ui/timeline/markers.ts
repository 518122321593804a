// Faults and user actions as markers on the timeline: the events a person's action emitted
// (they have no cause), found in the snapshots' bounded event logs.
import type { SimEvent, State } from '../../sim/types.js';

const SHORT_COMPONENT: Record<string, string> = {
  'kube-apiserver': 'apiserver', 'kube-controller-manager': 'KCM', 'kube-scheduler': 'scheduler', etcd: 'etcd',
};

const component = (e: SimEvent) => SHORT_COMPONENT[e.message.split(' ')[0]] ?? e.message.split(' ')[0];
const link = (e: SimEvent) => e.subject.replace('>', '→');

/** The short label of each kind of user action (an event kind with no cause). */
const LABELS: Record<string, (e: SimEvent) => string> = {
  'node.crashed': (e) => `crash ${e.subject}`,
  'node.stopped': (e) => `stop ${e.subject}`,
  'node.recovered': (e) => `recover ${e.subject}`,
  'component.killed': (e) => `kill ${component(e)} ${e.subject}`,
  'component.stopped': (e) => `stop ${component(e)} ${e.subject}`,
  'component.started': (e) => `restart ${component(e)} ${e.subject}`,
  'network.partitioned': (e) => `partition ${e.subject}`,
  'network.link_cut': (e) => `cut ${link(e)}`,
  'network.link_healed': (e) => `heal ${link(e)}`,
  'network.healed': (e) => (e.subject === 'all' ? 'heal all' : `heal ${e.subject}`),
  'topology.switched': () => 'switch topology',
  'master.added': (e) => `add ${e.subject}`,
  'master.removed': (e) => `remove ${e.subject}`,
  'etcd.member_added': (e) => `add ${e.subject}`,
  'etcd.member_removed': (e) => `remove ${e.subject}`,
  'lb.algorithm': () => 'LB algorithm',
  'lb.check': () => 'LB check',
  'traffic.rate': () => 'request rate',
  'etcd.pre_vote': () => 'PreVote',
  'pods.deleted': () => 'delete a pod',
};

export interface Marker {
  t: number;
  label: string;
  eventId: string;
}

/** The marker of an event, or null when the event is not a person's action. */
export function markerOf(e: SimEvent): Marker | null {
  if (e.cause !== null) return null;
  const label = LABELS[e.kind];
  return label ? { t: e.t, label: label(e), eventId: e.id } : null;
}

/**
 * Events with `from <= t < to`, oldest first, gathered from the newest snapshot's bounded log and,
 * where that log no longer reaches back to `from`, from older snapshots.
 */
export function eventsBetween(history: readonly State[], newest: State, from: number, to: number): SimEvent[] {
  const out: SimEvent[] = [];
  let minSeq = Infinity;
  let snap: State | undefined = newest;
  let i = history.length - 1;
  for (let guard = 0; snap && guard < 64; guard++) {
    const evs = snap.events;
    for (let k = evs.length - 1; k >= 0; k--) {
      const e = evs[k];
      if (e.seq >= minSeq) continue;
      if (e.t < from) break;
      if (e.t < to) out.push(e);
    }
    const oldest = evs[0];
    if (!oldest || oldest.t < from || oldest.seq <= 1) break;
    minSeq = Math.min(minSeq, oldest.seq);
    // The newest older snapshot whose log still holds events before `oldest`.
    while (i >= 0 && history[i].t > oldest.t) i--;
    snap = i >= 0 ? history[i] : undefined;
    i--;
  }
  return out.sort((a, b) => a.seq - b.seq);
}

export function markersBetween(history: readonly State[], newest: State, from: number, to: number): Marker[] {
  const out: Marker[] = [];
  for (const e of eventsBetween(history, newest, from, to)) {
    const m = markerOf(e);
    if (m) out.push(m);
  }
  return out;
}
