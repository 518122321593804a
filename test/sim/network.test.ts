// Reachability between hosts: one-way cuts, partitions and hosts that are down, for messages
// (one direction) and for request/response exchanges (both directions).
import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { canDeliver, connected, cutLink, partition } from '../../source/sim/network.js';
import { cluster } from './helpers.js';
import type { State } from '../../source/sim/types.js';

const NODES = ['master-1', 'master-2', 'master-3', 'lb-1'];

/** connected() must be canDeliver() both ways, for every pair of hosts. */
function agrees(s: State): void {
  for (const a of NODES) {
    for (const b of NODES) {
      expect(connected(s, a, b), `${a} ↔ ${b}`).toBe(canDeliver(s, a, b) && canDeliver(s, b, a));
    }
  }
}

describe('network reachability', () => {
  it('a one-way cut stops messages one way and every exchange both ways', () => {
    for (const [from, to] of [['master-1', 'master-2'], ['master-2', 'master-1'], ['lb-1', 'master-3']]) {
      const s = produce(cluster(), (d) => cutLink(d, from, to));
      expect(canDeliver(s, from, to)).toBe(false);
      expect(canDeliver(s, to, from)).toBe(true);
      expect(connected(s, from, to)).toBe(false);
      expect(connected(s, to, from)).toBe(false);
      agrees(s);
    }
  });

  it('a partitioned host reaches only itself; a healthy network reaches everywhere', () => {
    const healthy = cluster();
    for (const a of NODES) for (const b of NODES) expect(connected(healthy, a, b)).toBe(true);
    const s = produce(healthy, (d) => partition(d, 'master-3'));
    expect(connected(s, 'master-3', 'master-3')).toBe(true);
    expect(connected(s, 'master-1', 'master-3')).toBe(false);
    expect(connected(s, 'master-3', 'lb-1')).toBe(false);
    expect(connected(s, 'master-1', 'lb-1')).toBe(true);
    agrees(s);
  });

  it('a crashed host reaches nothing, not even itself', () => {
    const s = produce(cluster(), (d) => { d.nodes['master-2'].state = 'crashed'; });
    expect(connected(s, 'master-2', 'master-2')).toBe(false);
    expect(connected(s, 'master-1', 'master-2')).toBe(false);
    agrees(s);
  });
});
