// One typed Action union for keys, menus, scenario files, scripts and tests.
import type { ComponentKind, LbAlgorithm, LbCheck, Topology } from './types.js';

/** Actions that change the simulated world; applied by `apply(state, action)`. */
export type SimAction =
  | { type: 'crash'; target: string }
  | { type: 'stop'; target: string; component?: ComponentKind }
  | { type: 'recover'; target: string }
  | { type: 'kill'; target: string; component: ComponentKind }
  | { type: 'restart'; target: string; component: ComponentKind }
  | { type: 'partition'; target: string }
  | { type: 'cut'; from: string; to: string; both?: boolean }
  | { type: 'heal'; from: string; to: string; both?: boolean }
  | { type: 'heal-node'; target: string }
  | { type: 'heal-all' }
  | { type: 'set-topology'; topology: Topology }
  | { type: 'add-master' }
  | { type: 'remove-master'; target?: string }
  | { type: 'add-etcd' }
  | { type: 'remove-etcd'; target?: string }
  | { type: 'set-lb-algorithm'; algorithm: LbAlgorithm }
  | { type: 'set-lb-check'; check: LbCheck }
  | { type: 'set-rps'; rps: number }
  | { type: 'set-pre-vote'; enabled: boolean }
  | { type: 'delete-pod'; pod?: string };

/** Actions on the run itself (time, history); handled by the session, not the simulation. */
export type ControlAction =
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'toggle-pause' }
  | { type: 'step'; ticks?: number }
  | { type: 'speed'; speed: number }
  | { type: 'rewind'; ms?: number }
  | { type: 'forward'; ms?: number }
  | { type: 'fork' };

export type Action = SimAction | ControlAction;

export const SIM_ACTION_TYPES = [
  'crash', 'stop', 'recover', 'kill', 'restart', 'partition', 'cut', 'heal', 'heal-node', 'heal-all',
  'set-topology', 'add-master', 'remove-master', 'add-etcd', 'remove-etcd', 'set-lb-algorithm',
  'set-lb-check', 'set-rps', 'set-pre-vote', 'delete-pod',
] as const satisfies readonly SimAction['type'][];

export const CONTROL_ACTION_TYPES = [
  'pause', 'resume', 'toggle-pause', 'step', 'speed', 'rewind', 'forward', 'fork',
] as const satisfies readonly ControlAction['type'][];

/** The fields each action takes (for scripts and scenario files); node names are in target/from/to. */
export const ACTION_FIELDS: Record<SimAction['type'], { required: string[]; optional: string[] }> = {
  crash: { required: ['target'], optional: [] },
  stop: { required: ['target'], optional: ['component'] },
  recover: { required: ['target'], optional: [] },
  kill: { required: ['target', 'component'], optional: [] },
  restart: { required: ['target', 'component'], optional: [] },
  partition: { required: ['target'], optional: [] },
  cut: { required: ['from', 'to'], optional: ['both'] },
  heal: { required: ['from', 'to'], optional: ['both'] },
  'heal-node': { required: ['target'], optional: [] },
  'heal-all': { required: [], optional: [] },
  'set-topology': { required: ['topology'], optional: [] },
  'add-master': { required: [], optional: [] },
  'remove-master': { required: [], optional: ['target'] },
  'add-etcd': { required: [], optional: [] },
  'remove-etcd': { required: [], optional: ['target'] },
  'set-lb-algorithm': { required: ['algorithm'], optional: [] },
  'set-lb-check': { required: ['check'], optional: [] },
  'set-rps': { required: ['rps'], optional: [] },
  'set-pre-vote': { required: ['enabled'], optional: [] },
  'delete-pod': { required: [], optional: ['pod'] },
};

export const NODE_FIELDS = ['target', 'from', 'to'] as const;

export function isSimAction(a: Action): a is SimAction {
  return (SIM_ACTION_TYPES as readonly string[]).includes(a.type);
}

/** A short human description, for logs, menus and narration. */
export function describeAction(a: Action): string {
  switch (a.type) {
    case 'crash': return `crash ${a.target}`;
    case 'stop': return a.component ? `stop ${a.component} on ${a.target} gracefully` : `stop ${a.target} gracefully`;
    case 'recover': return `recover ${a.target}`;
    case 'kill': return `kill ${a.component} on ${a.target}`;
    case 'restart': return `restart ${a.component} on ${a.target}`;
    case 'partition': return `partition ${a.target} from all others`;
    case 'cut': return `cut link ${a.from} ${a.both ? '<->' : '->'} ${a.to}`;
    case 'heal': return `heal link ${a.from} ${a.both ? '<->' : '->'} ${a.to}`;
    case 'heal-node': return `heal all links of ${a.target}`;
    case 'heal-all': return 'heal all partitions';
    case 'set-topology': return `switch to ${a.topology} etcd`;
    case 'add-master': return 'add a master';
    case 'remove-master': return `remove ${a.target ?? 'the last master'}`;
    case 'add-etcd': return 'add an etcd member';
    case 'remove-etcd': return `remove etcd member ${a.target ?? '(last)'}`;
    case 'set-lb-algorithm': return `LB algorithm ${a.algorithm}`;
    case 'set-lb-check': return `LB health check ${a.check}`;
    case 'set-rps': return `request rate ${a.rps}/s`;
    case 'set-pre-vote': return `etcd PreVote ${a.enabled ? 'on' : 'off'}`;
    case 'delete-pod': return `delete pod ${a.pod ?? '(first running)'}`;
    case 'pause': return 'pause';
    case 'resume': return 'resume';
    case 'toggle-pause': return 'pause/resume';
    case 'step': return `step ${a.ticks ?? 1} tick(s)`;
    case 'speed': return `speed ×${a.speed}`;
    case 'rewind': return `rewind ${(a.ms ?? 1000) / 1000}s`;
    case 'forward': return `forward ${(a.ms ?? 1000) / 1000}s`;
    case 'fork': return 'fork from here';
  }
}
