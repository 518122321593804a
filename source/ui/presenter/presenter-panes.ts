// Which panes the presenter shows: in a lesson, the pane the step on screen is about (its `focus`)
// and, where there is room, the pane the verdict points at; outside a lesson, the panes that matter
// for the current verdict. Small rules over data, first match wins.
import type { State } from '../../sim/types.js';
import type { PaneId } from '../pane-lines.js';
import { etcdLeaderless, leaseLeaderless, podsBelowDesired, writesUnavailable } from '../../sim/ledger/conditions.js';

const PANE_OF_FOCUS: Record<string, PaneId> = {
  lb: 'lb', leases: 'leases', etcd: 'etcd', workloads: 'workloads', masters: 'masters', events: 'events', timeline: 'events',
};

interface VerdictRule {
  when(s: State): boolean;
  panes: [PaneId, PaneId];
}

/** What is wrong, most telling first, and the two panes that show it. */
const VERDICT_RULES: VerdictRule[] = [
  { when: (s) => etcdLeaderless(s), panes: ['etcd', 'masters'] },
  { when: (s) => s.verdict.api === 'DOWN' || s.verdict.api === 'DEGRADED', panes: ['lb', 'masters'] },
  { when: (s) => writesUnavailable(s), panes: ['etcd', 'lb'] },
  { when: (s) => leaseLeaderless(s, 'controller-manager') || leaseLeaderless(s, 'scheduler'), panes: ['leases', 'masters'] },
  { when: (s) => podsBelowDesired(s), panes: ['workloads', 'leases'] },
];
const ALL_WELL: [PaneId, PaneId] = ['masters', 'lb'];

/** The two panes the verdict points at now. */
export function verdictPanes(s: State): [PaneId, PaneId] {
  return VERDICT_RULES.find((r) => r.when(s))?.panes ?? ALL_WELL;
}

/** The panes to show, most important first (at most two): the step's focus leads in a lesson. */
export function presenterPanes(s: State, focus: string | null, inLesson: boolean): PaneId[] {
  const byVerdict = verdictPanes(s);
  const lead = focus ? PANE_OF_FOCUS[focus] : undefined;
  if (!inLesson || !lead) return [...byVerdict];
  const second = byVerdict.find((p) => p !== lead) ?? 'masters';
  return [lead, second];
}
