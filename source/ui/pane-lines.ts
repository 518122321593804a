// One pane's lines by its id: the dashboard's layout and the presenter's draw panes through this.
import type { State } from '../sim/types.js';
import type { Line } from './lines.js';
import { mastersPane } from './panes/masters.js';
import { etcdPane } from './panes/etcd.js';
import { leasesPane } from './panes/leases.js';
import { lbPane } from './panes/lb.js';
import { workloadsPane } from './panes/workloads.js';
import { eventsPane } from './panes/events.js';

export type PaneId = 'masters' | 'etcd' | 'lb' | 'leases' | 'workloads' | 'events';

export const PANE_TITLES: Record<PaneId, string> = {
  masters: 'Masters', etcd: 'etcd', lb: 'Load balancer', leases: 'Leases', workloads: 'Workloads', events: 'Events (newest first)',
};

/** The events pane shows each event's cause from this width. */
export const EVENT_CAUSES_FROM = 70;

export interface PaneSelection {
  selected: string | null;
  selectedEvent?: string | null;
}

export function paneLines(id: PaneId, s: State, width: number, maxLines: number, sel: PaneSelection): Line[] {
  switch (id) {
    case 'masters': return mastersPane(s, sel.selected, width, maxLines);
    case 'etcd': return etcdPane(s, sel.selected, width);
    case 'lb': return lbPane(s, sel.selected, width);
    case 'leases': return leasesPane(s, width);
    case 'workloads': return workloadsPane(s, sel.selected, width);
    case 'events': return eventsPane(s, width, maxLines, width >= EVENT_CAUSES_FROM, sel.selectedEvent ?? null);
  }
}
