// The timeline's lanes: one small rule per lane that reads a snapshot and says what it shows
// there, as a glyph (one character), a word, a tone and a rank (the worst state in a time slice
// wins). Nothing is recomputed here: each rule reads the simulation's own views of the snapshot
// and the outage ledger's conditions, so a lane and the ledger's measure agree.
import type { ElectorComponent, LeaseName, State } from '../../sim/types.js';
import type { Tone } from '../lines.js';
import { leaseView, workloadsView } from '../../sim/views.js';
import { clusterStatus } from '../../sim/etcd/index.js';
import {
  backendAlive, etcdLeaderless, leaseLeaderless, liveVipLb, podsBelowDesired, writesUnavailable,
} from '../../sim/ledger/conditions.js';

export interface Cell {
  glyph: string;
  /** At most WORD_MAX characters (the column beside the strips). */
  word: string;
  tone: Tone;
  /** Higher is worse: the worst state seen in a slice is the one drawn. */
  rank: number;
}

export interface Lane {
  id: string;
  label: string;
  /** A short label for the narrow strip. */
  short: string;
  cell(s: State): Cell | null;
}

/** The longest word a cell has (node names, "API DEGRADED", "no active leader"). */
export const WORD_MAX = 16;

export const OK_GLYPH = '─';
export const DEGRADED_GLYPH = '≈';
export const DOWN_GLYPH = '✖';
export const WRONG_GLYPH = '!';
export const NONE_GLYPH = '·';
export const STARTING_GLYPH = '…';

const ok = (word: string): Cell => ({ glyph: OK_GLYPH, word, tone: 'ok', rank: 0 });
const degraded = (word: string): Cell => ({ glyph: DEGRADED_GLYPH, word, tone: 'warn', rank: 2 });
const down = (word: string): Cell => ({ glyph: DOWN_GLYPH, word, tone: 'bad', rank: 3 });
const none = (word: string): Cell => ({ glyph: NONE_GLYPH, word, tone: 'bad', rank: 3 });
const starting = (): Cell => ({ glyph: STARTING_GLYPH, word: 'starting', tone: 'info', rank: 1 });

/** The character that names a node in a holder lane: its number ("master-3" → "3"). */
export function holderGlyph(node: string): string {
  const m = /(\d+)$/.exec(node);
  return m ? m[1].slice(-1) : (node[0] ?? '?');
}

const holder = (node: string): Cell => ({ glyph: holderGlyph(node), word: node, tone: 'ok', rank: 0 });

/** What clients see: the simulation's verdict, from their requests' outcomes. */
export function apiCell(s: State): Cell {
  switch (s.verdict.api) {
    case 'OK': return ok('API OK');
    case 'DOWN': return down('API DOWN');
    case 'DEGRADED': return degraded('API DEGRADED');
    case 'STARTING': return starting();
  }
}

function writesCell(s: State): Cell {
  if (!writesUnavailable(s)) return ok('writes OK');
  // While the cluster first comes up, writes are not failing yet: they are starting, as the API.
  return s.verdict.api === 'STARTING' ? starting() : down('writes failing');
}

function etcdCell(s: State): Cell {
  const leader = s.etcd.leader;
  if (leader && !etcdLeaderless(s)) return holder(s.etcd.members[leader]?.host ?? leader);
  const st = clusterStatus(s);
  return none(`no leader ${st.serving}/${st.voters} up`);
}

function backendCell(id: string) {
  return (s: State): Cell | null => {
    const b = s.lb.backends[id];
    if (!b) return null;
    if (b.status === 'DOWN') return down('DOWN');
    const lb = liveVipLb(s);
    if (lb && !backendAlive(s, lb, id)) return { glyph: WRONG_GLYPH, word: 'UP, cannot serve', tone: 'bad', rank: 2.5 };
    return b.checkFail > 0 ? { glyph: DEGRADED_GLYPH, word: `UP, fail ${b.checkFail}/${s.config.knobs.fall}`, tone: 'warn', rank: 1 } : ok('UP');
  };
}

function vipCell(s: State): Cell {
  return s.lb.vipHolder ? holder(s.lb.vipHolder) : none('no VIP');
}

function leaseCell(name: LeaseName, component: ElectorComponent) {
  return (s: State): Cell => {
    const v = leaseView(s, name);
    if (!leaseLeaderless(s, component) && v.holderAlive && v.holderHost) return holder(v.holderHost);
    return none(!v.holder ? 'no holder' : v.holderAlive ? "leader can't act" : 'no active leader');
  };
}

function podsCell(s: State): Cell {
  const w = workloadsView(s);
  const really = w.running - w.onUnreachableNodes;
  const word = `${really}/${w.desired} running`;
  if (!podsBelowDesired(s)) return ok(word);
  return really <= 0 ? down(word) : degraded(word);
}

/** The lanes for a cluster shaped like `s` (one per LB backend; the VIP only with an LB pair). */
export function lanesFor(s: State): Lane[] {
  const lanes: Lane[] = [
    { id: 'api', label: 'API (clients)', short: 'API', cell: apiCell },
    { id: 'writes', label: 'writes', short: 'writes', cell: writesCell },
    { id: 'etcd', label: 'etcd leader', short: 'etcd', cell: etcdCell },
  ];
  for (const id of s.lb.order) lanes.push({ id: `backend:${id}`, label: `LB → ${id}`, short: `LB ${holderGlyph(id)}`, cell: backendCell(id) });
  if (s.config.lbPair) lanes.push({ id: 'vip', label: 'VIP holder', short: 'VIP', cell: vipCell });
  lanes.push(
    { id: 'kcm', label: 'KCM lease', short: 'KCM', cell: leaseCell('kube-controller-manager', 'controller-manager') },
    { id: 'scheduler', label: 'scheduler lease', short: 'sched', cell: leaseCell('kube-scheduler', 'scheduler') },
    { id: 'pods', label: 'pods running', short: 'pods', cell: podsCell },
  );
  return lanes;
}

/** The glyphs of every lane and what they mean (colour only repeats them). */
export const LEGEND: [string, string][] = [
  [OK_GLYPH, 'ok / UP / all running'],
  [DEGRADED_GLYPH, 'degraded / checks failing / pods missing'],
  [DOWN_GLYPH, 'down / DOWN'],
  [WRONG_GLYPH, 'UP, cannot serve'],
  ['1-9', 'which node holds it'],
  [NONE_GLYPH, 'no leader'],
  [STARTING_GLYPH, 'starting'],
];
