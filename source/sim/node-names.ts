// The names of a configuration's nodes, as createState will make them, and the names a run's
// actions may name (those, plus what add-master / add-etcd / set-topology could create). One
// resolver for the --script parser, the scenario loader and the property tests.
import type { Config } from './types.js';
import { LIMITS } from './config.js';
import { etcdNodeId, lbId, masterId, workerId } from './create.js';

function range(n: number, id: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => id(i + 1));
}

/** The nodes a cluster of this configuration starts with. */
export function nodeNamesAtStart(c: Config): string[] {
  return [
    ...range(c.lbPair ? 2 : 1, lbId),
    ...range(c.masters, masterId),
    ...(c.topology === 'external' ? range(c.etcdMembers, etcdNodeId) : []),
    ...range(c.workers, workerId),
  ];
}

/** Every node name that may exist during a run of these actions (given by type and topology). */
export function possibleNodeNames(c: Config, actions: readonly { type?: unknown; topology?: unknown }[]): Set<string> {
  const grows = actions.some((a) => a.type === 'add-master' || a.type === 'add-etcd');
  const external = c.topology === 'external' || actions.some((a) => a.type === 'add-etcd' || (a.type === 'set-topology' && a.topology === 'external'));
  return new Set([
    ...range(c.lbPair ? 2 : 1, lbId),
    ...range(grows ? LIMITS.masters.max : c.masters, masterId),
    ...(external ? range(grows ? LIMITS.etcdMembers.max : c.etcdMembers, etcdNodeId) : []),
    ...range(c.workers, workerId),
  ]);
}
