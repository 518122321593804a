// The one resolver of node names (scripts, scenarios, property tests) agrees with the simulation.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../source/sim/config.js';
import { createState } from '../../source/sim/create.js';
import { apply } from '../../source/sim/engine.js';
import { nodeNamesAtStart, possibleNodeNames } from '../../source/sim/node-names.js';

const configs = [
  defaultConfig({ seed: 1 }),
  defaultConfig({ seed: 1, masters: 5, topology: 'external', etcdMembers: 5, workers: 0, lbPair: true }),
  defaultConfig({ seed: 1, masters: 1, topology: 'stacked', workers: 12 }),
];

describe('node names', () => {
  it('names exactly the nodes createState makes', () => {
    for (const c of configs) expect([...nodeNamesAtStart(c)].sort()).toEqual([...createState(c).nodeOrder].sort());
  });

  it('includes every node that growth and a topology switch create, and no more without them', () => {
    for (const c of configs) {
      expect(possibleNodeNames(c, [])).toEqual(new Set(nodeNamesAtStart(c)));
      let s = createState(c);
      const actions = [{ type: 'set-topology', topology: 'external' }, { type: 'add-master' }, { type: 'add-etcd' }] as const;
      for (const a of actions) s = apply(s, a);
      const possible = possibleNodeNames(c, actions);
      for (const id of s.nodeOrder) expect(possible.has(id)).toBe(true);
    }
  });
});
