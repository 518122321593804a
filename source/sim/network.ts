// Nodes and directed links: a partitioned node reaches nobody; a cut link drops one direction.
import type { State } from './types.js';

export function linkKey(from: string, to: string): string {
  return `${from}>${to}`;
}

export function nodeUp(s: State, id: string): boolean {
  return s.nodes[id]?.state === 'up';
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** Can a packet sent by `from` arrive at `to`? Both nodes powered, neither partitioned, link not cut. */
export function canDeliver(s: State, from: string, to: string): boolean {
  const nodes = s.nodes;
  if (nodes[from]?.state !== 'up' || nodes[to]?.state !== 'up') return false;
  if (from === to) return true;
  const net = s.network;
  if (!isEmpty(net.partitioned) && (net.partitioned[from] || net.partitioned[to])) return false;
  return isEmpty(net.cut) || !net.cut[linkKey(from, to)];
}

/** A request/response exchange needs both directions. */
export function connected(s: State, a: string, b: string): boolean {
  return canDeliver(s, a, b) && canDeliver(s, b, a);
}

export function partition(s: State, node: string): void {
  s.network.partitioned[node] = true;
}

export function cutLink(s: State, from: string, to: string): void {
  s.network.cut[linkKey(from, to)] = true;
}

export function healLink(s: State, from: string, to: string): void {
  delete s.network.cut[linkKey(from, to)];
}

export function healNode(s: State, node: string): void {
  delete s.network.partitioned[node];
  for (const k of Object.keys(s.network.cut)) {
    const [a, b] = k.split('>');
    if (a === node || b === node) delete s.network.cut[k];
  }
}

export function healAll(s: State): void {
  s.network.partitioned = {};
  s.network.cut = {};
}

export function isIsolated(s: State, node: string): boolean {
  return !!s.network.partitioned[node];
}
