// Which compact pane a lesson step's `focus` brings forward. The timeline has no compact pane of
// its own: its faults and events are in the events pane.
import { COMPACT_ORDER, type PaneId } from './layout.js';

const PANE_OF_FOCUS: Record<string, PaneId> = {
  lb: 'lb', leases: 'leases', etcd: 'etcd', workloads: 'workloads', masters: 'masters', events: 'events', timeline: 'events',
};

/** Index in COMPACT_ORDER of the pane for `focus`, or -1. */
export function compactPaneOf(focus: string): number {
  const id = PANE_OF_FOCUS[focus];
  return id ? COMPACT_ORDER.indexOf(id) : -1;
}
