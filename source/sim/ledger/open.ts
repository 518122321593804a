// Which user actions open an outage record, and the record's name. Every fault or change the user
// injects does; heals and recoveries do not (they close nothing by themselves: a record closes
// when everything is green again after it).
import type { State } from '../types.js';
import type { SimAction } from '../actions.js';
import { newRecord } from './record.js';

const NOT_A_FAULT: ReadonlySet<SimAction['type']> = new Set(['recover', 'heal', 'heal-node', 'heal-all']);

export function opensRecord(a: SimAction): boolean {
  return !NOT_A_FAULT.has(a.type);
}

/** The record's `fault`: the action in a few words ("crash master-1", "kill apiserver on master-2"). */
export function faultName(a: SimAction): string {
  switch (a.type) {
    case 'crash': return `crash ${a.target}`;
    case 'stop': return a.component ? `stop ${a.component} on ${a.target}` : `stop ${a.target}`;
    case 'kill': return `kill ${a.component} on ${a.target}`;
    case 'restart': return `restart ${a.component} on ${a.target}`;
    case 'partition': return `partition ${a.target}`;
    case 'cut': return `cut ${a.from} ${a.both ? '<->' : '->'} ${a.to}`;
    case 'set-topology': return `set-topology ${a.topology}`;
    case 'remove-master': return `remove-master ${a.target ?? '(last)'}`;
    case 'remove-etcd': return `remove-etcd ${a.target ?? '(last)'}`;
    case 'set-lb-algorithm': return `set-lb-algorithm ${a.algorithm}`;
    case 'set-lb-check': return `set-lb-check ${a.check}`;
    case 'set-rps': return `set-rps ${a.rps}`;
    case 'set-pre-vote': return `set-pre-vote ${a.enabled ? 'on' : 'off'}`;
    case 'delete-pod': return `delete-pod ${a.pod ?? '(first running)'}`;
    default: return a.type;
  }
}

/** Opens a record for an applied action (call after the action took effect, on a draft). */
export function openOutage(s: State, a: SimAction): void {
  if (!opensRecord(a)) return;
  const L = s.ledger;
  L.open.push(newRecord(faultName(a), s.t));
  if (L.startedAt === null) L.startedAt = s.t;
}
